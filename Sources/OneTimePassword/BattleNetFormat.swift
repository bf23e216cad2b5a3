// Battle.net Authenticator shared preferences. AUTHENTICATOR_DEVICE_SECRET and AUTHENTICATOR_SERIAL are hex
// strings XOR-ed with a fixed 56-byte mask (the app's obfuscation, ENCRYPTION_TYPE "MASK"; not encryption).
// Unmasked, the serial is ASCII ("US-2211-2050-3346") and the secret is the hex text of the 20-byte key.
// The account is TOTP, SHA-1, 8 digits, 30 s; issuer "Battle.net", name the serial.
import WalletCrypto

enum BattleNetFormat {
    static let app = AuthenticatorApp.battleNet
    static let prefix = "com.blizzard.messenger."
    static let secretKey = prefix + "AUTHENTICATOR_DEVICE_SECRET"
    static let serialKey = prefix + "AUTHENTICATOR_SERIAL"
    static let schemeKey = prefix + "AUTHENTICATOR_CREDENTIALS_ENCRYPTION_TYPE"
    static let mask = Hex.decode(
        "398e27fc50276a656065b0e525f4c06c04c61075286b8e7aeda59da9813b5dd6c80d2fb38068773fa59ba47c17ca6c6479015c1d5b8b8f6b9a"
    )!

    static func looksLike(_ preferences: SharedPreferences) -> Bool { preferences[secretKey] != nil }

    static func unmask(_ hex: String?) -> [UInt8]? {
        guard let bytes = hex.flatMap(Hex.decode), bytes.count <= mask.count else { return nil }
        return zip(bytes, mask).map { $0 ^ $1 }
    }

    static func read(_ preferences: SharedPreferences) throws -> ImportEntries {
        if let scheme = preferences[schemeKey], scheme != "MASK" {
            throw ImportError.unsupportedEncryption(app, reason: .unknownScheme(scheme))
        }
        let serial = unmask(preferences[serialKey]).flatMap { String(validating: $0, as: UTF8.self) } ?? ""
        var entries = ImportEntries()
        try entries.add(issuer: "Battle.net", account: serial) {
            guard var hexText = unmask(preferences[secretKey]) else {
                throw ImportError.malformed(app, reason: .entryWithoutSecret)
            }
            defer { Memory.zero(&hexText) }
            guard var secret = Hex.decode(String(decoding: hexText, as: UTF8.self)) else {
                throw ImportError.invalidAccount(.emptySecret)
            }
            defer { Memory.zero(&secret) }
            return OTPAccount(kind: .totp, issuer: "Battle.net", account: serial, secret: secret, digits: 8)
        }
        return entries
    }
}
