// Precision and recall per family on a seeded generated set (100k+ rows, 250 planted cases per
// family), through the real parser: generated bank CSV → rules reader → ledger → detectors.
import Anomaly
import StatementFixtures
import Statements
import XCTest

final class DetectionQualityTests: XCTestCase {
    func testPrecisionAndRecallPerFamilyOnGeneratedSet() throws {
        var scores: [String: QualityScore] = [:]
        var rows = 0
        var labeledRows = 0
        var falseAlerts = 0
        for index in 0..<50 {
            let account = StatementGenerator.account(index: index, options: GeneratorOptions(seed: 2024, rows: 2000))
            let (count, alerts) = try QualityScore.detect(account)
            rows += count
            var labels: [String: Set<String>] = [:]
            var allLabeled = Set<String>()
            for planted in account.planted {
                labels[planted.family.rawValue, default: []].formUnion(planted.ids)
                allLabeled.formUnion(planted.ids)
            }
            labeledRows += allLabeled.count
            var alertedIDs: [String: Set<String>] = [:]
            for alert in alerts {
                let kind = alert.kind.rawValue
                scores[kind, default: QualityScore()].alerts += 1
                if alert.transactionIds.contains(where: { labels[kind]?.contains($0) ?? false }) {
                    scores[kind, default: QualityScore()].hits += 1
                }
                if !alert.transactionIds.contains(where: allLabeled.contains) { falseAlerts += 1 }
                alertedIDs[kind, default: []].formUnion(alert.transactionIds)
            }
            for planted in account.planted {
                let kind = planted.family.rawValue
                scores[kind, default: QualityScore()].cases += 1
                if planted.ids.contains(where: { alertedIDs[kind]?.contains($0) ?? false }) {
                    scores[kind, default: QualityScore()].found += 1
                }
            }
        }
        var report = "rows \(rows), labeled \(labeledRows), false alerts \(falseAlerts)\n"
        for kind in AlertKind.allCases {
            let score = scores[kind.rawValue] ?? QualityScore()
            report +=
                "\(kind.rawValue): alerts \(score.alerts) precision \(String(format: "%.3f", score.precision)) cases \(score.cases) recall \(String(format: "%.3f", score.recall))\n"
        }
        print(report)
        XCTAssertGreaterThanOrEqual(rows, 100_000)
        for kind in AlertKind.allCases {
            XCTAssertGreaterThanOrEqual(scores[kind.rawValue]?.cases ?? 0, 200, "\(kind.rawValue) planted cases")
        }
        func check(_ kind: AlertKind, precision: Double, recall: Double) {
            let score = scores[kind.rawValue] ?? QualityScore()
            XCTAssertGreaterThanOrEqual(score.precision, precision, "\(kind.rawValue) precision\n\(report)")
            XCTAssertGreaterThanOrEqual(score.recall, recall, "\(kind.rawValue) recall\n\(report)")
        }
        check(.duplicate, precision: 0.95, recall: 0.95)
        check(.cardTesting, precision: 0.95, recall: 0.95)
        check(.balanceGap, precision: 0.95, recall: 0.95)
        check(.velocity, precision: 0.90, recall: 0.90)
        check(.recurringChange, precision: 0.90, recall: 0.90)
        check(.amountOutlier, precision: 0.70, recall: 0.90)
        check(.newPayeeLarge, precision: 0.90, recall: 0.90)
        check(.oddHour, precision: 0.90, recall: 0.90)
        check(.foreignCurrency, precision: 0.90, recall: 0.90)
        check(.structuring, precision: 0.90, recall: 0.90)
        let normalRows = rows - labeledRows
        XCTAssertLessThanOrEqual(Double(falseAlerts) / Double(normalRows) * 1000, 1.0, report)
    }
}
