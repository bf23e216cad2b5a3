// Streams a vault snapshot into an age file as backup records (the format is in BackupFormat.swift).
import AgeFormat
import Foundation
import Vault
import WalletCore
import WalletCrypto

enum BackupWriter {
    /// Writes every data table (device identities only with `includeIdentities`) through `age`, then
    /// finishes it. Returns what was written; the caller commits the output file.
    static func write(
        vault: Vault, key: VaultKey, to age: AgeWriter, includeIdentities: Bool, generator: String,
        progress: ProgressHandler? = nil
    ) throws -> BackupSummary {
        let digest = StreamingDigest(.sha256)
        var header: HeaderRecord?
        var records = 0
        var total: Int64 = 0
        var line: [UInt8] = []
        line.reserveCapacity(4096)
        // The records' CodingKeys are already snake_case, so the shared configuration leaves them as they are.
        let encoder = JSONOutput.encoder()

        func emit(_ bytes: [UInt8]) throws {
            digest.update(bytes)
            try age.write(bytes)
        }

        let schemaVersion = try vault.status().schemaVersion
        try vault.dump(
            includeIdentities: includeIdentities, key: key,
            begin: { tables, counts in
                let record = HeaderRecord(
                    format: BackupFormat.name, version: BackupFormat.version, createdAt: ISO8601.string(Date()),
                    generator: generator, sourceVaultId: vault.vaultID, schemaVersion: schemaVersion,
                    includesIdentities: includeIdentities, tables: tables.map(TableRecord.init), counts: counts)
                header = record
                total = Int64(counts.values.reduce(0, +))
                try emit(Array(try encoder.encode(record)) + [0x0a])
            },
            row: { table, values in
                line.removeAll(keepingCapacity: true)
                line += Array("{\"table\":".utf8)
                JSONLineWriter.appendQuoted(table.name, to: &line)
                line += Array(",\"type\":\"row\",\"values\":{".utf8)
                for (index, column) in table.columns.enumerated() {
                    if index > 0 { line.append(0x2c) }
                    JSONLineWriter.appendQuoted(column, to: &line)
                    line.append(0x3a)
                    encode(values[index], sealed: table.sealedColumns.contains(column), into: &line)
                }
                line += Array("}}\n".utf8)
                try emit(line)
                Memory.zero(&line)
                records += 1
                if records % 1000 == 0 { progress?(ProgressUpdate(done: Int64(records), total: total, unit: "rows")) }
            })
        guard let header else { throw BackupError.nothingToWrite }
        let sha = digest.finalize().map { String($0, radix: 16).leftPadded2() }.joined()
        let trailer = TrailerRecord(counts: header.counts, records: records, recordsSha256: sha)
        try age.write(Array(try encoder.encode(trailer)) + [0x0a])
        try age.finish()
        progress?(ProgressUpdate(done: Int64(records), total: total, unit: "rows"))
        return BackupSummary(
            formatVersion: header.version, createdAt: header.createdAt, generator: generator,
            sourceVaultId: header.sourceVaultId, schemaVersion: header.schemaVersion,
            includesIdentities: includeIdentities, counts: header.counts, records: records, recordsSha256: sha)
    }

    static func encode(_ value: SQLValue, sealed: Bool, into out: inout [UInt8]) {
        switch value {
        case .null:
            out += Array("null".utf8)
        case .integer(let number):
            out += Array(String(number).utf8)
        case .text(let text):
            JSONLineWriter.appendQuoted(text, to: &out)
        case .real(let number):
            out += Array("{\"real\":".utf8)
            JSONLineWriter.appendQuoted(String(number), to: &out)
            out.append(0x7d)
        case .blob(let bytes) where sealed:
            out += Array("{\"secret_base64\":\"".utf8)
            // Base64 needs no JSON escaping: encoded straight into bytes that are wiped, not a String.
            var encoded = bytes.withUnsafeBytes { Base64.encodeBytes($0, variant: .padded) }
            out += encoded
            Memory.zero(&encoded)
            out.append(0x22)
            if let text = String(validating: bytes, as: UTF8.self),
                !text.unicodeScalars.contains(where: { $0.value < 0x20 })
            {
                out += Array(",\"secret_text\":".utf8)
                JSONLineWriter.appendQuoted(text, to: &out)
            } else {
                out += Array(",\"secret_base32\":".utf8)
                JSONLineWriter.appendQuoted(Base32.encode(bytes), to: &out)
            }
            out.append(0x7d)
        case .blob(let bytes):
            out += Array("{\"base64\":".utf8)
            JSONLineWriter.appendQuoted(Base64.encode(bytes, variant: .padded), to: &out)
            out.append(0x7d)
        }
    }
}

extension String {
    func leftPadded2() -> String { count >= 2 ? self : "0" + self }
}
