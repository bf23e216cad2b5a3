// Replay-safe verification through a ReplayStateStore: the accepted step is recorded by the same call
// that checks the code, so the same code fails the second time; HOTP moves its counter past the match.
import WalletCrypto
import XCTest

@testable import OneTimePassword

/// An in-memory store that counts its transactions, as a vault row would hold the state.
final class MemoryReplayStore: ReplayStateStore {
    var state: ReplayState
    var transactions = 0

    init(_ state: ReplayState) { self.state = state }

    func updateReplayState(_ decide: (ReplayState) throws -> ReplayState?) throws {
        transactions += 1
        if let next = try decide(state) { state = next }
    }
}

final class ReplayStoreTests: XCTestCase {
    let seed = Array("12345678901234567890".utf8)

    func testTOTPCodePassesOnceAndIsRecorded() throws {
        let account = OTPAccount(issuer: "I", account: "a", secret: seed, digits: 8)
        let store = MemoryReplayStore(ReplayState(counter: 0, lastAcceptedStep: nil))
        XCTAssertEqual(
            try OTPVerifier.verify("94287082", account: account, unixTime: 59, window: 1, store: store),
            .accepted(step: 1))
        XCTAssertEqual(store.state, ReplayState(counter: 0, lastAcceptedStep: 1))
        XCTAssertEqual(
            try OTPVerifier.verify("94287082", account: account, unixTime: 59, window: 1, store: store),
            .rejected(.replay))
        XCTAssertEqual(store.state.lastAcceptedStep, 1, "a rejection records nothing")
        XCTAssertEqual(store.transactions, 2, "one transaction per verification")
    }

    func testHOTPUsesTheStoredCounterAndAdvancesIt() throws {
        // The account's own counter is stale (0); the store says 3, so counter 4's code is the next one.
        let account = OTPAccount(kind: .hotp, issuer: "I", account: "a", secret: seed, counter: 0)
        let store = MemoryReplayStore(ReplayState(counter: 3, lastAcceptedStep: 2))
        // RFC 4226 appendix D: counter 4 is 338314, counter 1 is 287082.
        XCTAssertEqual(
            try OTPVerifier.verify("287082", account: account, unixTime: 0, window: 2, store: store),
            .rejected(.replay))
        XCTAssertEqual(
            try OTPVerifier.verify("338314", account: account, unixTime: 0, window: 2, store: store),
            .accepted(step: 4))
        XCTAssertEqual(store.state, ReplayState(counter: 5, lastAcceptedStep: 4))
    }

    func testStoreFailurePropagates() {
        struct Unavailable: Error {}
        struct FailingStore: ReplayStateStore {
            func updateReplayState(_ decide: (ReplayState) throws -> ReplayState?) throws { throw Unavailable() }
        }
        let account = OTPAccount(issuer: "I", account: "a", secret: seed)
        XCTAssertThrowsError(
            try OTPVerifier.verify("123456", account: account, unixTime: 59, window: 1, store: FailingStore())
        ) { error in
            XCTAssertTrue(error is Unavailable)
        }
    }

    func testEnrollmentAccountsAndConfirmation() throws {
        let random = try OTPAccount.enrolling(issuer: "Wallet", account: "alice", algorithm: .sha256)
        XCTAssertEqual(random.secret.count, 32, "SHA-256 enrolls a 256-bit secret")
        let given = try OTPAccount.enrolling(
            issuer: "Wallet", account: "bob", digits: 8, base32Secret: "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")
        XCTAssertEqual(given.secret.copyBytes(), seed)
        XCTAssertEqual(given.confirmEnrollment(code: "94287082", unixTime: 59), .accepted(step: 1))
        XCTAssertEqual(given.confirmEnrollment(code: "94287082", unixTime: 200), .rejected(.wrongCode))
        XCTAssertThrowsError(try OTPAccount.enrolling(issuer: "W", account: "c", base32Secret: "ABC1")) { error in
            XCTAssertEqual(error as? OTPError, .badBase32(position: 4))
        }
        XCTAssertThrowsError(try OTPAccount.enrolling(issuer: "", account: "")) { error in
            XCTAssertEqual(error as? OTPError, .missingName)
        }
    }
}
