// Authy for Android: its shared-preferences file (`com.authy.storage.tokens.authenticator.xml`), a `<map>` whose
// `<string name="com.authy.storage.tokens.authenticator.key">` holds a JSON array of tokens. A token carries its
// seed either in clear (`decryptedSecret`, Base32) or encrypted under the backup password (`encryptedSecret`,
// Base64, with a per-token `salt`): key = PBKDF2-HMAC-SHA1(password, salt as UTF-8 text, 1000, 32 bytes),
// AES-256-CBC, IV of 16 zero bytes, PKCS#7; the plaintext is the Base32 seed. Authy stores no algorithm and no
// period: every token is TOTP, SHA-1, 30 s, with the token's digits. Authy's own tokens (the `…authy.key` list)
// carry a hex `secretSeed` and make 10-second codes. docs/2fa.md "Authy".
import Foundation
import WalletCore
import WalletCrypto

/// Reads Authy's Android token preferences (through `OTPImporter`).
package enum AuthyFormat {
    static let app = AuthenticatorApp.authy
    static let tokensKey = "com.authy.storage.tokens.authenticator.key"
    /// Authy's first-party tokens (hex `secretSeed`, 10-second codes), in `com.authy.storage.tokens.authy.xml`.
    static let authyTokensKey = "com.authy.storage.tokens.authy.key"
    static let iterations: UInt32 = 1000

    /// A shared-preferences `<map>` with one of Authy's token keys.
    static func looksLike(_ preferences: SharedPreferences) -> Bool {
        preferences.names.contains { $0.hasPrefix("com.authy.storage.tokens.") }
    }

    static func read(_ preferences: SharedPreferences, password: () throws -> SecureBytes) throws -> ImportedFile {
        let tokens = try tokenList(preferences)
        var collector = ImportEntries()
        try ImportEntries.checkCount(tokens.count, app: app)
        var passwordBytes: SecureBytes?
        var opened = 0
        for token in tokens {
            if let hexSeed = token.string("secretSeed") {
                // Authy's own (first-party) tokens: hex seed, 10-second period, named by `name` alone.
                let issuer = token.string("name") ?? ""
                let digits = token.int("digits") ?? 7
                try collector.add(issuer: issuer, account: "") { () throws(ImportError) in
                    guard var bytes = Hex.decode(hexSeed), !bytes.isEmpty else { throw .invalidAccount(.emptySecret) }
                    defer { Memory.zero(&bytes) }
                    return OTPAccount(
                        issuer: issuer, account: "", secret: SecureBytes(bytes), digits: digits, period: 10)
                }
                continue
            }
            let (issuer, name) = names(token)
            var seed: String
            if let decrypted = token.string("decryptedSecret") {
                seed = decrypted
            } else if let encrypted = token.string("encryptedSecret") {
                if passwordBytes == nil { passwordBytes = try password() }
                guard let passwordBytes, let salt = token.string("salt"), !salt.isEmpty,
                    let ciphertext = Base64.decode(encrypted, variant: .lenient)
                else {
                    collector.skip(issuer: issuer, account: name, .invalidSecret)
                    continue
                }
                guard let plain = try decryptSeed(ciphertext, salt: salt, password: passwordBytes) else {
                    // CBC has no tag: bad padding or a seed that is not Base32 is how a wrong password shows.
                    // Once one seed opened, the password is right and this entry is damaged.
                    throw opened == 0 ? ImportError.wrongPassword(app) : ImportError.corrupted(app)
                }
                opened += 1
                seed = plain
            } else {
                collector.skip(issuer: issuer, account: name, .invalidSecret)
                continue
            }
            let digits = token.int("digits") ?? 6
            try collector.add(issuer: issuer, account: name) { () throws(ImportError) in
                OTPAccount(
                    kind: .totp, issuer: issuer, account: name, secret: try decodeSecret(seed, app: app),
                    digits: digits)
            }
            seed = ""
        }
        return ImportedFile(format: opened > 0 ? .authyEncrypted : .authy, entries: collector)
    }

    /// The tokens of the authenticator list, then of Authy's own list (each is in its own preferences file).
    static func tokenList(_ preferences: SharedPreferences) throws(ImportError) -> [JSONObject] {
        var tokens: [JSONObject] = []
        for key in [tokensKey, authyTokensKey] {
            guard let json = preferences[key] else { continue }
            guard let list = JSONText.decode(Array(json.utf8)) as? [Any] else { throw .corrupted(app) }
            for item in list {
                guard let object = item as? JSONObject else { throw .malformed(app, reason: .entryNotObject) }
                tokens.append(object)
            }
        }
        return tokens
    }

    /// The Base32 seed, or nil when the padding or the text says the key was wrong.
    static func decryptSeed(_ ciphertext: [UInt8], salt: String, password: SecureBytes) throws -> String? {
        var key = try PBKDF2.derive(
            .sha1, password: password, salt: Array(salt.utf8), iterations: iterations, length: 32)
        defer { Memory.zero(&key) }
        guard ciphertext.count % AESCBC.blockLength == 0, !ciphertext.isEmpty,
            var plain = try? AESCBC.decrypt(ciphertext, key: key, iv: [UInt8](repeating: 0, count: 16))
        else { return nil }
        defer { Memory.zero(&plain) }
        guard let text = String(validating: plain, as: UTF8.self), (try? Base32.decode(text)) != nil else {
            return nil
        }
        return text
    }

    /// Issuer and account as Authy shows them: `originalIssuer`, else the part of `originalName` before ':', else
    /// of `name` before " - ", else the account type; the account is `name` without that issuer prefix.
    static func names(_ token: JSONObject) -> (issuer: String, account: String) {
        let name = token.string("name") ?? ""
        var issuer = ""
        var separator = ""
        if let original = token.string("originalIssuer"), !original.isEmpty {
            issuer = original
        } else if let originalName = token.string("originalName"), let colon = originalName.firstIndex(of: ":") {
            issuer = String(originalName[..<colon])
            separator = ":"
        } else if let dash = name.range(of: " - ") {
            issuer = String(name[..<dash.lowerBound])
            separator = " - "
        } else if let type = token.string("accountType"), let first = type.first {
            issuer = first.uppercased() + type.dropFirst()
        }
        var account = name
        if !issuer.isEmpty, account.hasPrefix(issuer + separator) {
            account.removeFirst((issuer + separator).count)
        }
        if account.hasPrefix(":") { account.removeFirst() }
        return (issuer, account.trimmingSpaces())
    }
}
