// The dispute report's content in both languages and all three formats: the institution's
// customer-service number, only the chosen alerts, no regular payment swept in by a broad alert,
// HTML/Markdown escaping of statement text, and plain text without Markdown syntax.
import Anomaly
import Statements
import WalletCore
import XCTest

final class DisputeReportTests: XCTestCase {
    static let base: Int64 = 1_717_200_000  // 2024-06-01 00:00 UTC = 08:00 at +08:00

    func row(
        _ id: String, minutes: Int64, _ amount: Int64, _ counterparty: String, direction: Direction = .outflow,
        source: SourceFormat = .alipay, merchantOrder: String = ""
    ) -> Transaction {
        Transaction(
            sourceID: id, merchantOrderID: merchantOrder, timestamp: Self.base + minutes * 60, amountMinor: amount,
            direction: direction, counterparty: counterparty, status: "交易成功", method: "余额宝", source: source)
    }

    /// Six monthly rent payments, a salary, a burst of four payments at one shop, and a double charge.
    func fixture(source: SourceFormat = .alipay, burstName: String = "陌生商户A") -> (Ledger, burst: Alert, dup: Alert) {
        var rows: [Transaction] = []
        for month in 0..<6 {
            rows.append(row("rent\(month)", minutes: Int64(month) * 30 * 1440, 350_000, "房东王先生", source: source))
        }
        let day = Int64(150 * 1440)
        rows.append(row("salary", minutes: day + 1, 1_200_000, "某某科技有限公司", direction: .inflow, source: source))
        for k in 0..<4 {
            rows.append(
                row("b\(k)", minutes: day + 2 + Int64(k), 49_900, burstName, source: source, merchantOrder: "M\(k)"))
        }
        rows.append(row("d1", minutes: day + 300, 14_087, "星巴克咖啡", source: source, merchantOrder: "SB-1"))
        rows.append(row("d2", minutes: day + 301, 14_087, "星巴克咖啡", source: source, merchantOrder: "SB-2"))
        let items = IdentifiedTransaction.identify(rows, fileIndex: 0)
        let ledger = Ledger(items: items)
        func index(_ id: String) -> Int { items.firstIndex { $0.id == id }! }
        // The last rent payment (day 150) falls inside the burst's window, as does the salary.
        let burstIndexes = ["rent5", "salary", "b0", "b1", "b2", "b3"].map(index)
        let burst = Alert(
            kind: .velocity, severity: .high, transactionIds: burstIndexes.map { items[$0].id },
            explanation: LocalizedText(en: "6 payments within 5 minutes.", zh: "5 分钟内付款 6 笔。"), numbers: [:],
            reasoning: [], firstTime: "", ledgerIndexes: burstIndexes)
        let dupIndexes = ["d1", "d2"].map(index)
        let dup = Alert(
            kind: .duplicate, severity: .medium, transactionIds: ["d1", "d2"],
            explanation: LocalizedText(en: "Possibly charged twice.", zh: "可能被重复扣款。"), numbers: [:], reasoning: [],
            firstTime: "", ledgerIndexes: dupIndexes)
        return (ledger, burst, dup)
    }

    func report(_ alerts: [Alert], _ ledger: Ledger, _ language: Language, _ format: DisputeReport.Format) -> String {
        DisputeReport(
            alerts: alerts, ledger: ledger, language: language, files: ["/tmp/x/alipay.csv"], generatedAt: "G"
        )
        .render(format)
    }

    func testEveryFormatAndLanguageNamesTheInstitutionAndItsNumber() {
        let (ledger, burst, dup) = fixture()
        for language in Language.allCases {
            for format in DisputeReport.Format.allCases {
                let text = report([burst, dup], ledger, language, format)
                let label = "\(language) \(format)"
                XCTAssertTrue(text.contains("95188"), label)
                XCTAssertTrue(text.contains(language == .zh ? "支付宝" : "Alipay"), label)
                XCTAssertTrue(text.contains(language == .zh ? "交易争议报告" : "Transaction dispute report"), label)
                XCTAssertTrue(text.contains("alipay.csv"), label + ": the statement file as evidence")
                XCTAssertFalse(text.contains("/tmp/x"), label + ": only the file's name")
                // Per case: ids, merchant order numbers, method, status, time with zone, total.
                for id in ["b0", "b3", "d1", "d2", "SB-1", "M2", "余额宝", "交易成功", "UTC+08:00"] {
                    XCTAssertTrue(text.contains(id), "\(label): \(id)")
                }
                XCTAssertTrue(text.contains("2024-10-29 08:02:00"), label + ": local time as the wallet shows it")
                XCTAssertTrue(text.contains(language == .zh ? "1,996.00 元" : "¥1,996.00"), label + ": burst total")
                XCTAssertTrue(text.contains(language == .zh ? "281.74 元" : "¥281.74"), label + ": double charge total")
                if language == .zh {
                    for phrase in ["疑似", "事情经过", "停止后续扣款", "退还", "冻结账户", "调查", "截图", "短信"] {
                        XCTAssertTrue(text.contains(phrase), "\(label): \(phrase)")
                    }
                } else {
                    for phrase in [
                        "suspected", "What happened", "Stop any further payments", "Refund", "Freeze", "Investigate",
                        "screenshot", "SMS",
                    ] {
                        XCTAssertTrue(text.contains(phrase), "\(label): \(phrase)")
                    }
                }
            }
        }
        let wechat = fixture(source: .wechat)
        XCTAssertTrue(report([wechat.dup], wechat.0, .zh, .text).contains("95017"))
        let bank = fixture(source: .icbcDebit)
        let icbc = report([bank.dup], bank.0, .en, .markdown)
        XCTAssertTrue(icbc.contains("95588") && icbc.contains("95516"), "a bank card names the bank and UnionPay")
        let qif = fixture(source: .qif)
        XCTAssertTrue(report([qif.dup], qif.0, .en, .markdown).contains("back of the card"), "unknown issuer")
    }

    func testOnlyTheChosenAlertsAppear() {
        let (ledger, burst, dup) = fixture()
        for format in DisputeReport.Format.allCases {
            let text = report([dup], ledger, .zh, format)
            XCTAssertTrue(text.contains(dup.id), "\(format)")
            XCTAssertFalse(text.contains(burst.id), "\(format)")
            XCTAssertFalse(text.contains("陌生商户A"), "\(format): rows of an alert not chosen")
            XCTAssertFalse(text.contains("第 2 项"), "\(format): one case")
        }
        XCTAssertTrue(report([], ledger, .en, .markdown).contains("nothing to dispute"))
    }

    func testARegularRentPaymentAndASalaryAreNotDraggedInByABroadAlert() throws {
        let (ledger, burst, _) = fixture()
        let built = DisputeReport(alerts: [burst], ledger: ledger, language: .zh, files: ["a.csv"], generatedAt: "G")
        let only = try XCTUnwrap(built.cases.first)
        XCTAssertEqual(only.rows.map(\.transactionID), ["b0", "b1", "b2", "b3"])
        XCTAssertEqual(only.regularRowsLeftOut, 2)
        XCTAssertEqual(only.totals, ["1,996.00 元"], "rent and salary are not in the total")
        for format in DisputeReport.Format.allCases {
            let text = built.render(format)
            XCTAssertFalse(text.contains("房东王先生"), "\(format): rent")
            XCTAssertFalse(text.contains("rent5"), "\(format): rent")
            XCTAssertFalse(text.contains("某某科技有限公司"), "\(format): salary")
            XCTAssertTrue(text.contains("另有 2 笔定期付款或收入"), "\(format): says what was left out")
        }
        // A rent payment the alert is specifically about (a duplicate rent) stays: only broad kinds filter.
        let items = ledger.items
        let rentIndexes = [0, 1]
        let rentDup = Alert(
            kind: .duplicate, severity: .high, transactionIds: rentIndexes.map { items[$0].id },
            explanation: LocalizedText(en: "x", zh: "x"), numbers: [:], reasoning: [], firstTime: "",
            ledgerIndexes: rentIndexes)
        XCTAssertTrue(report([rentDup], ledger, .en, .text).contains("房东王先生"))
        // A payee whose payments are not on a schedule is not "regular": when the burst itself goes
        // to the landlord, his payments no longer recur monthly and all of them stay in the case.
        let irregular = fixture(burstName: "房东王先生")
        let kept = DisputeReport(
            alerts: [irregular.burst], ledger: irregular.0, language: .en, files: [], generatedAt: "")
        XCTAssertEqual(kept.cases.first?.rows.map(\.transactionID), ["rent5", "b0", "b1", "b2", "b3"])
        XCTAssertEqual(kept.cases.first?.regularRowsLeftOut, 1, "the salary is income, never disputed")
    }

    func testHTMLIsSelfContainedPrintableAndEscaped() {
        let (ledger, burst, _) = fixture(burstName: "<script>alert('x')</script>&Co \"shop\"")
        let html = report([burst], ledger, .en, .html)
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"))
        XCTAssertTrue(html.contains("@media print"))
        XCTAssertTrue(html.contains("<style>"))
        XCTAssertFalse(html.contains("<script"), "statement text never becomes markup")
        XCTAssertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;Co &quot;shop&quot;"))
        XCTAssertFalse(html.contains("src="), "nothing to fetch")
        XCTAssertFalse(html.contains("href="), "nothing to fetch")
        let markdown = report([burst], ledger, .en, .markdown)
        XCTAssertFalse(markdown.contains("<script>"), "Markdown viewers render raw HTML")
        XCTAssertTrue(markdown.contains("\\<script\\>"))
    }

    func testPlainTextHasNoMarkdownSyntax() {
        let (ledger, burst, dup) = fixture()
        for language in Language.allCases {
            let text = report([burst, dup], ledger, language, .text)
            for syntax in ["|", "#", "**", "- [", "`", "<", "&lt;"] {
                XCTAssertFalse(text.contains(syntax), "\(language): \(syntax)")
            }
            XCTAssertTrue(text.contains("☐"), "checklists use boxes to tick")
            XCTAssertFalse(text.split(separator: "\n").contains { $0.hasPrefix("- ") || $0.hasPrefix("> ") })
            // Pasted into a chat window, trailing spaces are noise (and some windows show them).
            XCTAssertFalse(text.split(separator: "\n").contains { $0.hasSuffix(" ") }, "\(language): trailing space")
        }
    }

    func testDateOnlyRowsShowNoZoneOrTime() throws {
        var rows = [row("q1", minutes: 0, 5000, "Shop"), row("q2", minutes: 0, 5000, "Shop")]
        for k in rows.indices {
            rows[k].hasTime = false
            rows[k].utcOffsetSeconds = 0
            rows[k].source = .qif
        }
        let items = IdentifiedTransaction.identify(rows, fileIndex: 0)
        let alert = Alert(
            kind: .duplicate, severity: .low, transactionIds: items.map(\.id),
            explanation: LocalizedText(en: "x", zh: "x"),
            numbers: [:], reasoning: [], firstTime: "", ledgerIndexes: [0, 1])
        let text = DisputeReport(
            alerts: [alert], ledger: Ledger(items: items), language: .en, files: [], generatedAt: ""
        )
        .render(.text)
        XCTAssertTrue(text.contains("  1) 2024-06-01  paid ¥50.00  Shop\n"), text)
        XCTAssertFalse(text.contains("UTC"))
    }

    func testFormatFromExtensionAndMoneyWords() {
        XCTAssertEqual(DisputeReport.Format.forPath("a/b/report.TXT"), .text)
        XCTAssertEqual(DisputeReport.Format.forPath("r.html"), .html)
        XCTAssertEqual(DisputeReport.Format.forPath("r.htm"), .html)
        XCTAssertEqual(DisputeReport.Format.forPath("r.md"), .markdown)
        XCTAssertEqual(DisputeReport.Format.forPath("report"), .markdown)
        XCTAssertEqual(AlertWords.money(14087, currency: "CNY", language: .en), "¥140.87")
        XCTAssertEqual(AlertWords.money(14087, currency: "CNY", language: .zh), "140.87 元")
        XCTAssertEqual(AlertWords.money(123_456_789, currency: "CNY", language: .en), "¥1,234,567.89")
        XCTAssertEqual(AlertWords.money(1250, currency: "USD", language: .zh), "12.50 USD")
        XCTAssertEqual(AlertWords.money(1000, currency: "JPY", language: .en), "1,000 JPY")
        XCTAssertEqual(AlertWords.money(5, currency: "CNY", language: .en), "¥0.05")
        let t = row("x", minutes: 0, 1, "y")
        XCTAssertEqual(AlertWords.walletTime(t), "2024-06-01 08:00:00")
        XCTAssertEqual(AlertWords.zone(t), "UTC+08:00")
        for kind in AlertKind.allCases {
            XCTAssertFalse(kind.words.zh.contains("_"))
            XCTAssertNotEqual(kind.words.en, kind.rawValue)
        }
        XCTAssertEqual(AlertKind.duplicate.words.zh, "可能重复扣款")
        XCTAssertEqual(Severity.high.words.zh, "高")
    }
}
