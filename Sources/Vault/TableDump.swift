// Generic, schema-driven reading of the vault's data tables for backups: columns come from
// PRAGMA table_info, so columns other capabilities add later are carried without code changes.
// Every `*_sealed` column is opened with RowIdentity(table, primary key as text, column name).
import Foundation
import GRDB
import WalletCore
import WalletCrypto

/// One SQLite value, as stored; a backup carries rows as arrays of these.
public enum SQLValue: Sendable, Equatable {
    /// SQL NULL.
    case null
    /// A 64-bit integer.
    case integer(Int64)
    /// A double.
    case real(Double)
    /// UTF-8 text.
    case text(String)
    /// Bytes (and, in a backup, the opened plaintext of a sealed column).
    case blob([UInt8])

    init(_ value: DatabaseValue) {
        switch value.storage {
        case .null: self = .null
        case .int64(let v): self = .integer(v)
        case .double(let v): self = .real(v)
        case .string(let v): self = .text(v)
        case .blob(let v): self = .blob(Array(v))
        }
    }

    var databaseValue: DatabaseValue {
        switch self {
        case .null: return .null
        case .integer(let v): return v.databaseValue
        case .real(let v): return v.databaseValue
        case .text(let v): return v.databaseValue
        case .blob(let v): return Data(v).databaseValue
        }
    }

    /// The text a RowIdentity uses for a primary key value.
    public var keyText: String? {
        switch self {
        case .integer(let v): return String(v)
        case .text(let v): return v
        default: return nil
        }
    }
}

/// A data table as backups see it.
public struct DumpTable: Sendable, Equatable, Codable {
    /// The table name.
    public var name: String
    /// Column names in table order.
    public var columns: [String]
    /// The single-column primary key, when the table has one.
    public var primaryKey: String?
    /// Columns whose values are sealed (`*_sealed`); a backup holds them opened.
    public var sealedColumns: [String]

    /// Describes a table.
    public init(name: String, columns: [String], primaryKey: String?, sealedColumns: [String]) {
        self.name = name
        self.columns = columns
        self.primaryKey = primaryKey
        self.sealedColumns = sealedColumns
    }

    static func isSealed(_ column: String) -> Bool { column.hasSuffix("_sealed") }
}

extension Vault {
    /// Tables that belong to the vault itself, never to a backup.
    /// `scan_alerts` only remembers which alert ids this vault's scans printed (for `history ack`).
    static let internalTables: Set<String> = ["meta", "key_slots", "grdb_migrations", "scan_alerts"]

    static func describeTables(_ db: Database) throws -> [DumpTable] {
        let names = try String.fetchAll(
            db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        var tables: [DumpTable] = []
        var references: [String: Set<String>] = [:]
        for name in names where !internalTables.contains(name) {
            let info = try Row.fetchAll(db, sql: "PRAGMA table_info(\(name.quotedDatabaseIdentifier))")
            let columns: [String] = info.map { $0["name"] }
            let keyColumns = info.filter { ($0["pk"] as Int) > 0 }.map { $0["name"] as String }
            tables.append(
                DumpTable(
                    name: name, columns: columns, primaryKey: keyColumns.count == 1 ? keyColumns[0] : nil,
                    sealedColumns: columns.filter(DumpTable.isSealed)))
            let foreign = try Row.fetchAll(db, sql: "PRAGMA foreign_key_list(\(name.quotedDatabaseIdentifier))")
            references[name] = Set(foreign.map { $0["table"] as String }).subtracting([name])
        }
        // Referenced tables first, so rows restore in an order foreign keys accept.
        var ordered: [DumpTable] = []
        var placed: Set<String> = []
        var remaining = tables
        while !remaining.isEmpty {
            let ready = remaining.filter { (references[$0.name] ?? []).isSubset(of: placed.union(internalTables)) }
            let next = ready.isEmpty ? remaining : ready
            ordered += next
            placed.formUnion(next.map(\.name))
            remaining.removeAll { placed.contains($0.name) }
        }
        return ordered
    }

    /// The data tables in restore order; device identities only when asked for.
    package func dataTables(includeIdentities: Bool) throws -> [DumpTable] {
        try read { db in try Self.describeTables(db) }
            .filter { includeIdentities || $0.name != Self.deviceTable }
    }

    /// True when any data table other than device identities holds a row.
    package func holdsData() throws -> Bool {
        try read { db in
            for table in try Self.describeTables(db) where table.name != Self.deviceTable {
                if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \(table.name.quotedDatabaseIdentifier))")
                    == true
                {
                    return true
                }
            }
            return false
        }
    }

    /// Reads one consistent snapshot: `begin` gets the tables and their row counts, then `row` gets
    /// every row with sealed columns opened (as `.blob` of the plaintext).
    package func dump(
        includeIdentities: Bool, key: VaultKey,
        begin: ([DumpTable], [String: Int]) throws -> Void,
        row: (DumpTable, [SQLValue]) throws -> Void
    ) throws {
        try read { db in
            let tables = try Self.describeTables(db).filter { includeIdentities || $0.name != Self.deviceTable }
            var counts: [String: Int] = [:]
            for table in tables {
                counts[table.name] =
                    try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table.name.quotedDatabaseIdentifier)") ?? 0
            }
            try begin(tables, counts)
            for table in tables {
                let sealedIndexes = table.columns.indices.filter { DumpTable.isSealed(table.columns[$0]) }
                let keyIndex = table.primaryKey.flatMap { table.columns.firstIndex(of: $0) }
                if !sealedIndexes.isEmpty && keyIndex == nil {
                    throw VaultError.sealedColumnsWithoutKey(table: table.name)
                }
                let columnList = table.columns.map(\.quotedDatabaseIdentifier).joined(separator: ", ")
                let order = table.primaryKey.map { " ORDER BY \($0.quotedDatabaseIdentifier)" } ?? " ORDER BY rowid"
                let cursor = try Row.fetchCursor(
                    db, sql: "SELECT \(columnList) FROM \(table.name.quotedDatabaseIdentifier)\(order)")
                while let fetched = try cursor.next() {
                    var values = (0..<table.columns.count).map { SQLValue(fetched[$0] as DatabaseValue) }
                    for index in sealedIndexes {
                        guard case .blob(let sealed) = values[index], let keyIndex,
                            let rowID = values[keyIndex].keyText
                        else { continue }
                        let plain = try openSealed(
                            sealed, key: key,
                            row: RowIdentity(table: table.name, rowID: rowID, field: table.columns[index]))
                        values[index] = .blob(plain.copyBytes())
                    }
                    try row(table, values)
                    // The opened plaintext lives only for the callback: wipe it before the next row.
                    for index in sealedIndexes {
                        guard case .blob(var plain) = values[index] else { continue }
                        values[index] = .null
                        Memory.zero(&plain)
                    }
                }
            }
        }
    }
}
