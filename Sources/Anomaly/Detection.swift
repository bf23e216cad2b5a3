// Runs the detectors in a fixed order. A transaction explained by an earlier, more specific alert
// (a balance gap, a double charge, card testing, structuring) is "claimed" and not reported again by
// the broader ones, so each story gets one alert.
import Statements
import WalletCore

/// Runs every detector over a ledger.
///
/// ```swift
/// let statement = try StatementReader.read(path: "bill.csv", options: ReadOptions())
/// let ledger = Ledger(items: IdentifiedTransaction.identify(statement.transactions, fileIndex: 0))
/// for alert in Detection.run(ledger) where alert.severity >= .medium {
///     print(alert.id, alert.explanation.en)
/// }
/// ```
public enum Detection {
    /// All alerts on in-scope transactions, ordered by first time, kind and id.
    public static func run(_ ledger: Ledger, config: DetectorConfig = .default) -> [Alert] {
        var context = DetectionContext(ledger: ledger, config: config)
        BalanceGapDetector.run(&context)
        DuplicateDetector.run(&context)
        CardTestingDetector.run(&context)
        StructuringDetector.run(&context)
        VelocityDetector.run(&context)
        RecurringDetector.run(&context)
        ForeignCurrencyDetector.run(&context)
        NewPayeeDetector.run(&context)
        OutlierDetector.run(&context)
        OddHourDetector.run(&context)
        return context.alerts.sorted {
            ($0.firstTime, $0.kind, $0.id) < ($1.firstTime, $1.kind, $1.id)
        }
    }
}

struct DetectionContext {
    let ledger: Ledger
    let config: DetectorConfig
    var claimed: [Bool]
    /// The home currency (set by the foreign-currency detector, which runs before the hour detector).
    var homeCurrency = "CNY"
    var alerts: [Alert] = []

    init(ledger: Ledger, config: DetectorConfig) {
        self.ledger = ledger
        self.config = config
        claimed = [Bool](repeating: false, count: ledger.items.count)
    }

    /// Records an alert when at least one of its transactions is in scope; claims them if asked.
    mutating func emit(
        _ kind: AlertKind, _ severity: Severity, indexes: [Int], explanation: LocalizedText,
        numbers: [String: Double], reasoning: [LocalizedText], claim: Bool = true
    ) {
        guard let first = indexes.first, indexes.contains(where: { ledger.inScope[$0] }) else { return }
        if claim { for index in indexes { claimed[index] = true } }
        let ordered = indexes.sorted {
            (ledger.timestamps[$0], $0) < (ledger.timestamps[$1], $1)
        }
        alerts.append(
            Alert(
                kind: kind, severity: severity, transactionIds: ordered.map(ledger.id), explanation: explanation,
                numbers: numbers.mapValues { $0.isFinite ? $0 : 0 }, reasoning: reasoning,
                firstTime: ledger.time(ordered.first ?? first),
                ledgerIndexes: ordered))
    }
}
