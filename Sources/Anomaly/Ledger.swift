// The detectors' working view of the transactions: time-sorted indexes, interned counterparties and
// categories, and the payments (outflows that really left the account) the spending detectors judge.
import Statements

public struct Ledger {
    public let items: [IdentifiedTransaction]
    /// Which items may be reported (the scanned files, after --since); others are baseline only.
    public let inScope: [Bool]
    /// All item indexes in time order (ties keep input order).
    let byTime: [Int]
    /// Payments in time order: outflows that are not refunds and did not fail or close.
    let payments: [Int]
    /// Counterparty id per item (interned; the empty name is its own id).
    let counterparty: [Int32]
    let counterpartyNames: [String]
    let category: [Int32]
    /// Payments per counterparty id.
    let counterpartyPaymentCount: [Int32]
    /// For each item: is it the first payment (in time) to its counterparty?
    let firstPayment: [Bool]
    let startTime: Int64
    let endTime: Int64
    /// Order ids that were refunded (so a refunded double charge is not reported).
    let refunded: Set<String>

    public init(items: [IdentifiedTransaction], inScope: [Bool]? = nil) {
        self.items = items
        self.inScope = inScope ?? [Bool](repeating: true, count: items.count)
        let count = items.count
        // Sort by packing (time offset, index) into one integer: much faster than a closure sort.
        let minTime = items.lazy.map(\.transaction.timestamp).min() ?? 0
        let maxTime = items.lazy.map(\.transaction.timestamp).max() ?? 0
        startTime = minTime
        endTime = maxTime
        var keys = [UInt64](repeating: 0, count: count)
        for index in 0..<count {
            keys[index] = UInt64(items[index].transaction.timestamp - minTime) << 26 | UInt64(index)
        }
        if count < (1 << 26) && maxTime - minTime < (1 << 37) {
            keys.sort()
            byTime = keys.map { Int($0 & ((1 << 26) - 1)) }
        } else {
            byTime = (0..<count).sorted {
                (items[$0].transaction.timestamp, $0) < (items[$1].transaction.timestamp, $1)
            }
        }
        var names: [String: Int32] = [:]
        var nameList: [String] = []
        var categories: [String: Int32] = [:]
        var counterparty = [Int32](repeating: 0, count: count)
        var category = [Int32](repeating: 0, count: count)
        var refunded = Set<String>()
        for index in 0..<count {
            let transaction = items[index].transaction
            let name = transaction.counterparty
            if let id = names[name] {
                counterparty[index] = id
            } else {
                let id = Int32(nameList.count)
                names[name] = id
                nameList.append(name)
                counterparty[index] = id
            }
            if let id = categories[transaction.category] {
                category[index] = id
            } else {
                let id = Int32(categories.count)
                categories[transaction.category] = id
                category[index] = id
            }
            if transaction.isRefund, let original = transaction.refundOf { refunded.insert(original) }
        }
        var payments: [Int] = []
        payments.reserveCapacity(count)
        var paymentCount = [Int32](repeating: 0, count: nameList.count)
        var first = [Bool](repeating: false, count: count)
        var seen = [Bool](repeating: false, count: nameList.count)
        for index in self.byTime where Ledger.isPayment(items[index].transaction) {
            payments.append(index)
            let id = Int(counterparty[index])
            paymentCount[id] += 1
            if !seen[id] {
                seen[id] = true
                first[index] = true
            }
        }
        self.payments = payments
        self.counterparty = counterparty
        self.counterpartyNames = nameList
        self.category = category
        self.counterpartyPaymentCount = paymentCount
        self.firstPayment = first
        self.refunded = refunded
    }

    static func isPayment(_ transaction: Transaction) -> Bool {
        guard transaction.direction == .outflow, !transaction.isRefund else { return false }
        let status = transaction.status
        if status.isEmpty { return true }
        return !(status.contains("关闭") || status.contains("失败") || status.contains("撤销")
            || status.lowercased().contains("failed") || status.lowercased().contains("cancel"))
    }

    func transaction(_ index: Int) -> Transaction { items[index].transaction }
    func id(_ index: Int) -> String { items[index].id }

    /// "1234.56 CNY"
    func money(_ minor: Int64, _ currency: String = "CNY") -> String {
        ByteParsing.formatMinor(minor, scale: ByteParsing.scale(ofCurrency: currency)) + " " + currency
    }

    func time(_ index: Int) -> String {
        let transaction = items[index].transaction
        return ByteParsing.formatLocal(
            timestamp: transaction.timestamp, offsetSeconds: transaction.utcOffsetSeconds,
            withTime: transaction.hasTime)
    }

    func describe(_ index: Int) -> String {
        let transaction = items[index].transaction
        return "\(time(index)) \(money(transaction.amountMinor, transaction.currency)) → \(transaction.counterparty) [\(id(index))]"
    }
}

/// Quantile of a sorted array (nearest rank).
func quantile<T: Comparable>(_ sorted: [T], _ q: Double) -> T? {
    guard !sorted.isEmpty else { return nil }
    let rank = Int((Double(sorted.count - 1) * q).rounded())
    return sorted[min(max(rank, 0), sorted.count - 1)]
}

func median(_ sorted: [Double]) -> Double {
    guard !sorted.isEmpty else { return 0 }
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

func format(_ value: Double, digits: Int = 2) -> String {
    var factor = 1.0
    for _ in 0..<digits { factor *= 10 }
    let rounded = (value * factor).rounded() / factor
    var text = String(rounded)
    if text.hasSuffix(".0") { text.removeLast(2) }
    return text
}
