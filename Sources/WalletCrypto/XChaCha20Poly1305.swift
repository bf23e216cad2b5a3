// Sealing of small secrets at rest: XChaCha20-Poly1305 with a random 24-byte nonce (libsodium).
import CSodium

/// Sealed box layout: nonce (24) || ciphertext || tag (16). The nonce is drawn from libsodium's
/// random generator inside every `seal` call, so callers cannot reuse one; random nonces are safe at
/// this nonce size.
///
/// ```swift
/// let key = Random.secureBytes(XChaCha20Poly1305.keyLength)
/// let box = try XChaCha20Poly1305.seal(Array("hi".utf8), key: key, associatedData: Array("row 1".utf8))
/// let plain = try XChaCha20Poly1305.open(box, key: key, associatedData: Array("row 1".utf8))
/// ```
public enum XChaCha20Poly1305 {
    /// Key size in bytes (32).
    public static let keyLength = Int(crypto_aead_xchacha20poly1305_ietf_KEYBYTES)
    /// Nonce size in bytes (24), stored at the front of every sealed box.
    public static let nonceLength = Int(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES)
    /// Authentication tag size in bytes (16).
    public static let tagLength = Int(crypto_aead_xchacha20poly1305_ietf_ABYTES)
    /// How much longer a sealed box is than its plaintext.
    public static let overhead = nonceLength + tagLength

    /// Encrypts and authenticates `plaintext` under `key` (32 bytes) with a fresh random nonce.
    public static func seal(_ plaintext: [UInt8], key: SecureBytes, associatedData: [UInt8]) throws -> [UInt8] {
        try plaintext.withUnsafeBytes { try seal(raw: $0, key: key, associatedData: associatedData) }
    }

    /// Seals a secret held in secure memory (a key being wrapped) without copying it into an array.
    public static func seal(_ plaintext: SecureBytes, key: SecureBytes, associatedData: [UInt8]) throws -> [UInt8] {
        try plaintext.withUnsafeBytes { try seal(raw: $0, key: key, associatedData: associatedData) }
    }

    private static func seal(raw plaintext: UnsafeRawBufferPointer, key: SecureBytes, associatedData: [UInt8])
        throws -> [UInt8]
    {
        requireSodium()
        guard key.count == keyLength else { throw CryptoError.invalidParameters("XChaCha20 key must be 32 bytes") }
        let nonce = Random.bytes(nonceLength)
        var output = [UInt8](repeating: 0, count: nonceLength + plaintext.count + tagLength)
        var written: UInt64 = 0
        output.replaceSubrange(0..<nonceLength, with: nonce)
        let status = output.withUnsafeMutableBufferPointer { out in
            key.withUnsafeBytes { k in
                crypto_aead_xchacha20poly1305_ietf_encrypt(
                    out.baseAddress! + nonceLength, &written, plaintext.bytePointer, UInt64(plaintext.count),
                    associatedData, UInt64(associatedData.count), nil, nonce, k.bytePointer)
            }
        }
        guard status == 0 else { throw CryptoError.libraryFailure("xchacha20poly1305 encrypt") }
        return output
    }

    /// Checks and decrypts a sealed box; returns the plaintext in secure memory, or throws
    /// `CryptoError.authenticationFailed` when the key, the associated data or the box is wrong.
    public static func open(_ sealed: [UInt8], key: SecureBytes, associatedData: [UInt8]) throws -> SecureBytes {
        requireSodium()
        guard key.count == keyLength else { throw CryptoError.invalidParameters("XChaCha20 key must be 32 bytes") }
        guard sealed.count >= overhead else { throw CryptoError.authenticationFailed }
        let plaintext = SecureBytes(count: sealed.count - overhead)
        var written: UInt64 = 0
        let status = sealed.withUnsafeBufferPointer { input in
            plaintext.withUnsafeMutableBytes { out in
                key.withUnsafeBytes { k in
                    crypto_aead_xchacha20poly1305_ietf_decrypt(
                        out.bytePointer, &written, nil,
                        input.baseAddress! + nonceLength, UInt64(sealed.count - nonceLength),
                        associatedData, UInt64(associatedData.count), input.baseAddress!,
                        k.bytePointer)
                }
            }
        }
        guard status == 0 else { throw CryptoError.authenticationFailed }
        return plaintext
    }
}
