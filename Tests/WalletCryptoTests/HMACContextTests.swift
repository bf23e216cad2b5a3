// The reusable HMAC context: RFC 2202 / RFC 4231 vectors, and the same MACs as one-shot HMAC when reused.
import XCTest

@testable import WalletCrypto

final class HMACContextTests: XCTestCase {
    func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

    func testPublishedVectorsAndReuse() throws {
        let key = Array("Jefe".utf8)
        let message = Array("what do ya want for nothing?".utf8)
        let expected: [(HashAlgorithm, String)] = [
            (.sha1, "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79"),  // RFC 2202 test case 2
            (.sha256, "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),  // RFC 4231 case 2
            (
                .sha512,
                "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737"
            ),
        ]
        for (algorithm, mac) in expected {
            let context = try HMACContext(algorithm, key: key)
            // Several messages through one context: each must equal the one-shot HMAC.
            for round in 0..<3 {
                XCTAssertEqual(hex(context.authenticate(message)), mac, "\(algorithm) round \(round)")
                let other = Array("message \(round)".utf8)
                XCTAssertEqual(context.authenticate(other), HMAC.authenticate(algorithm, key: key, message: other))
            }
        }
    }
}
