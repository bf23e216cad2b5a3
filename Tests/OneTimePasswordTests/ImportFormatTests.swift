// Every import format: hand-built or reference-algorithm fixtures, round trips through our exporters,
// and the exit status of each failure (2 malformed/unknown, 3 wrong password, 4 truncated/corrupted).
import Foundation
import WalletCore
import WalletCrypto
import XCTest

@testable import OneTimePassword

final class ImportFormatTests: XCTestCase {
    let password = SecureBytes(Array("correct horse".utf8))
    let wrong = SecureBytes(Array("wrong horse".utf8))

    var sample: [OTPAccount] {
        [
            OTPAccount(issuer: "Bank", account: "alice@example.com", secret: Array(repeating: 0x11, count: 20)),
            OTPAccount(
                issuer: "Exchange", account: "bob", secret: Array(0..<32), algorithm: .sha256, digits: 8, period: 60),
            OTPAccount(
                kind: .hotp, issuer: "", account: "token", secret: Array(100..<164), algorithm: .sha512, counter: 12),
            OTPAccount(kind: .steam, issuer: "Steam", account: "gamer", secret: Array(repeating: 0x42, count: 20)),
        ]
    }

    func read(_ bytes: [UInt8], with secret: SecureBytes? = nil) throws -> ImportedFile {
        try OTPImporter.read(bytes) {
            guard let secret else {
                XCTFail("no password should be asked")
                return SecureBytes(count: 0)
            }
            return secret
        }
    }

    /// The typed error `body` throws, nil when it succeeds (or throws something else).
    func importError(_ body: () throws -> Any) -> ImportError? {
        do {
            _ = try body()
            return nil
        } catch {
            return error as? ImportError
        }
    }

    // MARK: Google Authenticator

    func testHandBuiltMigrationPayloadWithUnspecifiedDefaults() throws {
        // OtpParameters { secret = "Hello!\xde\xad\xbe\xef"; name = "Example:alice"; issuer = "Example" } and
        // nothing else: algorithm, digits and type are UNSPECIFIED (SHA1, 6, TOTP).
        let secret: [UInt8] = Array("Hello!".utf8) + [0xde, 0xad, 0xbe, 0xef]
        let name = Array("Example:alice".utf8)
        let issuer = Array("Example".utf8)
        let parameters: [UInt8] =
            [0x0a, UInt8(secret.count)] + secret + [0x12, UInt8(name.count)] + name + [0x1a, UInt8(issuer.count)]
            + issuer
        let payload: [UInt8] =
            [0x0a, UInt8(parameters.count)] + parameters + [0x10, 1, 0x18, 1, 0x20, 0, 0x28, 0x85, 0x03]
        let uri = "otpauth-migration://offline?data=" + KeyURI.percentEncode(Data(payload).base64EncodedString())
        let file = try read(Array(uri.utf8))
        XCTAssertEqual(file.format, .googleMigration)
        XCTAssertEqual(
            file.accounts,
            [OTPAccount(issuer: "Example", account: "alice", secret: secret, algorithm: .sha1, digits: 6)])
        XCTAssertEqual(try GoogleMigration.decode(uri: uri).batchID, 389)
    }

    func testPublishedMigrationExample() throws {
        // The example payload that circulates with Google Authenticator export decoders (Key URI wiki's
        // Example:alice@google.com account), written by GA itself: explicit SHA1, SIX, TOTP and a batch id.
        let uri =
            "otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8SGEV4YW1wbGU6YWxpY2VAZ29vZ2xlLmNvbRoHRXhhbXBsZSABKAEwAhABGAEgACjr4JP7Aw%3D%3D"
        let batch = try GoogleMigration.decode(uri: uri)
        XCTAssertEqual(batch.batchSize, 1)
        XCTAssertEqual(batch.batchIndex, 0)
        XCTAssertEqual(batch.batchID, 1_063_579_755)
        XCTAssertEqual(
            batch.accounts,
            [OTPAccount(issuer: "Example", account: "alice@google.com", secret: try Base32.decode("JBSWY3DPEHPK3PXP"))])
    }

    func testMigrationRoundTripInBatchesOfTen() throws {
        let many = (0..<23).map {
            OTPAccount(issuer: "I\($0)", account: "user\($0)", secret: Random.bytes(20), algorithm: .sha256, digits: 8)
        }
        let uris = GoogleMigration.encode(many, batchID: 77)
        XCTAssertEqual(uris.count, 3)
        let batches = try uris.map { try GoogleMigration.decode(uri: $0) }
        XCTAssertEqual(batches.map(\.accounts.count), [10, 10, 3])
        XCTAssertEqual(batches.map(\.batchIndex), [0, 1, 2])
        XCTAssertTrue(batches.allSatisfy { $0.batchSize == 3 && $0.batchID == 77 })
        // Parts in any order come back in batch order.
        let file = try read(Array((uris.reversed().joined(separator: "\n") + "\n").utf8))
        XCTAssertEqual(file.accounts, many)
    }

    func testMissingAndForeignMigrationParts() {
        let accounts = (0..<15).map { OTPAccount(issuer: "I", account: "u\($0)", secret: Random.bytes(20)) }
        let uris = GoogleMigration.encode(accounts, batchID: 5)
        XCTAssertThrowsError(try read(Array(uris[1].utf8))) { error in
            XCTAssertEqual(
                error as? ImportError,
                .malformed(.googleAuthenticator, reason: .missingParts([1], of: 2, batchID: 5)), "\(error)")
        }
        // Parts of two exports: each is checked on its own, so the first one's missing part is named.
        let other = GoogleMigration.encode(accounts, batchID: 6)
        XCTAssertEqual(
            importError { try self.read(Array((uris[0] + "\n" + other[1]).utf8)) },
            .malformed(.googleAuthenticator, reason: .missingParts([2], of: 2, batchID: 5)))
        XCTAssertEqual(
            importError {
                _ = try GoogleMigration.combine([
                    try GoogleMigration.decode(uri: uris[0]), try GoogleMigration.decode(uri: other[1]),
                ])
            },
            .malformed(.googleAuthenticator, reason: .mixedExports(count: 2)))
        XCTAssertEqual(
            importError { try GoogleMigration.decode(uri: "otpauth-migration://offline?data=%%%") },
            .malformed(.googleAuthenticator, reason: .noDataParameter))
        // An entry with no secret is skipped, not fatal.
        XCTAssertEqual(
            try GoogleMigration.decode(uri: "otpauth-migration://offline?data=CgA=").skipped,
            [SkippedEntry(issuer: "", account: "", reason: .invalidSecret)])
    }

    func testMigrationExportSkipsWhatGACannotHold() throws {
        let exported = try OTPExporter.export(sample, format: .migration, password: nil)
        XCTAssertEqual(exported.skipped, ["Exchange:bob", "Steam:gamer"])
        let file = try read(exported.bytes)
        XCTAssertEqual(file.accounts, [sample[0], sample[2]])
    }

    // MARK: Aegis

    func testAegisPlainRoundTrip() throws {
        let bytes = try AegisFormat.export(sample, password: nil)
        let file = try read(bytes)
        XCTAssertEqual(file.format, .aegis)
        XCTAssertEqual(file.accounts, sample)
    }

    func testAegisEncryptedRoundTripAndFailures() throws {
        let bytes = try AegisFormat.export(sample, password: password)
        XCTAssertFalse(String(decoding: bytes, as: UTF8.self).contains(Base32.encode(sample[0].secret)))
        let file = try read(bytes, with: password)
        XCTAssertEqual(file.format, .aegisEncrypted)
        XCTAssertEqual(file.accounts, sample)
        XCTAssertEqual(importError { try self.read(bytes, with: self.wrong) }, .wrongPassword(.aegis))
        XCTAssertEqual(
            importError { try self.read(Array(bytes.prefix(bytes.count / 2)), with: self.password) }, .truncatedJSON)
        // Flip one character of the encrypted db: the slot still opens, the db does not.
        var json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        var db = Array(try XCTUnwrap(json["db"] as? String))
        db[10] = db[10] == "A" ? "B" : "A"
        json["db"] = String(db)
        let tampered = Array(try JSONSerialization.data(withJSONObject: json))
        XCTAssertEqual(importError { try self.read(tampered, with: self.password) }, .corrupted(.aegis))
    }

    func testAegisVaultWrittenByTheReferenceAlgorithm() throws {
        // Built step by step from the Aegis vault documentation, independently of AegisFormat.export.
        let entries = """
            {"version":2,"entries":[{"type":"totp","uuid":"x","name":"carol","issuer":"Mail","note":"",
            "favorite":false,"icon":null,"info":{"secret":"JBSWY3DPEHPK3PXP","algo":"SHA1","digits":6,"period":30}}]}
            """
        let masterKey = Random.bytes(32)
        let salt = Random.bytes(32)
        let derived = try Scrypt.derive(password: Array("pw".utf8), salt: salt, n: 1024, r: 8, p: 1, length: 32)
        let slotNonce = Random.bytes(12)
        let wrapped = try AESGCM.seal(masterKey, key: derived.copyBytes(), nonce: slotNonce)
        let dbNonce = Random.bytes(12)
        let db = try AESGCM.seal(Array(entries.utf8), key: masterKey, nonce: dbNonce)
        let vault = """
            {"version":1,"header":{"slots":[{"type":2,"uuid":"b","key":"00","key_params":{"nonce":"00","tag":"00"}},
            {"type":1,"uuid":"p","key":"\(Hex.encode(wrapped.ciphertext))","key_params":{"nonce":"\(Hex.encode(slotNonce))",
            "tag":"\(Hex.encode(wrapped.tag))"},"n":1024,"r":8,"p":1,"salt":"\(Hex.encode(salt))","repaired":true}],
            "params":{"nonce":"\(Hex.encode(dbNonce))","tag":"\(Hex.encode(db.tag))"}},
            "db":"\(Data(db.ciphertext).base64EncodedString())"}
            """
        let file = try read(Array(vault.utf8), with: SecureBytes(Array("pw".utf8)))
        XCTAssertEqual(file.accounts.map(\.name), ["Mail:carol"])
        XCTAssertEqual(file.accounts[0].secret.copyBytes(), try Base32.decode("JBSWY3DPEHPK3PXP"))
    }

    // MARK: 2FAS

    func testTwoFASPlainAndEncrypted() throws {
        let plain = try read(try TwoFASFormat.export(sample, password: nil))
        XCTAssertEqual(plain.format, .twoFAS)
        XCTAssertEqual(plain.accounts, sample)
        let sealed = try TwoFASFormat.export(sample, password: password)
        let opened = try read(sealed, with: password)
        XCTAssertEqual(opened.format, .twoFASEncrypted)
        XCTAssertEqual(opened.accounts, sample)
        XCTAssertEqual(importError { try self.read(sealed, with: self.wrong) }, .wrongPassword(.twoFAS))
        // Damage the services ciphertext but not the reference: the password is right, the data is not.
        var json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(sealed)) as? [String: Any])
        var services = Array(try XCTUnwrap(json["servicesEncrypted"] as? String))
        services[4] = services[4] == "A" ? "B" : "A"
        json["servicesEncrypted"] = String(services)
        let tampered = Array(try JSONSerialization.data(withJSONObject: json))
        XCTAssertEqual(importError { try self.read(tampered, with: self.password) }, .corrupted(.twoFAS))
        XCTAssertEqual(importError { try self.read(Array(sealed.dropLast(40)), with: self.password) }, .truncatedJSON)
    }

    // MARK: andOTP

    func testAndOTPPlainAndEncrypted() throws {
        let plain = try read(try AndOTPFormat.export(sample, password: nil))
        XCTAssertEqual(plain.format, .andOTP)
        XCTAssertEqual(plain.accounts, sample)
        let sealed = try AndOTPFormat.export(sample, password: password, iterations: 1000)
        XCTAssertEqual(Array(sealed.prefix(4)), [0, 0, 0x03, 0xe8])
        let opened = try read(sealed, with: password)
        XCTAssertEqual(opened.format, .andOTPEncrypted)
        XCTAssertEqual(opened.accounts, sample)
        XCTAssertEqual(importError { try self.read(sealed, with: self.wrong) }, .wrongPasswordOrDamaged(.andOTP))
        XCTAssertEqual(
            importError { try self.read(Array(sealed.prefix(30)), with: self.password) }, .corrupted(.andOTP))
    }

    // MARK: URI lists and unknown input

    func testURIListRoundTripAndLineNumbers() throws {
        let exported = try OTPExporter.export(sample, format: .uris, password: nil)
        let file = try read(Array(("# my accounts\n\n" + String(decoding: exported.bytes, as: UTF8.self)).utf8))
        XCTAssertEqual(file.format, .uris)
        XCTAssertEqual(file.accounts, sample)
        // A broken line is skipped and named by its line; the others import.
        let partly = try read(
            Array("otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP\notpauth://totp/C?secret=1\n".utf8))
        XCTAssertEqual(partly.accounts.map(\.name), ["A:b"])
        XCTAssertEqual(partly.skipped, [SkippedEntry(issuer: "", account: "C", reason: .invalidSecret, line: 2)])
    }

    func testUnknownFormatsNameWhatWasTried() {
        let tried = OTPImporter.triedFormats
        XCTAssertTrue(tried.contains(.aegis) && tried.contains(.uris) && tried.contains(.andOTPEncrypted), "\(tried)")
        XCTAssertEqual(importError { try self.read(Array("hello world\n".utf8)) }, .unrecognised(tried: tried))
        XCTAssertEqual(importError { try self.read(Array("{\"something\": 1}".utf8)) }, .unrecognised(tried: tried))
        XCTAssertEqual(importError { try self.read([0xff, 0xfe, 0xfd, 0x00, 0x01]) }, .unrecognised(tried: tried))
        XCTAssertEqual(importError { try self.read([]) }, .unrecognised(tried: tried))
    }
}
