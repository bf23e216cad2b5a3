// Restores build the complete new database aside (a temp file in the vault folder) and only then
// install it: by rename for a fresh or replacing restore, or by one transaction for a merge.
//
// The live vault is SQLite in WAL mode. Renaming a new file over vault.sqlite while a -wal file exists
// would let SQLite replay the old database's frames onto the new file, so the swap first takes an
// exclusive lock on the old database, converts it to rollback-journal mode (which checkpoints and
// deletes -wal and -shm), keeps the old inode as the dated copy with link(2), and renames the fsynced
// new file into place while still holding the lock.
import Foundation
import GRDB
import WalletCore
import WalletCrypto

#if canImport(Glibc)
    import Glibc
#endif

/// What a merging restore did, per table (`walletsec restore --merge --json` prints it).
public struct MergeReport: Sendable, Equatable, Codable {
    /// A backup row left alone because the vault holds a different row under the same key.
    public struct Conflict: Sendable, Equatable, Codable {
        /// The table.
        public var table: String
        /// The row's primary key, as text (`?` when the table has none).
        public var key: String
    }

    /// Rows added, per table.
    public var added: [String: Int] = [:]
    /// Rows already present with the same content, per table.
    public var unchanged: [String: Int] = [:]
    /// Rows not added because they conflict.
    public var conflicts: [Conflict] = []

    /// An empty report.
    public init() {}
}

/// A restore being built aside: used by the Backup library, which streams a backup into it.
package final class StagedRestore {
    /// The vault being restored into.
    package let vault: Vault
    /// The staging database file.
    package let path: String
    let key: VaultKey
    private var queue: DatabaseQueue?
    private var targetTables: [String: DumpTable] = [:]
    private var insertSQL: [String: String] = [:]
    private var keepExisting: Set<String> = []
    private var finished = false

    /// Creates the staging database: the vault's schema, meta and key slot; for a fresh or replacing
    /// restore also the vault's own device identities, which a restore never removes.
    package init(vault: Vault, key: VaultKey, keepDeviceIdentities: Bool) throws {
        self.vault = vault
        self.key = key
        Self.removeStaleStagingFiles(folder: vault.folder)
        path = "\(vault.folder)/.restore-\(getpid())-\(Random.uniform(UInt32.max)).sqlite"
        let fd = Glibc.open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw FileSystem.error(errno, path: path, action: "create") }
        Glibc.close(fd)
        do {
            var config = Vault.configuration()
            config.foreignKeysEnabled = false
            // One transaction spans all the inserts (fast, and all-or-nothing for the staging file).
            config.allowsUnsafeTransactions = true
            let queue = try DatabaseQueue(path: path, configuration: config)
            self.queue = queue
            // The staging schema is the live vault's, statement for statement (columns added by any
            // migration included), and so is its migration record.
            let live = try vault.read { db in
                (
                    try Row.fetchAll(db, sql: "SELECT * FROM meta"),
                    try Row.fetchAll(db, sql: "SELECT * FROM key_slots"),
                    keepDeviceIdentities ? try Row.fetchAll(db, sql: "SELECT * FROM device_identities") : [],
                    try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0,
                    try String.fetchAll(
                        db,
                        sql: """
                            SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'
                            ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 ELSE 2 END, rowid
                            """),
                    try Row.fetchAll(db, sql: "SELECT * FROM grdb_migrations")
                )
            }
            guard live.3 == Schema.currentVersion else {
                throw VaultError.schemaMismatch(found: live.3, expected: Schema.currentVersion)
            }
            try queue.writeWithoutTransaction { db in
                try db.beginTransaction()
                for statement in live.4 { try db.execute(sql: statement) }
                try db.execute(sql: "PRAGMA user_version = \(live.3)")
                for (table, rows) in [
                    ("meta", live.0), ("key_slots", live.1), ("device_identities", live.2), ("grdb_migrations", live.5),
                ] {
                    for row in rows { try Self.insertRaw(db, table: table, row: row) }
                }
                for table in try Vault.describeTables(db) { targetTables[table.name] = table }
            }
            if keepDeviceIdentities { keepExisting.insert(Vault.deviceTable) }
        } catch {
            discard()
            throw Self.wrap(error)
        }
    }

    deinit { discard() }

    /// Staging files of restores that were killed (their process is gone) are only clutter: remove them.
    static func removeStaleStagingFiles(folder: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasPrefix(".restore-") {
            let parts = name.split(separator: "-")
            guard parts.count >= 3, let pid = Int32(parts[1]), pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { unlink("\(folder)/\(name)") }
        }
    }

    static func wrap(_ error: Error) -> Error {
        guard let error = error as? DatabaseError else { return error }
        return VaultError.storage(.restore, detail: error.message)
    }

    static func insertRaw(_ db: Database, table: String, row: Row) throws {
        let columns = Array(row.columnNames)
        let sql =
            "INSERT INTO \(table.quotedDatabaseIdentifier) (\(columns.map(\.quotedDatabaseIdentifier).joined(separator: ", "))) VALUES (\(Array(repeating: "?", count: columns.count).joined(separator: ", ")))"
        try db.execute(sql: sql, arguments: StatementArguments(row.databaseValues))
    }

    /// Checks a backup's table against this vault's schema: unknown tables or columns are refused
    /// (a newer walletsec wrote the backup); columns the backup lacks take their defaults.
    package func accept(_ table: DumpTable) throws {
        guard let target = targetTables[table.name] else {
            throw VaultError.unknownTable(name: table.name)
        }
        let unknown = table.columns.filter { !target.columns.contains($0) }
        guard unknown.isEmpty, Set(table.columns).count == table.columns.count else {
            throw VaultError.unknownColumns(table: table.name, columns: unknown)
        }
        if !table.sealedColumns.isEmpty, let keyColumn = target.primaryKey, !table.columns.contains(keyColumn) {
            throw VaultError.missingPrimaryKey(table: table.name)
        }
        let verb = keepExisting.contains(table.name) ? "INSERT OR IGNORE" : "INSERT"
        insertSQL[table.name] =
            "\(verb) INTO \(table.name.quotedDatabaseIdentifier) (\(table.columns.map(\.quotedDatabaseIdentifier).joined(separator: ", "))) VALUES (\(Array(repeating: "?", count: table.columns.count).joined(separator: ", ")))"
    }

    /// Inserts one row; sealed columns hold plaintext (`.blob`) and are sealed under this vault's key.
    package func insert(_ table: DumpTable, values: [SQLValue]) throws {
        guard let sql = insertSQL[table.name], let queue, let target = targetTables[table.name] else {
            throw VaultError.tableNotPrepared(table: table.name)
        }
        var stored = values
        for (index, column) in table.columns.enumerated() where DumpTable.isSealed(column) {
            guard case .blob(let plain) = values[index] else { continue }
            guard let keyColumn = target.primaryKey, let keyIndex = table.columns.firstIndex(of: keyColumn),
                let rowID = values[keyIndex].keyText
            else {
                throw VaultError.missingPrimaryKey(table: table.name)
            }
            stored[index] = .blob(
                try vault.seal(plain, key: key, row: RowIdentity(table: table.name, rowID: rowID, field: column)))
        }
        do {
            try queue.inDatabase { db in
                try db.cachedStatement(sql: sql).execute(arguments: StatementArguments(stored.map(\.databaseValue)))
            }
        } catch let error as DatabaseError {
            throw VaultError.rowsDoNotFit(table: table.name, detail: error.message)
        }
    }

    /// Commits, checks foreign keys, closes and fsyncs the staging file.
    package func finish() throws {
        guard let queue else { return }
        do {
            try queue.writeWithoutTransaction { db in
                try db.execute(
                    sql:
                        "INSERT INTO meta (key, value) VALUES ('restored_at', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    arguments: [ISO8601.string(Date())])
                try db.commit()
                if try Row.fetchOne(db, sql: "PRAGMA foreign_key_check") != nil {
                    throw VaultError.danglingReferences
                }
            }
            try Vault.makeWAL(queue)
            try queue.close()
        } catch {
            throw Self.wrap(error)
        }
        self.queue = nil
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0, fsync(fd) == 0 else {
            if fd >= 0 { Glibc.close(fd) }
            throw FileSystem.error(errno, path: path, action: "sync")
        }
        Glibc.close(fd)
        finished = true
    }

    /// Removes the staging file (safe to call more than once).
    package func discard() {
        if let queue { try? queue.close() }
        queue = nil
        Vault.removeDatabaseFiles(at: path)
    }

    // MARK: Install by rename

    /// Swaps the staged database in for vault.sqlite. With `keepCopyAt`, the old database stays there.
    /// The `vault` object is closed; use the returned one.
    package func installReplacing(keepCopyAt copyPath: String?) throws -> Vault {
        precondition(finished, "finish() before installing")
        let livePath = vault.databasePath
        if let copyPath, FileSystem.exists(copyPath) {
            throw VaultError.copyExists(path: copyPath)
        }
        vault.close()
        var config = Configuration()
        config.busyMode = .timeout(TimeInterval(busyTimeoutSeconds))
        config.prepareDatabase { db in
            // Held until close: no other process can read or write the old database meanwhile.
            try db.execute(sql: "PRAGMA locking_mode = EXCLUSIVE")
        }
        do {
            let (exclusive, mode) = try retryingWhileBusy {
                let queue = try DatabaseQueue(path: livePath, configuration: config)
                let mode = try queue.writeWithoutTransaction { db in
                    try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE")
                }
                return (queue, mode)
            }
            defer { try? exclusive.close() }
            guard mode == "delete" else {
                throw VaultError.busyNothingChanged
            }
            // Any -wal or -shm left now is stale (the lock proves nobody uses them): remove them so they
            // can never be replayed onto the new file.
            for suffix in Vault.companionSuffixes { unlink(livePath + suffix) }
            if let copyPath, link(livePath, copyPath) != 0 {
                throw FileSystem.error(errno, path: copyPath, action: "create")
            }
            if rename(path, livePath) != 0 {
                let code = errno
                if let copyPath { unlink(copyPath) }
                throw FileSystem.error(code, path: livePath, action: "rename")
            }
            FileSystem.syncDirectory(vault.folder)
        } catch let error as DatabaseError {
            if error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {
                throw VaultError.busyNothingChanged
            }
            throw Self.wrap(error)
        }
        return try Vault.open(at: vault.folder)
    }

    // MARK: Merge

    /// Adds staged rows the vault lacks, in one transaction. A row whose key exists with different
    /// content, or that breaks a uniqueness rule, is a conflict and is left alone.
    package func merge() throws -> MergeReport {
        precondition(finished, "finish() before merging")
        var report = MergeReport()
        let staged = try DatabaseQueue(path: path, configuration: Vault.configuration())
        defer { try? staged.close() }
        do {
            try vault.write { db in
                try staged.read { source in
                    for table in try Vault.describeTables(source) {
                        try mergeTable(table, from: source, into: db, report: &report)
                    }
                }
            }
        } catch let error as DatabaseError {
            throw Self.wrap(error)
        }
        return report
    }

    private func mergeTable(_ table: DumpTable, from source: Database, into db: Database, report: inout MergeReport)
        throws
    {
        let columns = table.columns.map(\.quotedDatabaseIdentifier).joined(separator: ", ")
        let insert =
            "INSERT INTO \(table.name.quotedDatabaseIdentifier) (\(columns)) VALUES (\(Array(repeating: "?", count: table.columns.count).joined(separator: ", ")))"
        let rows = try Row.fetchCursor(source, sql: "SELECT \(columns) FROM \(table.name.quotedDatabaseIdentifier)")
        while let row = try rows.next() {
            let values = (0..<table.columns.count).map { SQLValue(row[$0] as DatabaseValue) }
            var keyText = "?"
            if let keyColumn = table.primaryKey, let keyIndex = table.columns.firstIndex(of: keyColumn) {
                keyText = values[keyIndex].keyText ?? "?"
                if let existing = try Row.fetchOne(
                    db,
                    sql:
                        "SELECT \(columns) FROM \(table.name.quotedDatabaseIdentifier) WHERE \(keyColumn.quotedDatabaseIdentifier) = ?",
                    arguments: [values[keyIndex].databaseValue])
                {
                    let current = (0..<table.columns.count).map { SQLValue(existing[$0] as DatabaseValue) }
                    if try sameContent(table, keyText: keyText, values, current) {
                        report.unchanged[table.name, default: 0] += 1
                    } else {
                        report.conflicts.append(.init(table: table.name, key: keyText))
                    }
                    continue
                }
            }
            do {
                try db.execute(sql: insert, arguments: StatementArguments(values.map(\.databaseValue)))
                report.added[table.name, default: 0] += 1
            } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
                report.conflicts.append(.init(table: table.name, key: keyText))
            }
        }
    }

    private func sameContent(_ table: DumpTable, keyText: String, _ a: [SQLValue], _ b: [SQLValue]) throws -> Bool {
        for (index, column) in table.columns.enumerated() {
            if DumpTable.isSealed(column), case .blob(let x) = a[index], case .blob(let y) = b[index] {
                let row = RowIdentity(table: table.name, rowID: keyText, field: column)
                let left = try vault.openSealed(x, key: key, row: row)
                let right = try vault.openSealed(y, key: key, row: row)
                if !left.isEqual(to: right) { return false }
            } else if a[index] != b[index] {
                return false
            }
        }
        return true
    }
}
