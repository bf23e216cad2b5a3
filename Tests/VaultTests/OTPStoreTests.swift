// The two-factor store: all-or-nothing inserts, duplicate handling, replay state, recovery codes.
import Vault
import WalletCore
import WalletCrypto
import XCTest

final class OTPStoreTests: XCTestCase {
    var folder = ""

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "otpstore-\(UUID().uuidString)"
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: folder)
    }

    func makeVault() throws -> (Vault, VaultKey) {
        try Vault.create(
            at: folder, passphrase: SecureBytes(Array("store test passphrase".utf8)),
            kdf: KDFParameters(opsLimit: 1, memLimit: 8 << 20))
    }

    func account(_ name: String, secret: [UInt8]) -> NewOTPAccount {
        NewOTPAccount(
            issuer: "Bank", account: name, kind: "totp", algorithm: "SHA1", digits: 6, period: 30, counter: 0,
            secret: SecureBytes(secret))
    }

    func testInsertSkipsDuplicatesAndRefusesConflictsWhole() throws {
        let (vault, key) = try makeVault()
        XCTAssertEqual(try vault.insertOTPAccounts([account("a", secret: [1, 2, 3])], key: key).added, 1)
        let again = try vault.insertOTPAccounts(
            [account("a", secret: [1, 2, 3]), account("b", secret: [4])], key: key)
        XCTAssertEqual(again.added, 1)
        XCTAssertEqual(again.skipped, 1)
        XCTAssertThrowsError(
            try vault.insertOTPAccounts([account("c", secret: [5]), account("a", secret: [9, 9])], key: key)
        ) { error in
            XCTAssertEqual(error as? VaultError, .accountNameTaken(name: "Bank:a"))
        }
        XCTAssertEqual(try vault.otpAccounts().map(\.account), ["a", "b"], "the failed batch added nothing")
        let stored = try XCTUnwrap(vault.otpAccounts().first)
        XCTAssertEqual(try vault.otpSecret(stored, key: key).copyBytes(), [1, 2, 3])
    }

    func testSecretIsBoundToItsRow() throws {
        let (vault, key) = try makeVault()
        _ = try vault.insertOTPAccounts([account("a", secret: [1]), account("b", secret: [2])], key: key)
        let accounts = try vault.otpAccounts()
        // Swap the sealed secrets between rows: each must now refuse to open.
        try vault.write { db in
            try db.execute(
                sql: """
                    UPDATE otp_accounts SET secret_sealed = (SELECT secret_sealed FROM otp_accounts o2
                        WHERE o2.id != otp_accounts.id)
                    """)
        }
        XCTAssertThrowsError(try vault.otpSecret(accounts[0], key: key)) { error in
            XCTAssertEqual(error as? VaultError, .sealedValueRejected(table: "otp_accounts"))
        }
    }

    func testStateChangeAndRecoveryCodes() throws {
        let (vault, key) = try makeVault()
        _ = try vault.insertOTPAccounts([account("a", secret: [1])], key: key)
        let stored = try XCTUnwrap(vault.otpAccounts().first)
        let seen: Int64? = try vault.updateOTPState(stored) { fresh in
            (fresh.lastAcceptedStep, OTPStateChange(lastAcceptedStep: 42))
        }
        XCTAssertNil(seen)
        XCTAssertEqual(try vault.otpAccounts().first?.lastAcceptedStep, 42)

        XCTAssertEqual(try vault.addRecoveryCodes(["aaaa-1111", "bbbb-2222", "aaaa-1111"], to: stored, key: key), 2)
        XCTAssertEqual(try vault.useRecoveryCode("bbbb-2222", of: stored, key: key), .used)
        if case .alreadyUsed = try vault.useRecoveryCode("bbbb-2222", of: stored, key: key) {
        } else {
            XCTFail("a used code must be reported as used")
        }
        XCTAssertEqual(try vault.useRecoveryCode("nope", of: stored, key: key), .unknown)
        let codes = try vault.recoveryCodes(of: stored, key: key)
        XCTAssertEqual(codes.map(\.code), ["aaaa-1111", "bbbb-2222"])
        XCTAssertNil(codes[0].usedAt)
        XCTAssertNotNil(codes[1].usedAt)

        try vault.removeOTPAccount(stored)
        XCTAssertEqual(try vault.otpAccounts().count, 0)
        let left = try vault.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM recovery_codes") }
        XCTAssertEqual(left, 0)
    }
}
