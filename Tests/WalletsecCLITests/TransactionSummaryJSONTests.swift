// `history list --json` writes its rows with a hand-written JSON line; it must be the very text the
// JSON encoder writes for the same summary (keys, order, optional fields, escapes), or the documented
// fields would drift between `history list` and `scan`.
import Anomaly
import Statements
import WalletCore
import XCTest

@testable import WalletsecCLI

final class TransactionSummaryJSONTests: XCTestCase {
    func testHandWrittenLineEqualsTheEncoders() throws {
        let names = [
            "星巴克咖啡（国贸店）", "Quote \" back\\slash /slash", "tab\tnew\nline\rcr", "esc\u{1B}]0;x\u{07}",
            "c1\u{9B}del\u{7F}", "", "emoji 🙂 é",
        ]
        var rows: [Transaction] = []
        for (k, name) in names.enumerated() {
            rows.append(
                Transaction(
                    sourceID: k % 2 == 0 ? "id\(k)" : nil, timestamp: 1_717_200_000 + Int64(k) * 3600,
                    amountMinor: Int64(k) * 14_087 + 1, direction: k % 3 == 0 ? .inflow : .outflow, counterparty: name,
                    source: k % 2 == 0 ? .alipay : .ofx))
        }
        let ledger = Ledger(items: IdentifiedTransaction.identify(rows, fileIndex: 0))
        var checked = 0
        for files in [[], ["账单.csv"]] {
            for index in ledger.items.indices {
                let summary = TransactionSummary(ledger: ledger, index: index, files: files)
                XCTAssertEqual(summary.jsonLine, try JSONOutput.line(summary), "row \(index), files \(files)")
                checked += 1
            }
        }
        XCTAssertEqual(checked, 2 * names.count)
    }
}
