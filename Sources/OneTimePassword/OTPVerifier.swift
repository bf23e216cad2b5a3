// Checks a code against a window of steps in constant time and applies the replay rule.
import WalletCrypto

public enum VerificationResult: Equatable, Sendable {
    /// Accepted at this step (TOTP/Steam) or counter (HOTP); the caller must store it as the last accepted step.
    case accepted(step: UInt64)
    case rejected(RejectionReason)
}

public enum RejectionReason: String, Equatable, Sendable {
    /// Not a code of this account within the window.
    case wrongCode = "wrong_code"
    /// A code of a step at or below the last accepted one: it was (or could have been) used already.
    case replay
    /// Wrong length or characters for this account.
    case malformed
}

public enum OTPVerifier {
    /// - Parameters:
    ///   - window: steps either side of now (TOTP/Steam) or ahead of the counter (HOTP).
    ///   - lastAccepted: the last accepted step/counter, or nil when none yet.
    public static func verify(
        _ code: String, account: OTPAccount, unixTime: Int64, window: Int, lastAccepted: Int64?
    ) throws -> VerificationResult {
        let generator = try CodeGenerator(account)
        let normalized = normalize(code, kind: account.kind)
        guard normalized.count == account.digits else { return .rejected(.malformed) }
        let candidates: [UInt64]
        let window = UInt64(max(0, min(window, 100)))
        if account.kind == .hotp {
            // Counters below the stored one are checked too, only to call a match there a replay.
            let low = account.counter >= window ? account.counter - window : 0
            candidates = Array(low...(account.counter &+ window))
        } else {
            let now = OTPGenerator.step(unixTime: unixTime, period: account.period)
            let low = now >= window ? now - window : 0
            candidates = Array(low...(now + window))
        }
        // Compare against every candidate without stopping early, so timing says nothing about which matched.
        var best: UInt64?
        var matchedAny = false
        let given = Array(normalized.utf8)
        for step in candidates {
            let expected = Array(generator.code(step: step).utf8)
            if Memory.constantTimeEquals(expected, given) {
                matchedAny = true
                let floor = account.kind == .hotp ? account.counter : 0
                let fresh = step >= floor && (lastAccepted.map { Int64(bitPattern: step) > $0 } ?? true)
                if fresh { best = max(best ?? step, step) }
            }
        }
        if let best { return .accepted(step: best) }
        return .rejected(matchedAny ? .replay : .wrongCode)
    }

    /// Spaces are ignored; Steam codes are case-insensitive.
    static func normalize(_ code: String, kind: OTPKind) -> String {
        let trimmed = code.filter { $0 != " " }
        return kind == .steam ? trimmed.uppercased() : trimmed
    }
}
