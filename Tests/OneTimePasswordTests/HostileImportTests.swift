// Regression tests for crafted authenticator exports (issue #11, fuzzing): each is refused with an
// ImportError instead of trapping or hanging.
import WalletCrypto
import XCTest

@testable import OneTimePassword

final class HostileImportTests: XCTestCase {
    let password = SecureBytes(Array("test".utf8))

    func aegisVault(n: String, r: String, p: String) -> [UInt8] {
        let zeros = { (count: Int) in String(repeating: "00", count: count) }
        return Array(
            """
            {"version":1,"header":{"slots":[{"type":1,"uuid":"a","key":"\(zeros(32))",
            "key_params":{"nonce":"\(zeros(12))","tag":"\(zeros(16))"},"n":\(n),"r":\(r),"p":\(p),
            "salt":"\(zeros(32))"}],"params":{"nonce":"\(zeros(12))","tag":"\(zeros(16))"}},"db":"AAAA"}
            """.utf8)
    }

    /// `slots[0].p = 4294967296` trapped converting to UInt32; huge work factors would stall the import.
    func testAegisScryptParametersOutOfRangeAreRefused() {
        for (n, r, p) in [
            ("32768", "8", "4294967296"), ("32768", "4294967296", "1"), ("4194304", "8", "1"),
            ("32768", "8", "17"), ("1048576", "32", "16"),
        ] {
            XCTAssertThrowsError(try OTPImporter.read(aegisVault(n: n, r: r, p: p)) { self.password }, "\(n) \(r) \(p)")
            {
                error in XCTAssertEqual(error as? ImportError, .keyDerivationOutOfRange, "\(n) \(r) \(p)")
            }
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
}
