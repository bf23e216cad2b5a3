// Real OFX/QFX/QIF exports (../shared/real-statements, read in place) against the research's ground
// truth (OFXQIFExpected.swift): per file the row count, broken rows, and per row the
// date, time and offset, direction, exact amount, currency and id.
import Foundation
import XCTest

@testable import Statements

final class OFXQIFRealTests: XCTestCase {
    struct Expected: Decodable {
        struct Row: Decodable {
            var date: String
            var time: String?
            var utc_offset: String?
            var direction: String
            var amount: String
            var currency: String?
            var id: String?
            var check_number: String?
        }
        struct Broken: Decodable {
            var id: String?
            var reason: String
        }
        var path: String
        var format: String
        var encoding: String
        var transaction_count: Int
        var broken_rows: [Broken]
        var transactions: [Row]
    }

    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.deletingLastPathComponent().appendingPathComponent("shared/real-statements").path
    }()

    func realFile(_ path: String) throws -> String {
        guard FileManager.default.fileExists(atPath: Self.root) else {
            throw XCTSkip("../shared/real-statements absent: real OFX/QIF tests skipped")
        }
        let full = Self.root + "/" + path
        guard FileManager.default.fileExists(atPath: full) else {
            throw XCTSkip("\(full) absent: test skipped")
        }
        return full
    }

    static func expectations() throws -> [Expected] {
        struct Document: Decodable { var files: [Expected] }
        return try JSONDecoder().decode(Document.self, from: Data(ofxQIFExpectedJSON.utf8)).files
    }

    func testEveryRealOFXAndQIFFileReadsAsTheResearchSays() throws {
        _ = try realFile("")
        let files = try Self.expectations()
        XCTAssertEqual(files.count, 41, "every OFX/QFX/QIF file of the research")
        var rowsChecked = 0
        for file in files {
            let path = try realFile(file.path)
            let statement = try StatementReader.read(path: path, options: ReadOptions())
            let name = file.path
            XCTAssertEqual(statement.format, file.format == "qif" ? .qif : .ofx, name)
            XCTAssertEqual(statement.transactions.count, file.transaction_count, "\(name): transactions")
            XCTAssertEqual(statement.skippedCount, file.broken_rows.count, "\(name): broken rows \(statement.skipped)")
            let encoding: TextEncoding =
                switch file.encoding {
                case "cp1252": .windows1252
                case "iso-8859-1": .latin1
                default: .utf8
                }
            XCTAssertEqual(statement.encoding, encoding, "\(name): encoding")
            if file.format == "qif" { XCTAssertTrue(statement.currencyAssumed, name) }
            for (row, want) in zip(statement.transactions, file.transactions) {
                let label = "\(name) line \(row.line)"
                let offset = want.utc_offset ?? "+00:00"  // OFX without a zone is GMT (spec); QIF has none
                XCTAssertEqual(
                    ByteParsing.formatLocal(
                        timestamp: row.timestamp, offsetSeconds: row.utcOffsetSeconds, withTime: false),
                    want.date, label)
                XCTAssertEqual(row.hasTime, want.time != nil, label)
                if let time = want.time {
                    XCTAssertEqual(
                        ByteParsing.formatLocal(timestamp: row.timestamp, offsetSeconds: row.utcOffsetSeconds),
                        "\(want.date) \(time) \(offset)", label)
                }
                XCTAssertEqual(row.direction.rawValue, want.direction, label)
                let scale = ByteParsing.scale(ofCurrency: row.currency)
                XCTAssertEqual(
                    Decimal(string: row.exactAmountText(scale: scale)), Decimal(string: want.amount),
                    "\(label): amount \(row.exactAmountText(scale: scale)) vs \(want.amount)")
                if file.format == "qif" {
                    XCTAssertEqual(row.currency, "CNY", label)
                    XCTAssertNil(row.sourceID, "\(label): a QIF N is a check number, not an id")
                    XCTAssertEqual(row.merchantOrderID, want.check_number ?? "", label)
                } else {
                    XCTAssertEqual(row.currency, want.currency, label)
                    XCTAssertEqual(row.sourceID, want.id, label)
                }
                rowsChecked += 1
            }
        }
        XCTAssertEqual(rowsChecked, 86)
    }

    func testWesternCharsetsDecodeByTheOFXHeader() throws {
        let cp1252 = try StatementReader.read(path: try realFile("actual/1252.qfx"), options: ReadOptions())
        XCTAssertEqual(cp1252.encoding, .windows1252)
        XCTAssertEqual(cp1252.transactions.first?.counterparty, "Café Métro €uro")
        XCTAssertEqual(cp1252.transactions.first?.note, "Paiement 5€ — débit")
        let latin1 = try StatementReader.read(path: try realFile("actual/8859-1.qfx"), options: ReadOptions())
        XCTAssertEqual(latin1.encoding, .latin1)
        XCTAssertEqual(latin1.transactions.first?.counterparty, "Paiement facture/Carte prépayée")
        let probe = try StatementReader.read(
            path: try realFile("derived-probes/repro/ofx-latin1.ofx"), options: ReadOptions())
        XCTAssertEqual(probe.transactions.first?.counterparty, "Carte prépayée")
        let utf8 = try StatementReader.read(path: try realFile("actual/utf-8.qfx"), options: ReadOptions())
        XCTAssertEqual(utf8.transactions.first?.counterparty, "Café Métro €uro")
        // Declares CHARSET:1252 but the bytes are UTF-8: valid UTF-8 wins (no "Â¦" mojibake).
        let chase = try StatementReader.read(path: try realFile("ofxparse/chase_cc.qfx"), options: ReadOptions())
        XCTAssertEqual(chase.encoding, .utf8)
        XCTAssertEqual(chase.transactions.first?.counterparty, "SQ *ECCO UN POCO ¦ NATURA")
    }

    func testBrokenOFXRowsAreSkippedWithTheirReason() throws {
        let missing = try StatementReader.read(
            path: try realFile("ofxparse/fail_nice-date_missing.ofx"), options: ReadOptions())
        XCTAssertEqual(missing.transactions.count, 0)
        XCTAssertEqual(
            missing.skipped.map(\.reason),
            ["DTPOSTED missing", "DTPOSTED empty", "DTPOSTED '20120231' is not a valid date"])
        let decimal = try StatementReader.read(
            path: try realFile("ofxparse/fail_nice-decimal_error.ofx"), options: ReadOptions())
        XCTAssertEqual(
            decimal.skipped.map(\.reason),
            ["DTPOSTED '201120000000' is not a valid date; TRNAMT '$120' is not a number"])
        let balance = try StatementReader.read(
            path: try realFile("ofxparse/fail_nice-empty_balance.ofx"), options: ReadOptions())
        XCTAssertEqual(balance.transactions.count, 1)
        XCTAssertNil(balance.reportedFinalBalanceMinor, "an empty BALAMT is no balance, and no error")
        XCTAssertThrowsError(
            try StatementReader.read(
                path: try realFile("ofxparse/fail_nice-date_missing.ofx"), options: ReadOptions(strict: true)))
    }

    func testFourDecimalAmountsAreKeptExactly() throws {
        let fidelity = try StatementReader.read(
            path: try realFile("ofxparse/fidelity-savings.ofx"), options: ReadOptions())
        let amounts = fidelity.transactions.map { ($0.amountMinor, $0.amountSubMinor) }
        XCTAssertEqual(amounts.first?.0, 150_000)
        XCTAssertEqual(amounts.first?.1, 0, "1500.0000 is exactly 1500.00")
        XCTAssertEqual(amounts[1].0, 11583)
        XCTAssertEqual(amounts[1].1, 3100, "115.8331 = 11583 cents + 31/100 of a cent")
        XCTAssertEqual(fidelity.transactions[1].exactAmountText(scale: 2), "115.8331")
        let multi = try StatementReader.read(
            path: try realFile("actual/data-multi-decimal.ofx"), options: ReadOptions())
        XCTAssertEqual(multi.transactions.map(\.amountMinor), [3000, 377])
        XCTAssertEqual(multi.transactions.map(\.amountSubMinor), [0, 0])
    }

    func testQIFNonCashSectionsAreCountedNotMalformed() throws {
        let cases: [(String, Int)] = [
            ("gnucash/swipe.qif", 0), ("derived-probes/repro/qif-invst.qif", 0), ("gnucash/canada.qif", 5),
            ("qifparse/file.qif", 3), ("derived-probes/repro/qif-cat.qif", 1),
        ]
        for (path, rows) in cases {
            let statement = try StatementReader.read(path: try realFile(path), options: ReadOptions())
            XCTAssertEqual(statement.transactions.count, rows, path)
            XCTAssertEqual(statement.skippedCount, 0, "\(path): \(statement.skipped)")
            XCTAssertGreaterThan(statement.notCashRecords, 0, path)
        }
        let given = try StatementReader.read(
            path: try realFile("gnucash/abc.qif"), options: ReadOptions(currency: "usd"))
        XCTAssertFalse(given.currencyAssumed)
        XCTAssertEqual(Set(given.transactions.map(\.currency)), ["USD"])
    }
}
