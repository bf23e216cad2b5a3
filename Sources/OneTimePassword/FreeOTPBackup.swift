// FreeOTP (v2, Red Hat) encrypted backup `externalBackup.xml`: despite the name, a Java-serialised
// HashMap<String, String> (JavaSerialization.swift). Key "masterKey" holds JSON {mAlgorithm
// "PBKDF2withHmacSHA1|SHA512", mIterations, mSalt, mEncryptedKey{mCipher "AES/GCM/NoPadding", mCipherText
// (key‖tag), mParameters (DER: SEQUENCE{OCTET STRING nonce, INTEGER tag length}, or the bare OCTET STRING on
// Android 6), mToken "AES"}}; byte arrays are Java signed bytes. KEK = PBKDF2(password, mSalt, mIterations, 32);
// master key = AES-256-GCM-open(KEK, nonce, mCipherText, AAD = mToken). For each token, key "<uuid>" holds
// {"key": "<same encrypted-key JSON, mToken HmacSHA1|256|512>"} (the secret, under the master key) and
// "<uuid>-token" holds {algo?, digits?, period?, counter?, issuerExt, issuerInt, label, type}. docs/2fa.md "FreeOTP".
import WalletCore
import WalletCrypto

/// Reads FreeOTP v2 encrypted backups (through `OTPImporter`).
package enum FreeOTPBackup {
    static let app = AuthenticatorApp.freeOTP
    /// FreeOTP uses 100,000; a file asking for far more is refused rather than made to spin.
    static let maxIterations = 1_000_000
    static let maxSize = 16 << 20

    static func looksLike(_ bytes: [UInt8]) -> Bool { JavaSerialization.looksLike(bytes) }

    static func read(_ bytes: [UInt8], password: () throws -> SecureBytes) throws -> ImportedFile {
        guard bytes.count <= maxSize else { throw ImportError.corrupted(app) }
        let pairs: [(key: String, value: String)]
        do {
            pairs = try JavaSerialization.readStringMap(bytes)
        } catch {
            throw ImportError.corrupted(app)
        }
        var map: [String: String] = [:]
        for pair in pairs { map[pair.key] = pair.value }
        guard let masterJSON = map["masterKey"].flatMap({ JSONText.decode(Array($0.utf8)) as? JSONObject }),
            let wrapped = masterJSON.object("mEncryptedKey"), let salt = FreeOTPFormat.javaBytes(masterJSON["mSalt"]),
            let iterations = masterJSON.int("mIterations")
        else { throw ImportError.corrupted(app) }
        let digest: HashAlgorithm
        switch masterJSON.string("mAlgorithm") {
        case "PBKDF2withHmacSHA1": digest = .sha1
        case "PBKDF2withHmacSHA512": digest = .sha512
        case let other: throw ImportError.unsupportedEncryption(app, reason: .unknownScheme(other ?? ""))
        }
        guard iterations >= 1 else { throw ImportError.corrupted(app) }
        guard iterations <= maxIterations else { throw ImportError.keyDerivationOutOfRange(app) }
        let secret = try password()
        var kek = try PBKDF2.derive(
            digest, password: secret, salt: salt, iterations: UInt32(iterations), length: 32)
        defer { Memory.zero(&kek) }
        guard var masterKey = try open(wrapped, key: kek), masterKey.count == 32 else {
            throw ImportError.wrongPassword(app)
        }
        defer { Memory.zero(&masterKey) }

        var collector = ImportEntries()
        let tokenKeys = pairs.map(\.key).filter { $0 != "masterKey" && !$0.hasSuffix("-token") }
        try ImportEntries.checkCount(tokenKeys.count, app: app)
        for uuid in tokenKeys {
            guard let token = map[uuid + "-token"].flatMap({ JSONText.decode(Array($0.utf8)) as? JSONObject }) else {
                // A key without its token description: nothing says what kind of code it makes.
                collector.skip(issuer: "", account: uuid, .invalidParameters)
                continue
            }
            let issuer = token.string("issuerExt") ?? token.string("issuerInt") ?? ""
            let name = token.string("label") ?? ""
            guard let outer = map[uuid].flatMap({ JSONText.decode(Array($0.utf8)) as? JSONObject }),
                let keyJSON = outer.string("key").flatMap({ JSONText.decode(Array($0.utf8)) as? JSONObject })
            else {
                collector.skip(issuer: issuer, account: name, .invalidSecret)
                continue
            }
            // The master key opened, so a token key that fails its tag is damage, not a wrong password.
            guard var seed = try open(keyJSON, key: masterKey) else { throw ImportError.corrupted(app) }
            defer { Memory.zero(&seed) }
            let type = token.string("type") ?? "TOTP"
            try collector.add(issuer: issuer, account: name) { () throws(ImportError) in
                let kind = try OTPKind(exportName: type, app: app)
                // Tokens without "algo" use the algorithm their key was made for (HmacSHA256 → SHA256).
                let keyAlgorithm = keyJSON.string("mToken").map { String($0.dropFirst("Hmac".count)) }
                guard !seed.isEmpty else { throw .invalidAccount(.emptySecret) }
                return OTPAccount(
                    kind: kind, issuer: issuer, account: name, secret: SecureBytes(seed),
                    algorithm: try hashAlgorithm(token.string("algo") ?? keyAlgorithm),
                    digits: token.int("digits") ?? 6, period: token.int("period") ?? 30,
                    counter: UInt64(max(0, token.int("counter") ?? 0)))
            }
        }
        return ImportedFile(format: .freeOTPEncrypted, entries: collector)
    }

    /// Opens one encrypted-key JSON object; nil when the tag does not verify. Throws `corrupted` for a layout
    /// that is not AES-GCM with a DER nonce.
    static func open(_ wrapped: JSONObject, key: [UInt8]) throws -> [UInt8]? {
        guard wrapped.string("mCipher") == "AES/GCM/NoPadding" else {
            throw ImportError.unsupportedEncryption(app, reason: .unknownScheme(wrapped.string("mCipher") ?? ""))
        }
        guard let sealed = FreeOTPFormat.javaBytes(wrapped["mCipherText"]), sealed.count >= AESGCM.tagLength,
            let parameters = FreeOTPFormat.javaBytes(wrapped["mParameters"]), let nonce = gcmNonce(parameters)
        else { throw ImportError.corrupted(app) }
        let aad = Array((wrapped.string("mToken") ?? "").utf8)
        let ciphertext = Array(sealed.dropLast(AESGCM.tagLength))
        let tag = Array(sealed.suffix(AESGCM.tagLength))
        return try? AESGCM.open(ciphertext, tag: tag, key: key, nonce: nonce, associatedData: aad)
    }

    /// The nonce in Java's DER-encoded GCMParameterSpec: the first OCTET STRING, at the top level (Android 6)
    /// or as the first element of a SEQUENCE (later Androids). Short-form lengths only, as a 12-byte nonce needs.
    static func gcmNonce(_ der: [UInt8]) -> [UInt8]? {
        var index = 0
        if der.count >= 2, der[0] == 0x30, der[1] < 0x80, Int(der[1]) + 2 == der.count { index = 2 }
        guard der.count >= index + 2, der[index] == 0x04, der[index + 1] < 0x80 else { return nil }
        let length = Int(der[index + 1])
        guard length > 0, index + 2 + length <= der.count else { return nil }
        return Array(der[(index + 2)..<(index + 2 + length)])
    }
}
