// The statement and history errors as a person reads them (exit status and both languages), and
// parsing of `scan` and `history`.
import ArgumentParser
import History
import Statements
import WalletCore
import XCTest

@testable import WalletsecCLI

final class StatementMessageTests: XCTestCase {
    func message(_ error: some UserFacingError) -> UserMessage { error.userMessage }

    func testUnknownLayoutNamesWhatWasExpectedInBothLanguages() {
        let any = message(StatementError.unknownLayout(file: "x.csv", expected: .auto))
        XCTAssertEqual(any.status, .usage)
        XCTAssertTrue(any.text.en.hasPrefix("x.csv: unknown statement layout; expected an Alipay CSV"), any.text.en)
        XCTAssertTrue(any.text.en.contains("交易订单号") && any.text.en.hasSuffix("or --format csv --rules FILE"))
        XCTAssertTrue(any.text.zh.hasPrefix("x.csv：无法识别的账单格式；应为支付宝 CSV（表头“交易时间"), any.text.zh)
        // The complaint: no English sentence inside the Chinese text.
        XCTAssertFalse(any.text.zh.contains("an Alipay") || any.text.zh.contains("header"), any.text.zh)
        XCTAssertTrue(any.text.zh.contains("微信支付账单") && any.text.zh.contains("工商银行"), any.text.zh)

        let alipay = message(StatementError.unknownLayout(file: "x.csv", expected: .alipay)).text.en
        XCTAssertTrue(alipay.contains("交易订单号,商家订单号,备注), an Alipay legacy header"), alipay)
        XCTAssertTrue(alipay.contains(",…) or an Alipay account-log header"), alipay)
        let wechat = message(StatementError.unknownLayout(file: "x.csv", expected: .wechat)).text.en
        XCTAssertTrue(wechat.hasSuffix("商户单号,备注) (CSV or XLSX)"), wechat)
        let workbook = message(StatementError.unknownWorkbookLayout(file: "x.xlsx")).text.en
        XCTAssertTrue(workbook.hasSuffix("商户单号,备注)"), workbook)
        XCTAssertEqual(
            message(StatementError.unknownLayout(file: "q", expected: .qif)).text.en,
            "q: unknown statement layout; expected a QIF file starting with !Type:")
    }

    func testEveryReadFailureIsAUsageErrorWithBothTexts() {
        let row = MalformedRow(
            file: "a.csv", line: 7, problem: .unreadable(column: "金额", kind: .amount, text: nil))
        let cases: [StatementError] = [
            .emptyFile(file: "f"), .notAFile(path: "f"), .tooLarge(path: "f"), .utf16(file: "f"),
            .unsupportedEncoding(file: "f"), .unknownLayout(file: "f", expected: .csv),
            .unknownWorkbookLayout(file: "f"), .missingColumn(file: "f", line: 3, name: "金额", layout: .alipay),
            .malformedRow(row), .truncated(file: "f"), .dateOrderNeeded(file: "f", example: "03/04/2024"),
            .dateOrderNeeded(file: "f", example: nil), .rulesRequired,
            .invalidRule(file: "r", line: 2, problem: .unknownField("wat")), .rulesWithoutDate(file: "r"),
            .rulesWithoutAmount(file: "r"), .rulesDateNeedsYear(file: "r", format: "%m/%d"),
            .invalidRule(file: "r", line: 1, problem: .includeNotFound("r2")), .notAWorkbook(file: "f"),
            .workbookEntryTooLarge(file: "f", entry: "e"),
        ]
        for error in cases {
            let text = message(error).text
            XCTAssertEqual(message(error).status, .usage, "\(error)")
            XCTAssertFalse(text.en.isEmpty || text.zh.isEmpty, "\(error)")
            XCTAssertNotEqual(text.en, text.zh, "\(error)")
        }
        XCTAssertEqual(message(StatementError.malformedRow(row)).text.en, "a.csv:7: unreadable 金额 (amount) (--strict)")
        XCTAssertEqual(message(StatementError.malformedRow(row)).text.zh, "a.csv:7：无法读取“金额”（金额）（--strict）")
        let column = message(StatementError.missingColumn(file: "f", line: 3, name: "金额", layout: .alipay)).text
        XCTAssertTrue(column.en.hasPrefix("f:3: the header has no column 金额; expected an Alipay CSV header ("))
        XCTAssertTrue(column.zh.hasPrefix("f:3：表头缺少“金额”列；应为支付宝 CSV 表头“交易时间,"), column.zh)
        let rule = message(StatementError.invalidRule(file: "r", line: 2, problem: .unknownField("wat"))).text
        XCTAssertEqual(rule.en, "r:2: '%wat' names no column of the fields line")
        XCTAssertEqual(rule.zh, "r:2：规则无效（`%wat` 不是 `fields` 行里的列）")
        XCTAssertEqual(
            message(StatementError.dateOrderNeeded(file: "a.qif", example: "03/04/2024")).text.en,
            "a.qif: the dates are ambiguous (e.g. 03/04/2024 could be day/month or month/day); pass --date-order dmy or mdy"
        )
    }

    func testHistoryErrors() {
        XCTAssertEqual(message(HistoryError.busy).status, .conflict)
        XCTAssertTrue(message(HistoryError.busy).text.zh.contains("保险库正忙"))
        let storage = message(HistoryError.storageFailed(detail: "disk I/O error"))
        XCTAssertEqual(storage.status, .internal)
        XCTAssertEqual(storage.text.en, "history storage failed: disk I/O error")
        XCTAssertEqual(message(HistoryError.storageFailed(detail: nil)).text.zh, "历史记录存储失败：SQLite 错误")
        let id = message(HistoryError.notAnAlertID("xyz"))
        XCTAssertEqual(id.status, .usage)
        XCTAssertEqual(id.text.en, "'xyz' is not an alert id (like dup-1a2b3c4d, as printed by scan)")
    }

    func testScanParsing() throws {
        let command = try XCTUnwrap(
            try Walletsec.parseAsRoot([
                "scan", "a.csv", "b.ofx", "--since", "2024-06-01", "--min-severity", "medium", "--fail-on", "high",
                "--format", "alipay", "--no-history", "--include-acknowledged",
            ]) as? ScanCommand)
        XCTAssertEqual(command.files, ["a.csv", "b.ofx"])
        XCTAssertEqual(command.since, "2024-06-01")
        XCTAssertEqual(command.minSeverity, .medium)
        XCTAssertEqual(command.failOn, .high)
        XCTAssertEqual(command.input.format, .alipay)
        XCTAssertTrue(command.noHistory && command.includeAcknowledged)
        XCTAssertThrowsError(try Walletsec.parseAsRoot(["scan", "a.csv", "--min-severity", "extreme"]))
        XCTAssertThrowsError(try Walletsec.parseAsRoot(["scan", "a.csv", "--format", "pdf"]))
        XCTAssertThrowsError(try Walletsec.parseAsRoot(["scan"]), "a file is required")
        XCTAssertThrowsError(try parseDay("2024-06-01 10:00", option: "--since")) { error in
            let text = (error as? CLIFailure)?.userMessage.text
            XCTAssertEqual(text?.en, "--since needs a date like 2024-03-01, not '2024-06-01 10:00'")
            XCTAssertEqual((error as? CLIFailure)?.userMessage.status, .usage)
        }
        XCTAssertEqual(try parseDay("1970-01-03", option: "--since"), 2)
    }

    func testRulesOnlyGoWithCSV() throws {
        let command = try XCTUnwrap(
            try Walletsec.parseAsRoot(["scan", "a.csv", "--format", "ofx", "--rules", "bank.rules"]) as? ScanCommand)
        XCTAssertThrowsError(try command.input.readOptions()) { error in
            XCTAssertEqual((error as? CLIFailure)?.userMessage.status, .usage)
            XCTAssertEqual(
                (error as? CLIFailure)?.userMessage.text.en, "--rules goes with --format csv, not --format ofx")
        }
    }

    func testHistoryParsing() throws {
        let importing = try XCTUnwrap(
            try Walletsec.parseAsRoot(["history", "import", "a.csv", "--date-order", "dmy", "--strict"])
                as? HistoryImportCommand)
        XCTAssertEqual(importing.files, ["a.csv"])
        XCTAssertEqual(importing.input.dateOrder, .dmy)
        XCTAssertTrue(importing.input.strict)
        let ack = try XCTUnwrap(
            try Walletsec.parseAsRoot(["history", "ack", "dup-1a2b3c4d", "--note", "fine"]) as? HistoryAckCommand)
        XCTAssertEqual(ack.alertID, "dup-1a2b3c4d")
        XCTAssertEqual(ack.note, "fine")
        XCTAssertTrue(try Walletsec.parseAsRoot(["history", "forget", "--all"]) is HistoryForgetCommand)
        XCTAssertThrowsError(try Walletsec.parseAsRoot(["history", "import"]), "a file is required")
        XCTAssertThrowsError(try Walletsec.parseAsRoot(["history", "list", "--limit", "many"]))
        XCTAssertThrowsError(try Walletsec.parseAsRoot(["history", "ack"]))
    }

    func testZipBillErrorsMapToTheirExitCodesAndNameEveryPasswordChannel() {
        XCTAssertEqual(message(ZipBillError.wrongPassword(file: "b.zip")).status, .authentication)
        XCTAssertEqual(message(ZipBillError.damaged(file: "b.zip")).status, .integrity)
        let required = message(ZipBillError.passwordRequired(file: "b.zip"))
        XCTAssertEqual(required.status, .usage)
        for channel in ["--zip-password-file", "WALLETSEC_ZIP_PASSWORD", "terminal"] {
            XCTAssertTrue(required.text.en.contains(channel), required.text.en)
        }
        XCTAssertTrue(required.text.zh.contains("解压密码") && required.text.zh.contains("--zip-password-file"))
        let usage: [ZipBillError] = [
            .noStatement(file: "b.zip"), .tooManyEntries(file: "b.zip", limit: 1000),
            .entryTooLarge(file: "b.zip", entry: "a.csv", limit: 512 << 20),
            .totalTooLarge(file: "b.zip", limit: 1 << 30), .unsupportedMethod(file: "b.zip", entry: "a.csv"),
        ]
        for error in usage {
            XCTAssertEqual(message(error).status, .usage, "\(error)")
            XCTAssertNotEqual(message(error).text.en, message(error).text.zh)
        }
        XCTAssertEqual(
            message(ZipBillError.entryTooLarge(file: "b.zip", entry: "a.csv", limit: 512 << 20)).text.en,
            "b.zip: a.csv inflates to more than 512 MiB; refusing it")
        let profile = message(HistoryError.invalidProfile("a/b"))
        XCTAssertEqual(profile.status, .usage)
        XCTAssertTrue(profile.text.en.hasPrefix("'a/b' is not a profile name"), profile.text.en)
    }

    func testProfileAndZipPasswordOptions() throws {
        let scan = try XCTUnwrap(
            try Walletsec.parseAsRoot(["scan", "b.zip", "--profile", "客户-1", "--zip-password-file", "pw.txt"])
                as? ScanCommand)
        XCTAssertEqual(scan.profileOptions.profile, "客户-1")
        XCTAssertEqual(scan.input.zipPasswordFile, "pw.txt")
        XCTAssertEqual(try scan.profileOptions.resolved().name, "客户-1")
        func profile(_ arguments: [String]) throws -> ProfileOptions? {
            let command = try Walletsec.parseAsRoot(["history"] + arguments + ["--profile", "bad name"])
            switch command {
            case let command as HistoryImportCommand: return command.profileOptions
            case let command as HistoryListCommand: return command.profileOptions
            case let command as HistoryStatsCommand: return command.profileOptions
            case let command as HistoryAckCommand: return command.profileOptions
            case let command as HistoryAcksCommand: return command.profileOptions
            case let command as HistoryForgetCommand: return command.profileOptions
            default: return nil
            }
        }
        for sub in [
            ["import", "a.csv"], ["list"], ["stats"], ["ack", "dup-1a2b3c4d"], ["acks"], ["forget", "--all"],
        ] {
            let options = try XCTUnwrap(try profile(sub), "\(sub)")
            XCTAssertThrowsError(try options.resolved()) { error in
                XCTAssertEqual(error as? HistoryError, .invalidProfile("bad name"))
            }
        }
        let stats = try XCTUnwrap(try Walletsec.parseAsRoot(["history", "stats"]) as? HistoryStatsCommand)
        XCTAssertEqual(stats.profileOptions.profile, "me")
    }
}
