// The words a wallet user reads for alerts, in one place: kind and severity names in English and
// Chinese (worded as suspected, never as proven), amounts as ¥/元 with two decimals, and times as
// the wallet shows them in the statement's own zone. The scan table, --explain and the dispute
// report all use these; JSON keeps the stable English raw values.
import Statements
import WalletCore

extension AlertKind {
    /// What a wallet user would call this kind of alert; suspected, not proven. At most 24
    /// display columns, so the scan table's kind column stays narrow.
    public var words: LocalizedText {
        switch self {
        case .duplicate: return LocalizedText(en: "Possible double charge", zh: "可能重复扣款")
        case .amountOutlier: return LocalizedText(en: "Much larger than usual", zh: "金额远高于平时")
        case .velocity: return LocalizedText(en: "Burst of payments", zh: "短时间内付款异常频繁")
        case .cardTesting: return LocalizedText(en: "Possible test charges", zh: "疑似有人在试刷您的卡")
        case .newPayeeLarge: return LocalizedText(en: "Big payment to new payee", zh: "首次向陌生收款方大额付款")
        case .oddHour: return LocalizedText(en: "Unusual hour for you", zh: "在您平时不付款的时段付款")
        case .recurringChange: return LocalizedText(en: "Automatic charge changed", zh: "自动扣费有变化")
        case .foreignCurrency: return LocalizedText(en: "Foreign payment", zh: "境外或外币付款")
        case .structuring: return LocalizedText(en: "Possible split transfers", zh: "疑似拆分成多笔整数转账")
        case .balanceGap: return LocalizedText(en: "Balance does not add up", zh: "余额前后对不上")
        }
    }
}

extension Severity {
    /// The severity in the user's language.
    public var words: LocalizedText {
        switch self {
        case .high: return LocalizedText(en: "high", zh: "高")
        case .medium: return LocalizedText(en: "medium", zh: "中")
        case .low: return LocalizedText(en: "low", zh: "低")
        }
    }
}

/// Amounts and times as a wallet user reads them.
public enum AlertWords {
    /// `¥1,140.87` (English) / `1,140.87 元` (Chinese) for CNY; `12.50 USD` for other currencies.
    public static func money(_ minor: Int64, currency: String, language: Language) -> String {
        money(
            decimal: ByteParsing.formatMinor(minor, scale: ByteParsing.scale(ofCurrency: currency)),
            currency: currency, language: language)
    }

    /// The same for an exact decimal (`-1234.5`, `115.8331`, as stored history and `--json` write it),
    /// so `history list` reads like the scan table and the dispute report.
    public static func money(decimal plain: String, currency: String, language: Language) -> String {
        let grouped = group(plain)
        guard currency == "CNY" else { return grouped + " " + currency }
        return language == .zh ? grouped + " 元" : "¥" + grouped
    }

    /// Which way the money went, in words (`paid`, `refund paid`, `received`; 支出, 退款支出, 收入):
    /// the dispute report, the scan table's transaction lines and `history list` all say it so.
    public static func direction(_ transaction: Transaction, language: Language) -> String {
        let zh = language == .zh
        switch transaction.direction {
        case .outflow: return transaction.isRefund ? (zh ? "退款支出" : "refund paid") : (zh ? "支出" : "paid")
        case .inflow: return zh ? "收入" : "received"
        case .neutral: return zh ? "不计收支" : "neither in nor out"
        }
    }

    /// What the rows paid (outflows that are not refunds), per currency in first-seen order; a
    /// currency whose sum would overflow is left out. The scan table's "total" and the dispute
    /// report's "total in dispute" both come from here.
    package static func paidTotals(_ transactions: [Transaction]) -> [(currency: String, minor: Int64)] {
        var order: [String] = []
        var sums: [String: Int64] = [:]
        var broken = Set<String>()
        for t in transactions where t.direction == .outflow && !t.isRefund {
            if sums[t.currency] == nil {
                order.append(t.currency)
                sums[t.currency] = 0
            }
            let (sum, overflow) = (sums[t.currency] ?? 0).addingReportingOverflow(t.amountMinor)
            if overflow { broken.insert(t.currency) } else { sums[t.currency] = sum }
        }
        return order.filter { !broken.contains($0) }.map { ($0, sums[$0] ?? 0) }
    }

    /// Thousands separators in the integer part of a plain decimal (`-1234.5` → `-1,234.5`).
    static func group(_ plain: String) -> String {
        let negative = plain.hasPrefix("-")
        let body = negative ? plain.dropFirst() : Substring(plain)
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let digits = Array(parts[0])
        var integer = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { integer.append(",") }
            integer.append(digit)
        }
        let fraction = parts.count > 1 ? "." + parts[1] : ""
        return (negative ? "-" : "") + integer + fraction
    }

    /// The transaction's time as the wallet shows it, in the statement's own zone
    /// (`2024-06-01 12:34:56`; a date alone for date-only sources).
    public static func walletTime(_ transaction: Transaction) -> String {
        let text = ByteParsing.formatLocal(
            timestamp: transaction.timestamp, offsetSeconds: transaction.utcOffsetSeconds,
            withTime: transaction.hasTime)
        // formatLocal appends " +08:00" to timed rows: the wallet's own screen shows no offset.
        return transaction.hasTime ? String(text.prefix(19)) : text
    }

    /// The zone as `UTC+08:00`, for reports that name it once beside each time.
    public static func zone(_ transaction: Transaction) -> String {
        let offset = Int(transaction.utcOffsetSeconds)
        let magnitude = abs(offset)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "UTC" + (offset < 0 ? "-" : "+") + two(magnitude / 3600) + ":" + two(magnitude % 3600 / 60)
    }
}
