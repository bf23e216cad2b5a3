// The scan table as a person sees it: columns aligned by display width with Chinese counterparty
// names, explanations wrapped under their row, rows sorted by severity then time, kinds and
// severities in the user's language, colour only on a terminal without NO_COLOR.
import Anomaly
import Statements
import WalletCore
import XCTest

@testable import WalletsecCLI

final class AlertTableTests: XCTestCase {
    static let base: Int64 = 1_717_200_000  // 2024-06-01 08:00 at +08:00

    /// Alerts of three severities over counterparties with Chinese, Latin and mixed names.
    func fixture() -> (Ledger, [Alert]) {
        let names = ["星巴克咖啡（国贸店）", "Apple", "上海拉扎斯信息科技有限公司饿了么外卖平台", "ab中c"]
        var rows: [Transaction] = []
        for (k, name) in names.enumerated() {
            rows.append(
                Transaction(
                    sourceID: "t\(k)", timestamp: Self.base + Int64(k) * 3600, amountMinor: 14_087 * Int64(k + 1),
                    direction: .outflow, counterparty: name, source: .alipay))
        }
        let items = IdentifiedTransaction.identify(rows, fileIndex: 0)
        let long = LocalizedText(
            en: String(repeating: "This payment looks unusual because it is far larger than usual. ", count: 4),
            zh: String(repeating: "这笔付款比您平时在这里的付款大得多，可能不是您本人所为，请核实。", count: 4))
        func alert(_ kind: AlertKind, _ severity: Severity, _ index: Int) -> Alert {
            Alert(
                kind: kind, severity: severity, transactionIds: [items[index].id], explanation: long, numbers: [:],
                reasoning: [], firstTime: "", ledgerIndexes: [index])
        }
        // Given out of order: low first, the high one latest in time.
        let alerts = [
            alert(.oddHour, .low, 0), alert(.amountOutlier, .medium, 2), alert(.duplicate, .high, 3),
            alert(.newPayeeLarge, .medium, 1),
        ]
        return (Ledger(items: items), alerts)
    }

    /// Display column where `needle` starts in `line`.
    func column(of needle: String, in line: String) -> Int? {
        guard let range = line.range(of: needle) else { return nil }
        return DisplayWidth.of(String(line[..<range.lowerBound]))
    }

    func testColumnsLineUpByDisplayWidthWithChineseNames() throws {
        let (ledger, alerts) = fixture()
        for language in Language.allCases {
            let lines = AlertOutput.tableLines(alerts, ledger: ledger, language: language, width: 100, colour: false)
            let rows = lines.filter { line in alerts.contains { line.contains($0.id) } }
            XCTAssertEqual(rows.count, 4)
            let idColumns = Set(
                zip(rows, alerts.map(\.id)).compactMap { row, _ in
                    alerts.compactMap { column(of: $0.id, in: row) }.first
                })
            XCTAssertEqual(
                idColumns.count, 1,
                "\(language): the ID column starts at one display column\n" + lines.joined(separator: "\n"))
            let timeColumns = Set(rows.compactMap { column(of: "2024-06-01 ", in: $0) })
            XCTAssertEqual(timeColumns.count, 1, "\(language): time column aligned")
            let header = lines[0]
            XCTAssertEqual(column(of: language == .zh ? "编号" : "ID", in: header), idColumns.first, "header aligned")
            for line in lines { XCTAssertLessThanOrEqual(DisplayWidth.of(line), 100, line) }
            // Raw kinds and severities never show in human output.
            for raw in ["amount_outlier", "new_payee_large", "odd_hour", "duplicate", "medium"] where language == .zh {
                XCTAssertFalse(lines.joined().contains(raw), raw)
            }
            if language == .zh {
                XCTAssertTrue(rows[0].hasPrefix("高"))
                XCTAssertTrue(lines.joined().contains("可能重复扣款"))
                XCTAssertTrue(lines.joined().contains("563.48 元"), "amount with two decimals in 元")
            } else {
                XCTAssertTrue(lines.joined().contains("¥563.48"))
                XCTAssertTrue(lines.joined().contains("Possible double charge"))
            }
            XCTAssertTrue(lines.joined().contains("2024-06-01 11:00:00"), "local time of the statement, no UTC")
            XCTAssertFalse(lines.joined().contains("+08:00"))
        }
    }

    func testExplanationIsWrappedUnderItsRow() {
        let (ledger, alerts) = fixture()
        for language in Language.allCases {
            for width in [60, 80, 100] {
                let lines = AlertOutput.tableLines(
                    alerts, ledger: ledger, language: language, width: width, colour: false)
                let explanation = lines.filter { $0.hasPrefix("  ") && !$0.drop(while: { $0 == " " }).isEmpty }
                XCTAssertGreaterThan(explanation.count, 4, "each explanation takes more than one line")
                for line in explanation {
                    XCTAssertLessThanOrEqual(DisplayWidth.of(line), width, "\(language) \(width): \(line)")
                    XCTAssertFalse(line.drop(while: { $0 == " " }).hasPrefix("，"), "no line starts with a comma")
                }
                // Wrapping loses nothing: the lines under the first row join back into the text.
                let start = lines.firstIndex { $0.contains(alerts[2].id) }! + 1
                let end = lines[start...].firstIndex { !$0.hasPrefix(" ") } ?? lines.count
                let joined = lines[start..<end].map { String($0.drop(while: { $0 == " " })) }.joined(
                    separator: language == .zh ? "" : " ")
                XCTAssertEqual(joined, alerts[2].explanation.text(language).trimmingSuffix(" "))
            }
        }
    }

    func testANarrowTerminalMovesCounterpartyAndIDUnderTheRow() {
        let (ledger, alerts) = fixture()
        let lines = AlertOutput.tableLines(alerts, ledger: ledger, language: .zh, width: 70, colour: false)
        XCTAssertFalse(lines[0].contains("编号"), "no ID column when it cannot fit")
        let detail = lines.filter { $0.contains(alerts[2].id) }
        XCTAssertEqual(detail.count, 1)
        XCTAssertTrue(detail[0].hasPrefix("        ab中c  "), detail[0])
        for line in lines.dropFirst() where line.hasPrefix(" ") {
            XCTAssertLessThanOrEqual(DisplayWidth.of(line), 70, line)
        }
    }

    func testRowsSortBySeverityThenTime() {
        let (ledger, alerts) = fixture()
        let sorted = AlertOutput.sortedForTable(alerts, ledger: ledger)
        XCTAssertEqual(sorted.map(\.severity), [.high, .medium, .medium, .low])
        XCTAssertEqual(
            sorted.map(\.kind), [.duplicate, .newPayeeLarge, .amountOutlier, .oddHour], "medium: earlier first")
    }

    func testColourOnlyOnATerminalWithoutNoColor() {
        XCTAssertTrue(Colour.enabled(stdoutIsTTY: true, environment: [:]))
        XCTAssertTrue(Colour.enabled(stdoutIsTTY: true, environment: ["NO_COLOR": ""]), "empty NO_COLOR is unset")
        XCTAssertFalse(Colour.enabled(stdoutIsTTY: true, environment: ["NO_COLOR": "1"]))
        XCTAssertFalse(Colour.enabled(stdoutIsTTY: true, environment: ["TERM": "dumb"]))
        XCTAssertFalse(Colour.enabled(stdoutIsTTY: false, environment: [:]), "never when piped")
        let (ledger, alerts) = fixture()
        let plain = AlertOutput.tableLines(alerts, ledger: ledger, language: .en, width: 100, colour: false)
        XCTAssertFalse(plain.joined().contains("\u{1B}"))
        let coloured = AlertOutput.tableLines(alerts, ledger: ledger, language: .en, width: 100, colour: true)
        XCTAssertTrue(coloured[1].hasPrefix("\u{1B}[1;31mhigh"), "high in bold red")
        XCTAssertEqual(
            coloured.map {
                $0.replacingOccurrences(of: "\u{1B}[1;31m", with: "").replacingOccurrences(of: "\u{1B}[33m", with: "")
                    .replacingOccurrences(of: "\u{1B}[36m", with: "").replacingOccurrences(of: "\u{1B}[0m", with: "")
            }, plain,
            "colour adds no columns")
    }

    func testDisplayWidthPadTruncateAndPrintable() {
        XCTAssertEqual(DisplayWidth.of("支付宝"), 6)
        XCTAssertEqual(DisplayWidth.of("Apple"), 5)
        XCTAssertEqual(DisplayWidth.of("（）￥"), 6, "fullwidth forms")
        XCTAssertEqual(DisplayWidth.of("e\u{301}"), 1, "combining accent")
        XCTAssertEqual(DisplayWidth.of("한국"), 4)
        XCTAssertEqual(DisplayWidth.pad("支付", 6), "支付  ")
        XCTAssertEqual(DisplayWidth.pad("1.00", 6, right: true), "  1.00")
        XCTAssertEqual(DisplayWidth.truncate("上海拉扎斯信息科技", 9), "上海拉扎…")
        XCTAssertLessThanOrEqual(DisplayWidth.of(DisplayWidth.truncate("上海拉扎斯信息科技", 8)), 8)
        XCTAssertEqual(
            DisplayWidth.printable("a\u{1B}[2Jb\nc"), "a[2Jb c", "escape sequences cannot reach the terminal")
        XCTAssertEqual(DisplayWidth.wrap("0123456789ABCDEFGHIJ", width: 8), ["01234567", "89ABCDEF", "GHIJ"])
        XCTAssertEqual(DisplayWidth.terminalColumns(environment: ["COLUMNS": "72"]) > 0, true)
    }

    func testSummaryLineNamesKindsInTheUsersLanguage() {
        var counts = AlertOutput.countsByKind([])
        counts["duplicate"] = 1
        counts["amount_outlier"] = 2
        let zh = AlertOutput.summaryLine(counts, language: .zh)
        XCTAssertEqual(zh, "告警 3 条：可能重复扣款 1 条，金额远高于平时 2 条")
        XCTAssertFalse(zh.contains("duplicate"))
        XCTAssertEqual(
            AlertOutput.summaryLine(counts, language: .en),
            "3 alert(s): Possible double charge 1, Much larger than usual 2")
    }

    func testReportAlertsChoice() throws {
        let (_, alerts) = fixture()
        let chosen = try DisputeReportChoice.alerts(ids: "\(alerts[2].id), \(alerts[0].id)", in: alerts)
        XCTAssertEqual(chosen.map(\.id), [alerts[0].id, alerts[2].id])
        XCTAssertThrowsError(try DisputeReportChoice.alerts(ids: "dup-00000000", in: alerts)) { error in
            XCTAssertEqual((error as? CLIFailure)?.userMessage.status, .usage)
        }
        XCTAssertThrowsError(try DisputeReportChoice.alerts(ids: " , ", in: alerts))
        XCTAssertThrowsError(try Walletsec.parseAsRoot(["scan", "a.csv", "--report-alerts", "x"]), "needs --report")
    }
}

extension StringProtocol {
    fileprivate func trimmingSuffix(_ character: Character) -> String {
        var text = String(self)
        while text.last == character { text.removeLast() }
        return text
    }
}
