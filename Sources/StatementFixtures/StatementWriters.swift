// Writes transactions in each supported export layout (with the preambles, padding and quirks of
// the real ones), so every reader is exercised on realistic text. Also the label file.
import CLibZip
import Foundation
import Statements

package enum StatementWriters {
    static func local(_ transaction: Transaction) -> String {
        let text = ByteParsing.formatLocal(
            timestamp: transaction.timestamp, offsetSeconds: transaction.utcOffsetSeconds)
        return String(text.prefix(19))
    }

    static func money(_ minor: Int64) -> String { ByteParsing.formatMinor(minor) }

    /// A foreign purchase as the CNY amount a CNY-only export shows (fixed sample rates).
    package static func cnyMinor(_ transaction: Transaction) -> Int64 {
        switch transaction.currency {
        case "USD": return transaction.amountMinor * 72 / 10
        case "EUR": return transaction.amountMinor * 78 / 10
        case "JPY": return transaction.amountMinor * 48 / 10
        default: return transaction.amountMinor
        }
    }

    static func quoted(_ text: String) -> String {
        text.contains(",") || text.contains("\"")
            ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }

    /// Alipay's current CSV (UTF-8 text; encode to GBK with `TextEncoding.encode`), newest first.
    package static func alipay(_ account: GeneratedAccount) -> String {
        var lines: [String] = [
            "------------------------------------------------------------------------------------",
            "导出信息：", "姓名：测试用户", "支付宝账户：\(account.name)",
            "起始时间：[2024-01-01 00:00:00]    终止时间：[2024-12-31 23:59:59]", "导出交易类型：[全部]",
            "导出时间：[2025-01-02 10:00:00]", "共\(account.transactions.count)笔记录",
            "收入：0笔 0.00元", "支出：0笔 0.00元", "不计收支：0笔 0.00元", "",
            "特别提示：", "1.本回单内容可表明支付宝受理了此笔业务，不代表实际到账情况。",
            "2.支付宝不对您的信息负责。", "3.请勿将本回单用于非法用途。", "4.如有疑问请联系客服。",
            "5.本回单由系统生成。", "6.", "7.", "8.", "",
            "------------------------支付宝（中国）网络技术有限公司  电子客户回单------------------------",
            "交易时间,交易分类,交易对方,对方账号,商品说明,收/支,金额,收/付款方式,交易状态,交易订单号,商家订单号,备注,",
        ]
        lines.reserveCapacity(account.transactions.count + 30)
        for transaction in account.transactions.reversed() {
            let direction: String
            switch transaction.direction {
            case .outflow: direction = "支出"
            case .inflow: direction = "收入"
            case .neutral: direction = "不计收支"
            }
            lines.append(
                [
                    local(transaction), transaction.currency == "CNY" ? transaction.category : "境外消费",
                    quoted(transaction.counterparty), transaction.counterpartyAccount, quoted(transaction.note),
                    direction, money(cnyMinor(transaction)), transaction.method, transaction.status,
                    (transaction.sourceID ?? "") + "\t", transaction.merchantOrderID + "\t", "",
                ].joined(separator: ",") + ",")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// WeChat Pay's CSV bill (UTF-8 with BOM), newest first, amounts like ¥28.16.
    package static func wechat(_ account: GeneratedAccount) -> String {
        var lines: [String] = [
            "\u{feff}微信支付账单明细,,,,,,,,", "微信昵称：[测试用户],,,,,,,,",
            "起始时间：[2024-01-01 00:00:00] 终止时间：[2024-12-31 23:59:59],,,,,,,,", "导出类型：[全部],,,,,,,,",
            "导出时间：[2025-01-02 10:00:00],,,,,,,,", ",,,,,,,,", "共\(account.transactions.count)笔记录,,,,,,,,",
            "收入：0笔 0.00元,,,,,,,,", "支出：0笔 0.00元,,,,,,,,", "中性交易：0笔 0.00元,,,,,,,,",
            "注：,,,,,,,,", "1. 充值/提现/理财通购买/零钱通存取/信用卡还款等交易，将计入中性交易,,,,,,,,",
            "2. 本明细仅展示当前账单中的交易，不包括已删除的记录,,,,,,,,", "3. 本明细仅供个人对账使用,,,,,,,,", ",,,,,,,,",
            "----------------------微信支付账单明细列表--------------------,,,,,,,,",
            "交易时间,交易类型,交易对方,商品,收/支,金额(元),支付方式,当前状态,交易单号,商户单号,备注",
        ]
        for transaction in account.transactions.reversed() {
            let direction: String
            switch transaction.direction {
            case .outflow: direction = "支出"
            case .inflow: direction = "收入"
            case .neutral: direction = "/"
            }
            lines.append(
                [
                    local(transaction), transaction.direction == .inflow ? "转账" : "商户消费",
                    quoted(transaction.counterparty), quoted(transaction.note), direction,
                    "¥" + money(cnyMinor(transaction)), "零钱", "支付成功", (transaction.sourceID ?? "") + "\t",
                    transaction.merchantOrderID + "\t", "/",
                ].joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Alipay's account log (账务明细, GB18030 when encoded), with balances.
    package static func alipayAccountLog(_ account: GeneratedAccount) -> String {
        var lines: [String] = [
            "支付宝账务明细查询", "账号:[\(account.name)]", "起始日期:[2024-01-01 00:00:00]    终止日期:[2024-12-31 23:59:59]",
            "---------------------------------账务明细列表----------------------------------",
            "账务流水号,业务流水号,商户订单号,商品名称,发生时间,对方账号,收入金额（+元）,支出金额（-元）,账户余额（元）,交易渠道,业务类型,备注,",
        ]
        for transaction in account.transactions {
            let inflow = transaction.direction == .inflow
            lines.append(
                [
                    "A" + (transaction.sourceID ?? "") + "\t", (transaction.sourceID ?? "") + "\t",
                    transaction.merchantOrderID + "\t", quoted(transaction.note), local(transaction),
                    quoted(transaction.counterparty), inflow ? "+" + money(cnyMinor(transaction)) : "",
                    inflow ? "" : "-" + money(cnyMinor(transaction)), money(transaction.balanceMinor ?? 0), "支付宝",
                    inflow ? "在线支付" : "交易付款", "",
                ].joined(separator: ",") + ",")
        }
        lines.append("---------------------------------账务明细列表结束------------------------------------")
        lines.append("导出时间:[2025-01-02 10:00:00]")
        return lines.joined(separator: "\n") + "\n"
    }

    /// OFX 1.02 (SGML, leaf tags unclosed). Foreign rows carry ORIGCURRENCY.
    package static func ofx(_ account: GeneratedAccount) -> String {
        var text = """
            OFXHEADER:100
            DATA:OFXSGML
            VERSION:102
            SECURITY:NONE
            ENCODING:UTF-8
            CHARSET:NONE
            COMPRESSION:NONE
            OLDFILEUID:NONE
            NEWFILEUID:NONE

            <OFX>
            <BANKMSGSRSV1><STMTTRNRS><TRNUID>1<STMTRS><CURDEF>CNY
            <BANKACCTFROM><BANKID>000000<ACCTID>\(account.name)<ACCTTYPE>CHECKING</BANKACCTFROM>
            <BANKTRANLIST>

            """
        for transaction in account.transactions {
            let local = ByteParsing.formatLocal(
                timestamp: transaction.timestamp, offsetSeconds: transaction.utcOffsetSeconds)
            let compact = local.prefix(19).filter { $0.isNumber }
            let signed =
                transaction.direction == .outflow ? "-" + money(cnyMinor(transaction)) : money(cnyMinor(transaction))
            text += "<STMTTRN><TRNTYPE>\(transaction.direction == .outflow ? "DEBIT" : "CREDIT")"
            text += "<DTPOSTED>\(compact).000[+8:CST]<TRNAMT>\(signed)<FITID>\(transaction.sourceID ?? "")"
            text += "<NAME>\(escape(transaction.counterparty))<MEMO>\(escape(transaction.note))"
            if transaction.currency != "CNY" {
                text += "<ORIGCURRENCY><CURRATE>1.0<CURSYM>\(transaction.currency)</ORIGCURRENCY>"
            }
            text += "</STMTTRN>\n"
        }
        let last = account.transactions.last?.balanceMinor ?? 0
        text += "</BANKTRANLIST><LEDGERBAL><BALAMT>\(money(last))<DTASOF>20250101</LEDGERBAL>\n"
        text += "</STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>\n"
        return text
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
    }

    /// QIF bank file with month-first dates (MM/DD/YYYY).
    package static func qif(_ account: GeneratedAccount) -> String {
        var lines = ["!Type:Bank"]
        for transaction in account.transactions {
            let local = ByteParsing.formatLocal(
                timestamp: transaction.timestamp, offsetSeconds: transaction.utcOffsetSeconds)
            let parts = local.prefix(10).split(separator: "-")
            lines.append("D\(parts[1])/\(parts[2])/\(parts[0])")
            let signed =
                transaction.direction == .outflow ? "-" + money(cnyMinor(transaction)) : money(cnyMinor(transaction))
            lines.append("T\(signed)")
            lines.append("P\(transaction.counterparty)")
            lines.append("M\(transaction.note)")
            lines.append("L\(transaction.category)")
            lines.append("^")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The generic bank CSV and the rules file that reads it (all fields, balance and currency).
    package static func rulesCSV(_ account: GeneratedAccount) -> (csv: String, rules: String) {
        var lines = ["date,time,id,counterparty,category,note,amount,currency,balance"]
        lines.reserveCapacity(account.transactions.count + 1)
        for transaction in account.transactions {
            let local = ByteParsing.formatLocal(
                timestamp: transaction.timestamp, offsetSeconds: transaction.utcOffsetSeconds)
            let scale = ByteParsing.scale(ofCurrency: transaction.currency)
            let signed = transaction.direction == .outflow ? -transaction.amountMinor : transaction.amountMinor
            lines.append(
                [
                    String(local.prefix(10)), String(local.dropFirst(11).prefix(8)), transaction.sourceID ?? "",
                    quoted(transaction.counterparty), transaction.category, quoted(transaction.note),
                    ByteParsing.formatMinor(signed, scale: scale), transaction.currency,
                    money(transaction.balanceMinor ?? 0),
                ].joined(separator: ","))
        }
        let rules = """
            # Generated bank CSV: one header line, then one row per transaction.
            # The account's currency first: the currency column (fields) overrides it per row.
            currency CNY
            skip 1
            separator ,
            fields date, time, id, counterparty, category, note, amount, currency, balance
            date-format %Y-%m-%d
            timezone +08:00

            """
        return (lines.joined(separator: "\n") + "\n", rules)
    }

    /// WeChat Pay's XLSX bill: the CSV layout's rows in a worksheet with inline strings.
    package static func wechatXLSX(_ account: GeneratedAccount) throws -> [UInt8] {
        let csvText = wechat(account)
        var rows: [[String]] = []
        for line in csvText.split(separator: "\n", omittingEmptySubsequences: false) where !line.isEmpty {
            rows.append(splitSimpleCSV(String(line).replacingOccurrences(of: "\u{feff}", with: "")))
        }
        var sheet = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
            """
        var shared: [String] = []
        var sharedIndex: [String: Int] = [:]
        for (rowNumber, row) in rows.enumerated() {
            sheet += "<row r=\"\(rowNumber + 1)\">"
            for (column, value) in row.enumerated() where !value.isEmpty {
                let reference = String(Character(Unicode.Scalar(UInt8(65 + column)))) + "\(rowNumber + 1)"
                if rowNumber % 2 == 0 {
                    let index = sharedIndex[value] ?? shared.count
                    if index == shared.count {
                        shared.append(value)
                        sharedIndex[value] = index
                    }
                    sheet += "<c r=\"\(reference)\" t=\"s\"><v>\(index)</v></c>"
                } else {
                    sheet += "<c r=\"\(reference)\" t=\"inlineStr\"><is><t>\(xmlEscape(value))</t></is></c>"
                }
            }
            sheet += "</row>"
        }
        sheet += "</sheetData></worksheet>"
        var strings = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="\(shared.count)">
            """
        for value in shared { strings += "<si><t xml:space=\"preserve\">\(xmlEscape(value))</t></si>" }
        strings += "</sst>"
        let parts: [(String, String)] = [
            (
                "[Content_Types].xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>"
            ),
            (
                "xl/workbook.xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheets><sheet name=\"Sheet1\" sheetId=\"1\"/></sheets></workbook>"
            ),
            ("xl/sharedStrings.xml", strings),
            ("xl/worksheets/sheet1.xml", sheet),
        ]
        return try zipArchive(parts.map { ($0.0, Array($0.1.utf8)) })
    }

    /// A deflated ZIP archive of `parts`, written by libzip (the library the readers use) through a
    /// temporary file, since libzip writes archives to files.
    package static func zipArchive(_ parts: [(String, [UInt8])]) throws -> [UInt8] {
        let path = NSTemporaryDirectory() + "walletsec-fixture-\(UUID().uuidString).zip"
        defer { unlink(path) }
        var error: Int32 = 0
        guard let archive = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &error) else {
            throw CocoaError(.fileWriteUnknown)
        }
        for (name, bytes) in parts {
            // libzip frees the copy once written (freep = 1).
            let copy = malloc(max(bytes.count, 1))!
            bytes.withUnsafeBytes { copy.copyMemory(from: $0.baseAddress!, byteCount: bytes.count) }
            guard let source = zip_source_buffer(archive, copy, UInt64(bytes.count), 1),
                zip_file_add(archive, name, source, ZIP_FL_ENC_UTF_8) >= 0
            else {
                zip_discard(archive)
                throw CocoaError(.fileWriteUnknown)
            }
        }
        guard zip_close(archive) == 0 else {
            zip_discard(archive)
            throw CocoaError(.fileWriteUnknown)
        }
        return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    static func xmlEscape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    /// Splits one CSV line written by these writers (quotes only around commas).
    static func splitSimpleCSV(_ line: String) -> [String] {
        var fields: [String] = []
        var current = ""
        var quoted = false
        var iterator = Array(line)[...]
        while let character = iterator.popFirst() {
            if character == "\"" {
                if quoted, iterator.first == "\"" {
                    current.append("\"")
                    iterator = iterator.dropFirst()
                } else {
                    quoted.toggle()
                }
            } else if character == ",", !quoted {
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        fields.append(current)
        return fields
    }

    /// `family,case,transaction_id` for every planted transaction id.
    package static func labels(_ accounts: [GeneratedAccount]) -> String {
        var lines = ["family,case,transaction_id"]
        var caseNumber = 0
        for account in accounts {
            for planted in account.planted {
                caseNumber += 1
                for id in planted.ids { lines.append("\(planted.family.rawValue),\(caseNumber),\(id)") }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
