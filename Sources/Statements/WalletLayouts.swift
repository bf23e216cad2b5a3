// The wallet CSV layouts (Alipay current, legacy, account log; WeChat Pay), recognised by their
// header row wherever it sits in the preamble, and the per-row conversion for each.

import WalletCore

#if canImport(Glibc)
    import Glibc
#endif

/// Canonical header text: full-width parentheses and padding removed, so `金额（元）` = `金额(元)`.
func canonicalHeader(_ text: String) -> String {
    var result = ""
    for scalar in text.trimmingSpaces().unicodeScalars {
        switch scalar {
        case "（": result.unicodeScalars.append("(")
        case "）": result.unicodeScalars.append(")")
        case " ", "\t", "\u{3000}": continue
        default: result.unicodeScalars.append(scalar)
        }
    }
    return result
}

enum WalletLayoutKind: Sendable {
    case alipay, alipayLegacy, alipayAccountLog, wechat

    var format: SourceFormat {
        switch self {
        case .alipay: return .alipay
        case .alipayLegacy: return .alipayLegacy
        case .alipayAccountLog: return .alipayAccountLog
        case .wechat: return .wechat
        }
    }

    /// Columns that must all be present, in the names `column(_:)` asks for.
    var required: [String] {
        switch self {
        case .alipay: return ["交易时间", "交易对方", "收/支", "金额", "交易状态", "交易订单号"]
        case .alipayLegacy: return ["交易号", "交易创建时间", "交易对方", "金额(元)", "收/支", "交易状态"]
        case .alipayAccountLog: return ["账务流水号", "发生时间", "收入金额(+元)", "支出金额(-元)", "账户余额(元)"]
        case .wechat: return ["交易时间", "交易类型", "交易对方", "收/支", "金额(元)", "当前状态", "交易单号"]
        }
    }

    /// Two columns that identify the layout even when another is missing (to name what is missing).
    var markers: [String] {
        switch self {
        case .alipay: return ["交易时间", "交易订单号"]
        case .alipayLegacy: return ["交易号", "交易创建时间"]
        case .alipayAccountLog: return ["账务流水号", "账户余额(元)"]
        case .wechat: return ["交易时间", "交易单号"]
        }
    }

    static let all: [WalletLayoutKind] = [.alipay, .alipayLegacy, .alipayAccountLog, .wechat]

    static func forFormat(_ format: StatementFormat) -> [WalletLayoutKind] {
        switch format {
        case .alipay: return [.alipay, .alipayLegacy, .alipayAccountLog]
        case .wechat: return [.wechat]
        default: return all
        }
    }
}

/// Column positions of one recognised header.
struct ColumnMap {
    var index: [String: Int] = [:]
    /// Fields a complete row has: up to the last named header (a trailing comma adds an empty one).
    var count = 0

    init(headers: [String]) {
        count = (headers.lastIndex { !$0.isEmpty } ?? -1) + 1
        for (position, header) in headers.enumerated() where index[header] == nil {
            index[header] = position
        }
    }

    func column(_ name: String) -> Int { index[name] ?? -1 }
}

/// Finds the header row among the first lines of a CSV by its content.
enum HeaderSearch {
    static let maxPreambleLines = 80

    struct Found {
        /// The wallet layout, or nil when `bank` is set.
        var kind: WalletLayoutKind?
        var bank: BankLayout? = nil
        var columns: ColumnMap
        /// Byte offset where the header row starts (the preamble before it names CMB's statement month).
        var headerStart = 0
        /// Byte offset and line number right after the header row.
        var dataStart: Int
        var dataLine: Int
    }

    /// Nil when no known header is present; throws when a header is recognised but a column is missing.
    /// `banks`: the built-in bank/platform layouts to try too (before the wallets: JD's header
    /// shares Alipay's marker columns).
    static func find(
        in bytes: Bytes, kinds: [WalletLayoutKind], banks: [BankLayout] = [], file: String
    ) throws -> Found? {
        var reader = CSVReader(bytes: bytes)
        var fields: [FieldRange] = []
        var lines = 0
        while lines < maxPreambleLines {
            let rowStart = reader.position
            guard reader.next(into: &fields) else { break }
            lines += 1
            guard fields.count >= 4 else { continue }
            let headers = fields.map { canonicalHeader(reader.string($0)) }
            let present = Set(headers)
            for bank in banks where bank.signature.allSatisfy(present.contains) {
                return Found(
                    kind: nil, bank: bank, columns: ColumnMap(headers: headers), headerStart: rowStart,
                    dataStart: reader.position, dataLine: reader.rowLine + 1)
            }
            for kind in kinds where kind.markers.allSatisfy(present.contains) {
                if let missing = kind.required.first(where: { !present.contains($0) }) {
                    throw StatementError.missingColumn(
                        file: file, line: reader.rowLine, name: missing, layout: kind.format)
                }
                return Found(
                    kind: kind, columns: ColumnMap(headers: headers), dataStart: reader.position,
                    dataLine: reader.rowLine + 1)
            }
        }
        return nil
    }
}

/// Every header name the layouts read; resolved to positions once per file, not per field.
enum Column: Int, CaseIterable {
    case tradeTime, counterparty, direction, amount, goods, tradeStatus, tradeNumber, tradeCategory, merchantOrder,
        counterpartyAccount, paymentMethod, createdTime, amountYuan, fundState, goodsName, legacyNumber, legacyType,
        tradeSource, occurredTime, income, expense, balance, businessNumber, businessType, ledgerNumber,
        merchantOrderLog, channel, wechatType, wechatStatus, wechatNumber, wechatMerchantOrder, wechatGoods,
        wechatMethod

    /// Unique per row (order numbers): not worth caching.
    var isID: Bool {
        switch self {
        case .tradeNumber, .merchantOrder, .legacyNumber, .ledgerNumber, .businessNumber, .merchantOrderLog,
            .wechatNumber, .wechatMerchantOrder:
            return true
        default: return false
        }
    }

    var header: String {
        switch self {
        case .tradeTime: return "交易时间"
        case .counterparty: return "交易对方"
        case .direction: return "收/支"
        case .amount: return "金额"
        case .goods: return "商品说明"
        case .tradeStatus: return "交易状态"
        case .tradeNumber: return "交易订单号"
        case .tradeCategory: return "交易分类"
        case .merchantOrder: return "商家订单号"
        case .counterpartyAccount: return "对方账号"
        case .paymentMethod: return "收/付款方式"
        case .createdTime: return "交易创建时间"
        case .amountYuan: return "金额(元)"
        case .fundState: return "资金状态"
        case .goodsName: return "商品名称"
        case .legacyNumber: return "交易号"
        case .legacyType: return "类型"
        case .tradeSource: return "交易来源地"
        case .occurredTime: return "发生时间"
        case .income: return "收入金额(+元)"
        case .expense: return "支出金额(-元)"
        case .balance: return "账户余额(元)"
        case .businessNumber: return "业务流水号"
        case .businessType: return "业务类型"
        case .ledgerNumber: return "账务流水号"
        case .merchantOrderLog: return "商户订单号"
        case .channel: return "交易渠道"
        case .wechatType: return "交易类型"
        case .wechatStatus: return "当前状态"
        case .wechatNumber: return "交易单号"
        case .wechatMerchantOrder: return "商户单号"
        case .wechatGoods: return "商品"
        case .wechatMethod: return "支付方式"
        }
    }
}

/// Converts the data rows of a wallet CSV into transactions.
struct WalletRowReader {
    let kind: WalletLayoutKind
    let columns: ColumnMap
    let file: String
    /// Position of each `Column` in this file's header (-1 when absent).
    let slots: [Int]
    let cache = FieldStringCache()

    init(kind: WalletLayoutKind, columns: ColumnMap, file: String) {
        self.kind = kind
        self.columns = columns
        self.file = file
        slots = Column.allCases.map { columns.column($0.header) }
    }

    static let walletOffset: Int32 = 8 * 3600

    func read(
        bytes: Bytes, start: Int, startLine: Int, issues: inout RowIssues, progress: ProgressHandler?
    ) throws -> [Transaction] {
        var reader = CSVReader(bytes: bytes, start: start, startLine: startLine)
        var fields: [FieldRange] = []
        fields.reserveCapacity(columns.count + 2)
        var result: [Transaction] = []
        // Reserve for every remaining line (quoted newlines only over-count): growing a million-row
        // array copies it and briefly holds both copies, which was the peak of the whole scan.
        result.reserveCapacity(max(16, Self.lineCount(bytes, from: start) + 1))
        // A row shorter than the header was cut (truncated file) or lost a column: never guess.
        let needed = columns.count - 1
        var rows = 0
        while reader.next(into: &fields) {
            rows += 1
            if let progress, rows & 0xffff == 0 {
                progress(ProgressUpdate(done: Int64(reader.position), total: Int64(bytes.count), unit: "bytes"))
            }
            if fields.count == 1 && reader.trimmed(fields[0]).0 == reader.trimmed(fields[0]).1 { continue }
            // Footers start with a dashed rule (Alipay) or are the end of the list.
            let (firstStart, firstEnd) = reader.trimmed(fields[0])
            if firstEnd - firstStart >= 3, bytes[firstStart] == 0x2d, bytes[firstStart + 1] == 0x2d { break }
            guard fields.count > needed else {
                try issues.add(
                    line: reader.rowLine,
                    .tooFewFields(expected: columns.count, found: fields.count, truncatedHint: true))
                continue
            }
            if let problem = convert(reader: reader, fields: fields, into: &result) {
                try issues.add(line: reader.rowLine, problem)
            }
        }
        linkRefunds(&result)
        return result
    }

    /// Newline bytes from `start` on. memchr jumps from one newline to the next with the C library's
    /// vector code: a few dozen instructions per row instead of a pass over every eight bytes.
    static func lineCount(_ bytes: Bytes, from start: Int) -> Int {
        guard let base = bytes.baseAddress, start < bytes.count else { return 0 }
        let end = base + bytes.count
        var cursor = base + start
        var lines = 0
        while cursor < end, let found = memchr(cursor, 0x0a, end - cursor) {
            lines += 1
            cursor = UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) + 1
        }
        return lines
    }

    private func text(_ reader: CSVReader, _ fields: [FieldRange], _ column: Column) -> String {
        let position = slots[column.rawValue]
        guard position >= 0, position < fields.count else { return "" }
        let field = fields[position]
        // Ids are unique per row: caching them would only cost. Everything else repeats a lot.
        if field.escaped || column.isID { return reader.string(field) }
        let (start, end) = reader.trimmed(field)
        return cache.string(UnsafeBufferPointer(rebasing: reader.bytes[start..<end]))
    }

    private func time(_ reader: CSVReader, _ fields: [FieldRange], _ column: Column) -> (Int64, Bool)? {
        let position = slots[column.rawValue]
        guard position >= 0, position < fields.count else { return nil }
        let (start, end) = reader.trimmed(fields[position])
        guard let local = ByteParsing.localDateTime(reader.bytes, start, end) else { return nil }
        return (local.seconds - Int64(Self.walletOffset), local.hasTime)
    }

    private func money(_ reader: CSVReader, _ fields: [FieldRange], _ column: Column) -> Int64? {
        let position = slots[column.rawValue]
        guard position >= 0, position < fields.count else { return nil }
        let (start, end) = reader.trimmed(fields[position])
        if start == end { return 0 }
        return ByteParsing.amount(reader.bytes, start, end)
    }

    private func optionalID(_ value: String) -> String? { value.isEmpty ? nil : value }

    /// 收/支 straight from the bytes (no String for the common values): 支出, 收入, 不计收支, "/", empty.
    private func fastDirection(_ reader: CSVReader, _ fields: [FieldRange]) -> Direction?? {
        let position = slots[Column.direction.rawValue]
        guard position >= 0, position < fields.count else { return nil }
        let (start, end) = reader.trimmed(fields[position])
        let bytes = UnsafeBufferPointer(rebasing: reader.bytes[start..<end])
        if bytes.elementsEqual("支出".utf8) { return .some(.outflow) }
        if bytes.elementsEqual("收入".utf8) { return .some(.inflow) }
        if bytes.isEmpty || bytes.elementsEqual("/".utf8) || bytes.elementsEqual("不计收支".utf8) {
            return .some(.neutral)
        }
        return nil
    }

    private func direction(_ label: String, fallback: String = "") -> Direction? {
        switch label {
        case "支出", "已支出": return .outflow
        case "收入", "已收入": return .inflow
        // 其他: neutral rows of the 2021–22 app export (余额宝 transfers, 理财).
        case "不计收支", "/", "", "资金转移", "其他": return fallback.isEmpty || label != "" ? .neutral : direction(fallback)
        default: return nil
        }
    }

    /// Appends the row's transaction (built in place, not copied through a Result), or returns why not.
    private func convert(reader: CSVReader, fields: [FieldRange], into result: inout [Transaction]) -> RowProblem? {
        let line = Int32(truncatingIfNeeded: reader.rowLine)
        switch kind {
        case .alipay:
            guard let (timestamp, hasTime) = time(reader, fields, .tradeTime) else {
                return .unreadable(column: "交易时间", kind: .dateTime, text: nil)
            }
            guard let amount = money(reader, fields, .amount), amount >= 0 else {
                return .unreadable(column: "金额", kind: .amount, text: nil)
            }
            guard let direction = fastDirection(reader, fields) ?? direction(text(reader, fields, .direction)) else {
                let label = text(reader, fields, .direction)
                return .unknownDirection(column: "收/支", value: label)
            }
            let note = text(reader, fields, .goods)
            let status = text(reader, fields, .tradeStatus)
            let sourceID = text(reader, fields, .tradeNumber)
            let refund = TextSearch.contains(status, "退款") || TextSearch.hasPrefix(note, "退款")
            let category = text(reader, fields, .tradeCategory)
            result.append(
                Transaction(
                    sourceID: optionalID(sourceID), merchantOrderID: text(reader, fields, .merchantOrder),
                    timestamp: timestamp, utcOffsetSeconds: Self.walletOffset, hasTime: hasTime, amountMinor: amount,
                    direction: direction, currency: "CNY", counterparty: text(reader, fields, .counterparty),
                    counterpartyAccount: text(reader, fields, .counterpartyAccount), category: category, note: note,
                    status: status, method: text(reader, fields, .paymentMethod), isRefund: refund,
                    refundOf: refund ? refundTarget(sourceID) : nil, crossBorder: TextSearch.contains(category, "境外"),
                    source: .alipay, line: line))
            return nil
        case .alipayLegacy:
            guard let (timestamp, hasTime) = time(reader, fields, .createdTime) else {
                return .unreadable(column: "交易创建时间", kind: .dateTime, text: nil)
            }
            guard let amount = money(reader, fields, .amountYuan), amount >= 0 else {
                return .unreadable(column: "金额（元）", kind: .amount, text: nil)
            }
            let label = text(reader, fields, .direction)
            let fundState = text(reader, fields, .fundState)
            guard let direction = direction(label, fallback: fundState) else {
                return .unknownDirection(column: "收/支", value: label)
            }
            let status = text(reader, fields, .tradeStatus)
            let note = text(reader, fields, .goodsName)
            let sourceID = text(reader, fields, .legacyNumber)
            let refund = TextSearch.contains(status, "退款") || TextSearch.hasPrefix(note, "退款")
            result.append(
                Transaction(
                    sourceID: optionalID(sourceID), merchantOrderID: text(reader, fields, .merchantOrder),
                    timestamp: timestamp, utcOffsetSeconds: Self.walletOffset, hasTime: hasTime, amountMinor: amount,
                    direction: direction, counterparty: text(reader, fields, .counterparty),
                    category: text(reader, fields, .legacyType), note: note, status: status,
                    method: text(reader, fields, .tradeSource), isRefund: refund,
                    refundOf: refund ? refundTarget(sourceID) : nil, source: .alipayLegacy, line: line))
            return nil
        case .alipayAccountLog:
            guard let (timestamp, hasTime) = time(reader, fields, .occurredTime) else {
                return .unreadable(column: "发生时间", kind: .dateTime, text: nil)
            }
            guard let income = money(reader, fields, .income), let spent = money(reader, fields, .expense)
            else {
                return .unreadable(column: "收入金额/支出金额", kind: .amount, text: nil)
            }
            guard let balance = money(reader, fields, .balance) else {
                return .unreadable(column: "账户余额", kind: .balance, text: nil)
            }
            let inflow = income != 0
            let amount = inflow ? abs(income) : abs(spent)
            let businessID = text(reader, fields, .businessNumber)
            let note = text(reader, fields, .goodsName)
            let type = text(reader, fields, .businessType)
            let refund = TextSearch.contains(type, "退款") || TextSearch.hasPrefix(note, "退款")
            let account = text(reader, fields, .counterpartyAccount)
            result.append(
                Transaction(
                    sourceID: optionalID(text(reader, fields, .ledgerNumber)),
                    merchantOrderID: text(reader, fields, .merchantOrderLog), timestamp: timestamp,
                    utcOffsetSeconds: Self.walletOffset, hasTime: hasTime, amountMinor: amount,
                    direction: inflow ? .inflow : .outflow, counterparty: account, counterpartyAccount: account,
                    category: type, note: note, status: text(reader, fields, .channel), balanceMinor: balance,
                    isRefund: refund, refundOf: refund && !businessID.isEmpty ? refundTarget(businessID) : nil,
                    source: .alipayAccountLog, line: line))
            return nil
        case .wechat:
            guard let (timestamp, hasTime) = time(reader, fields, .tradeTime) else {
                return .unreadable(column: "交易时间", kind: .dateTime, text: nil)
            }
            guard let amount = money(reader, fields, .amountYuan), amount >= 0 else {
                return .unreadable(column: "金额(元)", kind: .amount, text: nil)
            }
            guard let direction = fastDirection(reader, fields) ?? direction(text(reader, fields, .direction)) else {
                let label = text(reader, fields, .direction)
                return .unknownDirection(column: "收/支", value: label)
            }
            let type = text(reader, fields, .wechatType)
            let status = text(reader, fields, .wechatStatus)
            let sourceID = text(reader, fields, .wechatNumber)
            let refund = TextSearch.contains(type, "退款") || TextSearch.contains(status, "退款")
            result.append(
                Transaction(
                    sourceID: optionalID(sourceID), merchantOrderID: text(reader, fields, .wechatMerchantOrder),
                    timestamp: timestamp, utcOffsetSeconds: Self.walletOffset, hasTime: hasTime, amountMinor: amount,
                    direction: direction, counterparty: text(reader, fields, .counterparty), category: type,
                    note: text(reader, fields, .wechatGoods), status: status,
                    method: text(reader, fields, .wechatMethod),
                    isRefund: refund, refundOf: nil, crossBorder: TextSearch.contains(type, "境外"), source: .wechat,
                    line: line))
            return nil
        }
    }

    /// Alipay refund order numbers are `<original>_<suffix>`; the prefix names the refunded order.
    private func refundTarget(_ sourceID: String) -> String? {
        guard let underscore = sourceID.firstIndex(of: "_") else { return nil }
        let prefix = String(sourceID[..<underscore])
        return prefix.isEmpty ? nil : prefix
    }

    /// Refunds not linked by id are linked by merchant order number to the payment they reverse.
    private func linkRefunds(_ transactions: inout [Transaction]) {
        var refundIndexes: [Int] = []
        for index in transactions.indices where transactions[index].isRefund && transactions[index].refundOf == nil {
            if !transactions[index].merchantOrderID.isEmpty { refundIndexes.append(index) }
        }
        guard !refundIndexes.isEmpty else { return }
        var paymentByOrder: [String: String] = [:]
        for transaction in transactions
        where !transaction.isRefund && transaction.direction == .outflow && !transaction.merchantOrderID.isEmpty {
            if let id = transaction.sourceID { paymentByOrder[transaction.merchantOrderID] = id }
        }
        for index in refundIndexes {
            transactions[index].refundOf = paymentByOrder[transactions[index].merchantOrderID]
        }
    }
}
