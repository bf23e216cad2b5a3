// Creating, unlocking and re-keying a vault, and the ways a key slot must fail.
import GRDB
import WalletCore
import WalletCrypto
import XCTest

@testable import Vault

final class VaultKeyTests: VaultTestCase {
    func testCreateOpenUnlock() throws {
        let (vault, key) = try makeVault()
        let sealed = try vault.seal(
            Array("JBSWY3DPEHPK3PXP".utf8), key: key, row: RowIdentity(table: "t", rowID: "1", field: "f"))
        let reopened = try Vault.open(at: folder)
        XCTAssertEqual(reopened.vaultID, vault.vaultID)
        let key2 = try reopened.unlock(passphrase: secret("first passphrase 1"))
        let opened = try reopened.openSealed(sealed, key: key2, row: RowIdentity(table: "t", rowID: "1", field: "f"))
        XCTAssertEqual(opened.copyBytes(), Array("JBSWY3DPEHPK3PXP".utf8))
        let status = try reopened.status()
        XCTAssertEqual(status.schemaVersion, Schema.currentVersion)
        XCTAssertEqual(status.kdf.memLimitBytes, 8 << 20)
        XCTAssertEqual(status.counts["otp_accounts"], 0)
        XCTAssertNil(status.lastBackupAt)
    }

    func testCreateRefusesExistingVault() throws {
        _ = try makeVault()
        let before = try FileSystem.readAll(VaultLocation.databasePath(folder: folder))
        assertThrows(VaultError.alreadyExists(path: folder)) {
            _ = try self.makeVault(passphrase: "another passphrase")
        }
        XCTAssertEqual(try FileSystem.readAll(VaultLocation.databasePath(folder: folder)), before)
    }

    func testWrongPassphraseIsAuthenticationFailureAndChangesNothing() throws {
        let (vault, _) = try makeVault()
        let before = try logicalDump(vault)
        assertThrows(VaultError.wrongPassphrase) { _ = try vault.unlock(passphrase: self.secret("first passphrase 2")) }
        XCTAssertEqual(try logicalDump(vault), before)
    }

    func testChangePassphraseRoundTrip() throws {
        let (vault, key) = try makeVault()
        let row = RowIdentity(table: "otp_accounts", rowID: "abc", field: "secret_sealed")
        let sealed = try vault.seal([1, 2, 3], key: key, row: row)
        try vault.changePassphrase(key: key, newPassphrase: secret("second passphrase 2"), kdf: fastKDF)
        assertThrows(VaultError.wrongPassphrase) { _ = try vault.unlock(passphrase: self.secret("first passphrase 1")) }
        let newKey = try vault.unlock(passphrase: secret("second passphrase 2"))
        XCTAssertEqual(try vault.openSealed(sealed, key: newKey, row: row).copyBytes(), [1, 2, 3])
    }

    func testRacingPassphraseChangesHaveOneWinner() throws {
        let (vault, _) = try makeVault()
        let first = try vault.unlock(passphrase: secret("first passphrase 1"))
        let second = try vault.unlock(passphrase: secret("first passphrase 1"))
        try vault.changePassphrase(key: first, newPassphrase: secret("winner passphrase 1"), kdf: fastKDF)
        assertThrows(VaultError.passphraseChangedConcurrently) {
            try vault.changePassphrase(key: second, newPassphrase: self.secret("loser passphrase 2"), kdf: self.fastKDF)
        }
        XCTAssertNoThrow(try vault.unlock(passphrase: secret("winner passphrase 1")))
        assertThrows(VaultError.wrongPassphrase) { _ = try vault.unlock(passphrase: self.secret("loser passphrase 2")) }
    }

    func testSealedValueMovedToAnotherRowFailsToOpen() throws {
        let (vault, key) = try makeVault()
        let rowA = RowIdentity(table: "otp_accounts", rowID: "a", field: "secret_sealed")
        let sealed = try vault.seal([9, 9], key: key, row: rowA)
        for other in [
            RowIdentity(table: "otp_accounts", rowID: "b", field: "secret_sealed"),
            RowIdentity(table: "recovery_codes", rowID: "a", field: "secret_sealed"),
            RowIdentity(table: "otp_accounts", rowID: "a", field: "code_sealed"),
        ] {
            assertThrows(VaultError.sealedValueRejected(table: other.table)) {
                _ = try vault.openSealed(sealed, key: key, row: other)
            }
        }
        // Same master key semantics do not leak across vaults either.
        let otherFolder = folder + "-other"
        defer { _ = try? FileManager.default.removeItem(atPath: otherFolder) }
        let (otherVault, otherKey) = try Vault.create(
            at: otherFolder, passphrase: secret("x passphrase 1"), kdf: fastKDF)
        assertThrows(VaultError.sealedValueRejected(table: rowA.table)) {
            _ = try otherVault.openSealed(sealed, key: otherKey, row: rowA)
        }
    }

    func testKeyOfAnotherVaultIsRefusedBeforeSealing() throws {
        let (vault, key) = try makeVault()
        let otherFolder = folder + "-other"
        defer { _ = try? FileManager.default.removeItem(atPath: otherFolder) }
        let (otherVault, _) = try Vault.create(at: otherFolder, passphrase: secret("x passphrase 1"), kdf: fastKDF)
        let row = RowIdentity(table: "t", rowID: "1", field: "f")
        assertThrows(VaultError.keyOfAnotherVault) { _ = try otherVault.seal([1], key: key, row: row) }
        let sealed = try vault.seal([1], key: key, row: row)
        assertThrows(VaultError.keyOfAnotherVault) { _ = try otherVault.openSealed(sealed, key: key, row: row) }
    }

    func testFlippedByteInKeySlotFailsCleanly() throws {
        let (vault, _) = try makeVault()
        for column in ["wrapped_key", "salt", "checksum"] {
            let original = try vault.read { db in
                try Data.fetchOne(db, sql: "SELECT \(column) FROM key_slots WHERE id = 1")!
            }
            for index in [0, original.count / 2, original.count - 1] {
                var flipped = original
                flipped[index] ^= 0x01
                try vault.write { db in
                    try db.execute(sql: "UPDATE key_slots SET \(column) = ? WHERE id = 1", arguments: [flipped])
                }
                assertThrows(VaultError.corruptKeySlot) {
                    _ = try vault.unlock(passphrase: self.secret("first passphrase 1"))
                }
            }
            try vault.write { db in
                try db.execute(sql: "UPDATE key_slots SET \(column) = ? WHERE id = 1", arguments: [original])
            }
        }
        // Weakening a KDF parameter is detected too.
        try vault.write { db in try db.execute(sql: "UPDATE key_slots SET mem_limit = 8388609 WHERE id = 1") }
        assertThrows(VaultError.corruptKeySlot) { _ = try vault.unlock(passphrase: self.secret("first passphrase 1")) }
    }

    func testKDFParametersAreValidated() {
        assertThrows(VaultError.kdfOutOfRange) {
            _ = try Vault.create(
                at: self.folder, passphrase: self.secret("p passphrase"),
                kdf: KDFParameters(opsLimit: 1, memLimit: 1 << 20))
        }
        XCTAssertFalse(FileSystem.exists(folder + "/vault.sqlite"))
        assertThrows(VaultError.emptyPassphrase) {
            _ = try Vault.create(at: self.folder, passphrase: SecureBytes([]), kdf: self.fastKDF)
        }
    }
}
