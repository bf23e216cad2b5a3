// Verification window, replay rule and HOTP look-ahead.
import WalletCrypto
import XCTest

@testable import OneTimePassword

final class VerifierTests: XCTestCase {
    let account = OTPAccount(issuer: "I", account: "a", secret: Array("12345678901234567890".utf8), digits: 8)

    func testRFCCodeAcceptedWithinWindowOnly() {
        // RFC 6238: 94287082 at T=59 (step 1).
        XCTAssertEqual(
            OTPVerifier.verify("94287082", account: account, unixTime: 59, window: 1, lastAccepted: nil),
            .accepted(step: 1))
        XCTAssertEqual(
            OTPVerifier.verify("94287082", account: account, unixTime: 89, window: 1, lastAccepted: nil),
            .accepted(step: 1))
        XCTAssertEqual(
            OTPVerifier.verify("94287082", account: account, unixTime: 89, window: 0, lastAccepted: nil),
            .rejected(.wrongCode))
        XCTAssertEqual(
            OTPVerifier.verify("9428 7082", account: account, unixTime: 59, window: 0, lastAccepted: nil),
            .accepted(step: 1))
    }

    func testReplayAtOrBelowLastAccepted() {
        XCTAssertEqual(
            OTPVerifier.verify("94287082", account: account, unixTime: 59, window: 1, lastAccepted: 1),
            .rejected(.replay))
        XCTAssertEqual(
            OTPVerifier.verify("94287082", account: account, unixTime: 59, window: 1, lastAccepted: 5),
            .rejected(.replay))
        XCTAssertEqual(
            OTPVerifier.verify("94287082", account: account, unixTime: 59, window: 1, lastAccepted: 0),
            .accepted(step: 1))
    }

    func testMalformedLength() {
        XCTAssertEqual(
            OTPVerifier.verify("942870", account: account, unixTime: 59, window: 1, lastAccepted: nil),
            .rejected(.malformed))
    }

    func testHOTPLooksAheadFromTheCounter() {
        var hotp = OTPAccount(kind: .hotp, issuer: "", account: "h", secret: Array("12345678901234567890".utf8))
        hotp.counter = 3
        // RFC 4226: counter 5 -> 254676, counter 2 -> 359152.
        XCTAssertEqual(
            OTPVerifier.verify("254676", account: hotp, unixTime: 0, window: 2, lastAccepted: nil),
            .accepted(step: 5))
        XCTAssertEqual(
            OTPVerifier.verify("254676", account: hotp, unixTime: 0, window: 1, lastAccepted: nil),
            .rejected(.wrongCode))
        // A code below the stored counter was used (or skipped) already: a replay, even with no accepted step yet.
        XCTAssertEqual(
            OTPVerifier.verify("359152", account: hotp, unixTime: 0, window: 1, lastAccepted: nil),
            .rejected(.replay))
        XCTAssertEqual(
            OTPVerifier.verify("755224", account: hotp, unixTime: 0, window: 1, lastAccepted: nil),
            .rejected(.wrongCode), "counter 0 is outside the window")
    }

    func testSteamCaseInsensitive() {
        let steam = OTPAccount(kind: .steam, issuer: "Steam", account: "s", secret: Array("12345678901234567890".utf8))
        let code = OTPGenerator.currentCode(steam, unixTime: 1_700_000_000)
        XCTAssertEqual(
            OTPVerifier.verify(
                code.lowercased(), account: steam, unixTime: 1_700_000_000, window: 0, lastAccepted: nil),
            .accepted(step: OTPGenerator.step(unixTime: 1_700_000_000, period: 30)))
    }
}
