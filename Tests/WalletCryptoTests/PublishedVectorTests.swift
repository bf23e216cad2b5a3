// Published test vectors for every primitive walletsec takes from OpenSSL and libsodium.
import XCTest

@testable import WalletCrypto

final class PublishedVectorTests: XCTestCase {
    func testSHA1AndSHA256OfABC() {
        XCTAssertEqual(hexString(Digest.sha1(Array("abc".utf8))), "a9993e364706816aba3e25717850c26c9cd0d89d")
        XCTAssertEqual(
            hexString(Digest.sha256(Array("abc".utf8))),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    func testStreamingDigestMatchesOneShot() {
        let message = Array((0..<100_000).map { UInt8($0 & 0xff) })
        let stream = StreamingDigest(.sha256)
        stream.update(Array(message[0..<12345]))
        stream.update(Array(message[12345...]))
        XCTAssertEqual(stream.finalize(), Digest.sha256(message))
    }

    // RFC 4231 test case 1 and 2.
    func testHMACRFC4231() {
        let key = [UInt8](repeating: 0x0b, count: 20)
        let message = Array("Hi There".utf8)
        XCTAssertEqual(
            hexString(HMAC.authenticate(.sha256, key: key, message: message)),
            "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")
        XCTAssertEqual(
            hexString(HMAC.authenticate(.sha512, key: key, message: message)),
            "87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cde"
                + "daa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854")
        XCTAssertEqual(
            hexString(
                HMAC.authenticate(.sha256, key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8))
            ),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    // RFC 2202 test case 1 for HMAC-SHA1.
    func testHMACSHA1RFC2202() {
        XCTAssertEqual(
            hexString(
                HMAC.authenticate(.sha1, key: [UInt8](repeating: 0x0b, count: 20), message: Array("Hi There".utf8))),
            "b617318655057264e28bc0b6fb378c8ef146be00")
    }

    // RFC 5869 test case 1 and 3 (empty salt and info).
    func testHKDFRFC5869() {
        let okm = HKDF.derive(
            inputKey: [UInt8](repeating: 0x0b, count: 22), salt: hex("000102030405060708090a0b0c"),
            info: hex("f0f1f2f3f4f5f6f7f8f9"), length: 42)
        XCTAssertEqual(
            hexString(okm),
            "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865")
        let empty = HKDF.derive(inputKey: [UInt8](repeating: 0x0b, count: 22), salt: [], info: [], length: 42)
        XCTAssertEqual(
            hexString(empty),
            "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8")
    }

    // RFC 6070 test cases 1 and 2.
    func testPBKDF2RFC6070() throws {
        XCTAssertEqual(
            hexString(
                try PBKDF2.derive(
                    .sha1, password: Array("password".utf8), salt: Array("salt".utf8), iterations: 1, length: 20)),
            "0c60c80f961f0e71f3a9b524af6012062fe037a6")
        XCTAssertEqual(
            hexString(
                try PBKDF2.derive(
                    .sha1, password: Array("password".utf8), salt: Array("salt".utf8), iterations: 2, length: 20)),
            "ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957")
        XCTAssertThrowsError(try PBKDF2.derive(.sha256, password: [], salt: [], iterations: 0, length: 32))
        // The same vector from a password in locked memory, read in place (what the importers use).
        XCTAssertEqual(
            hexString(
                try PBKDF2.derive(
                    .sha1, password: SecureBytes(Array("password".utf8)), salt: Array("salt".utf8), iterations: 2,
                    length: 20)),
            "ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957")
        // FIPS 180-2 "abc" through the locked-memory overload.
        XCTAssertEqual(
            hexString(Digest.sha256(SecureBytes(Array("abc".utf8)))),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    // RFC 7914 section 12, second vector.
    func testScryptRFC7914() throws {
        let key = try Scrypt.derive(
            password: Array("password".utf8), salt: Array("NaCl".utf8), n: 1024, r: 8, p: 16, length: 64)
        XCTAssertEqual(
            hexString(key.copyBytes()),
            "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162"
                + "2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640")
        XCTAssertThrowsError(try Scrypt.derive(password: [], salt: [], n: 1 << 30, r: 8, p: 1, length: 32)) { error in
            XCTAssertEqual(error as? CryptoError, .invalidParameters("scrypt work factor too large"))
        }
        XCTAssertThrowsError(try Scrypt.derive(password: [], salt: [], n: 1000, r: 8, p: 1, length: 32))
        let locked = try Scrypt.derive(
            password: SecureBytes(Array("password".utf8)), salt: Array("NaCl".utf8), n: 1024, r: 8, p: 16, length: 64)
        XCTAssertEqual(locked.copyBytes(), key.copyBytes(), "the locked-memory overload gives the RFC vector")
    }

    // NIST GCM spec test cases 1 and 2 (AES-128, zero key and IV).
    func testAESGCMNISTVectors() throws {
        let key = [UInt8](repeating: 0, count: 16)
        let nonce = [UInt8](repeating: 0, count: 12)
        let empty = try AESGCM.seal([], key: key, nonce: nonce)
        XCTAssertEqual(hexString(empty.tag), "58e2fccefa7e3061367f1d57a4e7455a")
        let block = try AESGCM.seal([UInt8](repeating: 0, count: 16), key: key, nonce: nonce)
        XCTAssertEqual(hexString(block.ciphertext), "0388dace60b6a392f328c2b971b2fe78")
        XCTAssertEqual(hexString(block.tag), "ab6e47d42cec13bdf53a67b21257bddf")
        XCTAssertEqual(
            try AESGCM.open(block.ciphertext, tag: block.tag, key: key, nonce: nonce), [UInt8](repeating: 0, count: 16))
        var badTag = block.tag
        badTag[0] ^= 1
        XCTAssertThrowsError(try AESGCM.open(block.ciphertext, tag: badTag, key: key, nonce: nonce)) { error in
            XCTAssertEqual(error as? CryptoError, .authenticationFailed)
        }
    }

    // RFC 7748 section 6.1.
    func testX25519RFC7748() throws {
        let alice = SecureBytes(hex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"))
        let bob = SecureBytes(hex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb"))
        let alicePublic = try X25519.publicKey(privateKey: alice)
        let bobPublic = try X25519.publicKey(privateKey: bob)
        XCTAssertEqual(hexString(alicePublic), "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a")
        XCTAssertEqual(hexString(bobPublic), "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f")
        let shared = try X25519.sharedSecret(privateKey: alice, publicKey: bobPublic)
        XCTAssertEqual(
            hexString(shared.copyBytes()), "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742")
        XCTAssertThrowsError(try X25519.sharedSecret(privateKey: alice, publicKey: [UInt8](repeating: 0, count: 32))) {
            error in
            XCTAssertEqual(error as? CryptoError, .authenticationFailed)
        }
    }
}
