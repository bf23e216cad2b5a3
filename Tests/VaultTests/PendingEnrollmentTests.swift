// The sealed pending enrollment behind `2fa enroll --resume`: kept until its expiry, then gone; one at a
// time; bound to its vault and place; never in the clear in the file.
import GRDB
import Vault
import WalletCore
import WalletCrypto
import XCTest

final class PendingEnrollmentTests: VaultTestCase {
    let uri = "otpauth://totp/Wallet:alice?secret=JBSWY3DPEHPK3PXP&issuer=Wallet"

    func text(_ pending: PendingEnrollment?) -> String? {
        pending.map { $0.payload.withUnsafeBytes { String(decoding: $0, as: UTF8.self) } }
    }

    func testKeptUntilItsExpiryThenRemoved() throws {
        let (vault, key) = try makeVault()
        XCTAssertNil(try vault.pendingEnrollment(now: 1_000, key: key))
        try vault.savePendingEnrollment(secret(uri), expiresAt: 1_600, key: key)
        XCTAssertEqual(text(try vault.pendingEnrollment(now: 1_000, key: key)), uri)
        XCTAssertEqual(try vault.pendingEnrollment(now: 1_600, key: key)?.expiresAt, 1_600)
        // Reopened by another process, with the key unlocked again.
        let reopened = try Vault.open(at: folder)
        let key2 = try reopened.unlock(passphrase: secret("first passphrase 1"))
        XCTAssertEqual(text(try reopened.pendingEnrollment(now: 1_599, key: key2)), uri)
        XCTAssertNil(try reopened.pendingEnrollment(now: 1_601, key: key2))
        // Expiry removed it: even an earlier clock does not bring it back.
        XCTAssertNil(try reopened.pendingEnrollment(now: 1_000, key: key2))
    }

    func testOneAtATimeAndRemovable() throws {
        let (vault, key) = try makeVault()
        try vault.savePendingEnrollment(secret(uri), expiresAt: 2_000, key: key)
        try vault.savePendingEnrollment(secret("otpauth://totp/B:b?secret=GEZDGNBV"), expiresAt: 2_000, key: key)
        XCTAssertEqual(text(try vault.pendingEnrollment(now: 1_000, key: key)), "otpauth://totp/B:b?secret=GEZDGNBV")
        try vault.removePendingEnrollment()
        XCTAssertNil(try vault.pendingEnrollment(now: 1_000, key: key))
    }

    func testSealedNotInTheClearAndTamperEvident() throws {
        let (vault, key) = try makeVault()
        try vault.savePendingEnrollment(secret(uri), expiresAt: 2_000, key: key)
        XCTAssertFalse(try logicalDump(vault).joined().contains("JBSWY3DP"), "the secret is sealed")
        // Not in backups' tables: meta is internal, and status counts are unchanged.
        XCTAssertEqual(try vault.status().counts["otp_accounts"], 0)
        // An edited value (say, to push the expiry out) no longer opens.
        try vault.write { db in
            let value = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'pending_enrollment'") ?? ""
            var bytes = Array(value.utf8)
            bytes[10] = bytes[10] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
            try db.execute(
                sql: "UPDATE meta SET value = ? WHERE key = 'pending_enrollment'",
                arguments: [String(decoding: bytes, as: UTF8.self)])
        }
        assertThrows(VaultError.sealedValueRejected(table: "meta")) {
            _ = try vault.pendingEnrollment(now: 1_000, key: key)
        }
    }
}
