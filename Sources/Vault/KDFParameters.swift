// Argon2id parameters of a key slot; the defaults are measured and documented in docs/vault.md.

/// The Argon2id cost of turning a passphrase into the key that wraps the master key.
///
/// ```swift
/// let (vault, key) = try Vault.create(
///     at: folder, passphrase: passphrase, kdf: KDFParameters(opsLimit: 3, memLimit: 512 << 20))
/// ```
public struct KDFParameters: Sendable, Equatable, Codable {
    /// The algorithm name stored in the key slot and shown by `status`.
    public static let algorithmName = "argon2id13"

    /// Passes over memory (libsodium's opslimit).
    public var opsLimit: UInt64
    /// Bytes of memory (libsodium's memlimit).
    public var memLimit: UInt64

    /// Parameters as given; ``validate()`` (and every vault call taking them) checks the range.
    public init(opsLimit: UInt64, memLimit: UInt64) {
        self.opsLimit = opsLimit
        self.memLimit = memLimit
    }

    /// 256 MiB, 3 passes: about 0.6 s on the reference 2-core machine (docs/vault.md has the measurements).
    public static let `default` = KDFParameters(opsLimit: 3, memLimit: 256 << 20)

    /// The floor accepted for explicit parameters; below this a stolen vault file is too cheap to attack.
    public static let minimum = KDFParameters(opsLimit: 1, memLimit: 8 << 20)
    /// Above this a phone-class device would run out of memory.
    public static let maximumMemory: UInt64 = 4 << 30

    /// Throws ``VaultError/kdfOutOfRange`` outside 1–64 passes or 8 MiB–4 GiB of memory.
    public func validate() throws {
        guard opsLimit >= Self.minimum.opsLimit, opsLimit <= 64 else {
            throw VaultError.kdfOutOfRange
        }
        guard memLimit >= Self.minimum.memLimit, memLimit <= Self.maximumMemory else {
            throw VaultError.kdfOutOfRange
        }
    }
}
