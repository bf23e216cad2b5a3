// TOTP Authenticator (BinaryBoy, Android) encrypted backup (`.bin`): the whole file is Base64 text of an
// AES-256-CBC/PKCS#7 ciphertext, IV = 16 zero bytes, key = SHA-256 of the password's UTF-8 bytes (the app's
// unprotected backups use the fixed password "TotpAuthenticator"). The plaintext is a JSON object with ONE
// member whose *name* is the data: a JSON array (as text) of JSON-object strings {issuer, name, key, base
// (16 hex, 32 Base32, 64 Base64), digits, period (both as strings)}; its value is a timestamp. TOTP and SHA-1 only.
// docs/2fa.md "TOTP Authenticator".
import WalletCore
import WalletCrypto

/// Reads TOTP Authenticator's encrypted backups (through `OTPImporter`).
package enum TOTPAuthenticatorFormat {
    static let app = AuthenticatorApp.totpAuthenticator
    /// What the app encrypts "unprotected" backups with.
    static let defaultPassword = "TotpAuthenticator"
    /// Backups of a phone's accounts are small; beyond this the file is refused before decoding.
    static let maxSize = 16 << 20

    /// Only Base64 characters and whitespace, decoding to a whole number of AES blocks (checked by the caller
    /// after every format with a clearer signature was ruled out).
    static func looksLike(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 24, bytes.count <= maxSize else { return false }
        var significant = 0
        var padding = 0
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "/"), UInt8(ascii: "="):
                significant += 1
                if byte == UInt8(ascii: "=") { padding += 1 }
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"): continue
            default: return false
            }
        }
        guard significant % 4 == 0, padding <= 2 else { return false }
        let decoded = significant / 4 * 3 - padding
        return decoded >= AESCBC.blockLength && decoded % AESCBC.blockLength == 0
    }

    static func read(_ bytes: [UInt8], password: () throws -> SecureBytes) throws -> ImportedFile {
        guard bytes.count <= maxSize,
            let ciphertext = Base64.decode(String(decoding: bytes, as: UTF8.self), variant: .lenient),
            !ciphertext.isEmpty, ciphertext.count % AESCBC.blockLength == 0
        else { throw ImportError.corrupted(app) }
        let secret = try password()
        var key =
            secret.count == 0
            ? Digest.sha256(Array(defaultPassword.utf8)) : Digest.sha256(secret)
        defer { Memory.zero(&key) }
        // No tag: bad padding, or a plaintext that is not the app's JSON, is how a wrong password shows.
        guard var plaintext = try? AESCBC.decrypt(ciphertext, key: key, iv: [UInt8](repeating: 0, count: 16)) else {
            throw ImportError.wrongPassword(app)
        }
        defer { Memory.zero(&plaintext) }
        guard let object = JSONText.decode(plaintext) as? JSONObject, object.count == 1,
            let listText = object.keys.first,
            let list = JSONText.decode(Array(listText.utf8)) as? [Any]
        else { throw ImportError.wrongPassword(app) }
        return ImportedFile(format: .totpAuthenticator, entries: try TOTPAuthenticatorEntries.entries(list))
    }
}
