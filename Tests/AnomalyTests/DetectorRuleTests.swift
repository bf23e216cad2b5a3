// The issue-12 rules on small hand-made ledgers: date-only duplicates, duplicates across currencies,
// balance chains per currency, scheduled payees and structuring, a night owl's hours.
import Anomaly
import Statements
import XCTest

final class DetectorRuleTests: XCTestCase {
    static let base: Int64 = 1_704_038_400  // 2024-01-01 00:00 +08:00

    func row(
        _ id: String?, _ seconds: Int64, _ amount: Int64, _ counterparty: String, timed: Bool = true,
        currency: String = "CNY", balance: Int64? = nil, direction: Direction = .outflow
    ) -> Transaction {
        Transaction(
            sourceID: id, timestamp: Self.base + seconds, hasTime: timed, amountMinor: amount, direction: direction,
            currency: currency, counterparty: counterparty, balanceMinor: balance, source: .qif)
    }

    func run(_ rows: [Transaction]) -> [Alert] {
        Detection.run(Ledger(items: IdentifiedTransaction.identify(rows, fileIndex: 0)))
    }

    func testDateOnlyRepeatIsLowAndNeverClaimsTimesOrOrderNumbers() throws {
        let alerts = run([row(nil, 0, 25_000, "沃尔玛", timed: false), row(nil, 0, 25_000, "沃尔玛", timed: false)])
        let duplicate = try XCTUnwrap(alerts.first { $0.kind == .duplicate })
        XCTAssertEqual(duplicate.severity, .low)
        XCTAssertTrue(duplicate.explanation.en.contains("the statement has no times"), duplicate.explanation.en)
        XCTAssertTrue(duplicate.explanation.zh.hasPrefix("可能重复扣款"), duplicate.explanation.zh)
        XCTAssertFalse(duplicate.explanation.en.contains("0 min 0 s"))
        XCTAssertFalse(duplicate.explanation.en.contains("order number"))
        // Small same-day repeats (two subway rides) are not reported at all.
        let small = run([row(nil, 0, 600, "地铁", timed: false), row(nil, 0, 600, "地铁", timed: false)])
        XCTAssertFalse(small.contains { $0.kind == .duplicate })
    }

    func testTheSameChargeInTwoCurrenciesIsNotADuplicate() {
        let alerts = run([
            row("a", 0, 2790, "MCDONALDS", currency: "CNY"), row("b", 30, 2790, "MCDONALDS", currency: "HKD"),
        ])
        XCTAssertFalse(alerts.contains { $0.kind == .duplicate })
    }

    func testASubAccountInAnotherCurrencyKeepsItsOwnBalanceChain() {
        let alerts = run([
            row("1", 0, 10_000, "A", currency: "HKD", balance: 100_000),
            row("2", 60, 10_000, "B", currency: "HKD", balance: 90_000),
            row("3", 120, 500_000, "SALARY", currency: "CNY", balance: 500_000, direction: .inflow),
            row("4", 180, 20_000, "C", currency: "HKD", balance: 70_000),
        ])
        XCTAssertFalse(alerts.contains { $0.kind == .balanceGap }, "\(alerts.map(\.explanation.en))")
    }

    func testRentPaidOnScheduleIsNeverStructuring() {
        // Rent of 3,000.00 every month plus a loan of 5,000.00 in the same weeks: round, regular, ordinary.
        var rows: [Transaction] = []
        for month in 0..<8 {
            let day = Int64(month) * 30 * 86400
            rows.append(row("r\(month)", day + 36_000, 300_000, "房东王先生"))
            rows.append(row("l\(month)", day + 2 * 86400, 500_000, "房贷还款"))
            rows.append(row("c\(month)", day + 4 * 86400, 200_000, "房贷还款2"))
        }
        XCTAssertFalse(run(rows).contains { $0.kind == .structuring })
    }

    func testANightOwlsOneOClockIsOrdinary() {
        // 300 payments, a third of them between 00:00 and 02:59: a 01:30 payment to a known shop is fine.
        var rows: [Transaction] = []
        for day in 0..<100 {
            let start = Int64(day) * 86400
            rows.append(row("n\(day)", start + 3600 * Int64(day % 3) + 1200, 3_500, "美团外卖"))
            rows.append(row("e\(day)", start + 20 * 3600, 4_000, "饿了么"))
            rows.append(row("d\(day)", start + 13 * 3600, 3_000, "瑞幸咖啡"))
        }
        rows.append(row("x", 120 * 86400 + 5400, 3_600, "美团外卖"))
        XCTAssertFalse(run(rows).contains { $0.kind == .oddHour })
        // A payment at 05:30, an hour this user never pays in, is reported.
        rows.append(row("y", 121 * 86400 + 5 * 3600 + 1800, 3_600, "美团外卖"))
        XCTAssertEqual(run(rows).filter { $0.kind == .oddHour }.map(\.transactionIds), [["y"]])
    }
}
