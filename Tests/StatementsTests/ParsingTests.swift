// Byte-level parsing: amounts, dates, offsets, the CSV tokenizer, fingerprints.
import Statements
import XCTest

final class ParsingTests: XCTestCase {
    func amount(_ text: String, scale: Int = 2, comma: Bool = false) -> Int64? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { ByteParsing.amount($0, 0, $0.count, scale: scale, decimalComma: comma) }
    }

    func local(_ text: String) -> (seconds: Int64, hasTime: Bool)? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { ByteParsing.localDateTime($0, 0, $0.count) }
    }

    func testAmountsAreExactMinorUnits() {
        XCTAssertEqual(amount("28.16"), 2816)
        XCTAssertEqual(amount("¥28.16"), 2816)
        XCTAssertEqual(amount("￥0.01"), 1)
        XCTAssertEqual(amount("-1,234.5"), -123_450)
        XCTAssertEqual(amount("+7"), 700)
        XCTAssertEqual(amount("1.230"), 123)
        XCTAssertEqual(amount("0.1"), 10)
        XCTAssertEqual(amount("1234,56", comma: true), 123_456)
        XCTAssertEqual(amount("1200", scale: 0), 1200)
        XCTAssertNil(amount("1.234"), "a third significant decimal is not a CNY amount")
        XCTAssertNil(amount(""))
        XCTAssertNil(amount("abc"))
        XCTAssertNil(amount("12a"))
        XCTAssertNil(amount("1,23"), "a group separator needs three digits")
        XCTAssertNil(amount("1200.5", scale: 0))
        XCTAssertNil(amount(String(repeating: "9", count: 30)), "overflow is refused, not wrapped")
    }

    func testDatesAndTimes() throws {
        let leap = try XCTUnwrap(local("2024-02-29 23:59:59"))
        XCTAssertTrue(leap.hasTime)
        XCTAssertEqual(leap.seconds, 1_709_251_199)
        XCTAssertNil(local("2023-02-29 10:00:00"))
        XCTAssertNil(local("2024-13-01"))
        XCTAssertNil(local("2024-01-01 24:00"))
        XCTAssertNil(local("2024-01-01 10:00:00 extra"))
        let short = try XCTUnwrap(local("2024/3/5 7:05"))
        XCTAssertEqual(short.seconds, ByteParsing.daysFromCivil(year: 2024, month: 3, day: 5) * 86400 + 7 * 3600 + 300)
        let dateOnly = try XCTUnwrap(local("2024-03-05"))
        XCTAssertFalse(dateOnly.hasTime)
        XCTAssertEqual(
            ByteParsing.formatLocal(timestamp: 1_709_251_199 - 8 * 3600, offsetSeconds: 8 * 3600),
            "2024-02-29 23:59:59 +08:00")
        XCTAssertEqual(ByteParsing.formatLocal(timestamp: 0, offsetSeconds: -5 * 3600), "1969-12-31 19:00:00 -05:00")
        for days: Int64 in [-1000, 0, 19723, 60000] {
            let (y, m, d) = ByteParsing.civil(fromDays: days)
            XCTAssertEqual(ByteParsing.daysFromCivil(year: y, month: m, day: d), days)
        }
        XCTAssertEqual(ByteParsing.utcOffset("+08:00"), 28800)
        XCTAssertEqual(ByteParsing.utcOffset("-0530"), -19800)
        XCTAssertEqual(ByteParsing.utcOffset("Z"), 0)
        XCTAssertNil(ByteParsing.utcOffset("8"))
        XCTAssertEqual(ByteParsing.formatMinor(-5), "-0.05")
        XCTAssertEqual(ByteParsing.formatMinor(123_456), "1234.56")
    }

    func testCSVReaderQuotesLinesAndPadding() {
        let text = "a,\"b,1\",\"say \"\"hi\"\"\"\r\n\"multi\nline\", x ,2024\t\n\nlast"
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            var reader = CSVReader(bytes: buffer)
            var fields: [FieldRange] = []
            XCTAssertTrue(reader.next(into: &fields))
            XCTAssertEqual(reader.rowLine, 1)
            XCTAssertEqual(fields.map(reader.string), ["a", "b,1", "say \"hi\""])
            XCTAssertTrue(reader.next(into: &fields))
            XCTAssertEqual(reader.rowLine, 2)
            XCTAssertEqual(fields.map(reader.string), ["multi\nline", "x", "2024"])
            XCTAssertTrue(reader.next(into: &fields))
            XCTAssertEqual(reader.rowLine, 4)
            XCTAssertEqual(fields.map(reader.string), [""])
            XCTAssertTrue(reader.next(into: &fields))
            XCTAssertEqual(reader.rowLine, 5)
            XCTAssertEqual(fields.map(reader.string), ["last"])
            XCTAssertFalse(reader.next(into: &fields))
        }
    }

    func testFingerprintsSeparateIdenticalRowsButRepeatAcrossReads() {
        let row = Transaction(
            timestamp: 1_700_000_000, amountMinor: 1500, direction: .outflow, counterparty: "地铁出行", source: .qif)
        let first = IdentifiedTransaction.identify([row, row], fileIndex: 0)
        XCTAssertNotEqual(first[0].id, first[1].id, "two genuine identical purchases both stay")
        XCTAssertTrue(first[0].id.hasPrefix("fp:"))
        XCTAssertEqual(first[0].id.count, 19)
        let again = IdentifiedTransaction.identify([row, row], fileIndex: 3)
        XCTAssertEqual(first.map(\.key), again.map(\.key), "re-reading the same export gives the same keys")
        var other = row
        other.amountMinor = 1501
        XCTAssertNotEqual(IdentifiedTransaction.identify([other], fileIndex: 0)[0].id, first[0].id)
        var withID = row
        withID.sourceID = "T1"
        withID.source = .alipay
        let identified = IdentifiedTransaction.identify([withID], fileIndex: 0)[0]
        XCTAssertEqual(identified.id, "T1")
        XCTAssertEqual(identified.key, "alipay:T1")
    }

    func testEncodingDetection() throws {
        let text = "交易时间,金额"
        let gbk = try XCTUnwrap(TextEncoding.encode(Array(text.utf8), to: "GBK"))
        XCTAssertFalse(TextEncoding.isValidUTF8(gbk))
        let (decoded, encoding) = try TextEncoding.decodeToUTF8(gbk, file: "f")
        XCTAssertEqual(encoding, .gb18030)
        XCTAssertEqual(String(decoding: decoded, as: UTF8.self), text)
        let (fromBOM, bomEncoding) = try TextEncoding.decodeToUTF8([0xef, 0xbb, 0xbf] + Array(text.utf8), file: "f")
        XCTAssertEqual(bomEncoding, .utf8)
        XCTAssertEqual(String(decoding: fromBOM, as: UTF8.self), text)
        XCTAssertThrowsError(try TextEncoding.decodeToUTF8([0xff, 0xfe, 0x41, 0x00], file: "f"))
        XCTAssertFalse(TextEncoding.isValidUTF8([0xed, 0xa0, 0x80]), "surrogates are not UTF-8")
        XCTAssertFalse(TextEncoding.isValidUTF8([0xc0, 0xaf]), "overlong forms are not UTF-8")
    }
}
