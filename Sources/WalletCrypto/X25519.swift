// X25519 key agreement (libsodium crypto_scalarmult) for age recipients and device keys.
// A private key is a type that owns its scalar in SecureBytes (locked, wiped on release), never an array.
import CSodium

/// X25519 (RFC 7748) key agreement.
///
/// ```swift
/// let key = X25519.PrivateKey()
/// let shared = try key.sharedSecret(with: peerPublicKey)  // fails on low-order points
/// ```
public enum X25519 {
    /// Length in bytes of private scalars, public points and shared secrets.
    public static let keyLength = 32

    /// A private scalar held in locked, zeroed-on-release memory.
    public struct PrivateKey: Sendable {
        let storage: SecureBytes

        /// A new random private key.
        public init() {
            storage = Random.secureBytes(X25519.keyLength)
        }

        /// Takes ownership of a 32-byte scalar (the buffer is kept, not copied).
        public init(rawRepresentation: SecureBytes) throws {
            guard rawRepresentation.count == X25519.keyLength else {
                throw CryptoError.invalidParameters("X25519 key must be 32 bytes")
            }
            storage = rawRepresentation
        }

        /// The public point for this scalar.
        public var publicKey: [UInt8] {
            // crypto_scalarmult_base cannot fail for a 32-byte scalar.
            (try? X25519.publicKey(privateKey: storage)) ?? []
        }

        /// The shared secret with `publicKey`; throws `authenticationFailed` for a low-order point.
        public func sharedSecret(with publicKey: [UInt8]) throws -> SecureBytes {
            try X25519.sharedSecret(privateKey: storage, publicKey: publicKey)
        }

        /// Scoped read access to the scalar, for encoding it (Bech32) or sealing it elsewhere.
        public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
            try storage.withUnsafeBytes(body)
        }
    }

    package static func generatePrivateKey() -> SecureBytes {
        Random.secureBytes(keyLength)
    }

    package static func publicKey(privateKey: SecureBytes) throws -> [UInt8] {
        requireSodium()
        guard privateKey.count == keyLength else { throw CryptoError.invalidParameters("X25519 key must be 32 bytes") }
        var out = [UInt8](repeating: 0, count: keyLength)
        let status = privateKey.withUnsafeBytes { crypto_scalarmult_base(&out, $0.bytePointer) }
        guard status == 0 else { throw CryptoError.libraryFailure("X25519 base") }
        return out
    }

    /// Fails with `authenticationFailed` when the result is all zeros (a low-order point), as age requires.
    package static func sharedSecret(privateKey: SecureBytes, publicKey: [UInt8]) throws -> SecureBytes {
        requireSodium()
        guard privateKey.count == keyLength, publicKey.count == keyLength else {
            throw CryptoError.invalidParameters("X25519 key must be 32 bytes")
        }
        let shared = SecureBytes(count: keyLength)
        let status = shared.withUnsafeMutableBytes { out in
            privateKey.withUnsafeBytes { k in
                crypto_scalarmult(out.bytePointer, k.bytePointer, publicKey)
            }
        }
        // libsodium returns -1 for an all-zero output; check explicitly as well.
        let allZero = shared.withUnsafeBytes { sodium_is_zero($0.bytePointer, $0.count) == 1 }
        guard status == 0, !allZero else { throw CryptoError.authenticationFailed }
        return shared
    }
}
