// Cell-level reading the built-in bank and platform layouts rely on (padded quoted cells, amounts
// with currency text or notes, Excel's float noise, year-less dates) and layout detection on
// small hand-made inputs; the real exports themselves are checked in RealStatementTests.
import XCTest

@testable import Statements

final class BankLayoutTests: XCTestCase {
    func parse(_ text: String, file: String = "bank.csv") throws -> Statement {
        try StatementReader.parse(Array(text.utf8), file: file, options: ReadOptions())
    }

    func fields(_ line: String) -> [String] {
        let bytes = Array(line.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            var reader = CSVReader(bytes: buffer)
            var ranges: [FieldRange] = []
            _ = reader.next(into: &ranges)
            return ranges.map { reader.string($0) }
        }
    }

    func testQuotedCellPaddedBeforeTheCommaKeepsOnlyTheQuotedValue() {
        XCTAssertEqual(fields("\"3985734\"\t,\"-1,099.14\"\t\t,x\n"), ["3985734", "-1,099.14", "x"])
        XCTAssertEqual(fields("\"12\"  ,b\n"), ["12", "b"])
        // Text that is not padding after the closing quote is still kept (lenient, like Excel).
        XCTAssertEqual(fields("\"a\"b,c\n"), ["a\"b", "c"])
    }

    func amount(_ text: String, scale: Int = 2) -> (Int64, String, String)? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            guard let found = ByteParsing.amountWithText(buffer, 0, buffer.count, scale: scale) else { return nil }
            func string(_ range: Range<Int>) -> String {
                String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self)
            }
            return (found.value, string(found.prefix), string(found.suffix))
        }
    }

    func testAmountCellsWithCurrencyTextOrANote() throws {
        XCTAssertEqual(try XCTUnwrap(amount("CNY 123.18")).0, 12318)
        XCTAssertEqual(try XCTUnwrap(amount("CNY 123.18")).1, "CNY")
        XCTAssertEqual(try XCTUnwrap(amount("CNY13.50")).0, 1350)
        let jd = try XCTUnwrap(amount("131.77(已退款89.84)"))
        XCTAssertEqual(jd.0, 13177)
        XCTAssertEqual(jd.2, "(已退款89.84)")
        XCTAssertEqual(try XCTUnwrap(amount("-3.90(CN)")).0, -390)
        XCTAssertEqual(try XCTUnwrap(amount("\"8,000.00(CN)".replacingOccurrences(of: "\"", with: ""))).0, 800_000)
        // Right-to-left currency symbol before the number (Jordanian dinar, 3 decimals).
        let dinar = try XCTUnwrap(amount("د.ا.\u{200f}4.750"))
        XCTAssertEqual(dinar.0, 475)
        XCTAssertNil(amount("د.ا.\u{200f}4.755"), "a third significant decimal is never rounded away")
        XCTAssertEqual(try XCTUnwrap(amount("د.ا.\u{200f}4.755", scale: 3)).0, 4755)
        XCTAssertEqual(ByteParsing.scale(ofCurrency: "JOD"), 3)
        XCTAssertEqual(ByteParsing.scale(ofCurrency: "JPY"), 0)
        XCTAssertNil(amount("12.30abc"), "text glued after the number is not a note")
        XCTAssertNil(amount("CNY"))
    }

    func testExcelFloatNoiseIsRoundedToWhatExcelShows() {
        XCTAssertEqual(XLSXReader.displayedNumber("548.58000000000004"), "548.58")
        XCTAssertEqual(XLSXReader.displayedNumber("7.0000000000000007E-2"), "0.07")
        XCTAssertEqual(XLSXReader.displayedNumber("0.30000000000000004"), "0.3")
        XCTAssertEqual(XLSXReader.displayedNumber("-12.999999999999998"), "-13")
        XCTAssertEqual(XLSXReader.displayedNumber("1.5E3"), "1500")
        XCTAssertEqual(XLSXReader.displayedNumber("4200001"), "4200001")
        XCTAssertEqual(XLSXReader.displayedNumber("45.50"), "45.5")
        XCTAssertEqual(XLSXReader.displayedNumber("abc"), "abc")
    }

    func testWeChatWorkbookPrefersThePlainSheetOverThePowerQueryTable() throws {
        let root = try RealStatementTruth.sharedRoot()
        let path = root.appendingPathComponent("double-entry-generator/wechat-2026-03.xlsx").path
        let csv = try XLSXReader.sheetAsCSV(StatementReader.readFile(path), file: path)
        XCTAssertFalse(XLSXReader.isPowerQueryTable(csv))
        let text = String(decoding: csv, as: UTF8.self)
        // Sheet1 stores the amounts as numbers with float noise: they arrive as Excel shows them.
        XCTAssertTrue(text.contains("\"548.58\""))
        XCTAssertFalse(text.contains("548.58000000000004"))
    }

    func testCMBCreditTakesTheYearFromTheTitle() throws {
        let text = """
            招商银行信用卡对账单（个人消费卡账户 2024年01月）
            交易日,记账日,交易摘要,人民币金额,卡号末四位,交易地金额
            ,12/29,掌上生活还款,-1.23,1234,-1.23
            01/02,01/03,掌上生活,56.78,1234,56.78

            """
        let statement = try parse(text)
        XCTAssertEqual(statement.format, .cmbCredit)
        let dates = statement.transactions.map {
            ByteParsing.formatLocal(timestamp: $0.timestamp, offsetSeconds: $0.utcOffsetSeconds, withTime: false)
        }
        XCTAssertEqual(dates, ["2023-12-29", "2024-01-02"])
        XCTAssertEqual(statement.transactions.map(\.direction), [.inflow, .outflow])
        XCTAssertEqual(statement.transactions.map(\.amountMinor), [123, 5678])
    }

    func testYearlessDatesWithoutAStatementMonthAreATypedError() {
        let text = "交易日,记账日,交易摘要,人民币金额\n01/02,01/03,掌上生活,56.78\n"
        XCTAssertThrowsError(try parse(text)) { error in
            XCTAssertEqual(error as? StatementError, .yearUnknown(file: "bank.csv", line: 2))
        }
    }

    func testMeituanSpendingIsOutflowAndJDKeepsTheRefundNote() throws {
        let meituan = try parse(
            "交易创建时间,交易成功时间,交易类型,订单标题,收/支,支付方式,订单金额,实付金额,交易单号,商家单号,备注\n"
                + "2025-02-28 20:35:13,2025-02-28 20:35:25,支付,喜茶,支出,美团月付,¥22.30,¥21.17,\"250228\"\t,\"0_22\"\t,\n")
        XCTAssertEqual(meituan.format, .meituan)
        XCTAssertEqual(meituan.transactions.first?.direction, .outflow)
        XCTAssertEqual(meituan.transactions.first?.amountMinor, 2117)
        XCTAssertEqual(meituan.transactions.first?.sourceID, "250228")
        let jd = try parse(
            "交易时间,商户名称,交易说明,金额,收/付款方式,交易状态,收/支,交易分类,交易订单号,商家订单号,备注\n"
                + "2024-12-30 17:16:02\t,京东平台商户,牛肉,131.77(已退款89.84),京东白条,交易成功,支出,食品,JDX1\t,10003\t,\n")
        XCTAssertEqual(jd.format, .jd)
        let row = try XCTUnwrap(jd.transactions.first)
        XCTAssertEqual(row.amountMinor, 13177)
        XCTAssertEqual(row.direction, .outflow)
        XCTAssertTrue(row.note.contains("已退款89.84"), row.note)
    }

    func testUnreadableBankRowsAreCountedNeverGuessed() throws {
        let text = """
            交易日期,交易时间,交易摘要,交易金额,本次余额,对手信息,日 志 号,交易渠道,交易附言
            20240101,123456,转存,+10000.00,11000.00,哈哈,369396693,超级网银,转账
            20240230,,结息,+0.01,123.35,--,0000000001
            20240104,,结息,12.345,123.35,--,0000000002
            20240104,256000,结息,+1.00,123.35,--,0000000003
            20240104,,结息,99999999999999999999.00,123.35,--,0000000004

            """
        let statement = try parse(text)
        XCTAssertEqual(statement.format, .abcDebit)
        XCTAssertEqual(statement.transactions.count, 1)
        XCTAssertEqual(statement.transactions.first?.sourceID, "369396693")
        XCTAssertEqual(statement.skipped.map(\.line), [3, 4, 5, 6])
        XCTAssertThrowsError(
            try StatementReader.parse(Array(text.utf8), file: "bank.csv", options: ReadOptions(strict: true)))
    }

    func testEveryBuiltInLayoutNamesItsInstitution() {
        for layout in BankLayout.all {
            XCTAssertNotNil(StatementInstitution.of(layout.format), layout.format.rawValue)
        }
        XCTAssertEqual(StatementInstitution.of(.cmbDebit)?.phone, "95555")
        XCTAssertNil(StatementInstitution.of(.ofx))
    }

    func testLineCountCountsEveryNewlineFromTheStart() {
        let text = Array("head\nrow 1\n\nrow 3 with 中文\nlast, no newline".utf8)
        text.withUnsafeBufferPointer { bytes in
            XCTAssertEqual(WalletRowReader.lineCount(bytes, from: 0), 4)
            XCTAssertEqual(WalletRowReader.lineCount(bytes, from: 5), 3)
            XCTAssertEqual(WalletRowReader.lineCount(bytes, from: text.count), 0)
        }
        [UInt8]().withUnsafeBufferPointer { XCTAssertEqual(WalletRowReader.lineCount($0, from: 0), 0) }
        let many = [UInt8](repeating: 0x0a, count: 1000)
        many.withUnsafeBufferPointer { XCTAssertEqual(WalletRowReader.lineCount($0, from: 1), 999) }
    }
}
