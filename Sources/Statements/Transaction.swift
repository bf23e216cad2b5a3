// The normalised transaction every statement format is turned into: exact integer amounts,
// an instant plus the source's own UTC offset, and the source's ids for dedup and disputes.

/// Which way money moved, as the source states it (收/支).
public enum Direction: String, Sendable, Codable, Equatable {
    case outflow = "out"
    case inflow = "in"
    /// 不计收支 / "/" : transfers between one's own balances, refunds in progress, etc.
    case neutral
}

/// The family of export a transaction came from; ids are unique within a family.
public enum SourceFormat: String, Sendable, Codable, CaseIterable {
    case alipay
    case alipayLegacy = "alipay-legacy"
    case alipayAccountLog = "alipay-acclog"
    case wechat
    case wechatXLSX = "wechat-xlsx"
    case ofx, qif, csv

    /// Namespace for source ids: the formats of one wallet share their order numbers.
    public var idNamespace: String {
        switch self {
        case .alipay, .alipayLegacy: return "alipay"
        case .alipayAccountLog: return "alipay-acclog"
        case .wechat, .wechatXLSX: return "wechat"
        case .ofx: return "ofx"
        case .qif: return "qif"
        case .csv: return "csv"
        }
    }
}

public struct Transaction: Sendable, Equatable {
    // Stored largest first (strings, 64-bit, 32-bit, then one-byte fields): no padding holes, which
    // keeps a million-row array 16 bytes a row smaller.
    /// The source's own transaction id (交易订单号, 交易单号, FITID...), cleaned; nil when it has none.
    public var sourceID: String?
    /// The merchant's order number (商家订单号/商户单号), empty when absent.
    public var merchantOrderID: String
    /// ISO 4217 code.
    public var currency: String
    public var counterparty: String
    public var counterpartyAccount: String
    public var category: String
    public var note: String
    public var status: String
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
    /// The offset the source wrote the time in (wallet exports: +08:00 = 28800).
    public var utcOffsetSeconds: Int32
    /// 1-based line (or sheet row) in the file it was read from; 0 when it came from history.
    public var line: Int32
    /// False for date-only sources (QIF, some bank CSVs): time-of-day detectors skip these.
    public var hasTime: Bool
    public var direction: Direction
    public var isRefund: Bool
    /// Marked as cross-border by the source (e.g. OFX ORIGCURRENCY, 境外 category).
    public var crossBorder: Bool
    public var source: SourceFormat

    public init(
        sourceID: String? = nil, merchantOrderID: String = "", timestamp: Int64, utcOffsetSeconds: Int32 = 28800,
        hasTime: Bool = true, amountMinor: Int64, direction: Direction, currency: String = "CNY",
        counterparty: String, counterpartyAccount: String = "", category: String = "", note: String = "",
        status: String = "", method: String = "", balanceMinor: Int64? = nil, isRefund: Bool = false,
        refundOf: String? = nil, crossBorder: Bool = false, originalCurrency: String = "", source: SourceFormat,
        line: Int32 = 0
    ) {
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

    /// Local wall-clock seconds (timestamp shifted by the source's offset).
    public var localSeconds: Int64 { timestamp + Int64(utcOffsetSeconds) }

    /// Local hour of day, 0...23.
    public var localHour: Int { Int(((localSeconds % 86400) + 86400) % 86400 / 3600) }
}
