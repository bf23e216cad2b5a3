// Reads and validates backup records from a decrypted age payload: header first, rows that match the
// header's tables, and a trailer whose counts and SHA-256 match. Any deviation rejects the backup.
import AgeFormat
import Foundation
import Vault
import WalletCore
import WalletCrypto

enum BackupReader {
    /// Reads everything from `payload`. `begin` sees the tables before any row; `row` gets each row with
    /// sealed columns as plaintext `.blob`s. Throws unless the trailer verifies.
    static func read(
        _ payload: ByteSource, begin: ([DumpTable]) throws -> Void, row: (DumpTable, [SQLValue]) throws -> Void,
        progress: ProgressHandler? = nil
    ) throws -> BackupSummary {
        let input = BufferedInput(payload, capacity: 1 << 20)
        let decoder = JSONDecoder()
        let digest = StreamingDigest(.sha256)

        func nextLine() throws -> [UInt8]? {
            do {
                guard let (line, terminated) = try input.readLine(maxLength: BackupFormat.maxLineLength) else {
                    return nil
                }
                guard terminated else { throw BackupFormat.invalid(.unterminatedLastRecord) }
                return line
            } catch is BufferedInput.LineError {
                throw BackupFormat.invalid(.recordTooLong)
            }
        }

        guard let first = try nextLine() else { throw BackupFormat.invalid(.empty) }
        let header: HeaderRecord
        do {
            header = try decoder.decode(HeaderRecord.self, from: Data(first))
        } catch {
            throw BackupFormat.invalid(.noHeader)
        }
        guard header.type == "header", header.format == BackupFormat.name else {
            throw BackupFormat.invalid(.notABackup)
        }
        guard header.version == BackupFormat.version else {
            throw BackupError.unsupportedVersion(found: header.version, supported: BackupFormat.version)
        }
        digest.update(first + [0x0a])
        var tables: [String: DumpTable] = [:]
        for record in header.tables {
            let table = record.dumpTable
            guard tables[table.name] == nil, Set(table.columns).count == table.columns.count,
                table.sealedColumns == table.columns.filter({ $0.hasSuffix("_sealed") })
            else {
                throw BackupFormat.invalid(.malformedTableList)
            }
            tables[table.name] = table
        }
        // Counts come from the file: a negative one or 2^63-1 (which overflowed the total) is refused
        // before anything is summed or reserved.
        guard header.counts.values.allSatisfy({ $0 >= 0 && $0 <= BackupFormat.maxRowsPerTable }),
            header.counts.count <= tables.count + 16
        else {
            throw BackupFormat.invalid(.countMismatch)
        }
        try begin(header.tables.map(\.dumpTable))
        let total = header.counts.values.reduce(Int64(0)) { $0 + Int64($1) }
        var counts: [String: Int] = [:]
        var records = 0
        while true {
            guard var line = try nextLine() else {
                throw BackupFormat.invalid(.missingTrailer)
            }
            defer { Memory.zero(&line) }
            guard let object = RecordParser.parse(line), case .string(let type)? = object["type"] else {
                throw BackupFormat.invalid(.recordNotJSON(record: records + 2))
            }
            if type == "trailer" {
                let trailer: TrailerRecord
                do {
                    trailer = try decoder.decode(TrailerRecord.self, from: Data(line))
                } catch {
                    throw BackupFormat.invalid(.malformedTrailer)
                }
                let sha = digest.finalize().map { String($0, radix: 16).leftPadded2() }.joined()
                guard trailer.recordsSha256 == sha else {
                    throw BackupFormat.invalid(.digestMismatch)
                }
                let nonZero = counts.filter { $0.value > 0 }
                guard trailer.records == records, trailer.counts == header.counts,
                    header.counts.filter({ $0.value > 0 }) == nonZero
                else {
                    throw BackupFormat.invalid(.countMismatch)
                }
                guard try nextLine() == nil else {
                    throw BackupFormat.invalid(.dataAfterTrailer)
                }
                progress?(ProgressUpdate(done: Int64(records), total: total, unit: "rows"))
                return BackupSummary(
                    formatVersion: header.version, createdAt: header.createdAt, generator: header.generator,
                    sourceVaultId: header.sourceVaultId, schemaVersion: header.schemaVersion,
                    includesIdentities: header.includesIdentities, counts: header.counts, records: records,
                    recordsSha256: sha)
            }
            guard type == "row", object.count == 3, case .string(let name)? = object["table"],
                let table = tables[name], case .object(let values)? = object["values"],
                values.count == table.columns.count
            else {
                throw BackupFormat.invalid(.notARowOfListedTable(record: records + 2))
            }
            var parsed: [SQLValue] = []
            parsed.reserveCapacity(table.columns.count)
            for column in table.columns {
                guard let wire = values[column], let value = decode(wire, sealed: table.sealedColumns.contains(column))
                else {
                    throw BackupFormat.invalid(.badValue(record: records + 2, table: name, column: column))
                }
                parsed.append(value)
            }
            if let column = RowLimits.violation(table: name, columns: table.columns, values: parsed) {
                throw BackupFormat.invalid(.badValue(record: records + 2, table: name, column: column))
            }
            digest.update(line + [0x0a])
            try row(table, parsed)
            records += 1
            counts[name, default: 0] += 1
            guard counts[name, default: 0] <= header.counts[name, default: 0] else {
                throw BackupFormat.invalid(.tooManyRows(table: name))
            }
            if records % 1000 == 0 { progress?(ProgressUpdate(done: Int64(records), total: total, unit: "rows")) }
        }
    }

    static func decode(_ node: RecordNode, sealed: Bool) -> SQLValue? {
        switch node {
        case .null: return .null
        case .integer(let value): return sealed ? nil : .integer(value)
        case .string(let value): return sealed ? nil : .text(value)
        case .object(let object):
            var strings: [String: String] = [:]
            for (key, item) in object {
                guard case .string(let text) = item else { return nil }
                strings[key] = text
            }
            if sealed {
                let allowed: Set<String> = ["secret_base64", "secret_text", "secret_base32"]
                guard Set(strings.keys).isSubset(of: allowed), let text = strings["secret_base64"],
                    let bytes = Base64.decode(text, variant: .padded)
                else { return nil }
                return .blob(bytes)
            }
            if strings.count == 1, let text = strings["base64"], let bytes = Base64.decode(text, variant: .padded) {
                return .blob(bytes)
            }
            if strings.count == 1, let text = strings["real"], let value = Double(text) { return .real(value) }
            return nil
        }
    }
}
