// AES-256-CBC decryption (only for other apps' exports). The real Authy, Authenticator Pro and TOTP
// Authenticator files in OneTimePasswordTests are the positive tests; here: refusals.
import WalletCrypto
import XCTest

final class AESCBCTests: XCTestCase {
    static func hex(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(index, offsetBy: 2)
            bytes.append(UInt8(text[index..<next], radix: 16)!)
            index = next
        }
        return bytes
    }

    /// NIST SP 800-38A F.2.5/F.2.6 (CBC-AES256): its last plaintext block ends in 0x10 but is not sixteen 0x10
    /// bytes, so PKCS#7 unpadding must refuse it — the path a wrong key takes.
    func testInvalidPaddingIsAnAuthenticationFailure() {
        let key = Self.hex("603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4")
        let iv = Self.hex("000102030405060708090a0b0c0d0e0f")
        let ciphertext = Self.hex(
            "f58c4c04d6e5f1ba779eabfb5f7bfbd69cfc4e967edb808d679f777bc6702c7d"
                + "39f23369a9d9bacfa530e26304231461b2eb05e2c39be9fcda6c19078c6a9d1b")
        XCTAssertThrowsError(try AESCBC.decrypt(ciphertext, key: key, iv: iv)) {
            XCTAssertEqual($0 as? CryptoError, .authenticationFailed)
        }
    }

    func testSizesOutsideTheCipherAreInvalidParameters() {
        let key = [UInt8](repeating: 1, count: 32)
        let iv = [UInt8](repeating: 0, count: 16)
        for (ciphertext, key, iv) in [
            ([UInt8](), key, iv), ([UInt8](repeating: 0, count: 15), key, iv),
            ([UInt8](repeating: 0, count: 16), Array(key.prefix(16)), iv),
            ([UInt8](repeating: 0, count: 16), key, Array(iv.prefix(12))),
        ] {
            XCTAssertThrowsError(try AESCBC.decrypt(ciphertext, key: key, iv: iv)) {
                guard case .invalidParameters = $0 as? CryptoError else { return XCTFail("\($0)") }
            }
        }
    }
}
