// AES-256-CBC decryption with PKCS#7 padding (OpenSSL), only for reading other authenticators' exports
// (Authy seeds, Authenticator Pro legacy backups, TOTP Authenticator). CBC has no tag: a wrong key shows up
// as bad padding most of the time, so callers treat a padding failure as a wrong password.
import CCryptoShim

/// AES-256-CBC decryption of exports other apps wrote (we never encrypt with CBC).
///
/// ```swift
/// let plaintext = try AESCBC.decrypt(ciphertext, key: key, iv: [UInt8](repeating: 0, count: 16))
/// ```
public enum AESCBC {
    /// Bytes in a block and in the IV.
    public static let blockLength = 16

    /// The unpadded plaintext; throws `CryptoError.authenticationFailed` when the padding is wrong (wrong key or
    /// damaged data) and `invalidParameters` for a key that is not 32 bytes, an IV that is not 16, or a
    /// ciphertext that is empty or not whole blocks.
    public static func decrypt(_ ciphertext: [UInt8], key: [UInt8], iv: [UInt8]) throws -> [UInt8] {
        guard key.count == 32, iv.count == blockLength, !ciphertext.isEmpty,
            ciphertext.count % blockLength == 0
        else { throw CryptoError.invalidParameters("AES-CBC key, IV or ciphertext size") }
        var plaintext = [UInt8](repeating: 0, count: ciphertext.count)
        var length = 0
        let ok = ws_aes_cbc_decrypt(key, iv, ciphertext, ciphertext.count, &plaintext, &length)
        guard ok == 1, length <= plaintext.count else {
            Memory.zero(&plaintext)
            throw CryptoError.authenticationFailed
        }
        let result = Array(plaintext[0..<length])
        Memory.zero(&plaintext)
        return result
    }
}
