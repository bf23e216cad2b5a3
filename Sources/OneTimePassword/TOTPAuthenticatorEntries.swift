// TOTP Authenticator (BinaryBoot) accounts: a JSON array of objects (or of JSON strings of objects) with
// "issuer", "name", "key", "base" (16 hex, 32 Base32, 64 Base64 encoding of "key"), and "digits"/"period" as
// strings. Always TOTP with SHA-1. The app's internal shared preferences keep the array under
// STATIC_TOTP_CODES_LIST (beside DEFAULT_ENCRYPTION_KEY, the user's backup password in clear: never read);
// its encrypted backup decrypts to the same array.
import Foundation
import WalletCrypto

enum TOTPAuthenticatorEntries {
    static let app = AuthenticatorApp.totpAuthenticator
    static let listKey = "STATIC_TOTP_CODES_LIST"

    static func looksLike(_ preferences: SharedPreferences) -> Bool { preferences[listKey] != nil }

    static func read(_ preferences: SharedPreferences) throws -> ImportEntries {
        guard let list = preferences[listKey].flatMap({ JSONText.decode(Array($0.utf8)) }) as? [Any] else {
            throw ImportError.malformed(app, reason: .noAccountList(listKey))
        }
        return try entries(list)
    }

    /// The entries of the array (the preferences' list, or a decrypted backup).
    static func entries(_ list: [Any]) throws -> ImportEntries {
        try ImportEntries.checkCount(list.count, app: app)
        var entries = ImportEntries()
        for item in list {
            let object: JSONObject?
            if let text = item as? String {
                object = JSONText.decode(Array(text.utf8)) as? JSONObject
            } else {
                object = item as? JSONObject
            }
            guard let object else { throw ImportError.malformed(app, reason: .entryNotObject) }
            let issuer = object.string("issuer") ?? ""
            let name = object.string("name") ?? ""
            let base = object.int("base") ?? 32
            guard [16, 32, 64].contains(base) else {
                entries.skip(issuer: issuer, account: name, .unsupportedType("base \(base)"))
                continue
            }
            try entries.add(issuer: issuer, account: name) {
                guard let key = object.string("key"), !key.isEmpty else {
                    throw ImportError.malformed(app, reason: .entryWithoutSecret)
                }
                var secret: [UInt8]
                switch base {
                case 16: secret = Hex.decode(key) ?? []
                case 64: secret = Base64.decode(key, variant: .lenient) ?? []
                default: secret = try decodeSecret(key, app: app).copyBytes()
                }
                defer { Memory.zero(&secret) }
                return OTPAccount(
                    kind: .totp, issuer: issuer, account: name, secret: secret, digits: object.int("digits") ?? 6,
                    period: object.int("period") ?? 30)
            }
        }
        return entries
    }
}
