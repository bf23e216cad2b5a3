// HOTP (RFC 4226), TOTP (RFC 6238) and Steam Guard codes over OpenSSL's HMAC. One code path: every code,
// one-off or in a window, goes through CodeGenerator (a keyed HMAC context, truncation, then digits or
// Steam's alphabet).
import WalletCrypto

/// Codes of an account at a time step or counter.
///
/// ```swift
/// let account = try KeyURI.parse(uri).account
/// let code = OTPGenerator.currentCode(account, unixTime: Int64(Date().timeIntervalSince1970))
/// ```
public enum OTPGenerator {
    static let steamAlphabet = Array("23456789BCDFGHJKMNPQRTVWXY".utf8)
    static let powers: [UInt32] = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000]

    /// RFC 4226 dynamic truncation: 31 bits starting at the offset named by the last nibble.
    static func truncated<MAC: RandomAccessCollection<UInt8>>(_ mac: MAC) -> UInt32 where MAC.Index == Int {
        let base = mac.startIndex
        let offset = base + Int(mac[mac.endIndex - 1] & 0x0f)
        return (UInt32(mac[offset] & 0x7f) << 24) | (UInt32(mac[offset + 1]) << 16)
            | (UInt32(mac[offset + 2]) << 8) | UInt32(mac[offset + 3])
    }

    /// The HOTP value for `counter` as a zero-padded decimal string of `digits` digits (clamped to 1...8).
    ///
    /// ```swift
    /// OTPGenerator.hotp(secret: Array("12345678901234567890".utf8), counter: 0, algorithm: .sha1, digits: 6)
    /// // "755224" (RFC 4226 appendix D)
    /// ```
    public static func hotp(secret: [UInt8], counter: UInt64, algorithm: HashAlgorithm, digits: Int) -> String {
        CodeGenerator(kind: .hotp, algorithm: algorithm, digits: digits, secret: secret).code(step: counter)
    }

    /// Steam Guard: the truncated value written in base 26 over Steam's alphabet, five characters.
    public static func steam(secret: [UInt8], counter: UInt64) -> String {
        CodeGenerator(kind: .steam, algorithm: .sha1, digits: 5, secret: secret).code(step: counter)
    }

    /// The time step (T0 = 0) that `unixTime` falls in.
    public static func step(unixTime: Int64, period: Int) -> UInt64 {
        unixTime <= 0 ? 0 : UInt64(unixTime) / UInt64(max(period, 1))
    }

    /// Seconds until the step of `unixTime` ends.
    public static func secondsLeft(unixTime: Int64, period: Int) -> Int {
        let period = Int64(max(period, 1))
        return Int(period - (max(unixTime, 0) % period))
    }

    /// The code of `account` for a counter (HOTP) or time step (TOTP, Steam).
    public static func code(_ account: OTPAccount, step: UInt64) -> String {
        CodeGenerator(account: account).code(step: step)
    }

    /// The code shown now: the current time step for TOTP/Steam, the stored counter for HOTP.
    public static func currentCode(_ account: OTPAccount, unixTime: Int64) -> String {
        code(account, step: currentStep(account, unixTime: unixTime))
    }

    /// The step whose code is current: the time step for TOTP/Steam, the stored counter for HOTP.
    static func currentStep(_ account: OTPAccount, unixTime: Int64) -> UInt64 {
        account.kind == .hotp ? account.counter : step(unixTime: unixTime, period: account.period)
    }
}

/// Codes of one account for many steps (verification windows, bulk listing, benchmarks): the HMAC key is
/// set up once and each code is computed in stack buffers without intermediate arrays.
///
/// ```swift
/// let generator = try CodeGenerator(account)
/// let codes = (step..<step + 3).map(generator.code(step:))
/// ```
public final class CodeGenerator {
    let kind: OTPKind
    let digits: Int
    private let context: HMACContext

    /// A generator keyed with `account`'s secret and algorithm.
    public convenience init(_ account: OTPAccount) throws {
        self.init(account: account)
    }

    convenience init(account: OTPAccount) {
        self.init(kind: account.kind, algorithm: account.algorithm, digits: account.digits, secret: account.secret)
    }

    convenience init(kind: OTPKind, algorithm: HashAlgorithm, digits: Int, secret: [UInt8]) {
        self.init(kind: kind, algorithm: algorithm, digits: digits, secret: SecureBytes(secret))
    }

    init(kind: OTPKind, algorithm: HashAlgorithm, digits: Int, secret: SecureBytes) {
        self.kind = kind
        self.digits = min(max(digits, 1), 8)
        // Only an OpenSSL failure stops this, which HMAC.authenticate treats as fatal too.
        guard let context = try? HMACContext(kind == .steam ? .sha1 : algorithm, key: secret) else {
            preconditionFailure("OpenSSL HMAC context unavailable")
        }
        self.context = context
    }

    /// The code for a counter (HOTP) or time step (TOTP, Steam).
    public func code(step: UInt64) -> String {
        var counter = step.bigEndian
        let value = withUnsafeTemporaryAllocation(byteCount: 64, alignment: 8) { output in
            withUnsafeBytes(of: &counter) { message in
                let length = context.authenticate(message, into: output)
                return OTPGenerator.truncated(UnsafeRawBufferPointer(rebasing: output[0..<length]))
            }
        }
        if kind == .steam {
            var remaining = value
            let alphabet = OTPGenerator.steamAlphabet
            return String(unsafeUninitializedCapacity: 5) { buffer in
                for index in 0..<5 {
                    buffer[index] = alphabet[Int(remaining % UInt32(alphabet.count))]
                    remaining /= UInt32(alphabet.count)
                }
                return 5
            }
        }
        var remaining = value % OTPGenerator.powers[digits]
        return String(unsafeUninitializedCapacity: digits) { buffer in
            for index in stride(from: digits - 1, through: 0, by: -1) {
                buffer[index] = UInt8(0x30 + remaining % 10)
                remaining /= 10
            }
            return digits
        }
    }
}
