// andOTP's encrypted backups from before version 0.6.3: no header at all. Key = SHA-256 of the password's UTF-8
// bytes; the file is a 12-byte AES-256-GCM nonce, then the ciphertext with the 16-byte tag appended; the plaintext
// is the plain JSON array. Nothing marks the format, so OTPImporter tries it on binary files that are no other
// format, and after the current layout fails. docs/2fa.md "andOTP".
import WalletCore
import WalletCrypto

extension AndOTPFormat {
    static let oldNonceLength = 12
    static let maxOldSize = 16 << 20

    /// Long enough for a nonce and a tag, and small enough to be a backup.
    static func mayBeOldEncrypted(_ bytes: [UInt8]) -> Bool {
        bytes.count > oldNonceLength + AESGCM.tagLength && bytes.count <= maxOldSize
    }

    static func readOldEncrypted(_ bytes: [UInt8], password: () throws -> SecureBytes) throws -> [OTPAccount] {
        guard mayBeOldEncrypted(bytes) else { throw ImportError.corrupted(app) }
        let secret = try password()
        var key = secret.withUnsafeBytes { Digest.sha256(Array($0)) }
        defer { Memory.zero(&key) }
        let nonce = Array(bytes[0..<oldNonceLength])
        let ciphertext = Array(bytes[oldNonceLength..<(bytes.count - AESGCM.tagLength)])
        let tag = Array(bytes.suffix(AESGCM.tagLength))
        // andOTP writes no password check: a wrong password and a damaged body look the same.
        guard var plaintext = try? AESGCM.open(ciphertext, tag: tag, key: key, nonce: nonce) else {
            throw ImportError.wrongPasswordOrDamaged(app)
        }
        defer { Memory.zero(&plaintext) }
        guard let list = JSONText.decode(plaintext) as? [Any] else { throw ImportError.corrupted(app) }
        return try read(list)
    }
}
