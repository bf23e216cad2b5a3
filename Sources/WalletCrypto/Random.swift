// The only source of randomness for secrets: libsodium's randombytes (getrandom(2) on Linux).
import CSodium

/// Random bytes for keys, nonces, salts and identifiers; never Foundation's generator.
///
/// ```swift
/// let salt = Random.bytes(16)
/// let key = Random.secureBytes(32)
/// ```
public enum Random {
    /// `count` random bytes in an ordinary array (salts, nonces, ids: not secret once used).
    public static func bytes(_ count: Int) -> [UInt8] {
        requireSodium()
        var result = [UInt8](repeating: 0, count: count)
        if count > 0 {
            result.withUnsafeMutableBytes { randombytes_buf($0.baseAddress!, count) }
        }
        return result
    }

    /// `count` random bytes straight into secure memory, for keys.
    public static func secureBytes(_ count: Int) -> SecureBytes {
        requireSodium()
        let result = SecureBytes(count: count)
        if count > 0 {
            result.withUnsafeMutableBytes { randombytes_buf($0.baseAddress!, count) }
        }
        return result
    }

    /// Uniform in 0..<upperBound without modulo bias.
    public static func uniform(_ upperBound: UInt32) -> UInt32 {
        requireSodium()
        return randombytes_uniform(upperBound)
    }
}
