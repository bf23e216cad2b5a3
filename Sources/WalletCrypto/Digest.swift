// Hashes and MACs from OpenSSL 3: SHA-1/256/512, HMAC, HKDF, PBKDF2.
import CCryptoShim

/// The hashes the package uses; the raw value is the name OpenSSL and otpauth URIs use.
public enum HashAlgorithm: String, Sendable, CaseIterable, Codable {
    /// SHA-1 (HOTP/TOTP default, HIBP lists).
    case sha1 = "SHA1"
    /// SHA-256.
    case sha256 = "SHA256"
    /// SHA-512.
    case sha512 = "SHA512"

    /// Digest length in bytes.
    public var outputLength: Int {
        switch self {
        case .sha1: return 20
        case .sha256: return 32
        case .sha512: return 64
        }
    }
}

/// One-shot hashes.
///
/// ```swift
/// let digest = Digest.sha256(Array("abc".utf8))
/// ```
public enum Digest {
    /// The digest of `message`.
    public static func hash(_ algorithm: HashAlgorithm, _ message: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 64)
        var length = 0
        let ok = message.withUnsafeBufferPointer { msg in
            ws_digest(algorithm.rawValue, msg.baseAddress, msg.count, &out, &length)
        }
        precondition(ok == 1, "OpenSSL digest failed")
        return Array(out[0..<length])
    }

    /// SHA-1 of `message`.
    public static func sha1(_ message: [UInt8]) -> [UInt8] { hash(.sha1, message) }
    /// SHA-256 of `message`.
    public static func sha256(_ message: [UInt8]) -> [UInt8] { hash(.sha256, message) }

    /// SHA-256 of a secret, read in place (no copy of it is made); for exports whose key is the
    /// hash of the password. The scratch buffer is wiped; the caller wipes the result.
    public static func sha256(_ secret: SecureBytes) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 64)
        defer { Memory.zero(&out) }
        var length = 0
        let ok = secret.withUnsafeBytes {
            ws_digest(HashAlgorithm.sha256.rawValue, $0.bytePointer, $0.count, &out, &length)
        }
        precondition(ok == 1, "OpenSSL digest failed")
        return Array(out[0..<length])
    }
}

/// Incremental hashing for streams (backup trailers, large files).
public final class StreamingDigest {
    private let context: UnsafeMutableRawPointer

    /// A fresh digest.
    public init(_ algorithm: HashAlgorithm) {
        guard let context = ws_digest_new(algorithm.rawValue) else { fatalError("OpenSSL digest unavailable") }
        self.context = context
    }

    deinit { ws_digest_free(context) }

    /// Feeds bytes.
    public func update(_ bytes: UnsafeRawBufferPointer) {
        let ok = ws_digest_update(context, bytes.bindMemory(to: UInt8.self).baseAddress, bytes.count)
        precondition(ok == 1, "OpenSSL digest update failed")
    }

    /// Feeds bytes.
    public func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// The digest of everything fed (call once).
    public func finalize() -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 64)
        var length = 0
        let ok = ws_digest_final(context, &out, &length)
        precondition(ok == 1, "OpenSSL digest final failed")
        return Array(out[0..<length])
    }
}

/// One-shot HMAC (for many messages under one key, use ``HMACContext``).
public enum HMAC {
    /// The MAC of `message` under `key`.
    public static func authenticate(_ algorithm: HashAlgorithm, key: [UInt8], message: [UInt8]) -> [UInt8] {
        key.withUnsafeBytes { k in authenticate(algorithm, key: k, message: message) }
    }

    /// The MAC of `message` under a key in borrowed memory.
    public static func authenticate(_ algorithm: HashAlgorithm, key: UnsafeRawBufferPointer, message: [UInt8])
        -> [UInt8]
    {
        var out = [UInt8](repeating: 0, count: 64)
        var length = 0
        let ok = message.withUnsafeBufferPointer { msg in
            ws_hmac(algorithm.rawValue, key.bytePointer, key.count, msg.baseAddress, msg.count, &out, &length)
        }
        precondition(ok == 1, "OpenSSL HMAC failed")
        return Array(out[0..<length])
    }

    /// The MAC of `message` under a key held in locked memory.
    public static func authenticate(_ algorithm: HashAlgorithm, key: SecureBytes, message: [UInt8]) -> [UInt8] {
        key.withUnsafeBytes { authenticate(algorithm, key: $0, message: message) }
    }
}

/// HKDF (RFC 5869), extract and expand.
public enum HKDF {
    /// `length` bytes derived from `inputKey`.
    public static func derive(
        _ algorithm: HashAlgorithm = .sha256, inputKey: [UInt8], salt: [UInt8], info: [UInt8], length: Int
    ) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: length)
        let ok = ws_hkdf(algorithm.rawValue, salt, salt.count, inputKey, inputKey.count, info, info.count, &out, length)
        precondition(ok == 1, "OpenSSL HKDF failed")
        return out
    }
}

/// PBKDF2-HMAC, for other apps' exports that use it (andOTP, 2FAS).
public enum PBKDF2 {
    /// `length` bytes from `password`; throws for iterations outside 1...10,000,000 or lengths outside 1...1024.
    public static func derive(
        _ algorithm: HashAlgorithm, password: [UInt8], salt: [UInt8], iterations: UInt32, length: Int
    ) throws -> [UInt8] {
        try password.withUnsafeBytes {
            try derive(algorithm, password: $0, salt: salt, iterations: iterations, length: length)
        }
    }

    /// ``derive(_:password:salt:iterations:length:)`` reading a password held in locked memory in
    /// place: no copy of it is made (an export's password is a secret like any other).
    public static func derive(
        _ algorithm: HashAlgorithm, password: SecureBytes, salt: [UInt8], iterations: UInt32, length: Int
    ) throws -> [UInt8] {
        try password.withUnsafeBytes {
            try derive(algorithm, password: $0, salt: salt, iterations: iterations, length: length)
        }
    }

    private static func derive(
        _ algorithm: HashAlgorithm, password: UnsafeRawBufferPointer, salt: [UInt8], iterations: UInt32, length: Int
    ) throws -> [UInt8] {
        guard iterations > 0, iterations <= 10_000_000, length > 0, length <= 1024 else {
            throw CryptoError.invalidParameters("PBKDF2 parameters out of range")
        }
        var out = [UInt8](repeating: 0, count: length)
        let ok = ws_pbkdf2(
            algorithm.rawValue, password.bytePointer, password.count, salt, salt.count, iterations, &out, length)
        guard ok == 1 else { throw CryptoError.libraryFailure("PBKDF2") }
        return out
    }
}
