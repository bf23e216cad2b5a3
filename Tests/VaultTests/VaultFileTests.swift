// Files and folders: permissions, foreign files, schema versions and concurrent access.
import Foundation
import GRDB
import WalletCore
import WalletCrypto
import XCTest

@testable import Vault

final class VaultFileTests: VaultTestCase {
    func testPermissions() throws {
        _ = try makeVault()
        XCTAssertEqual(FileSystem.permissions(folder), 0o700)
        XCTAssertEqual(FileSystem.permissions(VaultLocation.databasePath(folder: folder)), 0o600)
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix(".vault-creating") }, [])
    }

    func testFolderWritableByOthersIsRefused() throws {
        _ = try makeVault()
        chmod(folder, 0o777)
        assertThrows(FileError.unsafePermissions(path: folder, mode: 0o777)) { _ = try Vault.open(at: self.folder) }
        chmod(folder, 0o700)
        let database = VaultLocation.databasePath(folder: folder)
        chmod(database, 0o666)
        assertThrows(VaultError.unsafePermissions(path: database)) { _ = try Vault.open(at: self.folder) }
    }

    func testReadsAndAWrongPassphraseLeaveTheFileUnchanged() throws {
        let (vault, key) = try makeVault()
        try vault.setSetting("theme", "dark")
        _ = key
        vault.close()
        let path = VaultLocation.databasePath(folder: folder)
        let before = try FileSystem.readAll(path)
        do {
            let reopened = try Vault.open(at: folder)
            XCTAssertEqual(try reopened.settings(), ["theme": "dark"])
            _ = try reopened.status()
            assertThrows(VaultError.wrongPassphrase) { _ = try reopened.unlock(passphrase: self.secret("not it 12")) }
            _ = try reopened.unlock(passphrase: secret("first passphrase 1"))
            reopened.close()
        }
        XCTAssertEqual(try FileSystem.readAll(path), before, "opening, reading and unlocking wrote nothing")
        // The first write opens the writable pool, and reads after it see it.
        let writer = try Vault.open(at: folder)
        try writer.setSetting("theme", "light")
        XCTAssertEqual(try writer.settings(), ["theme": "light"])
        XCTAssertFalse(writer.isReadOnlyMedia)
    }

    func testImmutableURIEncodesURISyntax() {
        XCTAssertEqual(Vault.immutableURI("/a b/v?x#y%z.sqlite"), "file:/a b/v%3Fx%23y%25z.sqlite?immutable=1")
    }

    func testMissingVault() {
        assertThrows(VaultError.notFound(path: folder)) { _ = try Vault.open(at: self.folder) }
    }

    func testForeignFileIsNotAVault() throws {
        try FileSystem.createPrivateDirectory(folder)
        try AtomicFile.write(Array(repeating: 0x41, count: 4096), to: folder + "/vault.sqlite", overwrite: false)
        assertThrows(VaultError.foreignFile(path: VaultLocation.databasePath(folder: folder))) {
            _ = try Vault.open(at: self.folder)
        }
    }

    func testNewerSchemaIsRefusedAndNotModified() throws {
        do {
            let (vault, _) = try makeVault()
            try vault.write { db in
                try db.execute(sql: "CREATE TABLE future_feature (x INTEGER)")
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9-future')")
                try db.execute(sql: "PRAGMA user_version = \(Schema.currentVersion + 1)")
            }
        }
        let path = VaultLocation.databasePath(folder: folder)
        let before = try digestOfDatabase(path)
        assertThrows(VaultError.newerSchema(found: Schema.currentVersion + 1, supported: Schema.currentVersion)) {
            _ = try Vault.open(at: self.folder)
        }
        XCTAssertEqual(try digestOfDatabase(path), before)
    }

    func testOlderSchemaIsMigratedForward() throws {
        // A vault with only the first migration, as an older walletsec would have written it.
        try FileSystem.createPrivateDirectory(folder)
        let (vault, _) = try makeVault()
        try vault.write { db in
            try db.execute(sql: "DROP TABLE transactions")
            try db.execute(sql: "DROP TABLE alert_acks")
            try db.execute(sql: "DROP TABLE scan_alerts")
            try db.execute(
                sql:
                    "DELETE FROM grdb_migrations WHERE identifier IN ('v1-history', 'v2-history-profiles', 'v3-scan-alerts', 'v4-history-sub-minor')"
            )
            try db.execute(sql: "PRAGMA user_version = 3")
        }
        let reopened = try Vault.open(at: folder)
        XCTAssertEqual(try reopened.status().schemaVersion, Schema.currentVersion)
        XCTAssertEqual(try reopened.status().counts["transactions"], 0)
    }

    func testConcurrentWritersNeverLoseAnUpdate() throws {
        _ = try makeVault()
        let a = try Vault.open(at: folder)
        let b = try Vault.open(at: folder)
        let iterations = 200
        let failures = ErrorBox()
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            for _ in 0..<iterations {
                do {
                    try Self.incrementCounter(in: index == 0 ? a : b)
                } catch {
                    failures.record(error)
                }
            }
        }
        XCTAssertEqual(failures.all.map { String(describing: $0) }, [])
        XCTAssertEqual(try a.settings()["counter"], String(2 * iterations))
    }

    func testFirstWritersOfARollbackJournalVaultWaitInsteadOfFailing() throws {
        // A vault from an earlier walletsec is in rollback-journal mode until a writer switches it to
        // WAL, and SQLite answers that switch "busy" at once while another connection writes. Writers
        // that each open the vault, write and close, as commands do, must all get through. (Before the
        // retry on open, one round in a few dozen lost a writer.)
        _ = try makeVault()
        let target = folder
        let rounds = 40
        let writers = 3
        let failures = ErrorBox()
        for _ in 0..<rounds {
            try rollbackJournalMode(VaultLocation.databasePath(folder: folder))
            DispatchQueue.concurrentPerform(iterations: writers) { _ in
                do {
                    let vault = try Vault.open(at: target)
                    try Self.incrementCounter(in: vault)
                    vault.close()
                } catch {
                    failures.record(error)
                }
            }
        }
        XCTAssertEqual(failures.all.map { String(describing: $0) }, [])
        XCTAssertEqual(try Vault.open(at: target).settings()["counter"], String(rounds * writers))
    }

    /// Reads the counter and writes it back plus one, in one write transaction.
    private static func incrementCounter(in vault: Vault) throws {
        try vault.write { db in
            let current = try Int.fetchOne(db, sql: "SELECT value FROM settings WHERE key = 'counter'") ?? 0
            try db.execute(
                sql:
                    "INSERT INTO settings (key, value) VALUES ('counter', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                arguments: [String(current + 1)])
        }
    }

    /// Switches the file back to rollback-journal mode, as vaults made by earlier walletsec versions were.
    private func rollbackJournalMode(_ path: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in
            XCTAssertEqual(try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE"), "delete")
        }
        try queue.close()
    }

    func testConcurrentCreateHasExactlyOneWinner() throws {
        let results = ResultBox()
        let target = folder
        let kdf = fastKDF
        DispatchQueue.concurrentPerform(iterations: 4) { index in
            do {
                let passphrase = SecureBytes(Array("racer passphrase \(index)".utf8))
                _ = try Vault.create(at: target, passphrase: passphrase, kdf: kdf)
                results.record(success: true)
            } catch {
                results.record(success: false)
            }
        }
        XCTAssertEqual(results.successes, 1)
        XCTAssertNoThrow(try Vault.open(at: folder))
    }

    /// Logical content (schema, version, every row), read without writing anything.
    private func digestOfDatabase(_ path: String) throws -> [String] {
        var config = Configuration()
        config.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: config)
        return try queue.read { db in
            var lines = ["user_version=\(try Int.fetchOne(db, sql: "PRAGMA user_version") ?? -1)"]
            for row in try Row.fetchAll(db, sql: "SELECT type, name, sql FROM sqlite_master ORDER BY name") {
                lines.append(row.description)
            }
            for table in try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            {
                for row in try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY rowid") {
                    lines.append("\(table): \(row.description)")
                }
            }
            return lines
        }
    }
}

final class ErrorBox: @unchecked Sendable {
    private let lock = NSLock()
    private var errors: [any Error] = []

    var all: [any Error] {
        lock.lock()
        defer { lock.unlock() }
        return errors
    }

    func record(_ error: any Error) {
        lock.lock()
        errors.append(error)
        lock.unlock()
    }
}

final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var successes = 0

    func record(success: Bool) {
        lock.lock()
        if success { successes += 1 }
        lock.unlock()
    }
}
