// What a detector reports: the kind, how serious, which transactions, why (in both languages),
// the numbers behind it, and the full reasoning for --explain.
import Statements
import WalletCore

/// What a detector found; the raw value is the name in JSON and docs/statements.md.
public enum AlertKind: String, Sendable, Codable, CaseIterable, Comparable {
    /// The same amount to the same counterparty twice within minutes (a double charge).
    case duplicate
    /// An amount far above what the user usually pays this counterparty or category.
    case amountOutlier = "amount_outlier"
    /// Far more payments in an hour or a day than the user usually makes.
    case velocity
    /// A run of tiny charges to new counterparties (someone testing a stolen card), maybe then a large one.
    case cardTesting = "card_testing"
    /// A large first payment to a counterparty never paid before.
    case newPayeeLarge = "new_payee_large"
    /// Payments at an hour the user almost never pays at.
    case oddHour = "odd_hour"
    /// A subscription whose amount changed, or a new recurring charge.
    case recurringChange = "recurring_change"
    /// A payment in a currency other than the home one, or marked cross-border.
    case foreignCurrency = "foreign_currency"
    /// Repeated round or just-below-threshold amounts within a week.
    case structuring
    /// A reported balance that does not follow from the previous one and the amount.
    case balanceGap = "balance_gap"

    var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }
    /// Detector order (the order reports list kinds in).
    public static func < (lhs: AlertKind, rhs: AlertKind) -> Bool { lhs.order < rhs.order }

    /// Short id prefix for alert ids.
    var prefix: String {
        switch self {
        case .duplicate: return "dup"
        case .amountOutlier: return "out"
        case .velocity: return "vel"
        case .cardTesting: return "card"
        case .newPayeeLarge: return "newp"
        case .oddHour: return "hour"
        case .recurringChange: return "rec"
        case .foreignCurrency: return "fx"
        case .structuring: return "str"
        case .balanceGap: return "bal"
        }
    }
}

/// How urgent an alert is.
public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
    /// Worth a look, probably wrong, act now.
    case low, medium, high

    var rank: Int {
        switch self {
        case .low: return 0
        case .medium: return 1
        case .high: return 2
        }
    }

    /// `low < medium < high`.
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// One suspicious transaction or group of them, explained in English and Chinese.
public struct Alert: Sendable, Codable, Equatable {
    /// Stable across runs: kind prefix + hash of the transaction ids.
    public var id: String
    /// The detector that raised it.
    public var kind: AlertKind
    /// How urgent it is.
    public var severity: Severity
    /// The source's own ids (交易订单号, 交易单号, FITID), else our fingerprints.
    public var transactionIds: [String]
    /// One sentence saying what looks wrong.
    public var explanation: LocalizedText
    /// The numbers behind the alert (amounts in minor units, ratios, scores, counts).
    public var numbers: [String: Double]
    /// Every step of the reasoning, for --explain.
    public var reasoning: [LocalizedText]
    /// Local time of the first transaction, with offset.
    public var firstTime: String

    /// Positions in the ledger the detectors ran on (not encoded).
    public var ledgerIndexes: [Int] = []

    enum CodingKeys: String, CodingKey {
        case id, kind, severity, transactionIds, explanation, numbers, reasoning, firstTime
    }

    /// An alert; its id is derived from the kind and transaction ids (detectors make them).
    package init(
        kind: AlertKind, severity: Severity, transactionIds: [String], explanation: LocalizedText,
        numbers: [String: Double], reasoning: [LocalizedText], firstTime: String, ledgerIndexes: [Int]
    ) {
        self.id = Alert.makeID(kind: kind, transactionIds: transactionIds)
        self.kind = kind
        self.severity = severity
        self.transactionIds = transactionIds
        self.explanation = explanation
        self.numbers = numbers
        self.reasoning = reasoning
        self.firstTime = firstTime
        self.ledgerIndexes = ledgerIndexes
    }

    /// The id prefix alerts of a kind carry (`dup`, `out`, ...).
    package static func prefix(of kind: AlertKind) -> String { kind.prefix }

    static func makeID(kind: AlertKind, transactionIds: [String]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for id in transactionIds.sorted() {
            for byte in id.utf8 {
                hash ^= UInt64(byte)
                hash &*= 0x100_0000_01b3
            }
            hash ^= 0x2c
            hash &*= 0x100_0000_01b3
        }
        let hex = String(hash & 0xffff_ffff, radix: 16)
        return kind.prefix + "-" + String(repeating: "0", count: 8 - hex.count) + hex
    }
}
