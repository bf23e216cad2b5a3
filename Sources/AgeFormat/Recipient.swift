// The two roles of age's API: a Recipient wraps a file key into stanzas, an Identity unwraps it.
import WalletCrypto

/// Something a file can be encrypted to (`X25519Recipient`, `ScryptRecipient`, or your own stanza type).
public protocol Recipient {
    /// Stanzas carrying `fileKey` (16 bytes) for this recipient.
    func wrap(fileKey: SecureBytes) throws -> [Stanza]
    /// True for recipient types that must not be mixed with others (scrypt).
    var mustBeAlone: Bool { get }
}

/// Something that can open a file (`X25519Identity`, `ScryptIdentity`, or your own stanza type).
public protocol Identity {
    /// The file key when one of `stanzas` is addressed to this identity and opens; nil when none is.
    /// Throws for stanzas of this identity's type that are malformed (the file is rejected).
    func unwrap(_ stanzas: [Stanza]) throws -> SecureBytes?
}

extension Recipient {
    /// Most recipient types can be mixed.
    public var mustBeAlone: Bool { false }
}

/// Sealing and opening a 16-byte file key under a 32-byte wrap key with the all-zero nonce, as both
/// native stanza types do.
enum FileKeyWrap {
    static let fileKeyLength = 16
    static let bodyLength = fileKeyLength + ChaCha20Poly1305.tagLength

    static func seal(fileKey: SecureBytes, wrapKey: [UInt8]) throws -> [UInt8] {
        let engine = ChaCha20Poly1305.makeEngine()
        var body = [UInt8](repeating: 0, count: bodyLength)
        let nonce = [UInt8](repeating: 0, count: ChaCha20Poly1305.nonceLength)
        try fileKey.withUnsafeBytes { plain in
            try wrapKey.withUnsafeBytes { key in
                try nonce.withUnsafeBytes { nonce in
                    try body.withUnsafeMutableBytes { out in
                        try engine.seal(
                            key: key, nonce: nonce, plaintext: plain,
                            ciphertext: UnsafeMutableRawBufferPointer(rebasing: out[0..<fileKeyLength]),
                            tag: UnsafeMutableRawBufferPointer(rebasing: out[fileKeyLength...]))
                    }
                }
            }
        }
        return body
    }

    /// nil when the tag does not verify (a different key).
    static func open(body: [UInt8], wrapKey: [UInt8]) -> SecureBytes? {
        guard body.count == bodyLength else { return nil }
        let engine = ChaCha20Poly1305.makeEngine()
        let fileKey = SecureBytes(count: fileKeyLength)
        let nonce = [UInt8](repeating: 0, count: ChaCha20Poly1305.nonceLength)
        let ok: Bool = fileKey.withUnsafeMutableBytes { plain in
            wrapKey.withUnsafeBytes { key in
                nonce.withUnsafeBytes { nonce in
                    body.withUnsafeBytes { input in
                        (try? engine.open(
                            key: key, nonce: nonce,
                            ciphertext: UnsafeRawBufferPointer(rebasing: input[0..<fileKeyLength]),
                            tag: UnsafeRawBufferPointer(rebasing: input[fileKeyLength...]), plaintext: plain)) != nil
                    }
                }
            }
        }
        return ok ? fileKey : nil
    }
}
