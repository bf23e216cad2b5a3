// Passphrase-to-key derivation with Argon2id v1.3 (libsodium crypto_pwhash).
import CSodium

/// Argon2id v1.3 through libsodium; the key comes back in secure memory.
///
/// ```swift
/// let kek = try Argon2id.deriveKey(
///     passphrase: passphrase, salt: Random.bytes(Argon2id.saltLength), opsLimit: 3, memLimit: 256 << 20)
/// ```
public enum Argon2id {
    /// Salt size in bytes (16).
    public static let saltLength = Int(crypto_pwhash_SALTBYTES)
    /// The fewest passes libsodium accepts.
    public static let minimumOpsLimit = UInt64(crypto_pwhash_OPSLIMIT_MIN)
    /// The least memory (bytes) libsodium accepts.
    public static let minimumMemLimit = UInt64(crypto_pwhash_MEMLIMIT_MIN)

    /// Derives `length` bytes. `memLimit` is in bytes; `opsLimit` is the number of passes.
    public static func deriveKey(
        passphrase: SecureBytes, salt: [UInt8], opsLimit: UInt64, memLimit: UInt64, length: Int = 32
    ) throws -> SecureBytes {
        requireSodium()
        guard salt.count == saltLength else { throw CryptoError.invalidParameters("Argon2id salt must be 16 bytes") }
        guard opsLimit >= minimumOpsLimit, opsLimit <= UInt64(crypto_pwhash_OPSLIMIT_MAX) else {
            throw CryptoError.invalidParameters("Argon2id passes out of range")
        }
        guard memLimit >= minimumMemLimit, memLimit <= UInt64(1) << 32 else {
            throw CryptoError.invalidParameters("Argon2id memory out of range")
        }
        let key = SecureBytes(count: length)
        let status = key.withUnsafeMutableBytes { out in
            passphrase.withUnsafeBytes { pass in
                crypto_pwhash(
                    out.bytePointer, UInt64(length),
                    UnsafeRawPointer(pass.bytePointer).assumingMemoryBound(to: CChar.self), UInt64(pass.count),
                    salt, opsLimit, Int(memLimit), crypto_pwhash_ALG_ARGON2ID13)
            }
        }
        guard status == 0 else { throw CryptoError.outOfMemory }
        return key
    }
}
