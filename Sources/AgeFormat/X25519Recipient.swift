// age's native X25519 recipients (`age1…`) and identities (`AGE-SECRET-KEY-1…`).
import Foundation
import WalletCore
import WalletCrypto

/// An `age1…` recipient: anyone can encrypt to it; only the matching `X25519Identity` decrypts.
///
/// ```swift
/// let recipient = try X25519Recipient(parsing: "age1…")
/// let writer = try AgeWriter(sink: sink, recipients: [recipient])
/// ```
public struct X25519Recipient: Recipient, Sendable, Equatable {
    static let label = Array("age-encryption.org/v1/X25519".utf8)
    /// The 32-byte X25519 public point.
    public let publicKey: [UInt8]

    /// A recipient from its raw 32-byte public key; throws `AgeError.invalidRecipientLength` otherwise.
    public init(publicKey: [UInt8]) throws {
        guard publicKey.count == X25519.keyLength else {
            throw AgeError.invalidRecipientLength
        }
        self.publicKey = publicKey
    }

    /// Parses `age1…` (Bech32, HRP "age"); throws `AgeError.invalidRecipient` otherwise.
    public init(parsing text: String) throws {
        guard let (hrp, data) = Bech32.decode(text), hrp == "age", data.count == X25519.keyLength,
            text.lowercased() == text
        else {
            // An identity pasted where a recipient belongs is a secret: name its kind, never its text.
            if text.uppercased().hasPrefix(X25519Identity.hrp) { throw AgeError.identityGivenAsRecipient(source: nil) }
            throw AgeError.invalidRecipient(String(text.prefix(80)))
        }
        publicKey = data
    }

    /// The `age1…` text.
    public var text: String { Bech32.encode(hrp: "age", data: publicKey) }

    init(validPublicKey: [UInt8]) {
        publicKey = validPublicKey
    }

    /// One `X25519` stanza wrapping `fileKey` under a fresh ephemeral key.
    public func wrap(fileKey: SecureBytes) throws -> [Stanza] {
        let ephemeral = X25519.PrivateKey()
        let share = ephemeral.publicKey
        let shared = try ephemeral.sharedSecret(with: publicKey)
        var ikm = shared.copyBytes()
        defer { Memory.zero(&ikm) }
        var wrapKey = HKDF.derive(inputKey: ikm, salt: share + publicKey, info: Self.label, length: 32)
        defer { Memory.zero(&wrapKey) }
        let body = try FileKeyWrap.seal(fileKey: fileKey, wrapKey: wrapKey)
        return [Stanza(type: "X25519", arguments: [Base64.encode(share)], body: body)]
    }
}

/// An `AGE-SECRET-KEY-1…` identity: decrypts files encrypted to its `recipient`. The scalar lives in
/// locked memory that is wiped when the identity is released.
///
/// ```swift
/// let identity = X25519Identity.generate()
/// let sink = MemorySink()
/// let writer = try AgeWriter(sink: sink, recipients: [identity.recipient])
/// try writer.write(Array("hello".utf8))
/// try writer.finish()
///
/// let (_, payload) = try AgeReader.open(MemorySource(sink.bytes)) { _ in [identity] }
/// let plain = MemorySink()
/// try payload.copyAll(to: plain)  // only verified bytes reach `plain`
/// ```
public final class X25519Identity: Identity, Sendable {
    static let hrp = "AGE-SECRET-KEY-"
    let privateKey: X25519.PrivateKey
    /// The public recipient that files for this identity are encrypted to.
    public let recipient: X25519Recipient

    /// Wraps an X25519 private key.
    public init(privateKey: X25519.PrivateKey) {
        self.privateKey = privateKey
        // A 32-byte public point always makes a valid recipient.
        recipient = X25519Recipient(validPublicKey: privateKey.publicKey)
    }

    /// Takes ownership of a 32-byte secret scalar; throws `AgeError.invalidIdentityLength` otherwise.
    public convenience init(secretKey: SecureBytes) throws {
        guard secretKey.count == X25519.keyLength, let key = try? X25519.PrivateKey(rawRepresentation: secretKey)
        else {
            throw AgeError.invalidIdentityLength
        }
        self.init(privateKey: key)
    }

    /// A new random identity.
    public static func generate() -> X25519Identity {
        X25519Identity(privateKey: X25519.PrivateKey())
    }

    /// Parses `AGE-SECRET-KEY-1…` (Bech32, all uppercase as age-keygen writes it, or all lowercase);
    /// throws `AgeError.invalidIdentity` otherwise.
    public convenience init(parsing text: String) throws {
        guard let (hrp, data) = Bech32.decode(text), hrp == Self.hrp.lowercased(), data.count == X25519.keyLength
        else {
            throw AgeError.invalidIdentity
        }
        var copy = data
        defer { Memory.zero(&copy) }
        try self.init(secretKey: SecureBytes(copy))
    }

    /// The Bech32 text. It is a secret: write it only to 0600 files or sealed storage.
    public var text: String {
        var bytes = privateKey.withUnsafeBytes { Array($0) }
        defer { Memory.zero(&bytes) }
        return Bech32.encode(hrp: Self.hrp, data: bytes)
    }

    /// The raw 32-byte scalar, for sealing in the vault (the Vault API takes an array). Wipe it after use.
    package func secretKeyBytes() -> [UInt8] { privateKey.withUnsafeBytes { Array($0) } }

    /// The file key from the first `X25519` stanza addressed to this identity, or nil.
    public func unwrap(_ stanzas: [Stanza]) throws -> SecureBytes? {
        for stanza in stanzas where stanza.type == "X25519" {
            guard stanza.arguments.count == 1,
                let share = Header.decodeBase64(Array(stanza.arguments[0].utf8)), share.count == X25519.keyLength
            else {
                throw AgeError.stanzaMalformed(.invalidX25519)
            }
            guard stanza.body.count == FileKeyWrap.bodyLength else {
                throw AgeError.stanzaMalformed(.invalidX25519BodySize)
            }
            let shared: SecureBytes
            do {
                shared = try privateKey.sharedSecret(with: share)
            } catch {
                throw AgeError.stanzaMalformed(.lowOrderShare)
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
