// hledger's own CSV + rules pairs (and the derived probes) read in place from ../shared/real-statements:
// every rules file works as shipped, and each transaction's date, direction, amount and currency is
// what hledger's manual says the rules produce (values from the research notes' expected.json).
import Statements
import WalletCore
import XCTest

final class RulesRealFileTests: XCTestCase {
    typealias Expected = (date: String, direction: Direction, amountMinor: Int64?, currency: String)

    static let pairs: [(csv: String, rules: String, expected: [Expected])] = [
        (
            "derived-probes/repro/hhmmss.csv", "derived-probes/repro/hhmmss.rules",
            [("2024-01-01", .outflow, 1000, "CNY")]
        ),
        (
            "derived-probes/repro/hledger-fields.csv", "derived-probes/repro/hledger-fields.rules",
            [("2024-01-01", .outflow, 100, "CNY")]
        ),
        (
            "derived-probes/repro/neg-amount-out.csv", "derived-probes/repro/neg-amount-out.rules",
            [("2024-01-18", .outflow, 29900, "CNY"), ("2024-01-20", .inflow, 29900, "CNY")]
        ),
        (
            "derived-probes/repro/quote-tab-amount.csv", "derived-probes/repro/quote-tab-amount.rules",
            [("2025-03-24", .outflow, 100, "HKD")]
        ),
        (
            "hledger/csb43.csv", "hledger/csb43.csv.rules",
            [("2019-11-02", .inflow, 150000, "EUR"), ("2019-11-10", .outflow, 50000, "EUR")]
        ),
        (
            "hledger/csv-sample.csv", "hledger/csv-sample.csv.rules",
            [("2009-09-10", .inflow, 5000, "USD"), ("2009-09-11", .outflow, 5000, "USD")]
        ),
        (
            "hledger/csv-sample.ssv", "hledger/csv-sample.ssv.rules",
            [("2009-09-10", .inflow, 5000, "USD"), ("2009-09-11", .outflow, 5000, "USD")]
        ),
        (
            "hledger/csv-sample.tsv", "hledger/csv-sample.tsv.rules",
            [("2009-09-10", .inflow, 5000, "USD"), ("2009-09-11", .outflow, 5000, "USD")]
        ),
        (
            "hledger/monefy.csv", "hledger/monefy.csv.rules",
            [
                ("2021-12-06", .outflow, 5500, "USD"), ("2021-12-06", .outflow, 2500, "USD"),
                ("2021-12-06", .inflow, 128080, "USD"), ("2021-12-06", .outflow, 18000, "USD"),
                ("2021-12-06", .inflow, 488400, "USD"), ("2021-12-06", .outflow, 1200, "USD"),
                ("2021-12-06", .outflow, 20000, "USD"), ("2021-12-06", .inflow, 20000, "USD"),
            ]
        ),
        ("hledger/monzo.csv", "hledger/monzo.csv.rules", [("2024-08-10", .outflow, 1375, "GBP")]),
        (
            "hledger/sample.csv", "hledger/sample.csv.rules",
            [
                ("2012-03-22", .inflow, 5000, "USD"), ("2012-03-23", .outflow, 1000, "USD"),
                ("2012-03-24", .outflow, 2000, "USD"),
            ]
        ),
        (
            "hledger/sample.fr.cp1252.csv", "hledger/sample.csv.cp1252.rules",
            [
                ("2012-03-22", .inflow, 5000, "USD"), ("2012-03-23", .outflow, 1000, "USD"),
                ("2012-03-24", .outflow, 2000, "USD"),
            ]
        ),
        (
            "hledger/sample.fr.iso88591.csv", "hledger/sample.csv.iso88591.rules",
            [
                ("2012-03-22", .inflow, 5000, "USD"), ("2012-03-23", .outflow, 1000, "USD"),
                ("2012-03-24", .outflow, 2000, "USD"),
            ]
        ),
        (
            "hledger/sample.fr.utf8.csv", "hledger/sample.csv.rules",
            [
                ("2012-03-22", .inflow, 5000, "USD"), ("2012-03-23", .outflow, 1000, "USD"),
                ("2012-03-24", .outflow, 2000, "USD"),
            ]
        ),
        (
            "hledger/stripe.csv", "hledger/stripe.csv.rules",
            [("2020-01-23", .inflow, 1200, "USD"), ("2020-01-23", .outflow, 77, "USD")]
        ),
        (
            "hledger/ynab4-rtl.csv", "hledger/ynab4-rtl.csv.rules",
            [("2022-11-07", .outflow, 4750, "JOD"), ("2022-12-11", .outflow, 93210, "JOD")]
        ),
    ]

    static func folder() throws -> String {
        let root = FileSystem.directoryName(FileSystem.directoryName(FileSystem.directoryName(#filePath)))
        let folder = FileSystem.directoryName(root) + "/shared/real-statements"
        guard FileSystem.isDirectory(folder) else {
            throw XCTSkip("../shared/real-statements absent: real-file rules tests skipped")
        }
        return folder
    }

    func read(_ csv: String, _ rules: String, year: Int? = nil) throws -> Statement {
        let folder = try Self.folder()
        var parsed = try CSVRules.load(path: folder + "/" + rules)
        parsed.year = year
        return try StatementReader.read(path: folder + "/" + csv, options: ReadOptions(rules: parsed))
    }

    func assertMatches(_ statement: Statement, _ expected: [Expected], _ name: String) {
        XCTAssertEqual(statement.skippedCount, 0, "\(name): \(statement.skipped.map(\.description))")
        XCTAssertEqual(statement.transactions.count, expected.count, name)
        for (found, wanted) in zip(statement.transactions, expected) {
            let date = ByteParsing.formatLocal(
                timestamp: found.timestamp, offsetSeconds: found.utcOffsetSeconds, withTime: false)
            XCTAssertEqual(date, wanted.date, name)
            XCTAssertEqual(found.direction, wanted.direction, name)
            XCTAssertEqual(found.amountMinor, wanted.amountMinor, name)
            XCTAssertEqual(found.currency, wanted.currency, name)
            XCTAssertEqual(found.source, .csv, name)
        }
    }

    func testEveryPairReadsAsShipped() throws {
        for (csv, rules, expected) in Self.pairs {
            assertMatches(try read(csv, rules), expected, csv)
        }
    }

    func testTextFieldsBalancesAndEncodings() throws {
        // `encoding cp1252` / `iso8859-1` decode the French samples; the include supplies every other rule.
        for (csv, rules) in [
            ("hledger/sample.fr.cp1252.csv", "hledger/sample.csv.cp1252.rules"),
            ("hledger/sample.fr.iso88591.csv", "hledger/sample.csv.iso88591.rules"),
            ("hledger/sample.fr.utf8.csv", "hledger/sample.csv.rules"),
        ] {
            let statement = try read(csv, rules)
            XCTAssertEqual(
                statement.transactions.map(\.counterparty).prefix(2), ["DÉPÔT", "VIREMENT VERS ÉPARGNE"], csv)
        }
        let monzo = try read("hledger/monzo.csv", "hledger/monzo.csv.rules")
        XCTAssertEqual(
            monzo.transactions[0].counterparty,
            "Berry Farm's Gosq. | Card payment  SQ *BERRY FARM'S GOSQ. BLACKFALDS    CAN")
        XCTAssertEqual(monzo.transactions[0].balanceMinor, 56997)
        XCTAssertEqual(monzo.transactions[0].note, "address: Rr 1")
        XCTAssertEqual(monzo.transactions[0].category, "Personal Expenses")
        let stripe = try read("hledger/stripe.csv", "hledger/stripe.csv.rules")
        XCTAssertEqual(
            stripe.transactions.map(\.sourceID), ["txn_14G11HjubSIHf9IKrvJdwN", "txn_14G11HjHgubIH9ZvbPgYO7"])
        XCTAssertEqual(stripe.transactions.map(\.hasTime), [true, true])
        let ynab = try read("hledger/ynab4-rtl.csv", "hledger/ynab4-rtl.csv.rules")
        XCTAssertEqual(ynab.transactions.map(\.balanceMinor), [0, 56790], "fils: JOD has 3 decimals")
        XCTAssertEqual(ynab.transactions.map(\.counterparty), ["shop1", "coffeeshop"])
        let quoteTab = try read(
            "derived-probes/repro/quote-tab-amount.csv", "derived-probes/repro/quote-tab-amount.rules")
        XCTAssertEqual(quoteTab.transactions.first?.balanceMinor, 361217)
        // A `time` column (walletsec extension) gives the time of day hledger drops.
        let hhmmss = try read("derived-probes/repro/hhmmss.csv", "derived-probes/repro/hhmmss.rules")
        XCTAssertEqual(
            hhmmss.transactions.map {
                ByteParsing.formatLocal(timestamp: $0.timestamp, offsetSeconds: $0.utcOffsetSeconds)
            },
            ["2024-01-01 12:34:56 +08:00"])
        let csb = try read("hledger/csb43.csv", "hledger/csb43.csv.rules")
        XCTAssertEqual(csb.transactions[0].counterparty, "MY_INCOME_LINE  456789012345")
        XCTAssertFalse(csb.transactions[0].crossBorder, "no account currency declared: nothing is foreign")
    }

    func testCoinbaseZonedTimesAndBitcoinDecimals() throws {
        // `%z` dates keep the file's own offset (-07:00). BTC keeps 8 decimals (satoshis), so the three
        // purchases read exactly; the fee rows set no amount (hledger posts them without one) and are skipped.
        let statement = try read("hledger/coinbase2.csv", "hledger/coinbase2.csv.rules")
        XCTAssertEqual(statement.transactions.map(\.amountMinor), [314_664, 306_530, 176_154])
        XCTAssertEqual(statement.transactions.map(\.currency), ["BTC", "BTC", "BTC"])
        XCTAssertEqual(statement.transactions.map(\.direction), [.inflow, .inflow, .inflow])
        XCTAssertEqual(statement.transactions.map(\.utcOffsetSeconds), [-25_200, -25_200, -25_200])
        XCTAssertEqual(
            statement.transactions.map {
                ByteParsing.formatLocal(timestamp: $0.timestamp, offsetSeconds: $0.utcOffsetSeconds)
            },
            ["2017-09-29 15:40:00 -07:00", "2017-10-04 16:20:00 -07:00", "2017-11-01 16:00:00 -07:00"])
    }

    func testWellsFargoMissingIncludeIsNamed() throws {
        let folder = try Self.folder()
        let rulesPath = folder + "/hledger/wellsfargo-checking.csv.rules"
        XCTAssertThrowsError(try CSVRules.load(path: rulesPath)) { error in
            XCTAssertEqual(
                error as? StatementError,
                .invalidRule(file: rulesPath, line: 13, problem: .includeNotFound(folder + "/hledger/.common.rules")))
        }
        // Without the include line the rest of the file reads as the research expects.
        let text = String(decoding: try FileSystem.readAll(rulesPath), as: UTF8.self)
        let kept = text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("include") }
        let rules = try CSVRules.parse(kept.joined(separator: "\n"), file: rulesPath)
        let statement = try StatementReader.read(
            path: folder + "/hledger/wellsfargo-checking.csv", options: ReadOptions(rules: rules))
        assertMatches(
            statement,
            [
                ("2009-12-04", .outflow, 1207, "USD"), ("2009-12-04", .outflow, 78900, "USD"),
                ("2016-03-01", .outflow, 15000, "USD"),
            ],
            "wellsfargo")
        XCTAssertEqual(statement.transactions.map(\.sourceID), [nil, "2392", nil])
    }

    func testDateFormatWithoutYearNeedsOne() throws {
        // hledger would date this row 1970-01-02; walletsec asks for the year instead.
        let folder = try Self.folder()
        XCTAssertThrowsError(try read("derived-probes/repro/no-year.csv", "derived-probes/repro/no-year.rules")) {
            error in
            XCTAssertEqual(
                error as? StatementError,
                .rulesDateNeedsYear(file: folder + "/derived-probes/repro/no-year.rules", format: "%m/%d"))
        }
        let statement = try read("derived-probes/repro/no-year.csv", "derived-probes/repro/no-year.rules", year: 2024)
        assertMatches(statement, [("2024-01-02", .inflow, 5678, "CNY")], "no-year")
    }
}
