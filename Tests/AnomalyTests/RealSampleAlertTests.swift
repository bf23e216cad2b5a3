// The real bank and wallet samples (../shared/real-statements, read in place) are ordinary files: scanning
// them must raise no duplicate, velocity or odd-hour alert. Balance gaps remain only where the file's own
// balances do not add up (anonymised samples), listed explicitly below.
import Anomaly
import Foundation
import Statements
import XCTest

final class RealSampleAlertTests: XCTestCase {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.deletingLastPathComponent().appendingPathComponent("shared/real-statements").path
    }()

    func testOrdinarySamplesRaiseNoBurstOrHourAlerts() throws {
        guard FileManager.default.fileExists(atPath: Self.root) else {
            throw XCTSkip("../shared/real-statements absent: real-sample alert test skipped")
        }
        var scanned = 0
        var gaps: [String] = []
        for folder in ["double-entry-generator", "beancount-daoru", "ofxparse", "actual", "derived-probes"] {
            let directory = Self.root + "/" + folder
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            for name in names.sorted() where !name.hasSuffix(".md") && !name.hasPrefix("fail_nice") {
                let path = directory + "/" + name
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                    let statement = try? StatementReader.read(path: path, options: ReadOptions()),
                    !statement.transactions.isEmpty
                else { continue }
                scanned += 1
                let items = IdentifiedTransaction.identify(statement.transactions, fileIndex: 0)
                for alert in Detection.run(Ledger(items: items)) {
                    XCTAssertFalse(
                        [.duplicate, .velocity, .oddHour].contains(alert.kind),
                        "\(folder)/\(name): \(alert.kind.rawValue) \(alert.explanation.en)")
                    if alert.kind == .balanceGap {
                        gaps.append("\(folder)/\(name)")
                        print("GAP \(name): \(alert.explanation.en)")
                    }
                }
            }
        }
        print("real samples scanned: \(scanned); balance gaps in: \(Set(gaps).sorted())")
        XCTAssertGreaterThanOrEqual(scanned, 20)
        // Files whose own balances do not add up (anonymised or redacted balances); nothing else may gap.
        XCTAssertEqual(Set(gaps).sorted(), Self.filesWhoseBalancesDoNotAddUp, "\(gaps)")
    }

    /// Checked by hand: each has a row whose balance does not follow from the previous one and its amount
    /// (ABC, BOCOM, CMB and ICBC redacted their balances; HSBC HK's HKD salary row on 12/03 takes the balance
    /// from 8,211.33 to 4,288.67). The CNY sub-account row in the HSBC file is no longer part of the gap.
    static let filesWhoseBalancesDoNotAddUp = [
        "double-entry-generator/bank-abc_debit.csv", "double-entry-generator/bank-bocom_debit.csv",
        "double-entry-generator/bank-cmb-debit.csv", "double-entry-generator/bank-hsbchk-debit.csv",
        "double-entry-generator/bank-icbc-credit.csv",
    ]
}
