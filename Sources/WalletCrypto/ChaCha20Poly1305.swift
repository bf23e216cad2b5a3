// ChaCha20-Poly1305 (RFC 8439, 12-byte nonce) for streaming formats such as age's STREAM.
// Two engines behind one interface: OpenSSL's assembly is faster on x86-64, libsodium's is the reference.
// The engines take raw pointers (no per-chunk allocation on the hot path), so they stay inside the
// package (`package` access): AgeFormat's STREAM and the tests use them, no outside caller can.
import CCryptoShim
import CSodium

package protocol ChaChaPolyEngine: AnyObject {
    /// Encrypts `plaintext` into `ciphertext` (same length) and writes the 16-byte tag.
    func seal(
        key: UnsafeRawBufferPointer, nonce: UnsafeRawBufferPointer, plaintext: UnsafeRawBufferPointer,
        ciphertext: UnsafeMutableRawBufferPointer, tag: UnsafeMutableRawBufferPointer) throws
    /// Verifies the tag before anything of `plaintext` may be used; on failure `plaintext` is zeroed.
    func open(
        key: UnsafeRawBufferPointer, nonce: UnsafeRawBufferPointer, ciphertext: UnsafeRawBufferPointer,
        tag: UnsafeRawBufferPointer, plaintext: UnsafeMutableRawBufferPointer) throws
}

package enum ChaCha20Poly1305 {
    package static let keyLength = 32
    package static let nonceLength = 12
    package static let tagLength = 16

    /// The engine chosen by measurement (see scripts/bench-backup).
    package static func makeEngine() -> ChaChaPolyEngine { OpenSSLChaChaPoly() }
}

package final class OpenSSLChaChaPoly: ChaChaPolyEngine {
    private let context: UnsafeMutableRawPointer

    package init() {
        guard let context = ws_chacha_new() else { fatalError("EVP_CIPHER_CTX_new failed") }
        self.context = context
    }

    deinit { ws_chacha_free(context) }

    package func seal(
        key: UnsafeRawBufferPointer, nonce: UnsafeRawBufferPointer, plaintext: UnsafeRawBufferPointer,
        ciphertext: UnsafeMutableRawBufferPointer, tag: UnsafeMutableRawBufferPointer
    ) throws {
        precondition(key.count == 32 && nonce.count == 12 && tag.count >= 16 && ciphertext.count >= plaintext.count)
        let ok = ws_chacha_seal(
            context, key.bytePointer, nonce.bytePointer, nil, 0,
            plaintext.bytePointer, plaintext.count,
            ciphertext.bytePointer, tag.bytePointer)
        guard ok == 1 else { throw CryptoError.libraryFailure("ChaCha20-Poly1305 seal") }
    }

    package func open(
        key: UnsafeRawBufferPointer, nonce: UnsafeRawBufferPointer, ciphertext: UnsafeRawBufferPointer,
        tag: UnsafeRawBufferPointer, plaintext: UnsafeMutableRawBufferPointer
    ) throws {
        precondition(key.count == 32 && nonce.count == 12 && tag.count == 16 && plaintext.count >= ciphertext.count)
        let ok = ws_chacha_open(
            context, key.bytePointer, nonce.bytePointer, nil, 0,
            ciphertext.bytePointer, ciphertext.count, tag.bytePointer,
            plaintext.bytePointer)
        guard ok == 1 else { throw CryptoError.authenticationFailed }
    }
}

package final class SodiumChaChaPoly: ChaChaPolyEngine {
    package init() { requireSodium() }

    package func seal(
        key: UnsafeRawBufferPointer, nonce: UnsafeRawBufferPointer, plaintext: UnsafeRawBufferPointer,
        ciphertext: UnsafeMutableRawBufferPointer, tag: UnsafeMutableRawBufferPointer
    ) throws {
        precondition(key.count == 32 && nonce.count == 12 && tag.count >= 16 && ciphertext.count >= plaintext.count)
        var tagLength: UInt64 = 0
        let status = crypto_aead_chacha20poly1305_ietf_encrypt_detached(
            ciphertext.bytePointer, tag.bytePointer, &tagLength,
            plaintext.bytePointer, UInt64(plaintext.count), nil, 0, nil,
            nonce.bytePointer, key.bytePointer)
        guard status == 0 else { throw CryptoError.libraryFailure("ChaCha20-Poly1305 seal") }
    }

    package func open(
        key: UnsafeRawBufferPointer, nonce: UnsafeRawBufferPointer, ciphertext: UnsafeRawBufferPointer,
        tag: UnsafeRawBufferPointer, plaintext: UnsafeMutableRawBufferPointer
    ) throws {
        precondition(key.count == 32 && nonce.count == 12 && tag.count == 16 && plaintext.count >= ciphertext.count)
        let status = crypto_aead_chacha20poly1305_ietf_decrypt_detached(
            plaintext.bytePointer, nil,
            ciphertext.bytePointer, UInt64(ciphertext.count),
            tag.bytePointer, nil, 0,
            nonce.bytePointer, key.bytePointer)
        guard status == 0 else { throw CryptoError.authenticationFailed }
    }
}
