// Enrolling a new TOTP account: a fresh secret (or a given Base32 one), and the phone's first code as the
// proof it was scanned.
import WalletCrypto

extension OTPAccount {
    /// A new TOTP account to enroll, with a random secret as long as the algorithm's output (160 bits for
    /// SHA-1, 256 for SHA-256, 512 for SHA-512) from libsodium, or the Base32 `secret` when given.
    ///
    /// ```swift
    /// let account = try OTPAccount.enrolling(issuer: "Wallet", account: "alice@example.com")
    /// show(KeyURI.build(account))                      // QR code for the phone
    /// guard case .accepted(let step) = account.confirmEnrollment(code: typed, unixTime: now) else { … }
    /// ```
    public static func enrolling(
        issuer: String, account: String, algorithm: HashAlgorithm = .sha1, digits: Int = 6, period: Int = 30,
        base32Secret: String? = nil
    ) throws(OTPError) -> OTPAccount {
        let secret: SecureBytes
        if let base32Secret {
            do {
                var bytes = try Base32.decode(base32Secret)
                secret = SecureBytes(bytes)
                Memory.zero(&bytes)
            } catch {
                throw OTPError(error)
            }
        } else {
            secret = Random.secureBytes(algorithm.outputLength)
        }
        let result = OTPAccount(
            kind: .totp, issuer: issuer, account: account, secret: secret, algorithm: algorithm, digits: digits,
            period: period)
        try result.validate()
        return result
    }

    /// Checks the phone's current code (one step either side): accepted means the phone holds the secret.
    /// Store the accepted step as used, so this code cannot be replayed to a later verification.
    public func confirmEnrollment(code: String, unixTime: Int64) -> VerificationResult {
        OTPVerifier.verify(code, account: self, unixTime: unixTime, window: 1, lastAccepted: nil)
    }
}
