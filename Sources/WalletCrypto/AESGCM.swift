// AES-GCM (OpenSSL) for reading and writing other authenticators' encrypted exports. Sealing draws its
// own 96-bit nonce: a caller cannot reuse one under a key by mistake.
import CCryptoShim

/// AES-GCM with a separate tag, as the Aegis, andOTP and 2FAS formats store it.
///
/// ```swift
/// let sealed = try AESGCM.seal(plaintext, key: key)        // fresh random nonce inside
/// let opened = try AESGCM.open(sealed.ciphertext, tag: sealed.tag, key: key, nonce: sealed.nonce)
/// ```
public enum AESGCM {
    /// Bytes in a tag.
    public static let tagLength = 16
    /// Bytes in the nonce `seal` draws.
    public static let nonceLength = 12

    /// Seals under a fresh random 96-bit nonce; returns it with the ciphertext and the 16-byte tag.
    /// `key` is 16, 24 or 32 bytes.
    public static func seal(_ plaintext: [UInt8], key: [UInt8], associatedData: [UInt8] = []) throws
        -> (nonce: [UInt8], ciphertext: [UInt8], tag: [UInt8])
    {
        let nonce = Random.bytes(nonceLength)
        let sealed = try seal(plaintext, key: key, nonce: nonce, associatedData: associatedData)
        return (nonce, sealed.ciphertext, sealed.tag)
    }

    /// Seals under a given nonce: only for published test vectors and fixtures built step by step.
    package static func seal(_ plaintext: [UInt8], key: [UInt8], nonce: [UInt8], associatedData: [UInt8] = [])
        throws -> (ciphertext: [UInt8], tag: [UInt8])
    {
        guard [16, 24, 32].contains(key.count), !nonce.isEmpty else {
            throw CryptoError.invalidParameters("AES-GCM key or nonce size")
        }
        var ciphertext = [UInt8](repeating: 0, count: plaintext.count)
        var tag = [UInt8](repeating: 0, count: tagLength)
        let ok = ws_aes_gcm_seal(
            key, key.count, nonce, nonce.count, associatedData, associatedData.count, plaintext, plaintext.count,
            &ciphertext, &tag)
        guard ok == 1 else { throw CryptoError.libraryFailure("AES-GCM seal") }
        return (ciphertext, tag)
    }

    /// Opens a ciphertext; throws `CryptoError.authenticationFailed` when the tag does not match.
    public static func open(
        _ ciphertext: [UInt8], tag: [UInt8], key: [UInt8], nonce: [UInt8], associatedData: [UInt8] = []
    ) throws -> [UInt8] {
        guard [16, 24, 32].contains(key.count), !nonce.isEmpty else {
            throw CryptoError.invalidParameters("AES-GCM key or nonce size")
        }
        guard tag.count == tagLength else { throw CryptoError.authenticationFailed }
        var plaintext = [UInt8](repeating: 0, count: ciphertext.count)
        let ok = ws_aes_gcm_open(
            key, key.count, nonce, nonce.count, associatedData, associatedData.count, ciphertext, ciphertext.count,
            tag, &plaintext)
        guard ok == 1 else { throw CryptoError.authenticationFailed }
        return plaintext
    }
}
