// Regression tests for crafted authenticator exports (issue #11, fuzzing): each is refused with an
// ImportError instead of trapping or hanging.
import WalletCrypto
import XCTest

@testable import OneTimePassword

final class HostileImportTests: XCTestCase {
    let password = SecureBytes(Array("test".utf8))

    func aegisVault(n: String, r: String, p: String, slots: Int = 1) -> [UInt8] {
        let zeros = { (count: Int) in String(repeating: "00", count: count) }
        let slot = """
            {"type":1,"uuid":"a","key":"\(zeros(32))",
            "key_params":{"nonce":"\(zeros(12))","tag":"\(zeros(16))"},"n":\(n),"r":\(r),"p":\(p),
            "salt":"\(zeros(32))"}
            """
        let list = Array(repeating: slot, count: slots).joined(separator: ",")
        return Array(
            """
            {"version":1,"header":{"slots":[\(list)],"params":{"nonce":"\(zeros(12))","tag":"\(zeros(16))"}},"db":"AAAA"}
            """.utf8)
    }

    /// Every password slot costs a scrypt: five of them (Aegis writes one) are refused before any is tried.
    func testAegisVaultWithManyPasswordSlotsIsRefused() {
        XCTAssertThrowsError(try OTPImporter.read(aegisVault(n: "32768", r: "8", p: "1", slots: 5)) { self.password }) {
            XCTAssertEqual($0 as? ImportError, .keyDerivationOutOfRange(.aegis))
        }
        // Two slots with Aegis's own parameters are tried (and the zero key opens neither).
        XCTAssertThrowsError(try OTPImporter.read(aegisVault(n: "32768", r: "8", p: "1", slots: 2)) { self.password }) {
            XCTAssertEqual($0 as? ImportError, .wrongPassword(.aegis))
        }
    }

    /// `slots[0].p = 4294967296` trapped converting to UInt32; huge work factors would stall the import.
    func testAegisScryptParametersOutOfRangeAreRefused() {
        for (n, r, p) in [
            ("32768", "8", "4294967296"), ("32768", "4294967296", "1"), ("4194304", "8", "1"),
            ("32768", "8", "17"), ("1048576", "32", "16"),
            // Within each bound alone, but 2^23 work (32 times Aegis's) or 512 MiB of memory.
            ("524288", "8", "2"), ("262144", "16", "1"),
        ] {
            XCTAssertThrowsError(try OTPImporter.read(aegisVault(n: n, r: r, p: p)) { self.password }, "\(n) \(r) \(p)")
            {
                error in XCTAssertEqual(error as? ImportError, .keyDerivationOutOfRange(.aegis), "\(n) \(r) \(p)")
            }
        }
    }

    /// Found by FuzzOTPDecrypt (long campaign, a timeout): an andOTP header asking for 7,681,329
    /// PBKDF2 iterations made the import spin for seconds. The fuzzer's input, whole.
    func testAndOTPIterationCountBeyondTheAppsIsRefused() throws {
        let input = try XCTUnwrap(
            Hex.decode(
                "0075353164314c51627365637265743d5065743d504474586276696848506775546b463c6d61353164314c5162"
                    + "7365637265743d5065743d504474586276696848506775546b463c6d61703e34727b22736572760000003541"
                    + "22703e34727b2273657276000000354122"))
        XCTAssertThrowsError(try OTPImporter.read(input) { self.password }) { error in
            XCTAssertEqual(error as? ImportError, .keyDerivationOutOfRange(.andOTP))
        }
        // andOTP's own count (140,000) still reaches the decryption: a wrong password, not a refusal.
        var ordinary = input
        ordinary.replaceSubrange(0..<4, with: [0x00, 0x02, 0x22, 0xe0])
        XCTAssertThrowsError(try OTPImporter.read(ordinary) { self.password }) { error in
            XCTAssertEqual(error as? ImportError, .wrongPasswordOrDamaged(.andOTP))
        }
    }

    /// `batch_size = 2^31` made `combine` enumerate two billion missing parts (a hang).
    func testGoogleMigrationHugeBatchSizeIsRefused() {
        // Field 3 (batch_size), varint 2^31.
        let payload: [UInt8] = [0x18, 0x80, 0x80, 0x80, 0x80, 0x08]
        let uri = "otpauth-migration://offline?data=" + KeyURI.percentEncode(Base64.encode(payload, variant: .padded))
        XCTAssertThrowsError(try GoogleMigration.decode(uri: uri)) { error in
            XCTAssertEqual(error as? ImportError, .malformed(.googleAuthenticator, reason: .inconsistentBatchNumbers))
        }
        // The largest accepted size still combines (reporting the missing parts) at once.
        let most: [UInt8] = [0x18, 0xe8, 0x07]  // 1000
        let batch = try? GoogleMigration.decode(
            uri: "otpauth-migration://offline?data=" + KeyURI.percentEncode(Base64.encode(most, variant: .padded)))
        XCTAssertEqual(batch?.batchSize, 1000)
    }

    /// An issuer or account name carrying escape sequences (window title, clipboard write, a C1 CSI,
    /// a line break) loses its control characters on import, so neither the vault nor any export
    /// made from it carries them on; the visible text stays.
    func testControlCharactersInImportedNamesAreDropped() throws {
        let (fromURI, _) = try KeyURI.parse(
            "otpauth://totp/Evil%1B%5D0%3Bpwned%07:eve%0Amallory%C2%9B?secret=JBSWY3DPEHPK3PXP"
                + "&issuer=Evil%1B%5D0%3Bpwned%07")
        XCTAssertEqual(fromURI.issuer, "Evil]0;pwned")
        XCTAssertEqual(fromURI.account, "eve mallory")
        XCTAssertFalse(KeyURI.build(fromURI).contains("%1B"))
        let aegis = #"""
            {"version":1,"header":{"slots":null,"params":null},"db":{"version":2,"entries":[{"type":"totp",
            "uuid":"u","name":"bob\u001b]52;c;ZXZpbA==\u0007","issuer":"Bank\t\u007f","note":"",
            "info":{"secret":"JBSWY3DPEHPK3PXP","algo":"SHA1","digits":6,"period":30}}]}}
            """#
        let imported = try OTPImporter.read(Array(aegis.utf8)) { self.password }
        XCTAssertEqual(imported.accounts.map(\.name), ["Bank :bob]52;c;ZXZpbA=="])
    }
}
