// Why a statement row was skipped, as a person reads it: every RowProblem has English and Chinese text, the
// English matches the JSON `reason` the library keeps, and the Chinese holds no English sentence.
import Statements
import WalletCore
import XCTest

@testable import WalletsecCLI

final class RowProblemMessageTests: XCTestCase {
    /// One value of every case (and every kind and OFX field problem); adding a case without words fails
    /// to compile in RowProblemMessages.swift, and adding one here without words fails below.
    static let every: [RowProblem] =
        [
            .tooFewFields(expected: 11, found: 4, truncatedHint: true),
            .tooFewFields(expected: 9, found: 2, truncatedHint: false),
        ] + RowValueKind.allCases.map { .unreadable(column: "交易时间", kind: $0, text: nil) } + [
            .unreadable(column: "D", kind: .date, text: "31/31/2024"),
            .emptyAmount(column: "交易金额"), .unknownDirection(column: "收/支", value: "转账"),
            .unknownDescription(column: "交易说明", text: "调整"),
            .noAmount(inflow: "存入金额", outflow: "支取金额"), .bothAmounts(inflow: "存入金额", outflow: "支取金额"),
            .unterminatedTag, .transactionNotClosed, .transactionNeverClosed,
            .ofxFields([
                .missing(tag: "DTPOSTED"), .empty(tag: "DTPOSTED"), .invalidDate(tag: "DTPOSTED", text: "2024"),
                .notANumber(tag: "TRNAMT", text: "$1"),
            ]),
            .recordNotEnded(before: "!Type:Bank"), .recordNotEndedAtEnd,
            .unreadableRulesAmount(field: "amount", text: "abc"),
            .moreDecimalsThanCurrency(field: "amount", text: "1.234", currency: "CNY", scale: 2),
            .unknownCurrency(field: "amount", text: "Q1", symbol: "Q"),
            .severalAmounts(fields: ["amount-in", "amount-out"]),
            .noDate, .unreadableRulesDate(text: "2024-13-01", format: "%Y-%m-%d"),
            .unreadableRulesDate(text: "x", format: nil),
        ]

    func testEveryProblemHasEnglishAndChineseAndTheEnglishIsTheJSONReason() {
        for problem in Self.every {
            let text = problem.text
            XCTAssertFalse(text.en.isEmpty, "\(problem)")
            XCTAssertFalse(text.zh.isEmpty, "\(problem)")
            XCTAssertEqual(text.en, problem.reason, "human English and JSON reason agree for \(problem)")
            XCTAssertTrue(text.zh.unicodeScalars.contains { (0x4e00...0x9fff).contains($0.value) }, text.zh)
            for word in [
                "unreadable", "expected", "unknown", "missing", "empty", "neither", "both", "not a", "truncated",
            ] {
                XCTAssertFalse(text.zh.contains(word), "English '\(word)' in the Chinese: \(text.zh)")
            }
        }
    }

    func testChineseWording() {
        XCTAssertEqual(RowProblem.unreadable(column: "金额", kind: .amount, text: nil).text.zh, "无法读取“金额”（金额）")
        XCTAssertEqual(
            RowProblem.unreadable(column: "D", kind: .date, text: "31/31").text.zh, "无法读取“D”（日期）：“31/31”")
        XCTAssertEqual(
            RowProblem.ofxFields([.missing(tag: "DTPOSTED"), .notANumber(tag: "TRNAMT", text: "$1")]).text.zh,
            "缺少 DTPOSTED；TRNAMT 的值“$1”不是数字")
        XCTAssertEqual(
            RowProblem.tooFewFields(expected: 11, found: 4, truncatedHint: true).text.zh, "应有 11 个字段，实际 4 个（该行被截断？）")
    }

    func testSkippedRowLinesAndStrictErrorsFollowTheLanguage() {
        let row = MalformedRow(file: "a.csv", line: 7, problem: .unreadable(column: "金额", kind: .amount, text: nil))
        XCTAssertEqual(row.text(.en), "a.csv:7: unreadable 金额 (amount)")
        XCTAssertEqual(row.text(.zh), "a.csv:7：无法读取“金额”（金额）")
        let strict = StatementError.malformedRow(row).userMessage
        XCTAssertEqual(strict.status, .usage)
        XCTAssertEqual(strict.text.en, "a.csv:7: unreadable 金额 (amount) (--strict)")
        XCTAssertEqual(strict.text.zh, "a.csv:7：无法读取“金额”（金额）（--strict）")
    }

    func testJSONKeepsFileLineAndTheEnglishReasonOnly() throws {
        let row = MalformedRow(file: "a.csv", line: 7, problem: .noDate)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(row), as: UTF8.self)
        XCTAssertEqual(json, #"{"file":"a.csv","line":7,"reason":"no date"}"#)
    }
}
