// Every format read back from the generator's realistic exports, and every bad-input path.
import StatementFixtures
import Statements
import WalletCore
import XCTest

final class FormatTests: XCTestCase {
    static let account = StatementGenerator.account(
        index: 3, options: GeneratorOptions(seed: 11, rows: 400, perFamily: 1))

    func parse(_ bytes: [UInt8], _ options: ReadOptions = ReadOptions(), file: String = "s.csv") throws -> Statement {
        try StatementReader.parse(bytes, file: file, options: options)
    }

    func gbk(_ text: String) throws -> [UInt8] { try XCTUnwrap(TextEncoding.encode(Array(text.utf8), to: "GBK")) }

    func assertSameTransactions(
        _ statement: Statement, checkTime: Bool = true, idPrefix: String = "",
        file: StaticString = #filePath, line: UInt = #line
    ) {
        let expected = Self.account.transactions
        XCTAssertEqual(statement.skippedCount, 0, file: file, line: line)
        XCTAssertEqual(statement.transactions.count, expected.count, file: file, line: line)
        let byID = Dictionary(
            statement.transactions.map { ($0.sourceID ?? "", $0) }, uniquingKeysWith: { first, _ in first })
        for original in expected.prefix(200) {
            let found = idPrefix == "-" ? nil : byID[idPrefix + (original.sourceID ?? "")]
            guard idPrefix == "-" || found != nil else {
                XCTFail("missing \(original.sourceID ?? "")", file: file, line: line)
                return
            }
            if let found {
                XCTAssertEqual(found.direction, original.direction, file: file, line: line)
                XCTAssertEqual(found.counterparty, original.counterparty, file: file, line: line)
                if original.currency == "CNY" {
                    XCTAssertEqual(found.amountMinor, original.amountMinor, file: file, line: line)
                }
                if checkTime {
                    XCTAssertEqual(found.timestamp, original.timestamp, file: file, line: line)
                    XCTAssertEqual(found.utcOffsetSeconds, 8 * 3600, file: file, line: line)
                }
            }
        }
    }

    func testAlipayGBKWithPreambleAndPaddedIDs() throws {
        let statement = try parse(try gbk(StatementWriters.alipay(Self.account)))
        XCTAssertEqual(statement.format, .alipay)
        XCTAssertEqual(statement.encoding, .gb18030)
        assertSameTransactions(statement)
        XCTAssertTrue(statement.transactions.allSatisfy { !($0.sourceID ?? "").hasSuffix("\t") })
    }

    func testHeaderFoundByContentWhenThePreambleShifts() throws {
        let shifted = "extra line\nanother, with, commas\n\n" + StatementWriters.alipay(Self.account)
        let statement = try parse(try gbk(shifted), ReadOptions(format: .alipay))
        assertSameTransactions(statement)
    }

    func testWeChatCSVAndXLSX() throws {
        let csv = try parse(Array(StatementWriters.wechat(Self.account).utf8))
        XCTAssertEqual(csv.format, .wechat)
        assertSameTransactions(csv)
        let xlsx = try parse(try StatementWriters.wechatXLSX(Self.account), file: "bill.xlsx")
        XCTAssertEqual(xlsx.format, .wechatXLSX)
        assertSameTransactions(xlsx)
        XCTAssertEqual(csv.transactions.map(\.amountMinor), xlsx.transactions.map(\.amountMinor))
    }

    func testAlipayAccountLogCarriesBalances() throws {
        let bytes = try XCTUnwrap(
            TextEncoding.encode(Array(StatementWriters.alipayAccountLog(Self.account).utf8), to: "GB18030"))
        let statement = try parse(bytes, file: "x_ACCLOG.csv")
        XCTAssertEqual(statement.format, .alipayAccountLog)
        assertSameTransactions(statement, idPrefix: "A")
        XCTAssertEqual(
            statement.transactions.map(\.balanceMinor), Self.account.transactions.map(\.balanceMinor))
    }

    func testOFXKeepsOffsetsAndForeignCurrency() throws {
        let statement = try parse(Array(StatementWriters.ofx(Self.account).utf8), file: "s.ofx")
        XCTAssertEqual(statement.format, .ofx)
        assertSameTransactions(statement)
        XCTAssertEqual(statement.reportedFinalBalanceMinor, Self.account.transactions.last?.balanceMinor)
        let foreign = statement.transactions.filter(\.crossBorder)
        XCTAssertEqual(foreign.count, Self.account.transactions.filter { $0.currency != "CNY" }.count)
        XCTAssertTrue(foreign.allSatisfy { !$0.originalCurrency.isEmpty })

        let xml = """
            <?xml version="1.0" encoding="UTF-8"?><?OFX OFXHEADER="200" VERSION="220"?>
            <OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>USD</CURDEF><BANKTRANLIST>
            <STMTTRN><TRNTYPE>DEBIT</TRNTYPE><DTPOSTED>20240105143000.000[-5:EST]</DTPOSTED>
            <TRNAMT>-42.50</TRNAMT><FITID>F1</FITID><NAME>Coffee &amp; Co</NAME></STMTTRN>
            </BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>
            """
        let v2 = try parse(Array(xml.utf8), file: "v2.ofx")
        let row = try XCTUnwrap(v2.transactions.first)
        XCTAssertEqual(row.utcOffsetSeconds, -5 * 3600)
        XCTAssertEqual(row.localHour, 14, "odd-hour checks need the source's own local time")
        XCTAssertEqual(row.amountMinor, 4250)
        XCTAssertEqual(row.direction, .outflow)
        XCTAssertEqual(row.counterparty, "Coffee & Co")
        XCTAssertEqual(row.currency, "USD")
    }

    func testOFXWithUnclosedOrTruncatedTransactions() throws {
        let text = """
            OFXHEADER:100
            <OFX><BANKTRANLIST>
            <STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20240105<TRNAMT>-1.00<FITID>a
            <STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20240106<TRNAMT>-2.00<FITID>b</STMTTRN>
            <STMTTRN><TRNTYPE>DEBIT<DTPOSTED>2024<TRNAMT>-3.00<FITID>c</STMTTRN>
            <STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20240107<TRNAMT>-4.00<FITID>d
            """
        let statement = try parse(Array(text.utf8), file: "t.ofx")
        XCTAssertEqual(statement.transactions.map(\.sourceID), ["b"])
        XCTAssertEqual(statement.skippedCount, 3)
        XCTAssertEqual(statement.skipped.map(\.line), [3, 5, 6])
        XCTAssertThrowsError(try parse(Array(text.utf8), ReadOptions(strict: true), file: "t.ofx")) { error in
            XCTAssertEqual(
                error as? StatementError,
                .malformedRow(MalformedRow(file: "t.ofx", line: 3, problem: statement.skipped[0].problem)))
        }
        let cut = try parse(Array("<OFX><STMTTRN><TRNAMT".utf8), file: "cut.ofx")
        XCTAssertTrue(cut.transactions.isEmpty)
        XCTAssertGreaterThanOrEqual(cut.skippedCount, 1, "a cut OFX is a counted skip, never silent")
    }

    func testQIFDateOrders() throws {
        let statement = try parse(
            Array(StatementWriters.qif(Self.account).utf8), ReadOptions(dateOrder: .mdy), file: "s.qif")
        XCTAssertEqual(statement.format, .qif)
        XCTAssertEqual(statement.transactions.count, Self.account.transactions.count)
        XCTAssertTrue(statement.transactions.allSatisfy { !$0.hasTime && $0.sourceID == nil })
        let ambiguous = "!Type:Bank\nD03/04/2024\nT-1.00\nPShop\n^\n"
        XCTAssertThrowsError(try parse(Array(ambiguous.utf8), file: "a.qif")) { error in
            XCTAssertEqual(error as? StatementError, .dateOrderNeeded(file: "a.qif", example: "03/04/2024"))
        }
        let mixed = ambiguous + "D25/04/2024\nT-1.00\n^\nD04/25/2024\nT-1.00\n^\n"
        XCTAssertThrowsError(try parse(Array(mixed.utf8), file: "m.qif")) { error in
            XCTAssertEqual(error as? StatementError, .dateOrderNeeded(file: "m.qif", example: nil))
        }
        let dmy = try parse(Array(ambiguous.utf8), ReadOptions(dateOrder: .dmy), file: "a.qif")
        XCTAssertEqual(dmy.transactions[0].timestamp, ByteParsing.daysFromCivil(year: 2024, month: 4, day: 3) * 86400)
        let inferred = try parse(Array((ambiguous + "D25/04/2024\nT2.00\nPPay\n^\n").utf8), file: "b.qif")
        XCTAssertEqual(
            inferred.transactions[0].timestamp, ByteParsing.daysFromCivil(year: 2024, month: 4, day: 3) * 86400)
        XCTAssertEqual(inferred.transactions[1].direction, .inflow)
        let truncated = try parse(Array("!Type:Bank\nD03/25/2024\nT-1.00\n^\nD03/26/2024\nT-2".utf8), file: "c.qif")
        XCTAssertEqual(truncated.transactions.count, 1)
        XCTAssertEqual(truncated.skippedCount, 1)
    }

    func testRulesCSV() throws {
        let (csv, rulesText) = StatementWriters.rulesCSV(Self.account)
        let rules = try CSVRules.parse(rulesText, file: "bank.rules")
        let statement = try parse(Array(csv.utf8), ReadOptions(rules: rules))
        XCTAssertEqual(statement.format, .csv)
        assertSameTransactions(statement)
        XCTAssertEqual(statement.transactions.map(\.balanceMinor), Self.account.transactions.map(\.balanceMinor))

        let european = try CSVRules.parse(
            "skip 1\nseparator ;\nfields date, counterparty, amount-in, amount-out\ndate-format %d.%m.%Y\ndecimal-mark ,\ncurrency EUR\ntimezone +01:00",
            file: "eu.rules")
        let rows = try parse(
            Array("Datum;Name;Ein;Aus\n31.01.2024;Bakery;;4,50\n01.02.2024;Salary;2.000,00;\n".utf8),
            ReadOptions(rules: european))
        XCTAssertEqual(rows.transactions.map(\.amountMinor), [450, 200_000])
        XCTAssertEqual(rows.transactions.map(\.direction), [.outflow, .inflow])
        XCTAssertEqual(rows.transactions[0].currency, "EUR")
        XCTAssertEqual(rows.transactions[0].utcOffsetSeconds, 3600)
        XCTAssertFalse(rows.transactions[0].hasTime)
        let bad: [(String, StatementError)] = [
            ("fields amount", .rulesWithoutDate(file: "r")),
            ("fields date, note", .rulesWithoutAmount(file: "r")),
            ("skip x\nfields date, amount", .invalidRule(file: "r", line: 1, problem: .skipNeedsNumber)),
            (
                "# c\nfields date, amount\nif %wat x\n comment y",
                .invalidRule(file: "r", line: 3, problem: .unknownField("wat"))
            ),
            (
                "frobnicate 1\nfields date, amount",
                .invalidRule(file: "r", line: 1, problem: .unknownDirective("frobnicate"))
            ),
            ("fields date, amount\nseparator ::", .invalidRule(file: "r", line: 2, problem: .badSeparator)),
            ("fields date, amount\ntimezone 8", .invalidRule(file: "r", line: 2, problem: .badTimezone)),
            ("fields date, amount\ncurrency RMB1", .invalidRule(file: "r", line: 2, problem: .badCurrency)),
        ]
        for (text, expected) in bad {
            XCTAssertThrowsError(try CSVRules.parse(text, file: "r")) { error in
                XCTAssertEqual(error as? StatementError, expected, text)
            }
        }
        XCTAssertThrowsError(try parse(Array(csv.utf8), ReadOptions(format: .csv)), "csv needs rules") { error in
            XCTAssertEqual(error as? StatementError, .rulesRequired)
        }
    }

    func testAlipayLegacyLayoutWithFooter() throws {
        let text = """
            支付宝交易记录明细查询
            账号:[user@example.com]
            起始日期:[2016-01-01 00:00:00]    终止日期:[2016-02-01 00:00:00]
            ---------------------------------交易记录明细列表------------------------------------
            交易号                  ,商家订单号               ,交易创建时间              ,付款时间                ,最近修改时间              ,交易来源地     ,类型              ,交易对方            ,商品名称                ,金额（元）   ,收/支     ,交易状态    ,服务费（元）   ,成功退款（元）  ,备注                  ,资金状态     ,
            2016011221001004      ,T200P1                 ,2016-01-12 10:05:11 ,2016-01-12 10:05:12 ,2016-01-12 10:05:12 ,其他（包括阿里巴巴和外部商家）,即时到账交易          ,某书店              ,图书                ,45.60   ,支出      ,交易成功    ,0.00     ,0.00     ,                    ,已支出      ,
            2016011521001005      ,                       ,2016-01-15 18:00:00 ,                    ,2016-01-15 18:00:00 ,支付宝网站     ,即时到账交易          ,张三                ,转账                ,100.00  ,          ,交易成功    ,0.00     ,0.00     ,                    ,资金转移     ,
            2016011621001006      ,                       ,2016-01-16 09:00:00 ,                    ,2016-01-16 09:00:00 ,支付宝网站     ,即时到账交易          ,李四                ,还款                ,20.00   ,收入      ,交易成功    ,0.00     ,0.00     ,                    ,已收入      ,
            ------------------------------------------------------------------------------------
            共3笔记录
            已收入:1笔,20.00元
            导出时间:[2016-02-01 10:00:00]
            """
        let statement = try parse(try gbk(text))
        XCTAssertEqual(statement.format, .alipayLegacy)
        XCTAssertEqual(statement.skippedCount, 0, "the footer is not data")
        XCTAssertEqual(
            statement.transactions.map(\.sourceID), ["2016011221001004", "2016011521001005", "2016011621001006"])
        XCTAssertEqual(statement.transactions.map(\.direction), [.outflow, .neutral, .inflow])
        XCTAssertEqual(statement.transactions.map(\.amountMinor), [4560, 10000, 2000])
        XCTAssertEqual(statement.transactions[0].counterparty, "某书店")
        XCTAssertEqual(statement.transactions[0].merchantOrderID, "T200P1")
        XCTAssertEqual(
            statement.transactions[0].timestamp,
            ByteParsing.daysFromCivil(year: 2016, month: 1, day: 12) * 86400 + 10 * 3600 + 5 * 60 + 11 - 8 * 3600)
    }

    func testRefundsLinkToTheirOrder() throws {
        let text = """
            交易时间,交易分类,交易对方,对方账号,商品说明,收/支,金额,收/付款方式,交易状态,交易订单号,商家订单号,备注,
            2024-01-02 10:00:00,日用百货,超市,,牛奶,支出,20.00,余额,交易成功,2024010222001\t,M1\t,,
            2024-01-03 10:00:00,退款,超市,,退款-牛奶,不计收支,20.00,余额,退款成功,2024010222001_1\t,M1\t,,
            2024-01-04 10:00:00,退款,商店,,退款-面包,收入,5.00,余额,退款成功,2024010422009\t,M2\t,,
            2024-01-01 09:00:00,日用百货,商店,,面包,支出,5.00,余额,交易成功,2024010122008\t,M2\t,,
            """
        let statement = try parse(Array(text.utf8))
        XCTAssertEqual(statement.transactions.count, 4)
        XCTAssertEqual(statement.transactions[1].refundOf, "2024010222001")
        XCTAssertEqual(statement.transactions[1].direction, .neutral)
        XCTAssertEqual(statement.transactions[2].refundOf, "2024010122008", "linked by merchant order number")
    }

    func testBadInputIsAClearErrorOrACountedSkip() throws {
        let good = StatementWriters.alipay(Self.account)
        // Unknown layout names what was expected.
        XCTAssertThrowsError(try parse(Array("name,value\na,1\n".utf8))) { error in
            XCTAssertEqual(error as? StatementError, .unknownLayout(file: "s.csv", expected: .auto))
        }
        // A missing column is named.
        let missing = good.replacingOccurrences(of: ",金额,", with: ",钱,")
        XCTAssertThrowsError(try parse(Array(missing.utf8))) { error in
            guard case .missingColumn(let file, _, let name, let layout)? = error as? StatementError else {
                return XCTFail("\(error)")
            }
            XCTAssertEqual([file, name], ["s.csv", "金额"])
            XCTAssertEqual(layout, .alipay)
        }
        // Truncated mid-row: the cut row is skipped and counted, with its line.
        let bytes = Array(good.utf8)
        let cut = Array(bytes[0..<(bytes.count - 40)])
        let truncated = try parse(cut)
        XCTAssertEqual(truncated.skippedCount, 1)
        XCTAssertEqual(truncated.transactions.count, Self.account.transactions.count - 1)
        XCTAssertEqual(truncated.skipped.first?.line, good.utf8.filter { $0 == 0x0a }.count, "the last line")
        XCTAssertThrowsError(try parse(cut, ReadOptions(strict: true))) { error in
            XCTAssertEqual(error as? StatementError, .malformedRow(truncated.skipped[0]))
        }
        // A bad amount is a counted skip.
        let badAmount = good.replacingOccurrences(of: ",支出,", with: ",支出,x", options: [], range: good.range(of: ",支出,"))
        XCTAssertEqual(try parse(Array(badAmount.utf8)).skippedCount, 1)
        // Garbage, empty, UTF-16 and wrong --format.
        var random = SeededRandom(seed: 5)
        for _ in 0..<20 {
            let garbage = (0..<2000).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            XCTAssertThrowsError(try parse(garbage))
        }
        XCTAssertThrowsError(try parse([])) { XCTAssertEqual($0 as? StatementError, .emptyFile(file: "s.csv")) }
        XCTAssertThrowsError(try parse([0xff, 0xfe] + Array("a".utf16.flatMap { [UInt8($0), 0] }))) {
            XCTAssertEqual($0 as? StatementError, .utf16(file: "s.csv"))
        }
        XCTAssertThrowsError(try parse([0x61, 0x2c, 0xff, 0xff, 0x0a])) {
            XCTAssertEqual($0 as? StatementError, .unsupportedEncoding(file: "s.csv"))
        }
        XCTAssertThrowsError(try parse(Array(good.utf8), ReadOptions(format: .wechat))) { error in
            XCTAssertEqual(error as? StatementError, .unknownLayout(file: "s.csv", expected: .wechat))
        }
        XCTAssertThrowsError(try parse(Array("PK\u{3}\u{4}garbage".utf8), file: "bad.xlsx")) { error in
            XCTAssertEqual(error as? StatementError, .notAWorkbook(file: "bad.xlsx"))
        }
        XCTAssertThrowsError(try parse(Array("<OFX><BANKTRANLIST>".utf8), file: "x.ofx")) { error in
            XCTAssertEqual(error as? StatementError, .truncated(file: "x.ofx"))
        }
        XCTAssertThrowsError(try StatementReader.read(path: NSTemporaryDirectory(), options: ReadOptions())) { error in
            XCTAssertEqual(error as? StatementError, .notAFile(path: NSTemporaryDirectory()))
        }
        // Random truncations of every format never crash.
        let samples: [[UInt8]] = [
            try gbk(good), Array(StatementWriters.wechat(Self.account).utf8),
            Array(StatementWriters.ofx(Self.account).utf8),
            Array(StatementWriters.qif(Self.account).utf8), try StatementWriters.wechatXLSX(Self.account),
        ]
        for sample in samples {
            for _ in 0..<10 {
                let length = random.int(0...(sample.count - 1))
                _ = try? parse(Array(sample[0..<length]), ReadOptions(dateOrder: .mdy))
            }
        }
    }
}
