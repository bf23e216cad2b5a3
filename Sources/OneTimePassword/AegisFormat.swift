// Aegis Authenticator vault JSON, plain and encrypted (docs/vault.md of the Aegis project):
// {"version":1, "header":{"slots":[...], "params":{"nonce","tag"}}, "db": <object, or Base64 ciphertext>}.
// Encrypted: each password slot (type 1) wraps the 32-byte master key with AES-256-GCM under
// scrypt(password, salt, n, r, p); the master key opens "db" with AES-256-GCM (nonce/tag in header.params).
import Foundation
import WalletCore
import WalletCrypto

/// Reads and writes Aegis vault files (through `OTPImporter` and `OTPExporter`).
package enum AegisFormat {
    static let app = AuthenticatorApp.aegis
    /// Aegis's own defaults, used when we write an encrypted vault.
    static let scryptN: UInt64 = 32_768
    static let scryptR: UInt32 = 8
    static let scryptP: UInt32 = 1
    /// Password slots tried at most (Aegis writes one; a user may add another).
    static let maxPasswordSlots = 4
    /// scrypt memory (128·r·N bytes) accepted from a slot: 256 MiB, eight times Aegis's own.
    static let maxScryptMemory = 1 << 28

    static func looksLike(_ json: JSONObject) -> Bool {
        json["header"] != nil && json["db"] != nil
    }

    static func isEncrypted(_ json: JSONObject) -> Bool { json["db"] is String }

    static func read(_ json: JSONObject, password: () throws -> SecureBytes) throws -> ImportEntries {
        if let db = json.object("db") { return try entries(db) }
        guard let sealedDB = json.string("db"), let header = json.object("header"),
            let slots = header["slots"] as? [JSONObject], let params = header.object("params"),
            let dbNonce = params.string("nonce").flatMap(Hex.decode),
            let dbTag = params.string("tag").flatMap(Hex.decode)
        else { throw ImportError.corrupted(app) }
        let passwordSlots = slots.filter { $0.int("type") == 1 }
        guard !passwordSlots.isEmpty else { throw ImportError.noPasswordSlot }
        // Each password slot costs a full scrypt: a crafted vault with hundreds would stall the import.
        guard passwordSlots.count <= maxPasswordSlots else { throw ImportError.keyDerivationOutOfRange(app) }
        let secret = try password()
        var masterKey: [UInt8]?
        for slot in passwordSlots {
            guard let salt = slot.string("salt").flatMap(Hex.decode),
                let wrapped = slot.string("key").flatMap(Hex.decode),
                let keyParams = slot.object("key_params"), let nonce = keyParams.string("nonce").flatMap(Hex.decode),
                let tag = keyParams.string("tag").flatMap(Hex.decode), let n = slot.int("n"), let r = slot.int("r"),
                let p = slot.int("p"), n > 1, r > 0, p > 0
            else { throw ImportError.corrupted(app) }
            // Values from the file: check before any conversion (`p = 2^32` trapped in UInt32(p)), and
            // bound the work so a crafted slot cannot stall the import: Aegis writes 2^15, 8, 1 (work
            // n·r·p = 2^18, 32 MiB); up to 16 times that work and 256 MiB of memory are accepted.
            guard n <= 1 << 20, r <= 32, p <= 16, let r32 = UInt32(exactly: r), let p32 = UInt32(exactly: p),
                n * r * p <= 1 << 22, 128 * r * n <= maxScryptMemory
            else { throw ImportError.keyDerivationOutOfRange(app) }
            let derived: SecureBytes
            do {
                derived = try Scrypt.derive(
                    password: secret, salt: salt, n: UInt64(n), r: r32, p: p32, length: 32,
                    maxMemory: UInt64(maxScryptMemory))
            } catch {
                throw ImportError.keyDerivationOutOfRange(app)
            }
            var key = derived.copyBytes()
            defer { Memory.zero(&key) }
            if let opened = try? AESGCM.open(wrapped, tag: tag, key: key, nonce: nonce) {
                masterKey = opened
                break
            }
        }
        guard var masterKey else { throw ImportError.wrongPassword(app) }
        defer { Memory.zero(&masterKey) }
        guard let ciphertext = Base64.decode(sealedDB, variant: .lenient), masterKey.count == 32 else {
            throw ImportError.corrupted(app)
        }
        guard var plaintext = try? AESGCM.open(ciphertext, tag: dbTag, key: masterKey, nonce: dbNonce) else {
            throw ImportError.corrupted(app)
        }
        defer { Memory.zero(&plaintext) }
        guard let db = JSONText.decode(plaintext) as? JSONObject else { throw ImportError.corrupted(app) }
        return try entries(db)
    }

    /// Every entry: Yandex and mOTP entries (they need a PIN we do not compute with) and broken ones are
    /// skipped and named, the rest import.
    static func entries(_ db: JSONObject) throws -> ImportEntries {
        guard let list = db["entries"] as? [JSONObject] else {
            throw ImportError.malformed(app, reason: .noEntriesList)
        }
        var entries = ImportEntries()
        for entry in list {
            let issuer = entry.string("issuer") ?? ""
            let name = entry.string("name") ?? ""
            try entries.add(issuer: issuer, account: name) {
                let kind = try OTPKind(exportName: entry.string("type"), app: app)
                guard let info = entry.object("info") else {
                    throw ImportError.malformed(app, reason: .entryWithoutSecret)
                }
                return OTPAccount(
                    kind: kind, issuer: issuer, account: name,
                    secret: try decodeSecret(info.string("secret"), app: app),
                    algorithm: try hashAlgorithm(info.string("algo")), digits: info.int("digits") ?? 6,
                    period: info.int("period") ?? 30, counter: UInt64(max(0, info.int("counter") ?? 0)))
            }
        }
        return entries
    }

    static func entryObject(_ account: OTPAccount) -> JSONObject {
        var info: JSONObject = [
            "secret": Base32.encode(account.secret), "algo": account.algorithm.rawValue, "digits": account.digits,
        ]
        if account.kind == .hotp { info["counter"] = account.counter } else { info["period"] = account.period }
        return [
            "type": account.kind.rawValue, "uuid": UUID().uuidString.lowercased(), "name": account.account,
            "issuer": account.issuer, "note": "", "favorite": false, "icon": NSNull(), "info": info,
            "groups": [String](),
        ]
    }

    /// An Aegis vault file; with a password, encrypted under one password slot as Aegis itself writes it.
    package static func export(_ accounts: [OTPAccount], password: SecureBytes?) throws -> [UInt8] {
        let db: JSONObject = ["version": 3, "entries": accounts.map(entryObject), "groups": [Any]()]
        guard let password else {
            return try JSONText.encode(["version": 1, "header": ["slots": NSNull(), "params": NSNull()], "db": db])
        }
        var masterKey = Random.bytes(32)
        defer { Memory.zero(&masterKey) }
        let salt = Random.bytes(32)
        let derived = try Scrypt.derive(password: password, salt: salt, n: scryptN, r: scryptR, p: scryptP, length: 32)
        var derivedKey = derived.copyBytes()
        defer { Memory.zero(&derivedKey) }
        let wrapped = try AESGCM.seal(masterKey, key: derivedKey)
        var plaintext = try JSONText.encode(db)
        defer { Memory.zero(&plaintext) }
        let sealed = try AESGCM.seal(plaintext, key: masterKey)
        let slot: JSONObject = [
            "type": 1, "uuid": UUID().uuidString.lowercased(), "key": Hex.encode(wrapped.ciphertext),
            "key_params": ["nonce": Hex.encode(wrapped.nonce), "tag": Hex.encode(wrapped.tag)],
            "n": scryptN, "r": scryptR, "p": scryptP, "salt": Hex.encode(salt), "repaired": true, "is_backup": false,
        ]
        let header: JSONObject = [
            "slots": [slot], "params": ["nonce": Hex.encode(sealed.nonce), "tag": Hex.encode(sealed.tag)],
        ]
        return try JSONText.encode([
            "version": 1, "header": header, "db": Base64.encode(sealed.ciphertext, variant: .padded),
        ])
    }
}
