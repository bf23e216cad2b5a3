// The normalised transaction every statement format is turned into: exact integer amounts,
// an instant plus the source's own UTC offset, and the source's ids for dedup and disputes.

/// Which way money moved, as the source states it (收/支).
public enum Direction: String, Sendable, Codable, Equatable {
    /// Money left the account (支出).
    case outflow = "out"
    /// Money came in (收入).
    case inflow = "in"
    /// 不计收支 / "/" : transfers between one's own balances, refunds in progress, etc.
    case neutral
}

/// The family of export a transaction came from; ids are unique within a family.
public enum SourceFormat: String, Sendable, Codable, CaseIterable {
    /// Alipay's current CSV export.
    case alipay
    /// Alipay's older CSV export (交易号, 交易创建时间).
    case alipayLegacy = "alipay-legacy"
    /// Alipay's account log (账务明细), with balances.
    case alipayAccountLog = "alipay-acclog"
    /// WeChat Pay's bill CSV.
    case wechat
    /// WeChat Pay's bill workbook.
    case wechatXLSX = "wechat-xlsx"
    /// Open Financial Exchange, Quicken Interchange Format, and a bank CSV read with rules.
    case ofx, qif, csv
    /// Built-in bank and platform CSV layouts (docs/statements.md); ``StatementInstitution`` names
    /// each one's institution and customer-service number.
    case icbcCredit = "icbc-credit"
    case icbcDebit = "icbc-debit"
    case cmbCredit = "cmb-credit"
    case cmbDebit = "cmb-debit"
    case bocCredit = "boc-credit"
    case bocDebit = "boc-debit"
    case abcDebit = "abc-debit"
    case bocomCredit = "bocom-credit"
    case bocomDebit = "bocom-debit"
    case cgbCredit = "cgb-credit"
    case hsbcHKCredit = "hsbchk-credit"
    case hsbcHKDebit = "hsbchk-debit"
    case jd, meituan
    case bmoCredit = "bmo-credit"
    case bmoDebit = "bmo-debit"

    /// Namespace for source ids: the formats of one wallet share their order numbers.
    public var idNamespace: String {
        switch self {
        case .alipay, .alipayLegacy: return "alipay"
        case .alipayAccountLog: return "alipay-acclog"
        case .wechat, .wechatXLSX: return "wechat"
        case .ofx: return "ofx"
        case .qif: return "qif"
        case .csv: return "csv"
        default: return rawValue
        }
    }
}

/// One row of a statement, in every format's common shape.
public struct Transaction: Sendable, Equatable {
    // Stored largest first (strings, 64-bit, 32-bit, then one-byte fields): no padding holes, which
    // keeps a million-row array 16 bytes a row smaller.
    /// The source's own transaction id (交易订单号, 交易单号, FITID...), cleaned; nil when it has none.
    public var sourceID: String?
    /// The merchant's order number (商家订单号/商户单号), empty when absent.
    public var merchantOrderID: String
    /// ISO 4217 code.
    public var currency: String
    /// Who was paid or paid (交易对方, PAYEE/NAME).
    public var counterparty: String
    /// The counterparty's account, when the source shows it.
    public var counterpartyAccount: String
    /// The source's category or transaction type (交易分类, 交易类型, QIF L).
    public var category: String
    /// Goods description or memo (商品说明, 商品, MEMO).
    public var note: String
    /// The source's status text (交易成功, 退款成功...); failed or closed payments are not spending.
    public var status: String
    /// Payment method (收/付款方式, 支付方式), when given.
    public var method: String
    /// For a refund: the order it refunds, when the source links it.
    public var refundOf: String?
    /// The currency the purchase was made in, when the source converted it (OFX ORIGCURRENCY).
    public var originalCurrency: String
    /// Seconds since 1970-01-01T00:00:00Z.
    public var timestamp: Int64
    /// Magnitude in minor units (fen for CNY); the sign lives in `direction`.
    public var amountMinor: Int64
    /// The balance after this row, when the source reports one.
    public var balanceMinor: Int64?
    /// Digits of the amount beyond the currency's minor unit, in ten-thousandths of a minor unit
    /// (0...9999): OFX brokerage cash rows carry four decimals (`115.8331` USD = 11583 minor + 3100).
    /// 0 for every amount with no more decimals than the currency has. Declared here so it fills
    /// padding after `balanceMinor` (the row does not grow).
    public var amountSubMinor: UInt16
    /// The offset the source wrote the time in (wallet exports: +08:00 = 28800).
    public var utcOffsetSeconds: Int32
    /// 1-based line (or sheet row) in the file it was read from; 0 when it came from history.
    public var line: Int32
    /// False for date-only sources (QIF, some bank CSVs): time-of-day detectors skip these.
    public var hasTime: Bool
    /// Out, in, or neutral (不计收支).
    public var direction: Direction
    /// A refund of an earlier payment.
    public var isRefund: Bool
    /// Marked as cross-border by the source (e.g. OFX ORIGCURRENCY, 境外 category).
    public var crossBorder: Bool
    /// The layout it was read from.
    public var source: SourceFormat

    /// A transaction; defaults suit a timed CNY wallet row at +08:00.
    public init(
        sourceID: String? = nil, merchantOrderID: String = "", timestamp: Int64, utcOffsetSeconds: Int32 = 28800,
        hasTime: Bool = true, amountMinor: Int64, direction: Direction, currency: String = "CNY",
        counterparty: String, counterpartyAccount: String = "", category: String = "", note: String = "",
        status: String = "", method: String = "", balanceMinor: Int64? = nil, isRefund: Bool = false,
        refundOf: String? = nil, crossBorder: Bool = false, originalCurrency: String = "", source: SourceFormat,
        line: Int32 = 0, amountSubMinor: UInt16 = 0
    ) {
        self.amountSubMinor = amountSubMinor
        self.sourceID = sourceID
        self.merchantOrderID = merchantOrderID
        self.timestamp = timestamp
        self.utcOffsetSeconds = utcOffsetSeconds
        self.hasTime = hasTime
        self.amountMinor = amountMinor
        self.direction = direction
        self.currency = currency
        self.counterparty = counterparty
        self.counterpartyAccount = counterpartyAccount
        self.category = category
        self.note = note
        self.status = status
        self.method = method
        self.balanceMinor = balanceMinor
        self.isRefund = isRefund
        self.refundOf = refundOf
        self.crossBorder = crossBorder
        self.originalCurrency = originalCurrency
        self.source = source
        self.line = line
    }

    /// Positive for money in, negative for money out, zero effect for neutral rows.
    public var signedAmountMinor: Int64 {
        switch direction {
        case .inflow: return amountMinor
        case .outflow: return -amountMinor
        case .neutral: return 0
        }
    }

    /// The exact magnitude as a decimal string with `scale` minor digits plus any sub-minor digits
    /// (`115.8331`, `28.16`).
    public func exactAmountText(scale: Int) -> String {
        var text = ByteParsing.formatMinor(amountMinor, scale: scale)
        guard amountSubMinor > 0 else { return text }
        var digits = String(amountSubMinor)
        digits = String(repeating: "0", count: 4 - digits.count) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        if scale == 0 { text += "." }
        return text + digits
    }

    /// Local wall-clock seconds (timestamp shifted by the source's offset).
    public var localSeconds: Int64 { timestamp + Int64(utcOffsetSeconds) }

    /// Local hour of day, 0...23.
    public var localHour: Int { Int(((localSeconds % 86400) + 86400) % 86400 / 3600) }
}
