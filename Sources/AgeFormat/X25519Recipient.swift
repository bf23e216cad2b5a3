// age's native X25519 recipients (`age1…`) and identities (`AGE-SECRET-KEY-1…`).
import Foundation
import WalletCore
import WalletCrypto

public struct X25519Recipient: Recipient, Sendable, Equatable {
    static let label = Array("age-encryption.org/v1/X25519".utf8)
    public let publicKey: [UInt8]

    public init(publicKey: [UInt8]) throws {
        guard publicKey.count == X25519.keyLength else {
            throw AgeError.badKey("an X25519 recipient is 32 bytes", "X25519 接收者必须为 32 字节")
        }
        self.publicKey = publicKey
    }

    /// Parses `age1…` (Bech32, HRP "age").
    public init(parsing text: String) throws {
        guard let (hrp, data) = Bech32.decode(text), hrp == "age", data.count == X25519.keyLength,
            text.lowercased() == text
        else {
            throw AgeError.badKey(
                "invalid age recipient \(String(text.prefix(80))) (expected age1…)",
                "无效的 age 接收者 \(String(text.prefix(80)))（应为 age1…）")
        }
        publicKey = data
    }

    public var text: String { Bech32.encode(hrp: "age", data: publicKey) }

    public func wrap(fileKey: SecureBytes) throws -> [Stanza] {
        let ephemeral = X25519.generatePrivateKey()
        let share = try X25519.publicKey(privateKey: ephemeral)
        let shared = try X25519.sharedSecret(privateKey: ephemeral, publicKey: publicKey)
        var ikm = shared.copyBytes()
        defer { Memory.zero(&ikm) }
        var wrapKey = HKDF.derive(inputKey: ikm, salt: share + publicKey, info: Self.label, length: 32)
        defer { Memory.zero(&wrapKey) }
        let body = try FileKeyWrap.seal(fileKey: fileKey, wrapKey: wrapKey)
        return [Stanza(type: "X25519", arguments: [Base64.encode(share)], body: body)]
    }
}

public final class X25519Identity: Identity, @unchecked Sendable {
    static let hrp = "AGE-SECRET-KEY-"
    let secretKey: SecureBytes
    public let recipient: X25519Recipient

    public init(secretKey: SecureBytes) throws {
        guard secretKey.count == X25519.keyLength else {
            throw AgeError.badKey("an X25519 identity is 32 bytes", "X25519 身份密钥必须为 32 字节")
        }
        self.secretKey = secretKey
        recipient = try X25519Recipient(publicKey: try X25519.publicKey(privateKey: secretKey))
    }

    public static func generate() throws -> X25519Identity {
        try X25519Identity(secretKey: X25519.generatePrivateKey())
    }

    /// Parses `AGE-SECRET-KEY-1…` (Bech32, all uppercase as age-keygen writes it, or all lowercase).
    public convenience init(parsing text: String) throws {
        guard let (hrp, data) = Bech32.decode(text), hrp == Self.hrp.lowercased(), data.count == X25519.keyLength
        else {
            throw AgeError.badKey(
                "invalid age identity (expected AGE-SECRET-KEY-1…)", "无效的 age 身份密钥（应为 AGE-SECRET-KEY-1…）")
        }
        var copy = data
        defer { Memory.zero(&copy) }
        try self.init(secretKey: SecureBytes(copy))
    }

    /// The Bech32 text. It is a secret: write it only to 0600 files or sealed storage.
    public var text: String {
        var bytes = secretKey.copyBytes()
        defer { Memory.zero(&bytes) }
        return Bech32.encode(hrp: Self.hrp, data: bytes)
    }

    /// The raw 32-byte scalar, for sealing in the vault. Wipe the copy after use.
    public func secretKeyBytes() -> [UInt8] { secretKey.copyBytes() }

    public func unwrap(_ stanzas: [Stanza]) throws -> SecureBytes? {
        for stanza in stanzas where stanza.type == "X25519" {
            guard stanza.arguments.count == 1,
                let share = Header.decodeBase64(Array(stanza.arguments[0].utf8)), share.count == X25519.keyLength
            else {
                throw AgeError.malformed("invalid X25519 stanza", "X25519 条目无效")
            }
            guard stanza.body.count == FileKeyWrap.bodyLength else {
                throw AgeError.malformed("invalid X25519 stanza body size", "X25519 条目内容长度无效")
            }
            let shared: SecureBytes
            do {
                shared = try X25519.sharedSecret(privateKey: secretKey, publicKey: share)
            } catch {
                throw AgeError.malformed("X25519 stanza with a low-order share", "X25519 条目使用了低阶点")
            }
            var ikm = shared.copyBytes()
            defer { Memory.zero(&ikm) }
            var wrapKey = HKDF.derive(
                inputKey: ikm, salt: share + recipient.publicKey, info: X25519Recipient.label, length: 32)
            defer { Memory.zero(&wrapKey) }
            if let fileKey = FileKeyWrap.open(body: stanza.body, wrapKey: wrapKey) {
                return fileKey
            }
        }
        return nil
    }
}
