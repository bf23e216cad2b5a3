// Duo Mobile's internal account list: a JSON array of {"accountType":"OtpAccount", "name",
// "otpGenerator":{"otpSecret" (Base32), "counter"?}}. A counter means HOTP (the app's current counter), none
// means TOTP; Duo stores no issuer, algorithm, digits or period (SHA-1, 6 digits, 30 s).
import WalletCrypto

enum DuoFormat {
    static let app = AuthenticatorApp.duo

    static func looksLike(_ list: [Any]) -> Bool { (list.first as? JSONObject)?["otpGenerator"] != nil }

    static func read(_ list: [Any]) throws -> ImportEntries {
        var entries = ImportEntries()
        for item in list {
            guard let object = item as? JSONObject else {
                throw ImportError.malformed(app, reason: .entryNotObject)
            }
            let name = object.string("name") ?? ""
            try entries.add(issuer: "", account: name) {
                let generator = object.object("otpGenerator") ?? [:]
                let secret = try decodeSecret(generator.string("otpSecret"), app: app)
                if let counter = generator.int("counter") {
                    guard counter >= 0 else {
                        throw ImportError.invalidAccount(.unsupportedParameter(name: "counter", value: String(counter)))
                    }
                    return OTPAccount(kind: .hotp, issuer: "", account: name, secret: secret, counter: UInt64(counter))
                }
                return OTPAccount(kind: .totp, issuer: "", account: name, secret: secret)
            }
        }
        return entries
    }
}
