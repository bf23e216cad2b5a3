// Authenticator Pro / Stratum encrypted backups and internal database. Both hold the rows of the JSON backup
// (StratumJSONFormat reads them); the database has the same fields as columns.
// Encrypted files start with a 16-byte magic:
//  * "AuthenticatorPro" (legacy): salt (20) ‖ IV (16) ‖ AES-256-CBC/PKCS#7 ciphertext,
//    key = PBKDF2-HMAC-SHA1(password, salt, 64000, 32).
//  * "AUTHENTICATORPRO" (current): salt (16) ‖ nonce (12) ‖ AES-256-GCM ciphertext‖tag, key = Argon2id v1.3 with
//    t=3, m=64 MiB and 4 parallel lanes. libsodium computes Argon2id with one lane only and OpenSSL 3.0 has no
//    Argon2, so this file is recognised and refused (`unsupportedEncryption`). docs/2fa.md "Authenticator Pro".
import WalletCore
import WalletCrypto

/// Reads Authenticator Pro / Stratum backups and databases (through `OTPImporter`).
package enum StratumFormat {
    static let app = AuthenticatorApp.stratum
    static let legacyMagic = Array("AuthenticatorPro".utf8)
    static let currentMagic = Array("AUTHENTICATORPRO".utf8)
    static let legacySaltLength = 20
    /// The JSON backup's keys of the database columns read.
    static let backupKeys = ["Type", "Issuer", "Username", "Secret", "Algorithm", "Digits", "Period", "Counter"]
    static let legacyIterations: UInt32 = 64_000
    /// Backups of a phone's accounts are small; beyond this the file is refused before decrypting.
    static let maxEncryptedSize = 64 << 20

    /// Starts with one of the two encrypted-backup magics.
    static func looksEncrypted(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: legacyMagic) || bytes.starts(with: currentMagic)
    }

    static func readEncrypted(_ bytes: [UInt8], password: () throws -> SecureBytes) throws -> ImportedFile {
        if bytes.starts(with: currentMagic) {
            throw ImportError.unsupportedEncryption(app, reason: .argon2idParallelLanes)
        }
        let header = legacyMagic.count + legacySaltLength + AESCBC.blockLength
        guard bytes.count <= maxEncryptedSize, bytes.count > header,
            (bytes.count - header) % AESCBC.blockLength == 0
        else { throw ImportError.corrupted(app) }
        let salt = Array(bytes[legacyMagic.count..<(legacyMagic.count + legacySaltLength)])
        let iv = Array(bytes[(header - AESCBC.blockLength)..<header])
        let ciphertext = Array(bytes[header...])
        let secret = try password()
        var key = try PBKDF2.derive(
            .sha1, password: secret, salt: salt, iterations: legacyIterations, length: 32)
        defer { Memory.zero(&key) }
        // No tag: bad padding, or a plaintext that is not the JSON backup, is how a wrong password shows.
        guard var plaintext = try? AESCBC.decrypt(ciphertext, key: key, iv: iv) else {
            throw ImportError.wrongPassword(app)
        }
        defer { Memory.zero(&plaintext) }
        guard let json = JSONText.decode(plaintext) as? JSONObject, StratumJSONFormat.looksLike(json) else {
            throw ImportError.wrongPassword(app)
        }
        return ImportedFile(format: .stratumEncrypted, entries: try StratumJSONFormat.read(json))
    }

    /// The app's internal database: table `authenticator` with the backup's fields as columns.
    static func readDatabase(_ database: SQLiteSnapshot) throws -> ImportedFile {
        guard try database.hasTable("authenticator") else { throw ImportError.malformed(app, reason: .noAccountsTable) }
        let rows = try database.rows(
            "SELECT type, issuer, username, secret, algorithm, digits, period, counter FROM authenticator",
            limit: ImportEntries.maxEntries)
        // The snapshot lower-cases column names; the JSON reader wants the backup's keys.
        let keys = Dictionary(uniqueKeysWithValues: backupKeys.map { ($0.lowercased(), $0) })
        let entries = rows.map { row in
            Dictionary(uniqueKeysWithValues: row.map { (keys[$0.key] ?? $0.key, $0.value) })
        }
        return ImportedFile(format: .stratumDatabase, entries: try StratumJSONFormat.entries(entries))
    }
}
