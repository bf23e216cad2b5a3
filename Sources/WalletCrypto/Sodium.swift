// libsodium initialisation and the errors crypto wrappers raise.
import CSodium

/// `sodium_init` must run before any other libsodium call; a Swift global runs it once, thread-safely.
let sodiumInitialized: Bool = sodium_init() >= 0

@inline(__always)
func requireSodium() {
    precondition(sodiumInitialized, "libsodium failed to initialise")
}

/// Failures of the crypto wrappers, matchable by callers (an AEAD that does not open is
/// `.authenticationFailed`).
public enum CryptoError: Error, Sendable, Equatable {
    /// The AEAD tag, MAC or checksum did not verify: wrong key or altered data.
    case authenticationFailed
    /// Sizes or parameters outside what the primitive accepts.
    case invalidParameters(String)
    /// sodium_malloc or a KDF could not get memory.
    case outOfMemory
    /// The C library reported an unexpected failure.
    case libraryFailure(String)
}

/// libsodium's headers mark pointers nonnull, so empty buffers need a real address to point at.
nonisolated(unsafe) private let emptyBufferAddress: UnsafeMutablePointer<UInt8> = {
    let pointer = UnsafeMutablePointer<UInt8>.allocate(capacity: 16)
    pointer.initialize(repeating: 0, count: 16)
    return pointer
}()

extension UnsafeRawBufferPointer {
    /// The bytes as a non-null `UInt8` pointer, valid (but not to be read) when empty.
    var bytePointer: UnsafePointer<UInt8> {
        baseAddress.map { $0.assumingMemoryBound(to: UInt8.self) } ?? UnsafePointer(emptyBufferAddress)
    }
}

extension UnsafeMutableRawBufferPointer {
    var bytePointer: UnsafeMutablePointer<UInt8> {
        baseAddress.map { $0.assumingMemoryBound(to: UInt8.self) } ?? emptyBufferAddress
    }
}
