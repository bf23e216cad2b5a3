// age's passphrase stanza: scrypt (N = 2^logN, r = 8, p = 1) wraps the file key. Work factors above the
// limit are refused before any memory is allocated.
import WalletCore
import WalletCrypto

/// A passphrase recipient (age's `-p`). It must be the only recipient of a file.
///
/// ```swift
/// let writer = try AgeWriter(sink: sink, recipients: [try ScryptRecipient(passphrase: secret)])
/// ```
public struct ScryptRecipient: Recipient {
    /// age's default work factor: 2^18.
    public static let defaultLogN = 18
    static let label = Array("age-encryption.org/v1/scrypt".utf8)
    let passphrase: SecureBytes
    /// The scrypt work factor exponent (N = 2^logN).
    public let logN: Int

    /// Throws `AgeError.workFactorOutOfRange` unless 1 ≤ `logN` ≤ `ScryptIdentity.maxLogN`.
    public init(passphrase: SecureBytes, logN: Int = ScryptRecipient.defaultLogN) throws {
        guard (1...ScryptIdentity.maxLogN).contains(logN) else {
            throw AgeError.workFactorOutOfRange(limit: ScryptIdentity.maxLogN)
        }
        self.passphrase = passphrase
        self.logN = logN
    }

    /// Always true: age forbids mixing a passphrase with other recipients.
    public var mustBeAlone: Bool { true }

    /// One `scrypt` stanza with a fresh salt.
    public func wrap(fileKey: SecureBytes) throws -> [Stanza] {
        let salt = Random.bytes(16)
        let key = try ScryptIdentity.deriveKey(passphrase: passphrase, salt: salt, logN: logN)
        var wrapKey = key.copyBytes()
        defer { Memory.zero(&wrapKey) }
        let body = try FileKeyWrap.seal(fileKey: fileKey, wrapKey: wrapKey)
        return [Stanza(type: "scrypt", arguments: [Base64.encode(salt), String(logN)], body: body)]
    }
}

/// Opens passphrase-encrypted files. Work factors above `maxLogN` are refused before any allocation.
public struct ScryptIdentity: Identity {
    /// age's own default limit: 2^22 means 4 GiB of scrypt memory.
    public static let maxLogN = 22
    let passphrase: SecureBytes
    let maxLogN: Int

    /// `maxLogN` can only lower the built-in limit.
    public init(passphrase: SecureBytes, maxLogN: Int = ScryptIdentity.maxLogN) {
        self.passphrase = passphrase
        self.maxLogN = min(maxLogN, Self.maxLogN)
    }

    static func deriveKey(passphrase: SecureBytes, salt: [UInt8], logN: Int) throws -> SecureBytes {
        do {
            return try Scrypt.derive(
                password: passphrase, salt: ScryptRecipient.label + salt, n: UInt64(1) << UInt64(logN), r: 8, p: 1,
                length: 32, maxMemory: 128 * 8 * (UInt64(1) << UInt64(Self.maxLogN)))
        } catch CryptoError.outOfMemory {
            throw AgeError.scryptOutOfMemory
        }
    }

    /// The file key when the passphrase opens the `scrypt` stanza; nil for a wrong passphrase.
    public func unwrap(_ stanzas: [Stanza]) throws -> SecureBytes? {
        guard let stanza = stanzas.first(where: { $0.type == "scrypt" }) else { return nil }
        guard stanzas.count == 1 else { throw AgeError.scryptNotAlone }
        guard stanza.arguments.count == 2,
            let salt = Header.decodeBase64(Array(stanza.arguments[0].utf8)), salt.count == 16
        else {
            throw AgeError.stanzaMalformed(.invalidScrypt)
        }
        let digits = Array(stanza.arguments[1].utf8)
        guard let firstDigit = digits.first, firstDigit >= 0x31, firstDigit <= 0x39, digits.count <= 3,
            digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let logN = Int(stanza.arguments[1])
        else {
            throw AgeError.stanzaMalformed(.invalidScryptWorkFactor)
        }
        guard logN <= maxLogN else { throw AgeError.workFactorTooLarge(logN: logN, limit: maxLogN) }
        guard stanza.body.count == FileKeyWrap.bodyLength else {
            throw AgeError.stanzaMalformed(.invalidScryptBodySize)
        }
        let key = try Self.deriveKey(passphrase: passphrase, salt: salt, logN: logN)
        var wrapKey = key.copyBytes()
        defer { Memory.zero(&wrapKey) }
        return FileKeyWrap.open(body: stanza.body, wrapKey: wrapKey)
    }
}
