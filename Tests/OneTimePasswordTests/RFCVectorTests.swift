// Published vectors: RFC 4226 Appendix D (HOTP), RFC 6238 Appendix B (TOTP, all three hashes), RFC 4648 Base32.
import WalletCore
import WalletCrypto
import XCTest

@testable import OneTimePassword

final class RFCVectorTests: XCTestCase {
    let seed20 = Array("12345678901234567890".utf8)
    // RFC 6238's SHA256 and SHA512 seeds are the same ASCII digits repeated to 32 and 64 bytes.
    let seed32 = Array("12345678901234567890123456789012".utf8)
    let seed64 = Array("1234567890123456789012345678901234567890123456789012345678901234".utf8)

    func testHOTPAppendixD() {
        let expected = [
            "755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489",
        ]
        for (counter, code) in expected.enumerated() {
            XCTAssertEqual(
                OTPGenerator.hotp(secret: seed20, counter: UInt64(counter), algorithm: .sha1, digits: 6), code)
        }
    }

    func testTOTPAppendixB() {
        let table: [(Int64, String, String, String)] = [
            (59, "94287082", "46119246", "90693936"),
            (1_111_111_109, "07081804", "68084774", "25091201"),
            (1_111_111_111, "14050471", "67062674", "99943326"),
            (1_234_567_890, "89005924", "91819424", "93441116"),
            (2_000_000_000, "69279037", "90698825", "38618901"),
            (20_000_000_000, "65353130", "77737706", "47863826"),
        ]
        for (time, sha1, sha256, sha512) in table {
            let step = OTPGenerator.step(unixTime: time, period: 30)
            XCTAssertEqual(
                OTPGenerator.hotp(secret: seed20, counter: step, algorithm: .sha1, digits: 8), sha1, "\(time)")
            XCTAssertEqual(OTPGenerator.hotp(secret: seed32, counter: step, algorithm: .sha256, digits: 8), sha256)
            XCTAssertEqual(OTPGenerator.hotp(secret: seed64, counter: step, algorithm: .sha512, digits: 8), sha512)
        }
    }

    func testSevenDigitsIsTheLastSevenOfEight() {
        let eight = OTPGenerator.hotp(secret: seed20, counter: 1, algorithm: .sha1, digits: 8)
        XCTAssertEqual(
            OTPGenerator.hotp(secret: seed20, counter: 1, algorithm: .sha1, digits: 7), String(eight.suffix(7)))
    }

    func testBase32RFC4648Vectors() throws {
        let vectors = [
            ("", ""), ("f", "MY======"), ("fo", "MZXQ===="), ("foo", "MZXW6==="), ("foob", "MZXW6YQ="),
            ("fooba", "MZXW6YTB"), ("foobar", "MZXW6YTBOI======"),
        ]
        for (plain, encoded) in vectors {
            XCTAssertEqual(Base32.encode(Array(plain.utf8), padded: true), encoded)
            if !plain.isEmpty {
                XCTAssertEqual(try Base32.decode(encoded), Array(plain.utf8))
                XCTAssertEqual(
                    try Base32.decode(encoded.lowercased().replacingOccurrences(of: "=", with: "")), Array(plain.utf8))
            }
        }
        XCTAssertEqual(try Base32.decode("mzxw 6ytb oi"), Array("foobar".utf8))
    }

    func testBase32RejectsOtherCharacters() {
        let cases: [(String, Base32.DecodingError)] = [
            ("MZXW1YTB", .invalidCharacter(position: 5)), ("MZXW6YTB!", .invalidCharacter(position: 9)),
            ("MZ=XW", .invalidCharacter(position: 4)), ("0000", .invalidCharacter(position: 1)), ("==", .empty),
        ]
        for (bad, expected) in cases {
            XCTAssertThrowsError(try Base32.decode(bad), bad) { error in
                XCTAssertEqual(error as? Base32.DecodingError, expected, bad)
            }
        }
    }

    func testSteamGuardAlphabetAndLength() {
        let code = OTPGenerator.steam(secret: seed20, counter: 1)
        XCTAssertEqual(code.count, 5)
        XCTAssertTrue(code.allSatisfy { "23456789BCDFGHJKMNPQRTVWXY".contains($0) })
        // Independent check of the base-26 writing: digits of the truncated value, least significant first.
        let counter: [UInt8] = [0, 0, 0, 0, 0, 0, 0, 1]
        let mac = HMAC.authenticate(.sha1, key: seed20, message: counter)
        let offset = Int(mac[19] & 0x0f)
        var value =
            (UInt32(mac[offset] & 0x7f) << 24) | (UInt32(mac[offset + 1]) << 16) | (UInt32(mac[offset + 2]) << 8)
            | UInt32(mac[offset + 3])
        var expected = ""
        let alphabet = Array("23456789BCDFGHJKMNPQRTVWXY")
        for _ in 0..<5 {
            expected.append(alphabet[Int(value % 26)])
            value /= 26
        }
        XCTAssertEqual(code, expected)
    }
}
