// Apps' internal SQLite databases, copied off a rooted phone: Google Authenticator (`databases`, table
// `accounts(email, secret, counter, type, issuer, …)`, type 0 TOTP / 1 HOTP, Base32 secret, always SHA-1/6/30),
// Microsoft Authenticator (`PhoneFactor`, Room table `accounts(name, username, oath_secret_key, account_type, …)`:
// type 0 TOTP Base32 SHA-1/6/30, type 1 Microsoft personal account Base64 8 digits, others are push-only work
// accounts without a code secret) and Authenticator Pro (table `authenticator`, see StratumFormat). Told apart by
// their tables and columns. docs/2fa.md "App databases".
import WalletCore
import WalletCrypto

/// Reads the authenticator databases walletsec knows (through `OTPImporter`).
package enum AuthenticatorDatabases {
    /// Starts with SQLite's file header.
    static func looksLike(_ bytes: [UInt8]) -> Bool { SQLiteSnapshot.looksLike(bytes) }

    /// The accounts of whichever app's database this is; `unknownFormat` for another SQLite database.
    static func read(_ bytes: [UInt8]) throws -> ImportedFile {
        // Until the schema is known the damage is nobody's in particular; Google's is the likeliest database.
        try SQLiteSnapshot.withDatabase(bytes, app: .googleAuthenticatorDatabase) { database in
            if try database.hasTable("authenticator") {
                return try StratumFormat.readDatabase(database)
            }
            let columns = try database.columns("accounts")
            if columns.contains("oath_secret_key") { return try readMicrosoft(database) }
            if columns.isSuperset(of: ["email", "secret"]) { return try readGoogle(database) }
            throw ImportError.unknownFormat
        }
    }

    static func readGoogle(_ database: SQLiteSnapshot) throws -> ImportedFile {
        let app = AuthenticatorApp.googleAuthenticatorDatabase
        var collector = ImportEntries()
        let rows = try database.rows(
            "SELECT email, secret, counter, type, issuer FROM accounts ORDER BY _id", limit: ImportEntries.maxEntries)
        for row in rows {
            var name = row.string("email") ?? ""
            let issuer = row.string("issuer") ?? ""
            // The app keeps "Issuer:account" in `email`; the issuer has its own column.
            let parts = name.split(separator: ":", omittingEmptySubsequences: false)
            if parts.count == 2 { name = String(parts[1]) }
            let kind: OTPKind
            switch row.int("type") ?? 0 {
            case 0: kind = .totp
            case 1: kind = .hotp
            default:
                collector.skip(issuer: issuer, account: name, .unsupportedType(String(row.int("type") ?? -1)))
                continue
            }
            try collector.add(issuer: issuer, account: name) { () throws(ImportError) in
                OTPAccount(
                    kind: kind, issuer: issuer, account: name, secret: try decodeSecret(row.string("secret"), app: app),
                    counter: UInt64(max(0, row.int("counter") ?? 0)))
            }
        }
        return ImportedFile(format: .googleAuthenticatorDatabase, entries: collector)
    }

    static func readMicrosoft(_ database: SQLiteSnapshot) throws -> ImportedFile {
        let app = AuthenticatorApp.microsoftAuthenticator
        var collector = ImportEntries()
        let rows = try database.rows(
            "SELECT name, username, oath_secret_key, account_type FROM accounts ORDER BY _id",
            limit: ImportEntries.maxEntries)
        for row in rows {
            let issuer = row.string("name") ?? ""
            let name = row.string("username") ?? ""
            let secret = row.string("oath_secret_key") ?? ""
            switch row.int("account_type") ?? -1 {
            case 0:
                try collector.add(issuer: issuer, account: name) { () throws(ImportError) in
                    OTPAccount(issuer: issuer, account: name, secret: try decodeSecret(secret, app: app))
                }
            case 1:
                // A Microsoft personal account: the seed is Base64 and the codes have 8 digits.
                try collector.add(issuer: issuer, account: name) { () throws(ImportError) in
                    guard var bytes = Base64.decode(secret, variant: .lenient), !bytes.isEmpty else {
                        throw .invalidAccount(.emptySecret)
                    }
                    defer { Memory.zero(&bytes) }
                    return OTPAccount(issuer: issuer, account: name, secret: SecureBytes(bytes), digits: 8)
                }
            case let type:
                // Work or school accounts approve sign-ins by push and hold no code secret.
                collector.skip(issuer: issuer, account: name, .unsupportedType("account_type \(type)"))
            }
        }
        return ImportedFile(format: .microsoftAuthenticatorDatabase, entries: collector)
    }
}
