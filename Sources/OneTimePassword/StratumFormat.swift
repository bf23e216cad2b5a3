// Authenticator Pro / Stratum backups. The JSON payload is {"Authenticators":[{Type, Issuer, Username, Secret
// (Base32), Algorithm, Digits, Period, Counter, …}], …} with Type 1 HOTP, 2 TOTP, 3 mOTP, 4 Steam, 5 Yandex and
// Algorithm 0 SHA-1, 1 SHA-256, 2 SHA-512; the app's internal database has the same columns.
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
    static let legacyIterations: UInt32 = 64_000
    /// Backups of a phone's accounts are small; beyond this the file is refused before decrypting.
    static let maxEncryptedSize = 64 << 20

    /// A Stratum JSON backup (after decryption, or plain).
    static func looksLike(_ json: JSONObject) -> Bool { json["Authenticators"] != nil }

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
        var key = try secret.withUnsafeBytes {
            try PBKDF2.derive(.sha1, password: Array($0), salt: salt, iterations: legacyIterations, length: 32)
        }
        defer { Memory.zero(&key) }
        // No tag: bad padding, or a plaintext that is not the JSON backup, is how a wrong password shows.
        guard var plaintext = try? AESCBC.decrypt(ciphertext, key: key, iv: iv) else {
            throw ImportError.wrongPassword(app)
        }
        defer { Memory.zero(&plaintext) }
        guard let json = JSONText.decode(plaintext) as? JSONObject, looksLike(json) else {
            throw ImportError.wrongPassword(app)
        }
        var file = try read(json)
        file.format = .stratumEncrypted
        return file
    }

    /// A plain (or decrypted) JSON backup.
    static func read(_ json: JSONObject) throws(ImportError) -> ImportedFile {
        guard let list = json["Authenticators"] as? [Any] else { throw .malformed(app, reason: .noEntriesList) }
        var collector = EntryCollector(app)
        try collector.checkCount(list.count)
        for item in list {
            guard let entry = item as? JSONObject else { throw .malformed(app, reason: .entryNotObject) }
            var row: JSONObject = [:]
            for (key, value) in entry { row[key.lowercased()] = value }
            add(row, to: &collector)
        }
        return collector.file(.stratum)
    }

    /// The app's internal database: table `authenticator` with the backup's fields as columns.
    static func readDatabase(_ database: SQLiteSnapshot) throws -> ImportedFile {
        guard try database.hasTable("authenticator") else { throw ImportError.malformed(app, reason: .noAccountsTable) }
        var collector = EntryCollector(app)
        let rows = try database.rows(
            "SELECT type, issuer, username, secret, algorithm, digits, period, counter FROM authenticator",
            limit: EntryCollector.maxEntries)
        for row in rows { add(row, to: &collector) }
        return collector.file(.stratumDatabase)
    }

    /// One entry (keys lower-cased), as an account or a skipped entry.
    static func add(_ row: JSONObject, to collector: inout EntryCollector) {
        let issuer = row.string("issuer") ?? ""
        let name = row.string("username") ?? ""
        let type = row.int("type") ?? -1
        let kind: OTPKind
        switch type {
        case 1: kind = .hotp
        case 2: kind = .totp
        case 4: kind = .steam
        case 3:
            collector.skip(issuer: issuer, account: name, .unsupportedType("mOTP"))
            return
        case 5:
            collector.skip(issuer: issuer, account: name, .unsupportedType("Yandex"))
            return
        default:
            collector.skip(issuer: issuer, account: name, .unsupportedType(String(type)))
            return
        }
        collector.add(issuer: issuer, account: name) { () throws(ImportError) in
            guard let algorithm = HashAlgorithm(code: row.int("algorithm") ?? 0) else {
                throw .invalidAccount(
                    .unsupportedParameter(name: "algorithm", value: String(row.int("algorithm") ?? -1)))
            }
            return OTPAccount(
                kind: kind, issuer: issuer, account: name, secret: try decodeSecret(row.string("secret"), app: app),
                algorithm: algorithm, digits: row.int("digits") ?? 6, period: row.int("period") ?? 30,
                counter: UInt64(max(0, row.int("counter") ?? 0)))
        }
    }
}
