// andOTP's encrypted backups from before version 0.6.3: no header at all. Key = SHA-256 of the password's UTF-8
// bytes; the file is a 12-byte AES-256-GCM nonce, then the ciphertext with the 16-byte tag appended; the plaintext
// is the plain JSON array. Nothing marks the format, so OTPImporter tries it on binary files that are no other
// format, and after the current layout fails. docs/2fa.md "andOTP".
import WalletCore
import WalletCrypto

extension AndOTPFormat {
    static let oldNonceLength = 12
    static let maxOldSize = 16 << 20

    /// Files people pick by mistake (a QR-code screenshot, a PDF, an archive): their magic would be a random
    /// nonce's first bytes about once in 2^24, so they are called unknown rather than asked a password for.
    static let otherFileMagics: [[UInt8]] = [
        [0x89, 0x50, 0x4E, 0x47], [0xFF, 0xD8, 0xFF], [0x47, 0x49, 0x46, 0x38], [0x25, 0x50, 0x44, 0x46],
        [0x1F, 0x8B], [0x42, 0x4D], [0x52, 0x49, 0x46, 0x46],
    ]

    /// Long enough for a nonce and a tag, small enough to be a backup, and not an image, PDF or archive.
    static func mayBeOldEncrypted(_ bytes: [UInt8]) -> Bool {
        bytes.count > oldNonceLength + AESGCM.tagLength && bytes.count <= maxOldSize
            && !otherFileMagics.contains { bytes.starts(with: $0) }
    }

    static func readOldEncrypted(_ bytes: [UInt8], password: () throws -> SecureBytes) throws -> ImportEntries {
        guard mayBeOldEncrypted(bytes) else { throw ImportError.corrupted(app) }
        let secret = try password()
        var key = Digest.sha256(secret)
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
