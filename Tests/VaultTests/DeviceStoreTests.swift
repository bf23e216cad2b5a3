// Tests for the device-identity store and the generic table description used by backups.
import Foundation
import WalletCore
import WalletCrypto
import XCTest

@testable import Vault

final class DeviceStoreTests: XCTestCase {
    func makeVault() throws -> (Vault, VaultKey, String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("device-\(UUID().uuidString)").path
        let (vault, key) = try Vault.create(at: folder, passphrase: SecureBytes(Array("pw".utf8)), kdf: .minimum)
        return (vault, key, folder)
    }

    func testIdentitySealedPerRowAndListedWithoutKey() throws {
        let (vault, key, folder) = try makeVault()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let secret = Random.bytes(32)
        let record = try vault.addDeviceIdentity(secretKey: secret, recipient: "age1example", label: "phone", key: key)
        XCTAssertEqual(try vault.deviceIdentities(), [record])
        XCTAssertEqual(try vault.deviceIdentitySecrets(key: key).map { $0.secretKey.copyBytes() }, [secret])
        // The sealed value is bound to its row: moved to another id it no longer opens.
        try vault.write { db in
            try db.execute(sql: "UPDATE device_identities SET id = 'other' WHERE id = ?", arguments: [record.id])
        }
        XCTAssertThrowsError(try vault.deviceIdentitySecrets(key: key)) {
            XCTAssertEqual($0 as? VaultError, .sealedValueRejected(table: "device_identities"))
        }
    }

    func testDataTablesFollowTheSchemaAndForeignKeys() throws {
        let (vault, _, folder) = try makeVault()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let names = try vault.dataTables(includeIdentities: false).map(\.name)
        XCTAssertFalse(names.contains("device_identities"))
        XCTAssertFalse(names.contains("meta") || names.contains("key_slots"))
        let all = try vault.dataTables(includeIdentities: true)
        XCTAssertLessThan(
            try XCTUnwrap(all.firstIndex { $0.name == "otp_accounts" }),
            try XCTUnwrap(all.firstIndex { $0.name == "recovery_codes" }))
        let otp = try XCTUnwrap(all.first { $0.name == "otp_accounts" })
        XCTAssertEqual(otp.primaryKey, "id")
        XCTAssertEqual(otp.sealedColumns, ["secret_sealed"])
        XCTAssertFalse(try vault.holdsData())
        try vault.setSetting("x", "y")
        XCTAssertTrue(try vault.holdsData())
    }
}
