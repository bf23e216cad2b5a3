// Every wallet and bank CSV/XLSX among the public sample exports in ../shared/real-statements/,
// read in place with no rules file, against the committed ground truth (RealStatementTruth).
import Foundation
import Statements
import XCTest

final class RealStatementTests: XCTestCase {
    /// Files this reader knowingly cannot read as the truth says, with why (docs/statements.md).
    static let exceptions: [String: String] = [:]

    /// The wallet and bank layouts: every CSV/XLSX entry with a built-in layout (hledger CSVs need
    /// their rules file and TD has no header; both are checked elsewhere).
    static func builtInEntries() throws -> [RealStatementTruth.Entry] {
        try RealStatementTruth.entries().filter {
            ($0.format == "csv" || $0.format == "wechat-xlsx") && $0.layout != nil && $0.layout != "td"
        }
    }

    /// The `source` each research layout name is read as.
    static func source(ofLayout layout: String) -> String {
        switch layout {
        case "alipay-2023", "alipay-app-2021": return "alipay"
        case "alipay-legacy-web": return "alipay-legacy"
        case "wechat-csv": return "wechat"
        case "icbc-debit-v1", "icbc-debit-v2": return "icbc-debit"
        case "cmb-credit-short (preciouss)": return "cmb-credit"
        case "cmb-debit-short (preciouss)": return "cmb-debit"
        default: return layout
        }
    }

    func testEveryWalletAndBankExportReadsAsTheTruthSays() throws {
        let root = try RealStatementTruth.sharedRoot()
        let entries = try Self.builtInEntries()
        XCTAssertGreaterThanOrEqual(entries.count, 40)
        var checked = 0
        for entry in entries where Self.exceptions[entry.path] == nil {
            let path = root.appendingPathComponent(entry.path).path
            do {
                let statement = try StatementReader.read(path: path, options: ReadOptions())
                let problems = RealStatementTruth.mismatches(statement.transactions, against: entry)
                XCTAssertEqual(problems, [], "\(entry.path) [\(statement.format.rawValue)]")
                XCTAssertEqual(statement.skipped, [], entry.path)
                XCTAssertEqual(statement.format.rawValue, Self.source(ofLayout: entry.layout ?? ""), entry.path)
                checked += statement.transactions.count
            } catch {
                XCTFail("\(entry.path): \(error)")
            }
        }
        XCTAssertGreaterThan(checked, 400)
    }

    /// No wallet or bank export in the sample folders escapes the test: every CSV/XLSX there has an
    /// entry, read either by a built-in layout (above) or by rules (hledger CSVs, TD).
    func testEverySampleExportHasAnExpectation() throws {
        let root = try RealStatementTruth.sharedRoot()
        let entries = try RealStatementTruth.entries()
        let known = Set(entries.map(\.path))
        let builtIn = Set(try Self.builtInEntries().map(\.path))
        var found = 0
        for folder in ["double-entry-generator", "preciouss", "beancount-daoru", "derived-probes"] {
            let base = root.appendingPathComponent(folder)
            guard let walker = FileManager.default.enumerator(atPath: base.path) else { continue }
            for case let name as String in walker where name.hasSuffix(".csv") || name.hasSuffix(".xlsx") {
                let path = folder + "/" + name
                found += 1
                XCTAssertTrue(known.contains(path), "\(path) has no expectation in expected.json")
                let format = entries.first { $0.path == path }?.format
                XCTAssertTrue(
                    builtIn.contains(path) || format == "hledger-csv" || path.hasSuffix("bank-td.csv"),
                    "\(path) is read by no test")
            }
        }
        XCTAssertGreaterThan(found, 40)
    }
}

final class TDRulesTests: XCTestCase {
    /// TD Canada Trust exports have no header, so they are read with the shipped docs/rules/td.rules
    /// (hledger syntax) rather than a built-in layout.
    func testTDExportReadsWithTheShippedRules() throws {
        let root = try RealStatementTruth.sharedRoot()
        let rulesURL = RealStatementTruth.packageRoot.appendingPathComponent("docs/rules/td.rules")
        let text = try String(contentsOf: rulesURL, encoding: .utf8)
        let rules = try CSVRules.parse(text, file: rulesURL.path)
        let entry = try XCTUnwrap(
            RealStatementTruth.entries().first { $0.path == "double-entry-generator/bank-td.csv" })
        let path = root.appendingPathComponent(entry.path).path
        let statement = try StatementReader.read(path: path, options: ReadOptions(rules: rules))
        XCTAssertEqual(RealStatementTruth.mismatches(statement.transactions, against: entry), [])
        XCTAssertEqual(statement.skipped, [])
    }
}
