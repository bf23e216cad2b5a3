// HOTP (RFC 4226), TOTP (RFC 6238) and Steam Guard codes over OpenSSL's HMAC.
import WalletCrypto

public enum OTPGenerator {
    static let steamAlphabet = Array("23456789BCDFGHJKMNPQRTVWXY".utf8)
    static let powers: [UInt32] = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000]

    /// RFC 4226 dynamic truncation: 31 bits starting at the offset named by the last nibble.
    static func truncated(_ mac: [UInt8]) -> UInt32 {
        let offset = Int(mac[mac.count - 1] & 0x0f)
        return (UInt32(mac[offset] & 0x7f) << 24) | (UInt32(mac[offset + 1]) << 16)
            | (UInt32(mac[offset + 2]) << 8) | UInt32(mac[offset + 3])
    }

    static func counterBytes(_ counter: UInt64) -> [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: counter >> (56 - 8 * UInt64($0))) }
    }

    /// The HOTP value for `counter` as a zero-padded decimal string of `digits` digits (clamped to 1...8).
    public static func hotp(secret: [UInt8], counter: UInt64, algorithm: HashAlgorithm, digits: Int) -> String {
        let mac = HMAC.authenticate(algorithm, key: secret, message: counterBytes(counter))
        let digits = min(max(digits, 1), 8)
        let value = truncated(mac) % powers[digits]
        let text = String(value)
        return String(repeating: "0", count: digits - text.count) + text
    }

    /// Steam Guard: the truncated value written in base 26 over Steam's alphabet, five characters.
    public static func steam(secret: [UInt8], counter: UInt64) -> String {
        var value = truncated(HMAC.authenticate(.sha1, key: secret, message: counterBytes(counter)))
        var result: [UInt8] = []
        for _ in 0..<5 {
            result.append(steamAlphabet[Int(value % UInt32(steamAlphabet.count))])
            value /= UInt32(steamAlphabet.count)
        }
        return String(decoding: result, as: UTF8.self)
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
        switch account.kind {
        case .steam: return steam(secret: account.secret, counter: step)
        case .hotp, .totp:
            return hotp(secret: account.secret, counter: step, algorithm: account.algorithm, digits: account.digits)
        }
    }

    /// The code shown now: the current time step for TOTP/Steam, the stored counter for HOTP.
    public static func currentCode(_ account: OTPAccount, unixTime: Int64) -> String {
        account.kind == .hotp
            ? code(account, step: account.counter)
            : code(account, step: step(unixTime: unixTime, period: account.period))
    }
}

/// Codes of one account for many steps (verification windows, bulk listing, benchmarks): the HMAC key is
/// set up once and each code is computed in stack buffers without intermediate arrays.
public final class CodeGenerator {
    public let account: OTPAccount
    private let context: HMACContext

    public init(_ account: OTPAccount) throws {
        self.account = account
        self.context = try HMACContext(account.kind == .steam ? .sha1 : account.algorithm, key: account.secret)
    }

    public func code(step: UInt64) -> String {
        var counter = step.bigEndian
        let value = withUnsafeTemporaryAllocation(byteCount: 64, alignment: 8) { output in
            withUnsafeBytes(of: &counter) { message in
                let length = context.authenticate(message, into: output)
                let mac = UnsafeRawBufferPointer(rebasing: output[0..<length])
                let offset = Int(mac[length - 1] & 0x0f)
                return (UInt32(mac[offset] & 0x7f) << 24) | (UInt32(mac[offset + 1]) << 16)
                    | (UInt32(mac[offset + 2]) << 8) | UInt32(mac[offset + 3])
            }
        }
        if account.kind == .steam {
            var remaining = value
            return String(unsafeUninitializedCapacity: 5) { buffer in
                for index in 0..<5 {
                    buffer[index] = OTPGenerator.steamAlphabet[Int(remaining % 26)]
                    remaining /= 26
                }
                return 5
            }
        }
        let digits = min(max(account.digits, 1), 8)
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
