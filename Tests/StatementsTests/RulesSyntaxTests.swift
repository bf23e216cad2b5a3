// The rules language directive by directive on small inline CSVs: amounts and directions, if-blocks
// and tables, skip/end, separators, date formats, includes and their caps, and rows that are short or
// unreadable (a counted malformed row with its line, never a crash).
import Foundation
import Statements
import WalletCore
import XCTest

final class RulesSyntaxTests: XCTestCase {
    func read(_ rules: String, _ csv: String, file: String = "bank.csv", year: Int? = nil) throws -> Statement {
        var parsed = try CSVRules.parse(rules, file: "bank.rules")
        parsed.year = year
        return try StatementReader.parse(Array(csv.utf8), file: file, options: ReadOptions(rules: parsed))
    }

    func signed(_ statement: Statement) -> [Int64] {
        statement.transactions.map {
            $0.direction == .outflow ? -$0.amountMinor : $0.direction == .inflow ? $0.amountMinor : 0
        }
    }

    func testAmountInOutAndNumberedAmounts() throws {
        let inOut = "fields date, desc, in, out\namount-in %in\namount-out %out\n"
        // A negative amount-out is an inflow; a zero beside a value is dropped; two non-zero values are an error.
        let rows = try read(
            inOut, "2024-01-01,a,10.00,\n2024-01-02,b,,3.50\n2024-01-03,c,,-2.00\n2024-01-04,d,0,7\n2024-01-05,e,1,2\n")
        XCTAssertEqual(signed(rows), [1000, -350, 200, -700])
        XCTAssertEqual(rows.skipped.map(\.line), [5])
        XCTAssertTrue(rows.skipped[0].reason.contains("more than one non-zero amount"), rows.skipped[0].reason)
        // amount1 wins over amount; amount2 (the other side) does not matter.
        let numbered = try read(
            "fields date, net, gross\namount %gross\namount1 %net\namount2 -%gross\n", "2024-01-01,-5,-6\n")
        XCTAssertEqual(signed(numbered), [-500])
        // Parentheses and double minus, `+`, symbols and codes on either side, a cost cut off.
        let forms = try read(
            "fields date, amount\ndate-format %Y-%m-%d\n",
            "2024-01-01,(5)\n2024-01-01,--4\n2024-01-01,+3\n2024-01-01,$-2\n2024-01-01,-¥1\n2024-01-01,7 EUR @@ $8\n")
        XCTAssertEqual(signed(forms), [-500, 400, 300, -200, -100, 700])
        XCTAssertEqual(forms.transactions.map(\.currency), ["CNY", "CNY", "CNY", "USD", "CNY", "EUR"])
        // `currency` is prepended (symbol or code, trailing space kept); `decimal-mark ,`.
        let euro = try read(
            "fields date, amount\ncurrency €\ndecimal-mark ,\n", "2024-01-01,\"-1.234,56\"\n2024-01-02,2,5\n")
        XCTAssertEqual(euro.transactions.map(\.currency), ["EUR", "EUR"])
        // Unquoted, the decimal comma splits the cell: the amount column holds "2", as in hledger.
        XCTAssertEqual(signed(euro), [-123456, 200])
        let unknown = try read("fields date, amount\n", "2024-01-01,5 ZZ9\n")
        XCTAssertTrue(unknown.skipped[0].reason.contains("unknown currency"), unknown.skipped[0].reason)
    }

    func testTemplatesIfBlocksAndTables() throws {
        let rules = """
            fields date, kind, who, amount
            description %who (%kind) %3
            if %kind refund
            & %who ^shop
             comment refunded \\1
            if !%kind refund
             code x-%2
            if
            COFFEE
            TEA
             amount -%amount
            if,description,comment
            %who ^bank,Bank,fee
            %kind salary,Employer,pay

            """
        let statement = try read(
            rules,
            "2024-01-01,refund,shopA,5\n2024-01-02,pay,COFFEE shop,3\n2024-01-03,salary,x,9\n2024-01-04,pay,bank,1\n")
        XCTAssertEqual(
            statement.transactions.map(\.counterparty),
            ["shopA (refund) shopA", "COFFEE shop (pay) COFFEE shop", "Employer", "Bank"])
        XCTAssertEqual(statement.transactions.map(\.note), ["refunded", "", "pay", "fee"])
        XCTAssertEqual(statement.transactions.map(\.sourceID), [nil, "x-pay", "x-salary", "x-pay"])
        XCTAssertEqual(signed(statement), [500, -300, 900, 100])
        // A block may come before the fields line it refers to.
        let early = try read("if %who ^x\n comment early\nfields date, who, amount\n", "2024-01-01,xy,1\n")
        XCTAssertEqual(early.transactions.map(\.note), ["early"])
        // Regex groups: `\1` is the first capture of the matching matcher.
        let groups = try read("fields date, raw\nif %raw ([0-9.]+)\n amount-out \\1\n", "2024-01-01,JOD 4.750\n")
        XCTAssertEqual(signed(groups), [-475])
    }

    func testSkipEndSeparatorsAndOrderDirectives() throws {
        let statement = try read(
            "skip 2\nseparator ;\nnewest-first\nintra-day-reversed\nfields date;x\nfields date, amount\nif %amount ^0$\n skip\nif STOP\n end\n",
            "title\n\nheader;h\n2024-01-02;1\n2024-01-01;0\n\n2024-01-01;2\nSTOP;3\n2024-01-01;4\n")
        XCTAssertEqual(signed(statement), [100, 200])
        XCTAssertEqual(statement.transactions.map(\.line), [4, 7])
        for (directive, file, csv) in [
            ("separator TAB\n", "b.csv", "2024-01-01\t5\n"), ("", "b.tsv", "2024-01-01\t5\n"),
            ("", "b.ssv", "2024-01-01;5\n"), ("separator |\n", "b.csv", "2024-01-01|5\n"),
            ("separator \\t\n", "b.txt", "2024-01-01\t5\n"), ("separator SSV\n", "b.csv", "2024-01-01;5\n"),
        ] {
            let rows = try read(directive + "fields date, amount\n", csv, file: file)
            XCTAssertEqual(signed(rows), [500], directive + file)
        }
    }

    func testDateFormats() throws {
        let cases: [(String, String, String)] = [
            ("%d/%m/%Y", "31/01/2024", "2024-01-31 00:00:00 +08:00"),
            ("%-m/%-d/%y", "1/2/24", "2024-01-02 00:00:00 +08:00"),
            ("%e %b %Y", " 3 Feb 2024", "2024-02-03 00:00:00 +08:00"),
            ("%d %B %Y %I:%M %p", "03 March 2024 01:05 PM", "2024-03-03 13:05:00 +08:00"),
            ("%Y-%m-%d %H:%M:%S %z", "2017-09-29 15:40:00 -0700", "2017-09-29 15:40:00 -07:00"),
            ("%Y%m%d", "20240101", "2024-01-01 00:00:00 +08:00"),
            ("%FT%T", "2024-05-06T07:08:09", "2024-05-06 07:08:09 +08:00"),
        ]
        for (format, value, expected) in cases {
            let statement = try read("fields date, amount\ndate-format \(format)\n", "\(value),1\n")
            let found = statement.transactions.first.map {
                ByteParsing.formatLocal(timestamp: $0.timestamp, offsetSeconds: $0.utcOffsetSeconds)
            }
            XCTAssertEqual(found, expected, format)
        }
        // Default Y/M/D forms, with `timezone`; an impossible date is a malformed row.
        let defaults = try read(
            "fields date, amount\ntimezone -05:00\n", "2024/3/4,1\n2024.03.05,1\n2024-03-06 10:11,1\n2024-02-30,1\n")
        XCTAssertEqual(defaults.transactions.map(\.utcOffsetSeconds), [-18000, -18000, -18000])
        XCTAssertEqual(defaults.transactions.map(\.hasTime), [false, false, true])
        XCTAssertEqual(defaults.skipped.map(\.line), [4])
        // No year in the pattern: a typed error, or the year given.
        XCTAssertThrowsError(try read("fields date, amount\ndate-format %m/%d\n", "01/02,1\n")) { error in
            XCTAssertEqual(error as? StatementError, .rulesDateNeedsYear(file: "bank.rules", format: "%m/%d"))
        }
        let withYear = try read("fields date, amount\ndate-format %m/%d\n", "01/02,1\n", year: 2023)
        XCTAssertEqual(
            withYear.transactions.first?.timestamp,
            (ByteParsing.daysFromCivil(year: 2023, month: 1, day: 2) * 86400) - 28800)
    }

    func testShortAndTruncatedRowsNeverCrash() throws {
        let rules = "fields date, who, amount, balance\n"
        let statement = try read(rules, "2024-01-01,a,1,9\n2024-01-02,b\n2024-01-03\n\"2024-01-04,b,2\n")
        XCTAssertEqual(signed(statement), [100])
        XCTAssertEqual(statement.skipped.map(\.line), [2, 3, 4])
        XCTAssertTrue(statement.skipped[0].reason.contains("expected 4 fields, found 2"), statement.skipped[0].reason)
        // Without a fields line, references past the end of a row are empty.
        let numbers = try read("date %1\namount %3\ndescription %2 %9\n", "2024-01-01,x,5\n2024-01-02\n")
        XCTAssertEqual(numbers.transactions.map(\.counterparty), ["x"])
        XCTAssertEqual(numbers.skipped.map(\.line), [], "a record with no amount moves no cash")
        XCTAssertEqual(numbers.transactions.count, 1)
        // Strict mode turns the first malformed row into an error naming its line.
        var strictRules = try CSVRules.parse(rules, file: "r")
        strictRules.year = nil
        XCTAssertThrowsError(
            try StatementReader.parse(
                Array("2024-01-02,b\n".utf8), file: "s.csv", options: ReadOptions(rules: strictRules, strict: true))
        ) { error in
            guard case .malformedRow(let row)? = error as? StatementError else { return XCTFail("\(error)") }
            XCTAssertEqual(row.line, 1)
        }
    }

    func testIncludesAndCaps() throws {
        let folder = RulesFiles.temporaryFolder()
        defer { RulesFiles.remove(folder) }
        try RulesFiles.write(folder + "/common.rules", "skip 1\nfields date, amount\n")
        try RulesFiles.write(folder + "/sub/bank.rules", "include ../common.rules\ncurrency $\n")
        try RulesFiles.write(folder + "/loop.rules", "include loop.rules\n")
        try RulesFiles.write(folder + "/missing.rules", "fields date, amount\ninclude nothere.rules\n")
        let rules = try CSVRules.load(path: folder + "/sub/bank.rules")
        XCTAssertEqual(rules.skip, 1)
        XCTAssertEqual(rules.accountCurrency, "USD")
        XCTAssertThrowsError(try CSVRules.load(path: folder + "/loop.rules")) { error in
            XCTAssertEqual(
                error as? StatementError,
                .invalidRule(file: folder + "/loop.rules", line: 1, problem: .includeCycle(folder + "/loop.rules")))
        }
        XCTAssertThrowsError(try CSVRules.load(path: folder + "/missing.rules")) { error in
            XCTAssertEqual(
                error as? StatementError,
                .invalidRule(
                    file: folder + "/missing.rules", line: 2, problem: .includeNotFound(folder + "/nothere.rules")))
        }
        // A chain deeper than the cap stops with a typed error rather than recursing on.
        for level in 0..<12 { try RulesFiles.write(folder + "/d\(level).rules", "include d\(level + 1).rules\n") }
        try RulesFiles.write(folder + "/d12.rules", "fields date, amount\n")
        XCTAssertThrowsError(try CSVRules.load(path: folder + "/d0.rules")) { error in
            guard case .invalidRule(_, _, .includeTooDeep)? = error as? StatementError else {
                return XCTFail("\(error)")
            }
        }
    }

    func testBadRulesAreTypedErrors() throws {
        let long = String(repeating: "a", count: CSVRules.maxPatternLength + 1)
        let bad: [(String, RulesProblem, Int)] = [
            ("fields date, amount\nif (unclosed\n comment x", .badRegex("(unclosed"), 2),
            ("fields date, amount\nif \(long)\n comment x", .regexTooLong, 2),
            ("fields date, amount\nif\n\n", .ifWithoutMatcher, 2),
            ("fields date, amount\nif x\ncomment y", .ifWithoutRules, 2),
            ("fields date, amount\nif x\n frobnicate y", .unknownDirective("frobnicate"), 3),
            ("fields date, amount\nif,comment\nx,y,z", .badTableRow, 3),
            ("fields date, amount\nencoding no-such-charset", .badEncoding("no-such-charset"), 2),
            ("fields date, amount\ncurrency RMB1", .badCurrency, 2),
            ("fields date, amount\ndecimal-mark ;", .badDecimalMark, 2),
            ("fields date, amount\nskip -1", .skipNeedsNumber, 2),
            ("fields date, amount\ndate-format", .emptyDateFormat, 2),
        ]
        for (text, problem, line) in bad {
            XCTAssertThrowsError(try CSVRules.parse(text, file: "r"), text) { error in
                XCTAssertEqual(error as? StatementError, .invalidRule(file: "r", line: line, problem: problem), text)
            }
        }
        XCTAssertThrowsError(try CSVRules.parse("amount %1", file: "r")) { error in
            XCTAssertEqual(error as? StatementError, .rulesWithoutDate(file: "r"))
        }
        XCTAssertThrowsError(try CSVRules.parse("fields date, x\naccount1 a", file: "r")) { error in
            XCTAssertEqual(error as? StatementError, .rulesWithoutAmount(file: "r"))
        }
        // Journal-only directives are accepted and change nothing about cash.
        let journal = try read(
            "fields date, amount\naccount1 assets:bank\naccount2 expenses:x\nstatus *\ncomment2 c\nbalance-type ==\ndate2 %1\n",
            "2024-01-01,-3\n")
        XCTAssertEqual(signed(journal), [-300])
    }
}

/// Temporary files for the include tests.
enum RulesFiles {
    static func temporaryFolder() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("rules-tests-\(UUID().uuidString)").path
    }

    static func write(_ path: String, _ text: String) throws {
        try FileManager.default.createDirectory(
            atPath: FileSystem.directoryName(path), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    static func remove(_ folder: String) {
        try? FileManager.default.removeItem(atPath: folder)
    }
}
