// Checks a code against a window of steps in constant time and applies the replay rule; with a
// ReplayStateStore, checks and records the accepted step in one transaction (replay-safe verification).
import WalletCrypto

/// The outcome of checking a code.
public enum VerificationResult: Equatable, Sendable {
    /// Accepted at this step (TOTP/Steam) or counter (HOTP).
    case accepted(step: UInt64)
    /// Refused, and why.
    case rejected(RejectionReason)
}

/// Why a code was refused.
public enum RejectionReason: String, Equatable, Sendable {
    /// Not a code of this account within the window.
    case wrongCode = "wrong_code"
    /// A code of a step at or below the last accepted one: it was (or could have been) used already.
    case replay
    /// Wrong length or characters for this account.
    case malformed
}

/// An account's replay state: what a verifier must read fresh and write back in the same transaction.
public struct ReplayState: Sendable, Equatable {
    /// The next HOTP counter (unused for TOTP/Steam).
    public var counter: UInt64
    /// The last accepted step or counter, nil when no code was accepted yet.
    public var lastAcceptedStep: Int64?

    /// A replay state.
    public init(counter: UInt64, lastAcceptedStep: Int64?) {
        self.counter = counter
        self.lastAcceptedStep = lastAcceptedStep
    }
}

/// Where one account's replay state lives (the vault, in walletsec). The store runs `decide` on the state as
/// it is now and stores what `decide` returns (nil: nothing to store) before any other verifier can read
/// the state: one write transaction, so one code passes once even when two processes verify it at once.
public protocol ReplayStateStore {
    /// Reads the state, calls `decide` once with it, and stores the returned state, atomically.
    func updateReplayState(_ decide: (ReplayState) throws -> ReplayState?) throws
}

/// Checks codes.
///
/// ```swift
/// // Replay-safe: checks the code and records the accepted step in one transaction of `store`.
/// let result = try OTPVerifier.verify("492039", account: account, unixTime: now, window: 1, store: store)
/// if case .accepted(let step) = result { … }
/// ```
public enum OTPVerifier {
    /// Checks `code` against the state `store` holds and records the step it accepts, in one transaction.
    /// `account.counter` is ignored: the stored counter is the one used. HOTP accounts move to the
    /// accepted counter + 1.
    /// - Parameter window: steps either side of now (TOTP/Steam) or ahead of the counter (HOTP).
    public static func verify(
        _ code: String, account: OTPAccount, unixTime: Int64, window: Int, store: some ReplayStateStore
    ) throws -> VerificationResult {
        let generator = CodeGenerator(account: account)
        var result = VerificationResult.rejected(.wrongCode)
        try store.updateReplayState { state in
            var current = account
            current.counter = state.counter
            result = verify(
                code, account: current, generator: generator, unixTime: unixTime, window: window,
                lastAccepted: state.lastAcceptedStep)
            guard case .accepted(let step) = result else { return nil }
            let counter = account.kind == .hotp ? step + 1 : state.counter
            return ReplayState(counter: counter, lastAcceptedStep: Int64(step))
        }
        return result
    }

    /// Checks `code` without recording anything (the caller must store an accepted step itself).
    /// - Parameters:
    ///   - window: steps either side of now (TOTP/Steam) or ahead of the counter (HOTP).
    ///   - lastAccepted: the last accepted step/counter, or nil when none yet.
    public static func verify(
        _ code: String, account: OTPAccount, unixTime: Int64, window: Int, lastAccepted: Int64?
    ) -> VerificationResult {
        verify(
            code, account: account, generator: CodeGenerator(account: account), unixTime: unixTime, window: window,
            lastAccepted: lastAccepted)
    }

    static func verify(
        _ code: String, account: OTPAccount, generator: CodeGenerator, unixTime: Int64, window: Int,
        lastAccepted: Int64?
    ) -> VerificationResult {
        let normalized = normalize(code, kind: account.kind)
        guard normalized.count == account.digits else { return .rejected(.malformed) }
        let window = UInt64(max(0, min(window, 100)))
        // HOTP: counters below the stored one are checked too, only to call a match there a replay.
        let center = OTPGenerator.currentStep(account, unixTime: unixTime)
        let low = center >= window ? center - window : 0
        let candidates = low...(center &+ window)
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
