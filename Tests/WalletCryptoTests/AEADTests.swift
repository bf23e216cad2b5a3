// Sealing round trips and the ways a sealed value must fail to open.
import XCTest

@testable import WalletCrypto

final class AEADTests: XCTestCase {
    func testXChaChaRoundTripAndBinding() throws {
        let key = Random.secureBytes(32)
        let sealed = try XChaCha20Poly1305.seal(Array("seed".utf8), key: key, associatedData: Array("row:1".utf8))
        XCTAssertEqual(sealed.count, 4 + XChaCha20Poly1305.overhead)
        XCTAssertEqual(
            try XChaCha20Poly1305.open(sealed, key: key, associatedData: Array("row:1".utf8)).copyBytes(),
            Array("seed".utf8))
        XCTAssertThrowsError(try XChaCha20Poly1305.open(sealed, key: key, associatedData: Array("row:2".utf8)))
        XCTAssertThrowsError(
            try XChaCha20Poly1305.open(sealed, key: Random.secureBytes(32), associatedData: Array("row:1".utf8)))
        for index in sealed.indices {
            var flipped = sealed
            flipped[index] ^= 0x40
            XCTAssertThrowsError(try XChaCha20Poly1305.open(flipped, key: key, associatedData: Array("row:1".utf8)))
        }
        XCTAssertThrowsError(try XChaCha20Poly1305.open(Array(sealed.prefix(10)), key: key, associatedData: []))
    }

    func testSealingFromSecureMemoryMatchesTheArrayForm() throws {
        let key = Random.secureBytes(32)
        let secret = Random.secureBytes(32)
        let sealed = try XChaCha20Poly1305.seal(secret, key: key, associatedData: [7])
        XCTAssertEqual(sealed.count, 32 + XChaCha20Poly1305.overhead)
        XCTAssertTrue(try XChaCha20Poly1305.open(sealed, key: key, associatedData: [7]).isEqual(to: secret))
        XCTAssertEqual(
            try XChaCha20Poly1305.open(sealed, key: key, associatedData: [7]).copyBytes(), secret.copyBytes())
        XCTAssertThrowsError(try XChaCha20Poly1305.open(sealed, key: key, associatedData: [8])) {
            XCTAssertEqual($0 as? CryptoError, .authenticationFailed)
        }
    }

    func testSecureBytesComparesWithArraysInConstantTime() {
        let secret = SecureBytes([1, 2, 3])
        XCTAssertTrue(secret.constantTimeEquals([1, 2, 3]))
        XCTAssertFalse(secret.constantTimeEquals([1, 2, 4]))
        XCTAssertFalse(secret.constantTimeEquals([1, 2]))
        XCTAssertTrue(SecureBytes([]).constantTimeEquals([]))
    }

    func testSealingTwiceUsesFreshNonces() throws {
        let key = Random.secureBytes(32)
        let a = try XChaCha20Poly1305.seal([1, 2, 3], key: key, associatedData: [])
        let b = try XChaCha20Poly1305.seal([1, 2, 3], key: key, associatedData: [])
        XCTAssertNotEqual(a, b)
    }

    func testChaChaEnginesAgree() throws {
        let key = Random.bytes(32)
        let nonce = Random.bytes(12)
        for size in [0, 1, 63, 64, 65, 1000, 65536] {
            let plaintext = Random.bytes(size)
            var ciphertextA = [UInt8](repeating: 0, count: size)
            var ciphertextB = [UInt8](repeating: 0, count: size)
            var tagA = [UInt8](repeating: 0, count: 16)
            var tagB = [UInt8](repeating: 0, count: 16)
            let openssl = OpenSSLChaChaPoly()
            let sodium = SodiumChaChaPoly()
            try key.withUnsafeBytes { k in
                try nonce.withUnsafeBytes { n in
                    try plaintext.withUnsafeBytes { p in
                        try ciphertextA.withUnsafeMutableBytes { c in
                            try tagA.withUnsafeMutableBytes {
                                try openssl.seal(key: k, nonce: n, plaintext: p, ciphertext: c, tag: $0)
                            }
                        }
                        try ciphertextB.withUnsafeMutableBytes { c in
                            try tagB.withUnsafeMutableBytes {
                                try sodium.seal(key: k, nonce: n, plaintext: p, ciphertext: c, tag: $0)
                            }
                        }
                    }
                }
            }
            XCTAssertEqual(ciphertextA, ciphertextB, "size \(size)")
            XCTAssertEqual(tagA, tagB, "size \(size)")
            var opened = [UInt8](repeating: 0, count: size)
            try key.withUnsafeBytes { k in
                try nonce.withUnsafeBytes { n in
                    try ciphertextA.withUnsafeBytes { c in
                        try tagA.withUnsafeBytes { t in
                            try opened.withUnsafeMutableBytes {
                                try sodium.open(key: k, nonce: n, ciphertext: c, tag: t, plaintext: $0)
                            }
                        }
                    }
                }
            }
            XCTAssertEqual(opened, plaintext)
            tagA[3] ^= 1
            XCTAssertThrowsError(
                try key.withUnsafeBytes { k in
                    try nonce.withUnsafeBytes { n in
                        try ciphertextA.withUnsafeBytes { c in
                            try tagA.withUnsafeBytes { t in
                                try opened.withUnsafeMutableBytes {
                                    try openssl.open(key: k, nonce: n, ciphertext: c, tag: t, plaintext: $0)
                                }
                            }
                        }
                    }
                })
        }
    }

    func testArgon2idIsDeterministicAndSaltSensitive() throws {
        let passphrase = SecureBytes(Array("correct horse battery staple".utf8))
        let salt = [UInt8](repeating: 7, count: 16)
        let a = try Argon2id.deriveKey(passphrase: passphrase, salt: salt, opsLimit: 2, memLimit: 8 << 20)
        let b = try Argon2id.deriveKey(passphrase: passphrase, salt: salt, opsLimit: 2, memLimit: 8 << 20)
        let c = try Argon2id.deriveKey(
            passphrase: passphrase, salt: [UInt8](repeating: 8, count: 16), opsLimit: 2, memLimit: 8 << 20)
        XCTAssertTrue(a.isEqual(to: b))
        XCTAssertFalse(a.isEqual(to: c))
        XCTAssertThrowsError(try Argon2id.deriveKey(passphrase: passphrase, salt: [1], opsLimit: 2, memLimit: 8 << 20))
    }

    func testConstantTimeEquals() {
        XCTAssertTrue(Memory.constantTimeEquals([1, 2, 3], [1, 2, 3]))
        XCTAssertFalse(Memory.constantTimeEquals([1, 2, 3], [1, 2, 4]))
        XCTAssertFalse(Memory.constantTimeEquals([1, 2, 3], [1, 2]))
        var secret: [UInt8] = [9, 9, 9]
        Memory.zero(&secret)
        XCTAssertEqual(secret, [0, 0, 0])
    }
}
