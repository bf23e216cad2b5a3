// The password-strength errors as the CLI words them, the option checks of the password commands, and
// the JSON line of a strength result (fields and nulls as docs/password.md lists them).
import ArgumentParser
import Foundation
import PasswordStrength
import WalletCore
import XCTest

@testable import WalletsecCLI

final class PasswordMessageTests: XCTestCase {
    func testBreachListErrors() {
        let cases: [(BreachListError, String)] = [
            (.cannotOpen(path: "p.txt"), "cannot open breach list p.txt"),
            (.notRegularFile(path: "p.txt"), "breach list p.txt is not a regular file"),
            (.cannotMap(path: "p.txt"), "cannot map breach list p.txt"),
            (
                .unrecognized(path: "p.txt"),
                "breach list p.txt: not a HIBP file (SHA1:count lines) nor a range file named PREFIX.txt"
            ),
            (.malformedRangeLine(path: "p.txt"), "breach list p.txt: malformed range line"),
        ]
        for (error, english) in cases {
            XCTAssertEqual(error.userMessage.status, .usage)
            XCTAssertEqual(error.userMessage.text.en, english)
            XCTAssertTrue(error.userMessage.text.zh.contains("泄露密码列表 p.txt"), error.userMessage.text.zh)
        }
    }

    func testPasswordParsingAndOptionChecks() throws {
        let check = try XCTUnwrap(
            try Walletsec.parseAsRoot(["password", "check", "--stdin", "--min-score", "3", "--user-input", "alice"])
                as? PasswordCheckCommand)
        XCTAssertTrue(check.stdin)
        XCTAssertEqual(check.minScore, 3)
        XCTAssertEqual(check.userInputs, ["alice"])
        XCTAssertThrowsError(try Walletsec.parseAsRoot(["password", "check", "--min-score", "three"]))
        XCTAssertThrowsError(try Walletsec.parseAsRoot(["password", "generate", "--bogus"]))

        let outOfRange = try XCTUnwrap(
            try Walletsec.parseAsRoot(["password", "check", "--stdin", "--min-score", "7"]) as? PasswordCheckCommand)
        XCTAssertThrowsError(try outOfRange.checkOptions()) { error in
            XCTAssertEqual((error as? CLIFailure)?.userMessage.status, .usage)
        }
        let both = try XCTUnwrap(
            try Walletsec.parseAsRoot(["password", "generate", "--words", "4", "--length", "10"])
                as? PasswordGenerateCommand)
        XCTAssertThrowsError(try both.checkOptions()) { error in
            XCTAssertEqual(
                (error as? CLIFailure)?.userMessage.text.en, "use either --words or --length, not both")
        }
        let fine = try XCTUnwrap(
            try Walletsec.parseAsRoot(["password", "generate", "--length", "20"]) as? PasswordGenerateCommand)
        XCTAssertNoThrow(try fine.checkOptions())
    }

    func testStrengthReportJSONFields() throws {
        let result = Estimator().estimate("woaini1314")
        let line = StrengthReport.json(result, password: nil, language: .en)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        XCTAssertEqual(
            object.keys.sorted(),
            [
                "breached", "crack_times_seconds", "guesses", "guesses_log10", "patterns", "score", "suggestions",
                "warning",
            ])
        XCTAssertTrue(object["breached"] is NSNull, "breached is null without --breach-list")
        let patterns = try XCTUnwrap(object["patterns"] as? [[String: Any]])
        XCTAssertFalse(patterns.isEmpty)
        XCTAssertTrue(patterns.allSatisfy { Array($0.keys) == ["kind"] }, "a pattern is its kind alone without --show")
        for field in ["\"rank\":", "\"i\":", "\"j\":", "\"token\":", "\"dictionary\":", "\"parts\":", "\"year\":"] {
            XCTAssertFalse(line.contains(field), "\(field) without --show")
        }
        XCTAssertEqual(StrengthReport.coarse(123_456), 120_000)
        XCTAssertEqual(StrengthReport.coarse(57), 57)
        XCTAssertFalse(line.contains("woaini"), "nothing of the password without --show")
        // Keys come sorted, as every other --json output.
        let keys = ["\"breached\"", "\"crack_times_seconds\"", "\"guesses\"", "\"patterns\"", "\"score\""]
        let positions = keys.map { line.range(of: $0)?.lowerBound }
        XCTAssertEqual(positions.compactMap { $0 }, positions.compactMap { $0 }.sorted())
        XCTAssertEqual(positions.compactMap { $0 }.count, keys.count)

        let shown = StrengthReport.json(result, password: "woaini1314", language: .en)
        XCTAssertTrue(shown.contains("\"password\":\"woaini1314\""))
        // With --show, the hand-written crack times carry the same keys and values as the shared encoder
        // would write (without it they are coarsened with the guesses).
        let shownObject = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(shown.utf8)) as? [String: Any])
        let times = try XCTUnwrap(shownObject["crack_times_seconds"] as? [String: Double])
        let encoded = try JSONOutput.line(result.crackTimes)
        let viaEncoder = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(encoded.utf8)) as? [String: Double])
        XCTAssertEqual(times, viaEncoder)
    }

    func testHandWrittenNumbersParseBack() throws {
        for value in [0, 1, 10_000, 1e20, 1.5e300, 0.001, 123.456, -7] as [Double] {
            var bytes: [UInt8] = []
            JSONLineWriter.appendNumber(value, to: &bytes)
            let parsed =
                try JSONSerialization.jsonObject(
                    with: Data(("[" + String(decoding: bytes, as: UTF8.self) + "]").utf8)) as? [Double]
            XCTAssertEqual(parsed, [value], String(decoding: bytes, as: UTF8.self))
        }
        var bytes: [UInt8] = []
        JSONLineWriter.appendNumber(.infinity, to: &bytes)
        XCTAssertEqual(String(decoding: bytes, as: UTF8.self), "null")
    }
}
