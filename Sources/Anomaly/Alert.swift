// What a detector reports: the kind, how serious, which transactions, why (in both languages),
// the numbers behind it, and the full reasoning for --explain.
import Statements
import WalletCore

public enum AlertKind: String, Sendable, Codable, CaseIterable, Comparable {
    case duplicate
    case amountOutlier = "amount_outlier"
    case velocity
    case cardTesting = "card_testing"
    case newPayeeLarge = "new_payee_large"
    case oddHour = "odd_hour"
    case recurringChange = "recurring_change"
    case foreignCurrency = "foreign_currency"
    case structuring
    case balanceGap = "balance_gap"

    var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }
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

public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
    case low, medium, high

    var rank: Int {
        switch self {
        case .low: return 0
        case .medium: return 1
        case .high: return 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

public struct Alert: Sendable, Codable, Equatable {
    /// Stable across runs: kind prefix + hash of the transaction ids.
    public var id: String
    public var kind: AlertKind
    public var severity: Severity
    /// The source's own ids (交易订单号, 交易单号, FITID), else our fingerprints.
    public var transactionIds: [String]
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

    public init(
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
    public static func prefix(of kind: AlertKind) -> String { kind.prefix }

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
