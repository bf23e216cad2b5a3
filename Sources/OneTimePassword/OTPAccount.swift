// One two-factor account as every format describes it: what the code needs (secret, algorithm, digits,
// period or counter) and how it is named (issuer and account).
import WalletCore
import WalletCrypto

public enum OTPKind: String, Sendable, Codable, CaseIterable {
    case totp
    case hotp
    /// Steam Guard: TOTP/SHA1/30 s, five characters from Steam's own alphabet.
    case steam
}

public struct OTPAccount: Sendable, Equatable {
    public var kind: OTPKind
    public var issuer: String
    public var account: String
    public var secret: [UInt8]
    public var algorithm: HashAlgorithm
    public var digits: Int
    public var period: Int
    public var counter: UInt64

    public init(
        kind: OTPKind = .totp, issuer: String, account: String, secret: [UInt8],
        algorithm: HashAlgorithm = .sha1, digits: Int = 6, period: Int = 30, counter: UInt64 = 0
    ) {
        self.kind = kind
        self.issuer = issuer
        self.account = account
        self.secret = secret
        self.algorithm = algorithm
        self.digits = kind == .steam ? 5 : digits
        self.period = period
        self.counter = counter
    }

    /// `issuer:account`, or the account alone when there is no issuer.
    public var name: String { OTPAccount.displayName(issuer: issuer, account: account) }

    public static func displayName(issuer: String, account: String) -> String {
        issuer.isEmpty ? account : "\(issuer):\(account)"
    }

    /// Checks what every importer and `add` must refuse before anything is stored.
    public func validate() throws {
        guard !secret.isEmpty else { throw OTPError.emptySecret }
        guard !account.isEmpty || !issuer.isEmpty else {
            throw WalletError.usage(en: "an account needs a name or an issuer", zh: "账户需要名称或发行方")
        }
        if kind != .steam {
            guard (6...8).contains(digits) else { throw OTPError.badParameter("digits", String(digits)) }
        }
        guard period > 0, period <= 86_400 else { throw OTPError.badParameter("period", String(period)) }
        guard counter <= UInt64(Int64.max) else { throw OTPError.badParameter("counter", String(counter)) }
    }

    /// Same secret and same code parameters: a re-import of what we already hold.
    public func sameCodes(as other: OTPAccount) -> Bool {
        kind == other.kind && algorithm == other.algorithm && digits == other.digits && period == other.period
            && Memory.constantTimeEquals(secret, other.secret)
    }
}
