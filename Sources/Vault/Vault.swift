// The vault: one SQLite file (WAL) in a private folder, a key slot, and per-row sealing of secrets.
import Foundation
import GRDB
import WalletCore
import WalletCrypto

#if canImport(Glibc)
    import Glibc
#endif

/// Where a sealed value belongs. It becomes the associated data, so a sealed value copied to another
/// row, field, table or vault no longer opens.
///
/// ```swift
/// let row = RowIdentity(table: "notes", rowID: id, field: "body_sealed")
/// ```
public struct RowIdentity: Sendable, Equatable {
    /// The table the value is stored in.
    public var table: String
    /// The row's primary key, as text.
    public var rowID: String
    /// The column holding the sealed value.
    public var field: String

    /// Names the place a sealed value is stored.
    public init(table: String, rowID: String, field: String) {
        self.table = table
        self.rowID = rowID
        self.field = field
    }
}

/// The unlocked master key of one vault. Its bytes live in sodium_malloc'd, locked memory that is
/// wiped when the last reference goes; there is no way to read them out. Get one from
/// ``Vault/create(at:passphrase:kdf:)`` or ``Vault/unlock(passphrase:)`` and pass it back to the
/// vault's methods; it only works with the vault that made it.
public final class VaultKey: @unchecked Sendable {
    let masterKey: SecureBytes
    let vaultID: String
    /// The wrapped key this passphrase opened: a passphrase change must replace exactly that slot,
    /// so of two racing changes made with the same old passphrase only one can win.
    let unlockedSlot: [UInt8]

    init(masterKey: SecureBytes, vaultID: String, unlockedSlot: [UInt8]) {
        self.masterKey = masterKey
        self.vaultID = vaultID
        self.unlockedSlot = unlockedSlot
    }
}

/// A walletsec vault: one SQLite file (WAL mode) in a private folder, whose secrets are sealed per row
/// under a master key that an Argon2id-derived key wraps.
///
/// ```swift
/// let (vault, key) = try Vault.create(at: folder, passphrase: passphrase)
/// let sealed = try vault.seal(Array("secret".utf8), key: key, row: row)
/// // later, in another process:
/// let reopened = try Vault.open(at: folder)
/// let key2 = try reopened.unlock(passphrase: passphrase)
/// let plain = try reopened.openSealed(sealed, key: key2, row: row)
/// print(try reopened.status().counts)
/// ```
///
/// Methods throw ``VaultError``, or `FileError` when the folder itself is the problem.
public final class Vault: @unchecked Sendable {
    /// The vault folder.
    public let folder: String
    /// The SQLite file inside ``folder``.
    public let databasePath: String
    /// A random identifier fixed at creation; sealed values and backups are bound to it.
    public let vaultID: String
    /// A read-only connection for every read until the first write: reading (status, listing, codes,
    /// unlocking with a wrong passphrase) leaves the file byte-for-byte as it was. GRDB's pool would not:
    /// opening one on a checkpointed WAL file commits a throwaway table to create the -wal file.
    private let reader: DatabaseQueue
    /// The writable pool, opened on the first write (or migration) and used for everything after it.
    private var pool: DatabasePool?
    private let poolLock = NSLock()
    /// True when the file could only be opened as immutable (read-only media): writes are refused.
    public let isReadOnlyMedia: Bool

    private init(folder: String, reader: DatabaseQueue, readOnlyMedia: Bool, vaultID: String) {
        self.folder = folder
        self.databasePath = VaultLocation.databasePath(folder: folder)
        self.reader = reader
        self.isReadOnlyMedia = readOnlyMedia
        self.vaultID = vaultID
    }

    /// True when `folder` holds a vault file (it may still fail to open).
    ///
    /// ```swift
    /// if Vault.exists(at: folder) { throw VaultError.alreadyExists(path: folder) }
    /// ```
    public static func exists(at folder: String) -> Bool {
        FileSystem.exists(VaultLocation.databasePath(folder: folder))
    }

    // MARK: Create and open

    /// Creates a vault in `folder` (made private if missing) and returns it with its unlocked key.
    /// The whole vault is built in a temporary file and linked into place, so a crash or a concurrent
    /// `create` never leaves a half-made vault and only one of two racing creates wins.
    ///
    /// ```swift
    /// let (vault, key) = try Vault.create(at: "/home/me/.local/share/walletsec", passphrase: passphrase)
    /// ```
    /// - Throws: ``VaultError/alreadyExists(path:)``, ``VaultError/emptyPassphrase``,
    ///   ``VaultError/kdfOutOfRange``, or `FileError` for the folder.
    public static func create(at folder: String, passphrase: SecureBytes, kdf: KDFParameters = .default) throws
        -> (Vault, VaultKey)
    {
        try kdf.validate()
        guard passphrase.count > 0 else { throw VaultError.emptyPassphrase }
        let finalPath = VaultLocation.databasePath(folder: folder)
        if FileSystem.exists(finalPath) { throw VaultError.alreadyExists(path: folder) }
        try FileSystem.createPrivateDirectory(folder)
        try FileSystem.checkPrivateDirectory(folder)

        let vaultID = randomHex(byteCount: 16)
        let masterKey = Random.secureBytes(XChaCha20Poly1305.keyLength)
        let slot = try KeySlot.make(vaultID: vaultID, masterKey: masterKey, passphrase: passphrase, kdf: kdf)

        let temporaryPath = "\(folder)/.vault-creating-\(getpid())-\(Random.uniform(UInt32.max)).sqlite"
        let fd = Glibc.open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw FileSystem.error(errno, path: temporaryPath, action: "create") }
        Glibc.close(fd)
        defer {
            removeDatabaseFiles(at: temporaryPath)
        }
        do {
            let queue = try DatabaseQueue(path: temporaryPath, configuration: configuration())
            try Schema.migrator().migrate(queue)
            let now = ISO8601.string(Date())
            try queue.write { db in
                try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('vault_id', ?)", arguments: [vaultID])
                try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('created_at', ?)", arguments: [now])
                try slot.save(db, now: now)
            }
            try makeWAL(queue)
            try queue.close()
        } catch let error as DatabaseError {
            throw VaultError.storage(.create, detail: error.message)
        }
        let tempFD = Glibc.open(temporaryPath, O_RDONLY | O_CLOEXEC)
        if tempFD >= 0 {
            fsync(tempFD)
            Glibc.close(tempFD)
        }
        if link(temporaryPath, finalPath) != 0 {
            if errno == EEXIST { throw VaultError.alreadyExists(path: folder) }
            throw FileSystem.error(errno, path: finalPath, action: "create")
        }
        FileSystem.syncDirectory(folder)
        let vault = try open(at: folder)
        return (vault, VaultKey(masterKey: masterKey, vaultID: vaultID, unlockedSlot: slot.wrappedKey))
    }

    /// Opens the vault in `folder` without a passphrase: enough for ``status()`` and for plain
    /// (unsealed) data. An older schema is migrated forward; a newer one is refused untouched.
    ///
    /// ```swift
    /// let vault = try Vault.open(at: folder)
    /// let key = try vault.unlock(passphrase: passphrase)
    /// ```
    /// - Throws: ``VaultError/notFound(path:)``, ``VaultError/foreignFile(path:)``,
    ///   ``VaultError/unsafePermissions(path:)``, ``VaultError/newerSchema(found:supported:)``,
    ///   ``VaultError/busy``, ``VaultError/needsRecoveryOnReadOnlyMedia(path:)``, or `FileError` when
    ///   the folder is not private.
    public static func open(at folder: String) throws -> Vault {
        let path = VaultLocation.databasePath(folder: folder)
        guard FileSystem.isDirectory(folder), FileSystem.exists(path) else { throw VaultError.notFound(path: folder) }
        try FileSystem.checkPrivateDirectory(folder)
        if let mode = FileSystem.permissions(path), mode & 0o022 != 0 {
            throw VaultError.unsafePermissions(path: path)
        }
        do {
            let (reader, readOnlyMedia) = try openReader(path: path)
            let version = try reader.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 }
            if version > Schema.currentVersion {
                throw VaultError.newerSchema(found: version, supported: Schema.currentVersion)
            }
            let migrator = Schema.migrator()
            if try reader.read({ try migrator.hasBeenSuperseded($0) }) {
                throw VaultError.newerSchema(found: version, supported: Schema.currentVersion)
            }
            let vaultID = try reader.read { db in
                try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'vault_id'")
            }
            guard let vaultID else { throw VaultError.foreignFile(path: path) }
            let vault = Vault(folder: folder, reader: reader, readOnlyMedia: readOnlyMedia, vaultID: vaultID)
            if version < Schema.currentVersion {
                // An older schema is the one case where opening writes: the tables must match the code.
                try migrator.migrate(try vault.writablePool())
            }
            return vault
        } catch let error as DatabaseError {
            throw classify(error, path: path)
        }
    }

    /// A read-only connection to `path`; on read-only media, where SQLite cannot create the WAL index
    /// (-shm) beside the file, the file is opened as immutable instead (nothing can change it there).
    private static func openReader(path: String) throws -> (DatabaseQueue, readOnlyMedia: Bool) {
        var config = configuration()
        config.readonly = true
        do {
            return (try openAndRead(path, config), false)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_READONLY {
            // A hot journal (a writer killed mid-transaction in rollback-journal mode: a replacing
            // restore's journal-mode switch, or the first open after one) or a WAL needing recovery.
            // A read-only connection may not repair either, so every command would fail from then on.
            // SQLite's crash recovery, which any read-write open performs, puts back the last committed
            // state (a read-write connection that reads once); then the file is read as usual. On
            // read-only media nothing can repair it, and reading past the journal would read a
            // half-written file: refused, saying so.
            guard access(FileSystem.directoryName(path), W_OK) == 0 else {
                throw VaultError.needsRecoveryOnReadOnlyMedia(path: FileSystem.directoryName(path))
            }
            try openAndRead(path, configuration()).close()
            return (try openAndRead(path, config), false)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CANTOPEN {
            // Only when the folder cannot be written (read-only media); any other failure is reported.
            guard access(FileSystem.directoryName(path), W_OK) != 0 else { throw error }
            // SQLite cannot open a log without its index there, and an immutable file is read without
            // its log: committed changes still in a non-empty -wal would silently be missing.
            if let size = FileSystem.fileSize(path + "-wal"), size > 0 {
                throw VaultError.needsRecoveryOnReadOnlyMedia(path: FileSystem.directoryName(path))
            }
            let queue = try DatabaseQueue(path: immutableURI(path), configuration: config)
            return (queue, true)
        }
    }

    /// A connection to `path` that has read the file once: opening alone touches nothing, and the first
    /// read is where SQLite reports a file it cannot use, or (read-write) rolls back a hot journal.
    private static func openAndRead(_ path: String, _ config: Configuration) throws -> DatabaseQueue {
        try retryingWhileBusy {
            let queue = try DatabaseQueue(path: path, configuration: config)
            _ = try queue.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") }
            return queue
        }
    }

    /// Puts a file that is about to become the vault (a new one, or a restore's staging file) in WAL
    /// mode, with everything written into the file itself so it can be renamed alone.
    ///
    /// The journal mode is stored in the file. A file left in rollback-journal mode is switched by the
    /// first writer that opens it, and that switch is where concurrent first writers were told "busy"
    /// at once (SQLite will not wait on a lock it could deadlock for) and where a writer killed
    /// mid-switch leaves a hot journal; made here, nobody else has the file open yet.
    static func makeWAL(_ queue: DatabaseQueue) throws {
        try queue.writeWithoutTransaction { db in
            guard try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") == "wal" else {
                throw DatabaseError(message: "could not switch to WAL mode")
            }
            // Every page into the database file, and an empty log: the file is complete on its own.
            let busy = try Int.fetchOne(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            guard busy == 0 else { throw DatabaseError(message: "could not checkpoint the new file") }
        }
    }

    /// The files SQLite keeps beside a database: its rollback journal, its write-ahead log and the log's
    /// index.
    static let companionSuffixes = ["-journal", "-wal", "-shm"]

    /// Removes a database that never became (or is no longer) the vault, with its companion files.
    static func removeDatabaseFiles(at path: String) {
        for suffix in [""] + companionSuffixes { unlink(path + suffix) }
    }

    /// `file:PATH?immutable=1`, percent-encoding what a URI filename would read as syntax.
    static func immutableURI(_ path: String) -> String {
        var encoded = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "%"), UInt8(ascii: "?"), UInt8(ascii: "#"):
                encoded += "%" + String(byte, radix: 16, uppercase: true)
            default:
                encoded += String(UnicodeScalar(byte))
            }
        }
        return "file:\(encoded)?immutable=1"
    }

    private static func classify(_ error: DatabaseError, path: String) -> VaultError {
        if error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT
            || error.message?.contains("no such table") == true
        {
            return VaultError.foreignFile(path: path)
        }
        if error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {
            return VaultError.busy
        }
        return VaultError.storage(.open, detail: error.message)
    }

    /// The writable pool, opened once on first use.
    private func writablePool() throws -> DatabasePool {
        poolLock.lock()
        defer { poolLock.unlock() }
        if let pool { return pool }
        if isReadOnlyMedia { throw VaultError.readOnlyMedia(path: folder) }
        do {
            // The pool's writer sets WAL mode as it opens, which is where a busy answer can bypass
            // the busy timeout.
            let opened = try retryingWhileBusy {
                try DatabasePool(path: databasePath, configuration: Self.configuration())
            }
            pool = opened
            return opened
        } catch let error as DatabaseError {
            throw Self.classify(error, path: databasePath)
        }
    }

    private func currentPool() -> DatabasePool? {
        poolLock.lock()
        defer { poolLock.unlock() }
        return pool
    }

    // MARK: Database access for the libraries above the vault

    /// Runs `body` in a read transaction on the vault's database (for History and the tests).
    /// GRDB's `DatabaseError` passes through unchanged, for the caller to classify.
    package func read<T>(_ body: (Database) throws -> T) throws -> T {
        if let pool = currentPool() { return try pool.read(body) }
        return try reader.read(body)
    }

    /// Runs `body` in one IMMEDIATE write transaction, so read-check-write sequences serialise
    /// across processes. GRDB's `DatabaseError` passes through unchanged.
    package func write<T>(_ body: (Database) throws -> T) throws -> T {
        try writablePool().write(body)
    }

    /// Closes the connection pool; a restore does this before swapping the file.
    func close() {
        try? currentPool()?.close()
        try? reader.close()
    }

    static func configuration() -> Configuration {
        var config = Configuration()
        config.busyMode = .timeout(TimeInterval(busyTimeoutSeconds))
        config.foreignKeysEnabled = true
        // GRDB's pool writes open IMMEDIATE transactions, so read-check-write sequences (replay
        // protection, passphrase change) serialise across processes instead of failing late.
        config.label = "walletsec"
        return config
    }

    // MARK: Keys

    /// Opens the key slot with `passphrase` and returns the master key.
    ///
    /// ```swift
    /// do {
    ///     let key = try vault.unlock(passphrase: passphrase)
    /// } catch VaultError.wrongPassphrase {
    ///     // ask again
    /// }
    /// ```
    /// - Throws: ``VaultError/wrongPassphrase`` or ``VaultError/corruptKeySlot``.
    public func unlock(passphrase: SecureBytes) throws -> VaultKey {
        let slot = try read { db in try KeySlot.load(db) }
        let masterKey = try slot.unwrap(vaultID: vaultID, passphrase: passphrase)
        return VaultKey(masterKey: masterKey, vaultID: vaultID, unlockedSlot: slot.wrappedKey)
    }

    /// Re-wraps the master key under `newPassphrase` in one transaction; the old passphrase stops
    /// working at commit and no sealed data is touched. With `kdf` nil the slot keeps its current
    /// Argon2id cost. Of two concurrent changes made with the same key, one wins and the other throws
    /// ``VaultError/passphraseChangedConcurrently`` having changed nothing.
    ///
    /// ```swift
    /// let key = try vault.unlock(passphrase: old)
    /// try vault.changePassphrase(key: key, newPassphrase: new)
    /// ```
    public func changePassphrase(key: VaultKey, newPassphrase: SecureBytes, kdf: KDFParameters? = nil) throws {
        guard key.vaultID == vaultID else { throw VaultError.wrongPassphrase }
        let parameters = try kdf ?? kdfParameters()
        // Argon2id runs before the write transaction, so the lock is held only for the swap itself;
        // comparing the wrapped key inside it detects any change made meanwhile.
        let slot = try KeySlot.make(
            vaultID: vaultID, masterKey: key.masterKey, passphrase: newPassphrase, kdf: parameters)
        try write { db in
            let current = try KeySlot.load(db)
            guard current.wrappedKey == key.unlockedSlot else { throw VaultError.passphraseChangedConcurrently }
            try slot.save(db, now: ISO8601.string(Date()))
        }
    }

    /// The Argon2id parameters of the passphrase slot (readable without the passphrase).
    public func kdfParameters() throws -> KDFParameters {
        try read { db in try KeySlot.load(db).kdf }
    }

    // MARK: Sealing

    /// Sealing with another vault's key would store values this vault can never open again.
    private func requireOwnKey(_ key: VaultKey) throws {
        guard key.vaultID == vaultID else { throw VaultError.keyOfAnotherVault }
    }

    func associatedData(_ row: RowIdentity) -> [UInt8] {
        Array("walletsec/v1|\(vaultID)|\(row.table)|\(row.rowID)|\(row.field)".utf8)
    }

    /// Seals `plaintext` for storage at `row`: XChaCha20-Poly1305 under the master key, with a fresh
    /// random nonce chosen inside the call and the row (and this vault) as associated data.
    ///
    /// ```swift
    /// let row = RowIdentity(table: "notes", rowID: id, field: "body_sealed")
    /// let sealed = try vault.seal(Array(text.utf8), key: key, row: row)
    /// let plain = try vault.openSealed(sealed, key: key, row: row)
    /// ```
    public func seal(_ plaintext: [UInt8], key: VaultKey, row: RowIdentity) throws -> [UInt8] {
        try requireOwnKey(key)
        return try XChaCha20Poly1305.seal(plaintext, key: key.masterKey, associatedData: associatedData(row))
    }

    /// Seals a secret held in secure memory, without copying it into an ordinary array.
    public func seal(_ plaintext: SecureBytes, key: VaultKey, row: RowIdentity) throws -> [UInt8] {
        try requireOwnKey(key)
        return try XChaCha20Poly1305.seal(plaintext, key: key.masterKey, associatedData: associatedData(row))
    }

    /// Opens a value sealed by ``seal(_:key:row:)-([UInt8],_,_)`` for the same `row`; the plaintext
    /// comes back in secure memory.
    /// - Throws: ``VaultError/sealedValueRejected(table:)`` when the value was altered, or was sealed
    ///   for another row, field, table or vault.
    public func openSealed(_ sealed: [UInt8], key: VaultKey, row: RowIdentity) throws -> SecureBytes {
        try requireOwnKey(key)
        do {
            return try XChaCha20Poly1305.open(sealed, key: key.masterKey, associatedData: associatedData(row))
        } catch {
            throw VaultError.sealedValueRejected(table: row.table)
        }
    }

    // MARK: Metadata and settings

    /// A value of the `meta` table (`created_at`, `last_backup_at`, `restored_at`, …).
    func meta(_ key: String) throws -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key])
        }
    }

    /// Sets a value of the `meta` table.
    func setMeta(_ key: String, _ value: String) throws {
        try write { db in
            try db.execute(
                sql:
                    "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                arguments: [key, value])
        }
    }

    /// Remembers when the last backup was written (shown by ``status()``).
    public func recordBackup(at date: Date) throws {
        try setMeta("last_backup_at", ISO8601.string(date))
    }

    /// All user settings (plain key/value pairs, no secrets).
    public func settings() throws -> [String: String] {
        try read { db in
            var result: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT key, value FROM settings") {
                result[row["key"]] = row["value"]
            }
            return result
        }
    }

    /// Sets a user setting, or removes it when `value` is nil.
    public func setSetting(_ key: String, _ value: String?) throws {
        try write { db in
            if let value {
                try db.execute(
                    sql:
                        "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    arguments: [key, value])
            } else {
                try db.execute(sql: "DELETE FROM settings WHERE key = ?", arguments: [key])
            }
        }
    }

    // MARK: Status

    /// What the vault holds, without the passphrase.
    ///
    /// ```swift
    /// let status = try Vault.open(at: folder).status()
    /// print(status.schemaVersion, status.counts["otp_accounts"] ?? 0)
    /// ```
    public func status() throws -> VaultStatus {
        try read { db in
            let slot = try KeySlot.load(db)
            var counts: [String: Int] = [:]
            for entry in Schema.countedTables {
                counts[entry.field] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(entry.table)") ?? 0
            }
            return VaultStatus(
                path: folder,
                schemaVersion: try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0,
                kdf: .init(
                    algorithm: KDFParameters.algorithmName, opsLimit: slot.kdf.opsLimit,
                    memLimitBytes: slot.kdf.memLimit),
                counts: counts,
                createdAt: try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'created_at'"),
                lastBackupAt: try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'last_backup_at'"))
        }
    }
}

/// A summary of a vault, as `walletsec status --json` prints it (snake_case keys).
public struct VaultStatus: Codable, Sendable, Equatable {
    /// The key slot's key derivation settings.
    public struct KDF: Codable, Sendable, Equatable {
        /// Always `argon2id13`.
        public var algorithm: String
        /// Argon2id passes.
        public var opsLimit: UInt64
        /// Argon2id memory in bytes.
        public var memLimitBytes: UInt64
    }

    /// The vault folder.
    public var path: String
    /// The schema version (number of applied migrations).
    public var schemaVersion: Int
    /// Key derivation settings.
    public var kdf: KDF
    /// Rows per counted table, keyed by the JSON field name (`otp_accounts`, `transactions`, …).
    public var counts: [String: Int]
    /// When the vault was created (ISO 8601, UTC).
    public var createdAt: String?
    /// When the last backup was written, if ever.
    public var lastBackupAt: String?
}
