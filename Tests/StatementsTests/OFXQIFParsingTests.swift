// The OFX date/zone and exact-amount parsers on hostile values, and QIF section handling on small
// inline files (the real files are in OFXQIFRealTests).
import XCTest

@testable import Statements

final class OFXQIFParsingTests: XCTestCase {
    func testZonesAreBoundedAndNeverTrap() {
        XCTAssertEqual(OFXReader.parseOFXDate("20240101120000[-5:EST]")?.1, -5 * 3600)
        XCTAssertEqual(OFXReader.parseOFXDate("20240101120000.000[0:GMT]")?.1, 0)
        XCTAssertEqual(OFXReader.parseOFXDate("20240101[+5.30:IST]")?.1, 5 * 3600 + 30 * 60)
        XCTAssertEqual(OFXReader.parseOFXDate("20240101[-3.5:NST]")?.1, -(3 * 3600 + 30 * 60))
        XCTAssertEqual(OFXReader.parseOFXDate("20240101[+14]")?.1, 14 * 3600)
        // Once an arithmetic trap: minutes far beyond Int32.
        XCTAssertNil(OFXReader.parseOFXDate("20240101120000[-12.99999999:X]"))
        XCTAssertNil(OFXReader.parseOFXDate("20240101120000[-99999999999999999999:X]"))
        XCTAssertNil(OFXReader.parseOFXDate("20240101120000[+15:X]"))
        XCTAssertNil(OFXReader.parseOFXDate("20240101120000[-5:EST"))
        XCTAssertNil(OFXReader.parseOFXDate("20240101120000[:EST]"))
        XCTAssertNil(OFXReader.parseOFXDate("201120000000"), "month 20")
        XCTAssertNil(OFXReader.parseOFXDate("20120231"), "31 February")
        XCTAssertNil(OFXReader.parseOFXDate("2024010112"), "an hour without minutes")
        let (timestamp, offset, hasTime) = try! XCTUnwrap(OFXReader.parseOFXDate("20240101000000[-5:EST]"))
        XCTAssertTrue(hasTime)
        XCTAssertEqual(
            ByteParsing.formatLocal(timestamp: timestamp, offsetSeconds: offset), "2024-01-01 00:00:00 -05:00")
    }

    func testAmountsAreExact() {
        func parse(_ text: String, scale: Int = 2, grouping: Bool = false) -> ExactAmount? {
            ExactAmount.parse(text, scale: scale, grouping: grouping)
        }
        XCTAssertEqual(parse("+00000000000115.8331"), ExactAmount(minor: 11583, subMinor: 3100, negative: false))
        XCTAssertEqual(parse("-30.000"), ExactAmount(minor: 3000, subMinor: 0, negative: true))
        XCTAssertEqual(parse("-3.77000"), ExactAmount(minor: 377, subMinor: 0, negative: true))
        XCTAssertEqual(parse("-200,00"), ExactAmount(minor: 20000, subMinor: 0, negative: true))
        XCTAssertEqual(parse("0.000001"), ExactAmount(minor: 0, subMinor: 1, negative: false))
        XCTAssertNil(parse("0.0000001"), "beyond four sub-minor digits is not kept exactly: refused")
        XCTAssertEqual(parse("0.00000010"), nil)
        XCTAssertEqual(parse("12.3400000000"), ExactAmount(minor: 1234, subMinor: 0, negative: false))
        XCTAssertNil(parse("$120"))
        XCTAssertNil(parse("1,234.00"), "OFX has no thousands separators")
        XCTAssertNil(parse("1234567890123456"), "more than 15 digits")
        XCTAssertNil(parse(""))
        XCTAssertNil(parse("-"))
        XCTAssertEqual(parse("3,137.91", grouping: true), ExactAmount(minor: 313_791, subMinor: 0, negative: false))
        XCTAssertEqual(parse("-20,000.00", grouping: true), ExactAmount(minor: 2_000_000, subMinor: 0, negative: true))
        XCTAssertEqual(parse("1,000", grouping: true), ExactAmount(minor: 100_000, subMinor: 0, negative: false))
        XCTAssertNil(parse("1,00,0", grouping: true))
        XCTAssertEqual(parse("500", scale: 0), ExactAmount(minor: 500, subMinor: 0, negative: false))
        let row = Transaction(
            timestamp: 0, amountMinor: 11583, direction: .inflow, counterparty: "", source: .ofx, amountSubMinor: 3100)
        XCTAssertEqual(row.exactAmountText(scale: 2), "115.8331")
    }

    func read(_ text: String, _ options: ReadOptions = ReadOptions()) throws -> Statement {
        try StatementReader.parse(Array(text.utf8), file: "t.qif", options: options)
    }

    func testQIFSectionsSplitsAndQuickenQuirks() throws {
        let text = """
            !Type:Cat
            NFood
            E
            ^
            !Type:Bank\u{20}
            D2/14' 5
            T-1,234.56
            PShop
            SFood
            $-1,000.00
            SHome
            $-234.56
            ^^
            D8/ 1/97
            T0.00
            POpening
            ^
            !Type:Invst
            D1/2/05
            NBuy
            YACME
            T100.00
            ^
            """
        let statement = try read(text, ReadOptions(dateOrder: .mdy))
        XCTAssertEqual(statement.transactions.count, 2, "splits stay in their record; Invst and Cat are not cash")
        XCTAssertEqual(statement.skippedCount, 0)
        XCTAssertEqual(statement.notCashRecords, 2)
        XCTAssertTrue(statement.currencyAssumed)
        let first = statement.transactions[0]
        XCTAssertEqual(
            ByteParsing.formatLocal(timestamp: first.timestamp, offsetSeconds: 0, withTime: false), "2005-02-14")
        XCTAssertEqual(first.amountMinor, 123_456)
        XCTAssertEqual(first.direction, .outflow)
        let second = statement.transactions[1]
        XCTAssertEqual(
            ByteParsing.formatLocal(timestamp: second.timestamp, offsetSeconds: 0, withTime: false), "1997-08-01")
        XCTAssertEqual(second.direction, .neutral)
        let yen = try read(text, ReadOptions(dateOrder: .mdy, currency: "JPY"))
        XCTAssertFalse(yen.currencyAssumed)
        XCTAssertEqual(yen.transactions.first?.currency, "JPY")
        let fine = try read("!Type:Bank\nD1/2/24\nT1.234\n^\n", ReadOptions(dateOrder: .mdy)).transactions
        XCTAssertEqual(fine.map(\.amountMinor), [123])
        XCTAssertEqual(fine.map(\.amountSubMinor), [4000], "a third decimal is kept, not rounded away")
    }
}
