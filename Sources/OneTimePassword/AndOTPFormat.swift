// andOTP backup. Plain: a JSON array of entries. Encrypted (.json.aes, andOTP 0.6.3 and later):
// 4-byte big-endian PBKDF2 iteration count, 12-byte salt, 12-byte IV, then AES-256-GCM ciphertext with the
// 16-byte tag appended; key = PBKDF2-HMAC-SHA1(password, salt, iterations, 32). andOTP writes no password
// check, so a wrong password and a damaged body look the same; only a too-short file is called corrupt.
import Foundation
import WalletCore
import WalletCrypto

/// Reads andOTP backups (through `OTPImporter`) and writes them for test fixtures.
package enum AndOTPFormat {
    static let app = AuthenticatorApp.andOTP
    static let headerLength = 4 + 12 + 12
    /// Counts that mark a file as andOTP's encrypted layout (its first four bytes).
    static let maxIterations = 10_000_000
    /// andOTP uses 140,000–160,000; a file asking for more than this is refused, not made to spin
    /// (PBKDF2 at ten million iterations takes seconds, found by FuzzOTPDecrypt as a timeout).
    static let maxDerivationIterations = 1_000_000

    static func looksLike(_ list: [Any]) -> Bool {
        guard let first = list.first as? JSONObject else { return list.isEmpty }
        return first["secret"] != nil && first["type"] != nil
    }

    static func iterations(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        let value = Int(bytes[0]) << 24 | Int(bytes[1]) << 16 | Int(bytes[2]) << 8 | Int(bytes[3])
        return (1...maxIterations).contains(value) ? value : nil
    }

    /// Binary with a plausible iteration count: the encrypted layout.
    static func looksEncrypted(_ bytes: [UInt8]) -> Bool {
        iterations(bytes) != nil && bytes.count >= 4 + 1
    }

    static func readEncrypted(_ bytes: [UInt8], password: () throws -> SecureBytes) throws -> ImportEntries {
        guard let iterations = iterations(bytes), bytes.count >= headerLength + AESGCM.tagLength else {
            throw ImportError.corrupted(app)
        }
        guard iterations <= maxDerivationIterations else { throw ImportError.keyDerivationOutOfRange(app) }
        let salt = Array(bytes[4..<16])
        let iv = Array(bytes[16..<28])
        let ciphertext = Array(bytes[28..<(bytes.count - AESGCM.tagLength)])
        let tag = Array(bytes.suffix(AESGCM.tagLength))
        let secret = try password()
        var key = try PBKDF2.derive(
            .sha1, password: secret, salt: salt, iterations: UInt32(iterations), length: 32)
        defer { Memory.zero(&key) }
        guard var plaintext = try? AESGCM.open(ciphertext, tag: tag, key: key, nonce: iv) else {
            throw ImportError.wrongPasswordOrDamaged(app)
        }
        defer { Memory.zero(&plaintext) }
        guard let list = JSONText.decode(plaintext) as? [Any] else { throw ImportError.corrupted(app) }
        return try read(list)
    }

    /// Every entry; MOTP (needs a PIN), unknown types and broken secrets are skipped and named.
    static func read(_ list: [Any]) throws -> ImportEntries {
        var entries = ImportEntries()
        for item in list {
            guard let entry = item as? JSONObject else { throw ImportError.malformed(app, reason: .entryNotObject) }
            var issuer = entry.string("issuer") ?? ""
            var label = entry.string("label") ?? ""
            // Older andOTP versions kept "Issuer - account" or "Issuer:account" in the label alone.
            if issuer.isEmpty, let range = label.range(of: " - ") ?? label.range(of: ":") {
                issuer = String(label[..<range.lowerBound]).trimmingSpaces()
                label = String(label[range.upperBound...]).trimmingSpaces()
            }
            // A bug of old andOTP versions repeated the issuer inside the label ("Deno - Deno:Mason").
            if !issuer.isEmpty, label.hasPrefix(issuer + ":") { label = String(label.dropFirst(issuer.count + 1)) }
            try entries.add(issuer: issuer, account: label) {
                let kind = try OTPKind(exportName: entry.string("type"), app: app)
                return OTPAccount(
                    kind: kind, issuer: issuer, account: label,
                    secret: try decodeSecret(entry.string("secret"), app: app),
                    algorithm: try hashAlgorithm(entry.string("algorithm")),
                    digits: entry.int("digits") ?? 6,
                    period: entry.int("period") ?? 30, counter: UInt64(max(0, entry.int("counter") ?? 0)))
            }
        }
        return entries
    }

    static func entryObject(_ account: OTPAccount) -> JSONObject {
        var entry: JSONObject = [
            "secret": Base32.encode(account.secret), "issuer": account.issuer, "label": account.account,
            "digits": account.digits, "type": account.kind.rawValue.uppercased(),
            "algorithm": account.algorithm.rawValue,
            "thumbnail": "Default", "last_used": 0, "used_frequency": 0, "tags": [String](),
        ]
        if account.kind == .hotp { entry["counter"] = account.counter } else { entry["period"] = account.period }
        return entry
    }

    /// An andOTP backup (used by tests and scripts to produce import fixtures).
    package static func export(_ accounts: [OTPAccount], password: SecureBytes?, iterations: UInt32 = 140_000) throws
        -> [UInt8]
    {
        var plaintext = try JSONText.encode(accounts.map(entryObject))
        guard let password else { return plaintext }
        defer { Memory.zero(&plaintext) }
        let salt = Random.bytes(12)
        var key = try PBKDF2.derive(
            .sha1, password: password, salt: salt, iterations: iterations, length: 32)
        defer { Memory.zero(&key) }
        let sealed = try AESGCM.seal(plaintext, key: key)
        let count = [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: iterations >> $0) }
        return count + salt + sealed.nonce + sealed.ciphertext + sealed.tag
    }
}
