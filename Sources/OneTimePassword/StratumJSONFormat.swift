// Stratum (Authenticator Pro) backup JSON: {"Authenticators":[{Type, Issuer, Username, Secret (Base32), Pin,
// Algorithm, Digits, Period, Counter}], "Categories", …}. Type: 1 HOTP, 2 TOTP, 3 mOTP, 4 Steam, 5 Yandex;
// Algorithm: 0 SHA-1, 1 SHA-256, 2 SHA-512. mOTP and Yandex need a PIN walletsec does not compute with:
// skipped and named. The encrypted backups and the app database hold the same rows (`entries(_:)` reads
// rows keyed as in this JSON).
import WalletCrypto

enum StratumJSONFormat {
    static let app = AuthenticatorApp.stratum
    static let typeNames = [1: "hotp", 2: "totp", 3: "motp", 4: "steam", 5: "yandex"]
    static let algorithms: [Int: HashAlgorithm] = [0: .sha1, 1: .sha256, 2: .sha512]

    static func looksLike(_ json: JSONObject) -> Bool { json["Authenticators"] != nil }

    static func read(_ json: JSONObject) throws -> ImportEntries {
        guard let list = json["Authenticators"] as? [JSONObject] else {
            throw ImportError.malformed(app, reason: .noAccountList("Authenticators"))
        }
        return try entries(list)
    }

    /// Rows with the JSON's keys (Type, Issuer, Username, Secret, Algorithm, Digits, Period, Counter).
    static func entries(_ rows: [JSONObject]) throws -> ImportEntries {
        try ImportEntries.checkCount(rows.count, app: app)
        var entries = ImportEntries()
        for row in rows {
            let issuer = row.string("Issuer") ?? ""
            let name = row.string("Username") ?? ""
            try entries.add(issuer: issuer, account: name) {
                let typeCode = row.int("Type") ?? 0
                let kind = try OTPKind(exportName: typeNames[typeCode] ?? String(typeCode), app: app)
                let algorithmCode = row.int("Algorithm") ?? 0
                guard let algorithm = algorithms[algorithmCode] else {
                    throw ImportError.invalidAccount(
                        .unsupportedParameter(name: "algorithm", value: String(algorithmCode)))
                }
                let counter = row.int("Counter") ?? 0
                return OTPAccount(
                    kind: kind, issuer: issuer, account: name, secret: try decodeSecret(row.string("Secret"), app: app),
                    algorithm: algorithm, digits: row.int("Digits") ?? 6, period: row.int("Period") ?? 30,
                    counter: UInt64(max(0, counter)))
            }
        }
        return entries
    }
}
