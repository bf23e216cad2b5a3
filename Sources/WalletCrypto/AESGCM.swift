// AES-GCM (OpenSSL) for reading and writing other authenticators' encrypted exports.
import CCryptoShim

public enum AESGCM {
    public static let tagLength = 16

    /// Returns ciphertext and a separate 16-byte tag, as the Aegis/andOTP/2FAS formats store them.
    public static func seal(_ plaintext: [UInt8], key: [UInt8], nonce: [UInt8], associatedData: [UInt8] = [])
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
