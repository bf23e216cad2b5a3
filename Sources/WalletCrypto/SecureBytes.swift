// Secret bytes in guarded, mlock'ed memory that is wiped when released (libsodium's sodium_malloc).
import CSodium

/// Holds key material outside the Swift heap so it is never swapped, copied by the runtime, or left behind.
/// Access is scoped through closures; copying out into an Array defeats the purpose, so keep such copies short-lived.
///
/// ```swift
/// let key = Random.secureBytes(32)
/// let passphrase = SecureBytes(Array(typed.utf8))
/// passphrase.withUnsafeBytes { bytes in /* use without copying */ }
/// ```
public final class SecureBytes: @unchecked Sendable {
    private let pointer: UnsafeMutableRawPointer
    /// Number of secret bytes.
    public let count: Int

    /// Zero-filled secure buffer.
    public init(count: Int) {
        requireSodium()
        guard let memory = sodium_malloc(Swift.max(count, 1)) else {
            // Allocation failure of a few bytes means the process cannot continue safely.
            fatalError("sodium_malloc failed")
        }
        sodium_memzero(memory, Swift.max(count, 1))
        self.pointer = memory
        self.count = count
    }

    /// Copies `bytes` in; callers should wipe their source with `Memory.zero` afterwards.
    public convenience init(_ bytes: [UInt8]) {
        self.init(count: bytes.count)
        bytes.withUnsafeBytes { source in
            if let base = source.baseAddress, source.count > 0 {
                pointer.copyMemory(from: base, byteCount: source.count)
            }
        }
    }

    /// Copies `bytes` in; the caller still owns (and should wipe) the source.
    public convenience init(_ bytes: UnsafeRawBufferPointer) {
        self.init(count: bytes.count)
        if let base = bytes.baseAddress, bytes.count > 0 {
            pointer.copyMemory(from: base, byteCount: bytes.count)
        }
    }

    deinit {
        sodium_free(pointer)  // wipes before freeing
    }

    /// Read access to the bytes for the duration of `body`; do not let the pointer escape.
    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(start: pointer, count: count))
    }

    /// Write access to the bytes for the duration of `body` (filling a key, decrypting into it).
    public func withUnsafeMutableBytes<R>(_ body: (UnsafeMutableRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeMutableRawBufferPointer(start: pointer, count: count))
    }

    /// An ordinary array copy, for APIs that need one. Wipe it with `Memory.zero` when done.
    public func copyBytes() -> [UInt8] {
        withUnsafeBytes { Array($0) }
    }

    /// Constant-time comparison with bytes given by the caller, without copying the secret out.
    public func constantTimeEquals(_ bytes: [UInt8]) -> Bool {
        guard count == bytes.count else { return false }
        if count == 0 { return true }
        return withUnsafeBytes { a in
            bytes.withUnsafeBytes { b in sodium_memcmp(a.baseAddress, b.baseAddress, count) == 0 }
        }
    }

    /// Constant-time comparison.
    public func isEqual(to other: SecureBytes) -> Bool {
        guard count == other.count else { return false }
        return withUnsafeBytes { a in
            other.withUnsafeBytes { b in sodium_memcmp(a.baseAddress, b.baseAddress, count) == 0 }
        }
    }
}

/// Wiping and comparing ordinary byte arrays that briefly held secrets.
public enum Memory {
    /// Overwrites the array's storage with zeros in a way the optimiser cannot drop.
    public static func zero(_ bytes: inout [UInt8]) {
        bytes.withUnsafeMutableBytes { buffer in
            if let base = buffer.baseAddress, buffer.count > 0 {
                sodium_memzero(base, buffer.count)
            }
        }
    }

    /// Constant-time equality; unequal lengths compare unequal (length is not secret here).
    public static func constantTimeEquals(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        if a.isEmpty { return true }
        return a.withUnsafeBytes { x in
            b.withUnsafeBytes { y in sodium_memcmp(x.baseAddress, y.baseAddress, a.count) == 0 }
        }
    }

    /// `true` when every byte is zero, in constant time.
    public static func isZero(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { sodium_is_zero($0.bytePointer, $0.count) == 1 }
    }
}
