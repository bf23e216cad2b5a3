// One two-factor account as every format describes it: what the code needs (secret, algorithm, digits,
// period or counter) and how it is named (issuer and account).
import WalletCore
import WalletCrypto

/// Which code an account produces.
public enum OTPKind: String, Sendable, Codable, CaseIterable {
    /// Time-based (RFC 6238).
    case totp
    /// Counter-based (RFC 4226).
    case hotp
    /// Steam Guard: TOTP/SHA1/30 s, five characters from Steam's own alphabet.
    case steam
}

/// One two-factor account: the secret and code parameters, and its name.
///
/// ```swift
/// let account = OTPAccount(issuer: "Wallet", account: "alice", secret: try Base32.decode("JBSWY3DPEHPK3PXP"))
/// try account.validate()
/// ```
public struct OTPAccount: Sendable, Equatable {
    /// Same parameters and names, and the same secret (compared in constant time).
    public static func == (lhs: OTPAccount, rhs: OTPAccount) -> Bool {
        lhs.kind == rhs.kind && lhs.issuer == rhs.issuer && lhs.account == rhs.account
            && lhs.algorithm == rhs.algorithm && lhs.digits == rhs.digits && lhs.period == rhs.period
            && lhs.counter == rhs.counter && lhs.secret.isEqual(to: rhs.secret)
    }

    /// TOTP, HOTP or Steam.
    public var kind: OTPKind
    /// The service (may be empty).
    public var issuer: String
    /// The account name at the service (may be empty when the issuer is not).
    public var account: String
    /// The HMAC key, in locked memory that is zeroed when the last copy of the account goes.
    public var secret: SecureBytes
    /// The HMAC hash (Steam always uses SHA-1).
    public var algorithm: HashAlgorithm
    /// Code length: 6 to 8 (5 for Steam).
    public var digits: Int
    /// Seconds per TOTP/Steam step.
    public var period: Int
    /// The next HOTP counter.
    public var counter: UInt64

    /// An account whose secret is copied into locked memory (wipe `secret` afterwards if it matters).
    public init(
        kind: OTPKind = .totp, issuer: String, account: String, secret: [UInt8],
        algorithm: HashAlgorithm = .sha1, digits: Int = 6, period: Int = 30, counter: UInt64 = 0
    ) {
        self.init(
            kind: kind, issuer: issuer, account: account, secret: SecureBytes(secret), algorithm: algorithm,
            digits: digits, period: period, counter: counter)
    }

    /// An account; Steam accounts always get 5 digits. Control characters in the names are dropped
    /// (line breaks and tabs become spaces): an issuer from a crafted otpauth URI or export could
    /// otherwise carry escape sequences into the vault and on to every app the account is exported to.
    public init(
        kind: OTPKind = .totp, issuer: String, account: String, secret: SecureBytes,
        algorithm: HashAlgorithm = .sha1, digits: Int = 6, period: Int = 30, counter: UInt64 = 0
    ) {
        self.kind = kind
        self.issuer = PrintableText.oneLine(issuer)
        self.account = PrintableText.oneLine(account)
        self.secret = secret
        self.algorithm = algorithm
        self.digits = kind == .steam ? 5 : digits
        self.period = period
        self.counter = counter
    }

    /// `issuer:account`, or the account alone when there is no issuer.
    public var name: String { OTPAccount.displayName(issuer: issuer, account: account) }

    /// `issuer:account`, or the account alone when the issuer is empty.
    public static func displayName(issuer: String, account: String) -> String {
        issuer.isEmpty ? account : "\(issuer):\(account)"
    }

    /// Checks what every importer and `add` must refuse before anything is stored.
    public func validate() throws(OTPError) {
        guard secret.count > 0 else { throw .emptySecret }
        guard !account.isEmpty || !issuer.isEmpty else { throw .missingName }
        if kind != .steam {
            guard (6...8).contains(digits) else { throw .unsupportedParameter(name: "digits", value: String(digits)) }
        }
        guard period > 0, period <= 86_400 else {
            throw .unsupportedParameter(name: "period", value: String(period))
        }
        guard counter <= UInt64(Int64.max) else {
            throw .unsupportedParameter(name: "counter", value: String(counter))
        }
    }

    /// Same secret and same code parameters: a re-import of what we already hold.
    public func sameCodes(as other: OTPAccount) -> Bool {
        kind == other.kind && algorithm == other.algorithm && digits == other.digits && period == other.period
            && secret.isEqual(to: other.secret)
    }
}
