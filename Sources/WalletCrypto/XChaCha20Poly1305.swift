// Sealing of small secrets at rest: XChaCha20-Poly1305 with a random 24-byte nonce (libsodium).
import CSodium

/// Sealed box layout: nonce (24) || ciphertext || tag (16). Random nonces are safe at this nonce size.
public enum XChaCha20Poly1305 {
    public static let keyLength = Int(crypto_aead_xchacha20poly1305_ietf_KEYBYTES)
    public static let nonceLength = Int(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES)
    public static let tagLength = Int(crypto_aead_xchacha20poly1305_ietf_ABYTES)
    public static let overhead = nonceLength + tagLength

    public static func seal(_ plaintext: [UInt8], key: SecureBytes, associatedData: [UInt8]) throws -> [UInt8] {
        requireSodium()
        guard key.count == keyLength else { throw CryptoError.invalidParameters("XChaCha20 key must be 32 bytes") }
        let nonce = Random.bytes(nonceLength)
        var output = [UInt8](repeating: 0, count: nonceLength + plaintext.count + tagLength)
        var written: UInt64 = 0
        output.replaceSubrange(0..<nonceLength, with: nonce)
        let status = output.withUnsafeMutableBufferPointer { out in
            key.withUnsafeBytes { k in
                crypto_aead_xchacha20poly1305_ietf_encrypt(
                    out.baseAddress! + nonceLength, &written, plaintext, UInt64(plaintext.count),
                    associatedData, UInt64(associatedData.count), nil, nonce, k.bytePointer)
            }
        }
        guard status == 0 else { throw CryptoError.libraryFailure("xchacha20poly1305 encrypt") }
        return output
    }

    /// Returns the plaintext in secure memory, or throws `authenticationFailed`.
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
