// What the two detection-quality suites share: a family's precision and recall tally, and one
// generated account run through the real readers (bank CSV → rules reader → ledger → detectors).
import Anomaly
import StatementFixtures
import Statements

/// Alerts raised and planted cases found for one alert family.
struct QualityScore {
    var alerts = 0
    var hits = 0
    var cases = 0
    var found = 0
    var precision: Double { alerts == 0 ? 1 : Double(hits) / Double(alerts) }
    var recall: Double { cases == 0 ? 1 : Double(found) / Double(cases) }

    /// Runs detection on `account`, written as a bank CSV with rules and read back strictly.
    static func detect(_ account: GeneratedAccount) throws -> (rows: Int, alerts: [Alert]) {
        let (csv, rulesText) = StatementWriters.rulesCSV(account)
        let rules = try CSVRules.parse(rulesText, file: "bank.rules")
        let statement = try StatementReader.parse(
            Array(csv.utf8), file: "bank.csv", options: ReadOptions(format: .csv, rules: rules, strict: true))
        let items = IdentifiedTransaction.identify(statement.transactions, fileIndex: 0)
        return (items.count, Detection.run(Ledger(items: items)))
    }
}
