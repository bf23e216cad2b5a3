// Steam Desktop Authenticator maFile: one account object ({"shared_secret", "account_name", …}, older
// versions) or {"accounts": {"<id>": {…}}} (newer). shared_secret (Base64) is the Steam Guard key; the
// file's other secrets (identity_secret, revocation_code, …) are for trade confirmations and never read.
import WalletCrypto

enum SteamFormat {
    static let app = AuthenticatorApp.steam

    static func looksLike(_ json: JSONObject) -> Bool {
        json["shared_secret"] != nil || json["accounts"] is JSONObject
    }

    static func read(_ json: JSONObject) throws -> ImportEntries {
        let accounts: [JSONObject]
        if let map = json["accounts"] as? JSONObject {
            accounts = map.keys.sorted().compactMap { map[$0] as? JSONObject }
        } else {
            accounts = [json]
        }
        var entries = ImportEntries()
        for object in accounts {
            let name = object.string("account_name") ?? ""
            try entries.add(issuer: "Steam", account: name) {
                guard let text = object.string("shared_secret"), let secret = Base64.decode(text, variant: .lenient)
                else { throw ImportError.malformed(app, reason: .entryWithoutSecret) }
                return OTPAccount(kind: .steam, issuer: "Steam", account: name, secret: secret)
            }
        }
        return entries
    }
}
