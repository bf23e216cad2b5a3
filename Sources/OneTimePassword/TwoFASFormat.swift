// 2FAS Authenticator backup (.2fas JSON). Plain: "services" is a list. Encrypted: "servicesEncrypted" is
// "Base64(ciphertext||tag):Base64(salt):Base64(iv)" with key = PBKDF2-HMAC-SHA256(password, salt, 10000, 32)
// and AES-256-GCM; "reference" is a known text sealed the same way, which tells a wrong password
// (reference fails) from a damaged file (reference opens, services do not).
import Foundation
import WalletCore
import WalletCrypto

/// Reads 2FAS backups (through `OTPImporter`) and writes them for test fixtures.
package enum TwoFASFormat {
    static let app = AuthenticatorApp.twoFAS
    static let iterations: UInt32 = 10_000

    static func looksLike(_ json: JSONObject) -> Bool {
        json["servicesEncrypted"] != nil || (json["services"] is [Any] && json["schemaVersion"] != nil)
    }

    static func isEncrypted(_ json: JSONObject) -> Bool { json.string("servicesEncrypted") != nil }

    struct Sealed {
        var ciphertext: [UInt8]
        var tag: [UInt8]
        var salt: [UInt8]
        var iv: [UInt8]

        init?(_ text: String) {
            let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 3, let combined = Base64.decode(parts[0], variant: .lenient),
                combined.count >= AESGCM.tagLength, let salt = Base64.decode(parts[1], variant: .lenient),
                let iv = Base64.decode(parts[2], variant: .lenient), !iv.isEmpty
            else { return nil }
            ciphertext = Array(combined.dropLast(AESGCM.tagLength))
            tag = Array(combined.suffix(AESGCM.tagLength))
            self.salt = salt
            self.iv = iv
        }
    }

    static func read(_ json: JSONObject, password: () throws -> SecureBytes) throws -> ImportEntries {
        guard let sealedText = json.string("servicesEncrypted") else {
            guard let services = json["services"] as? [JSONObject] else {
                throw ImportError.malformed(app, reason: .noServicesList)
            }
            return try entries(services)
        }
        guard let sealed = Sealed(sealedText) else { throw ImportError.corrupted(app) }
        let secret = try password()
        var key = try PBKDF2.derive(
            .sha256, password: secret, salt: sealed.salt, iterations: iterations, length: 32)
        defer { Memory.zero(&key) }
        if let referenceText = json.string("reference") {
            guard let reference = Sealed(referenceText) else { throw ImportError.corrupted(app) }
            // The reference shares the salt, so the same key must open it.
            guard (try? AESGCM.open(reference.ciphertext, tag: reference.tag, key: key, nonce: reference.iv)) != nil
            else { throw ImportError.wrongPassword(app) }
            guard var plaintext = try? AESGCM.open(sealed.ciphertext, tag: sealed.tag, key: key, nonce: sealed.iv)
            else { throw ImportError.corrupted(app) }
            defer { Memory.zero(&plaintext) }
            return try services(plaintext)
        }
        guard var plaintext = try? AESGCM.open(sealed.ciphertext, tag: sealed.tag, key: key, nonce: sealed.iv) else {
            throw ImportError.wrongPassword(app)
        }
        defer { Memory.zero(&plaintext) }
        return try services(plaintext)
    }

    static func services(_ plaintext: [UInt8]) throws -> ImportEntries {
        guard let list = JSONText.decode(plaintext) as? [JSONObject] else { throw ImportError.corrupted(app) }
        return try entries(list)
    }

    /// Every service; one of an unknown token type or with a broken secret is skipped and named.
    static func entries(_ services: [JSONObject]) throws -> ImportEntries {
        var entries = ImportEntries()
        for service in services {
            let otp = service.object("otp") ?? [:]
            try entries.add(
                issuer: otp.string("issuer") ?? service.string("name") ?? "",
                account: otp.string("account") ?? otp.string("label") ?? ""
            ) { try account(service) }
        }
        return entries
    }

    static func account(_ service: JSONObject) throws(ImportError) -> OTPAccount {
        let otp = service.object("otp") ?? [:]
        let kind = try OTPKind(exportName: otp.string("tokenType"), app: app)
        var accountName = otp.string("account") ?? ""
        if accountName.isEmpty { accountName = otp.string("label") ?? "" }
        // "name" is the service (issuer) shown in the app; it stands in when otp.issuer is absent, unless it
        // merely repeats the account (what 2FAS shows for an issuer-less entry).
        var issuer = otp.string("issuer") ?? ""
        if issuer.isEmpty, let name = service.string("name"), name != accountName { issuer = name }
        let result = OTPAccount(
            kind: kind, issuer: issuer, account: accountName,
            secret: try decodeSecret(service.string("secret"), app: app),
            algorithm: try hashAlgorithm(otp.string("algorithm")), digits: otp.int("digits") ?? 6,
            period: otp.int("period") ?? 30, counter: UInt64(max(0, otp.int("counter") ?? 0)))
        return try validated(result)
    }

    static func serviceObject(_ account: OTPAccount, position: Int) -> JSONObject {
        var otp: JSONObject = [
            "account": account.account, "issuer": account.issuer, "label": account.account, "digits": account.digits,
            "period": account.period, "algorithm": account.algorithm.rawValue,
            "tokenType": account.kind.rawValue.uppercased(), "source": "Manual",
        ]
        if account.kind == .hotp { otp["counter"] = account.counter }
        return [
            "name": account.issuer.isEmpty ? account.account : account.issuer, "secret": Base32.encode(account.secret),
            "otp": otp, "order": ["position": position], "updatedAt": 0,
        ]
    }

    /// A 2FAS backup in the app's layout (used by tests and scripts to produce import fixtures).
    package static func export(_ accounts: [OTPAccount], password: SecureBytes?) throws -> [UInt8] {
        let services = accounts.enumerated().map { serviceObject($1, position: $0) }
        var top: JSONObject = ["schemaVersion": 4, "appVersionCode": 5_000_000, "groups": [Any](), "updatedAt": 0]
        guard let password else {
            top["services"] = services
            return try JSONText.encode(top)
        }
        let salt = Random.bytes(256)
        var key = try PBKDF2.derive(
            .sha256, password: password, salt: salt, iterations: iterations, length: 32)
        defer { Memory.zero(&key) }
        func seal(_ plaintext: [UInt8]) throws -> String {
            let sealed = try AESGCM.seal(plaintext, key: key)
            let parts = [sealed.ciphertext + sealed.tag, salt, sealed.nonce].map { Base64.encode($0, variant: .padded) }
            return parts.joined(separator: ":")
        }
        var plaintext = try JSONText.encode(services)
        defer { Memory.zero(&plaintext) }
        top["services"] = [Any]()
        top["servicesEncrypted"] = try seal(plaintext)
        top["reference"] = try seal(Array("walletsec 2FAS reference text".utf8))
        return try JSONText.encode(top)
    }
}
