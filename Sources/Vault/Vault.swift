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
public struct RowIdentity: Sendable, Equatable {
    public var table: String
    public var rowID: String
    public var field: String

    public init(table: String, rowID: String, field: String) {
        self.table = table
        self.rowID = rowID
        self.field = field
    }
}

/// The unlocked master key. It lives in sodium_malloc'd memory and is wiped when released.
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

public final class Vault: @unchecked Sendable {
    public let folder: String
    public let databasePath: String
    public let database: DatabasePool
    public let vaultID: String

    private init(folder: String, database: DatabasePool, vaultID: String) {
        self.folder = folder
        self.databasePath = VaultLocation.databasePath(folder: folder)
        self.database = database
        self.vaultID = vaultID
    }

    public static func exists(at folder: String) -> Bool {
        FileSystem.exists(VaultLocation.databasePath(folder: folder))
    }

    // MARK: Create and open

    /// Builds the whole vault in a temporary file and links it into place, so a crash or a
    /// concurrent `init` never leaves a half-made vault and only one of two racing inits wins.
    public static func create(at folder: String, passphrase: SecureBytes, kdf: KDFParameters = .default) throws
        -> (Vault, VaultKey)
    {
        try kdf.validate()
        guard passphrase.count > 0 else { throw VaultError.emptyPassphrase }
        let finalPath = VaultLocation.databasePath(folder: folder)
        if FileSystem.exists(finalPath) { throw VaultError.alreadyExists(folder) }
        try FileSystem.createPrivateDirectory(folder)
        try FileSystem.checkPrivateDirectory(folder)

        let vaultID = Random.bytes(16).map { String($0, radix: 16).leftPadded(2) }.joined()
        let masterKey = Random.secureBytes(XChaCha20Poly1305.keyLength)
        let slot = try KeySlot.make(vaultID: vaultID, masterKey: masterKey, passphrase: passphrase, kdf: kdf)

        let temporaryPath = "\(folder)/.vault-creating-\(getpid())-\(Random.uniform(UInt32.max)).sqlite"
        let fd = Glibc.open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw FileSystem.error(errno, path: temporaryPath, action: "create") }
        Glibc.close(fd)
        defer {
            unlink(temporaryPath)
            unlink(temporaryPath + "-journal")
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
            try queue.close()
        } catch let error as DatabaseError {
            throw WalletError.internal(
                en: "cannot create the vault: \(error.message ?? "SQLite error")",
                zh: "无法创建保险库：\(error.message ?? "SQLite 错误")")
        }
        let tempFD = Glibc.open(temporaryPath, O_RDONLY | O_CLOEXEC)
        if tempFD >= 0 {
            fsync(tempFD)
            Glibc.close(tempFD)
        }
        if link(temporaryPath, finalPath) != 0 {
            if errno == EEXIST { throw VaultError.alreadyExists(folder) }
            throw FileSystem.error(errno, path: finalPath, action: "create")
        }
        FileSystem.syncDirectory(folder)
        let vault = try open(at: folder)
        return (vault, VaultKey(masterKey: masterKey, vaultID: vaultID, unlockedSlot: slot.wrappedKey))
    }

    /// Opens without a passphrase: enough for status and for plain (unsealed) data such as history.
    public static func open(at folder: String) throws -> Vault {
        let path = VaultLocation.databasePath(folder: folder)
        guard FileSystem.isDirectory(folder), FileSystem.exists(path) else { throw VaultError.notFound(folder) }
        try FileSystem.checkPrivateDirectory(folder)
        if let mode = FileSystem.permissions(path), mode & 0o022 != 0 {
            throw WalletError.integrity(
                en: "\(path) is writable by other users; run chmod 600 on it",
                zh: "\(path) 可被其他用户写入，请执行 chmod 600")
        }
        do {
            let pool = try DatabasePool(path: path, configuration: configuration())
            let version = try pool.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 }
            if version > Schema.currentVersion {
                throw VaultError.newerSchema(found: version, known: Schema.currentVersion)
            }
            let migrator = Schema.migrator()
            if try pool.read({ try migrator.hasBeenSuperseded($0) }) {
                throw VaultError.newerSchema(found: version, known: Schema.currentVersion)
            }
            if version < Schema.currentVersion {
                try migrator.migrate(pool)
            }
            let vaultID = try pool.read { db in
                try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'vault_id'")
            }
            guard let vaultID else { throw VaultError.notAVault(path) }
            return Vault(folder: folder, database: pool, vaultID: vaultID)
        } catch let error as DatabaseError {
            if error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT
                || error.message?.contains("no such table") == true
            {
                throw VaultError.notAVault(path)
            }
            if error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {
                throw WalletError.conflict(
                    en: "the vault is busy in another walletsec process; try again", zh: "保险库正被另一个 walletsec 进程使用，请重试")
            }
            throw WalletError.internal(
                en: "cannot open the vault: \(error.message ?? "SQLite error")",
                zh: "无法打开保险库：\(error.message ?? "SQLite 错误")")
        }
    }

    static func configuration() -> Configuration {
        var config = Configuration()
        config.busyMode = .timeout(15)
        config.foreignKeysEnabled = true
        // GRDB's pool writes open IMMEDIATE transactions, so read-check-write sequences (replay
        // protection, passphrase change) serialise across processes instead of failing late.
        config.label = "walletsec"
        return config
    }

    // MARK: Keys

    public func unlock(passphrase: SecureBytes) throws -> VaultKey {
        let slot = try database.read { db in try KeySlot.load(db) }
        let masterKey = try slot.unwrap(vaultID: vaultID, passphrase: passphrase)
        return VaultKey(masterKey: masterKey, vaultID: vaultID, unlockedSlot: slot.wrappedKey)
    }

    /// Re-wraps the master key under a new passphrase in one transaction; the old passphrase stops
    /// working at commit and no sealed data is touched. A concurrent change wins or loses as a whole.
    public func changePassphrase(key: VaultKey, newPassphrase: SecureBytes, kdf: KDFParameters = .default) throws {
        guard key.vaultID == vaultID else { throw VaultError.wrongPassphrase }
        let slot = try KeySlot.make(vaultID: vaultID, masterKey: key.masterKey, passphrase: newPassphrase, kdf: kdf)
        try database.write { db in
            let current = try KeySlot.load(db)
            guard current.wrappedKey == key.unlockedSlot else {
                throw WalletError.conflict(
                    en: "the passphrase was changed by another process meanwhile; nothing changed",
                    zh: "口令已被另一个进程修改，本次未做任何更改")
            }
            try slot.save(db, now: ISO8601.string(Date()))
        }
    }

    public func kdfParameters() throws -> KDFParameters {
        try database.read { db in try KeySlot.load(db).kdf }
    }

    // MARK: Sealing

    func associatedData(_ row: RowIdentity) -> [UInt8] {
        Array("walletsec/v1|\(vaultID)|\(row.table)|\(row.rowID)|\(row.field)".utf8)
    }

    public func seal(_ plaintext: [UInt8], key: VaultKey, row: RowIdentity) throws -> [UInt8] {
        try XChaCha20Poly1305.seal(plaintext, key: key.masterKey, associatedData: associatedData(row))
    }

    public func openSealed(_ sealed: [UInt8], key: VaultKey, row: RowIdentity) throws -> SecureBytes {
        do {
            return try XChaCha20Poly1305.open(sealed, key: key.masterKey, associatedData: associatedData(row))
        } catch {
            throw VaultError.sealedValueRejected(row.table)
        }
    }

    // MARK: Metadata and settings

    public func meta(_ key: String) throws -> String? {
        try database.read { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key])
        }
    }

    public func setMeta(_ key: String, _ value: String) throws {
        try database.write { db in
            try db.execute(
                sql:
                    "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                arguments: [key, value])
        }
    }

    public func recordBackup(at date: Date) throws {
        try setMeta("last_backup_at", ISO8601.string(date))
    }

    public func settings() throws -> [String: String] {
        try database.read { db in
            var result: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT key, value FROM settings") {
                result[row["key"]] = row["value"]
            }
            return result
        }
    }

    public func setSetting(_ key: String, _ value: String?) throws {
        try database.write { db in
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

    public func status() throws -> VaultStatus {
        try database.read { db in
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

public struct VaultStatus: Codable, Sendable, Equatable {
    public struct KDF: Codable, Sendable, Equatable {
        public var algorithm: String
        public var opsLimit: UInt64
        public var memLimitBytes: UInt64
    }

    public var path: String
    public var schemaVersion: Int
    public var kdf: KDF
    public var counts: [String: Int]
    public var createdAt: String?
    public var lastBackupAt: String?
}
