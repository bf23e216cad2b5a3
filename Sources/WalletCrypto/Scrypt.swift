// scrypt (libsodium's low-level crypto_pwhash_scryptsalsa208sha256_ll) for age passphrase stanzas and Aegis imports.
import CSodium

/// scrypt key derivation.
///
/// ```swift
/// let key = try Scrypt.derive(password: pw, salt: salt, n: 1 << 15, r: 8, p: 1, length: 32)
/// ```
public enum Scrypt {
    /// The derived key in SecureBytes. Throws `invalidParameters` for bad parameters or a work factor
    /// whose memory (128 * r * N bytes) exceeds `maxMemory` (checked before allocating anything), and
    /// `outOfMemory` when libsodium cannot allocate.
    public static func derive(
        password: [UInt8], salt: [UInt8], n: UInt64, r: UInt32, p: UInt32, length: Int,
        maxMemory: UInt64 = 1 << 31
    ) throws -> SecureBytes {
        try password.withUnsafeBytes {
            try derive(password: $0, salt: salt, n: n, r: r, p: p, length: length, maxMemory: maxMemory)
        }
    }

    /// ``derive(password:salt:n:r:p:length:maxMemory:)`` reading a password held in locked memory in
    /// place: no copy of it is made.
    public static func derive(
        password: SecureBytes, salt: [UInt8], n: UInt64, r: UInt32, p: UInt32, length: Int,
        maxMemory: UInt64 = 1 << 31
    ) throws -> SecureBytes {
        try password.withUnsafeBytes {
            try derive(password: $0, salt: salt, n: n, r: r, p: p, length: length, maxMemory: maxMemory)
        }
    }

    private static func derive(
        password: UnsafeRawBufferPointer, salt: [UInt8], n: UInt64, r: UInt32, p: UInt32, length: Int,
        maxMemory: UInt64
    ) throws -> SecureBytes {
        requireSodium()
        guard n > 1, n & (n - 1) == 0, r > 0, p > 0, length > 0 else {
            throw CryptoError.invalidParameters("scrypt parameters out of range")
        }
        let (memory, overflow) = UInt64(128 * UInt64(r)).multipliedReportingOverflow(by: n)
        guard !overflow, memory <= maxMemory else {
            throw CryptoError.invalidParameters("scrypt work factor too large")
        }
        let key = SecureBytes(count: length)
        let status = key.withUnsafeMutableBytes { out in
            crypto_pwhash_scryptsalsa208sha256_ll(
                password.bytePointer, password.count, salt, salt.count, n, r, p,
                out.bytePointer, length)
        }
        guard status == 0 else { throw CryptoError.outOfMemory }
        return key
    }
}
