// X25519 key agreement (libsodium crypto_scalarmult) for age recipients and device keys.
import CSodium

public enum X25519 {
    public static let keyLength = 32

    /// A new random private scalar and its public point.
    public static func generatePrivateKey() -> SecureBytes {
        Random.secureBytes(keyLength)
    }

    public static func publicKey(privateKey: SecureBytes) throws -> [UInt8] {
        requireSodium()
        guard privateKey.count == keyLength else { throw CryptoError.invalidParameters("X25519 key must be 32 bytes") }
        var out = [UInt8](repeating: 0, count: keyLength)
        let status = privateKey.withUnsafeBytes { crypto_scalarmult_base(&out, $0.bytePointer) }
        guard status == 0 else { throw CryptoError.libraryFailure("X25519 base") }
        return out
    }

    /// Fails with `authenticationFailed` when the result is all zeros (a low-order point), as age requires.
    public static func sharedSecret(privateKey: SecureBytes, publicKey: [UInt8]) throws -> SecureBytes {
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
