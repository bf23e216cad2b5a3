// Detector behaviour on small hand-made ledgers, re-import overlap, alert ids, reports.
import Anomaly
import StatementFixtures
import Statements
import WalletCore
import XCTest

final class DetectorTests: XCTestCase {
    static let base: Int64 = 1_717_200_000  // 2024-06-01 00:00 UTC

    func payment(_ id: String?, _ minutes: Int64, _ amount: Int64, _ counterparty: String, balance: Int64? = nil)
        -> Transaction
    {
        Transaction(
            sourceID: id, timestamp: Self.base + minutes * 60 + 4 * 3600, amountMinor: amount, direction: .outflow,
            counterparty: counterparty, balanceMinor: balance, source: .alipay)
    }

    func run(_ transactions: [Transaction], config: DetectorConfig = .default) -> [Alert] {
        Detection.run(Ledger(items: IdentifiedTransaction.identify(transactions, fileIndex: 0)), config: config)
    }

    func testDuplicateChargeAndGenuineRepeatsStay() throws {
        let alerts = run([payment("a", 0, 2816, "瑞幸咖啡"), payment("b", 3, 2816, "瑞幸咖啡"), payment("c", 30, 2816, "瑞幸咖啡")])
        let duplicate = try XCTUnwrap(alerts.first { $0.kind == .duplicate })
        XCTAssertEqual(duplicate.transactionIds, ["a", "b"])
        XCTAssertEqual(duplicate.severity, .medium)
        XCTAssertEqual(duplicate.numbers["amount_minor"], 2816)
        XCTAssertTrue(duplicate.explanation.en.contains("¥28.16"))
        XCTAssertTrue(duplicate.explanation.zh.contains("重复扣款"))
        XCTAssertTrue(duplicate.id.hasPrefix("dup-"))
        // The same row twice under one id is one transaction, not a duplicate (docs/statements.md,
        // rows sharing an id); two different rows under one id stay two.
        let same = IdentifiedTransaction.identify(
            [payment("a", 0, 2816, "X"), payment("a", 0, 2816, "X")], fileIndex: 0)
        XCTAssertEqual(same.count, 1)
        let distinct = IdentifiedTransaction.identify(
            [payment("a", 0, 2816, "X"), payment("a", 1, 2816, "X")], fileIndex: 0)
        XCTAssertEqual(distinct.map(\.key), ["alipay:a", "alipay:a#2"])
    }

    func testRefundedDoubleChargeIsNotReported() {
        var refund = payment("r", 20, 2816, "瑞幸咖啡")
        refund.direction = .inflow
        refund.isRefund = true
        refund.refundOf = "b"
        let alerts = run([payment("a", 0, 2816, "瑞幸咖啡"), payment("b", 1, 2816, "瑞幸咖啡"), refund])
        XCTAssertFalse(alerts.contains { $0.kind == .duplicate })
    }

    func testBalanceGapNumbers() throws {
        let rows = [
            payment("1", 0, 1000, "A", balance: 9000), payment("2", 10, 500, "B", balance: 8500),
            payment("3", 20, 700, "C", balance: 7000),
        ]
        let alerts = run(rows)
        let gap = try XCTUnwrap(alerts.first { $0.kind == .balanceGap })
        XCTAssertEqual(gap.transactionIds, ["2", "3"])
        XCTAssertEqual(gap.numbers["expected_balance_minor"], 7800)
        XCTAssertEqual(gap.numbers["reported_balance_minor"], 7000)
        XCTAssertEqual(gap.numbers["difference_minor"], -800)
        XCTAssertEqual(alerts.filter { $0.kind == .balanceGap }.count, 1)
        // Newest-first exports with equal times keep their own order.
        let sameTime = [payment("2", 10, 500, "B", balance: 8500), payment("1", 10, 1000, "A", balance: 9000)]
        XCTAssertFalse(run(sameTime).contains { $0.kind == .balanceGap })
    }

    func testThresholdsComeFromTheConfig() {
        let rows = [payment("a", 0, 2816, "X"), payment("b", 8, 2816, "X")]
        XCTAssertTrue(run(rows).contains { $0.kind == .duplicate })
        var config = DetectorConfig()
        config.duplicateWindowSeconds = 300
        XCTAssertFalse(run(rows, config: config).contains { $0.kind == .duplicate })
    }

    func testOverlappingExportsAddNoAlerts() throws {
        let account = StatementGenerator.account(
            index: 1, options: GeneratorOptions(seed: 99, rows: 1500, perFamily: 2))
        let all = account.transactions
        let half = all.count / 2
        var first = account
        first.transactions = Array(all[0..<(half + 200)])
        var second = account
        second.transactions = Array(all[(half - 200)...])
        func read(_ part: GeneratedAccount) throws -> [Transaction] {
            let bytes = try XCTUnwrap(TextEncoding.encode(Array(StatementWriters.alipay(part).utf8), to: "GBK"))
            return try StatementReader.parse(bytes, file: "p.csv", options: ReadOptions()).transactions
        }
        let whole = IdentifiedTransaction.identify(try read(account), fileIndex: 0)
        var merged =
            IdentifiedTransaction.identify(try read(first), fileIndex: 0)
            + IdentifiedTransaction.identify(try read(second), fileIndex: 1)
        var seen = Set<String>()
        merged = merged.filter { seen.insert($0.key).inserted }
        XCTAssertEqual(merged.count, whole.count)
        let expected = Detection.run(Ledger(items: whole)).map(\.id).sorted()
        let got = Detection.run(Ledger(items: merged)).map(\.id).sorted()
        XCTAssertEqual(got, expected, "the overlap raises nothing new")
        // Only the rows of a second import are in scope: re-importing the first file raises nothing.
        let again = Detection.run(Ledger(items: whole, inScope: [Bool](repeating: false, count: whole.count)))
        XCTAssertTrue(again.isEmpty)
    }

    func testExplanationsReasoningAndReport() throws {
        let account = StatementGenerator.account(index: 2, options: GeneratorOptions(seed: 5, rows: 1500, perFamily: 1))
        let items = IdentifiedTransaction.identify(account.transactions, fileIndex: 0)
        let ledger = Ledger(items: items)
        let alerts = Detection.run(ledger)
        XCTAssertEqual(Set(alerts.map(\.kind)), Set(AlertKind.allCases), "one planted case of every family is found")
        for alert in alerts {
            XCTAssertFalse(alert.explanation.en.isEmpty)
            XCTAssertFalse(alert.explanation.zh.isEmpty)
            XCTAssertGreaterThanOrEqual(alert.reasoning.count, 2)
            XCTAssertFalse(alert.numbers.isEmpty)
            XCTAssertEqual(alert.ledgerIndexes.map { items[$0].id }, alert.transactionIds)
        }
        XCTAssertEqual(Set(alerts.map(\.id)).count, alerts.count, "ids are unique")
        XCTAssertEqual(Detection.run(ledger).map(\.id), alerts.map(\.id), "ids are stable")
        let json = try JSONOutput.line(alerts[0])
        for field in [
            "\"kind\"", "\"severity\"", "\"transaction_ids\"", "\"explanation\"", "\"numbers\"", "\"en\"", "\"zh\"",
        ] {
            XCTAssertTrue(json.contains(field), field)
        }
        let duplicate = try XCTUnwrap(alerts.first { $0.kind == .duplicate })
        let zh = DisputeReport.markdown(
            alerts: [duplicate], ledger: ledger, language: .zh, files: ["/x/a.csv"], generatedAt: "now")
        XCTAssertTrue(zh.contains("交易争议报告"))
        XCTAssertTrue(zh.contains("请客服回答"))
        for id in duplicate.transactionIds { XCTAssertTrue(zh.contains(id)) }
        let merchantOrder = try XCTUnwrap(items[duplicate.ledgerIndexes[0]].transaction.merchantOrderID)
        XCTAssertTrue(zh.contains(merchantOrder))
        let en = DisputeReport.markdown(
            alerts: [duplicate], ledger: ledger, language: .en, files: ["a.csv"], generatedAt: "now")
        XCTAssertTrue(en.contains("Questions for customer service"))
        XCTAssertTrue(en.contains(duplicate.explanation.en))
    }
}

final class DailyVelocityTests: XCTestCase {
    func testADayWithFarMorePaymentsThanUsualIsABurstEvenWithoutTimes() throws {
        var rows: [Transaction] = []
        let start = ByteParsing.daysFromCivil(year: 2024, month: 1, day: 1) * 86400
        for day in 0..<60 {
            for k in 0..<3 {
                rows.append(
                    Transaction(
                        sourceID: "n\(day)-\(k)", timestamp: start + Int64(day) * 86400, utcOffsetSeconds: 0,
                        hasTime: false, amountMinor: 1000 + Int64(k), direction: .outflow, counterparty: "shop\(k)",
                        source: .qif))
            }
        }
        for k in 0..<35 {
            rows.append(
                Transaction(
                    sourceID: "b\(k)", timestamp: start + 70 * 86400, utcOffsetSeconds: 0, hasTime: false,
                    amountMinor: 2000 + Int64(k), direction: .outflow, counterparty: "store\(k % 7)", source: .qif))
        }
        let alerts = Detection.run(Ledger(items: IdentifiedTransaction.identify(rows, fileIndex: 0)))
        let burst = try XCTUnwrap(alerts.first { $0.kind == .velocity })
        XCTAssertEqual(burst.transactionIds.count, 35)
        XCTAssertEqual(burst.numbers["threshold_per_day"], 30)
        XCTAssertEqual(alerts.filter { $0.kind == .velocity }.count, 1)
    }
}
