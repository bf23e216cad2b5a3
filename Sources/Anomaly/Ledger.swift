// The detectors' working view of the transactions: time-sorted indexes, interned counterparties and
// categories, and the payments (outflows that really left the account) the spending detectors judge.
import Statements
import WalletCore

#if canImport(Glibc)
    import Glibc
#endif

/// The transactions detectors run on: scanned rows (reportable) and baseline rows, indexed for speed.
public struct Ledger {
    /// The transactions, in the order given (alerts' `ledgerIndexes` point here).
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
    /// Per item: a red packet (红包), sent in bursts and in repeated amounts on purpose.
    let redPacket: [Bool]
    /// Per counterparty id: does money also come back from it (own accounts, friends who settle AA splits)?
    let counterpartyPaysBack: [Bool]
    /// For each item: is it the first payment (in time) to its counterparty?
    let firstPayment: [Bool]
    /// Payments grouped by counterparty id, in time order within each group: counterparty `c`'s are
    /// `paymentsByCounterparty[counterpartyStart[c]..<counterpartyStart[c + 1]]`. One flat array
    /// built once, instead of an array per counterparty in every detector that needs the series.
    let paymentsByCounterparty: [Int]
    let counterpartyStart: [Int]
    /// Per counterparty id: paid on a regular schedule (rent, a loan, a subscription), see
    /// ``Ledger/isRegularSchedule(_:)``.
    let regularPayee: [Bool]
    /// Columns of the hot fields, so detectors never copy whole transactions.
    let timestamps: [Int64]
    let amounts: [Int64]
    let timed: [Bool]
    let startTime: Int64
    let endTime: Int64
    /// Order ids that were refunded (so a refunded double charge is not reported).
    let refunded: Set<String>

    /// Indexes `items`; `inScope` (one flag per item, default all) marks those alerts may report.
    public init(items: [IdentifiedTransaction], inScope: [Bool]? = nil) {
        self.items = items
        self.inScope = inScope ?? [Bool](repeating: true, count: items.count)
        let count = items.count
        // Sort by packing (time offset, index) into one integer: much faster than a closure sort.
        var minTime = Int64.max
        var maxTime = Int64.min
        for index in 0..<count {
            minTime = min(minTime, items[index].transaction.timestamp)
            maxTime = max(maxTime, items[index].transaction.timestamp)
        }
        if count == 0 {
            minTime = 0
            maxTime = 0
        }
        startTime = minTime
        endTime = maxTime
        var timestamps = [Int64](repeating: 0, count: count)
        var amounts = [Int64](repeating: 0, count: count)
        var timed = [Bool](repeating: false, count: count)
        var keys = [UInt64](repeating: 0, count: count)
        for index in 0..<count {
            let time = items[index].transaction.timestamp
            timestamps[index] = time
            amounts[index] = items[index].transaction.amountMinor
            timed[index] = items[index].transaction.hasTime
            // Wrapping: stored times are range-checked on restore; an absurd span must still not trap.
            keys[index] = UInt64(bitPattern: time &- minTime) &<< 26 | UInt64(index)
        }
        self.timestamps = timestamps
        self.amounts = amounts
        self.timed = timed
        if count < (1 << 26) && maxTime - minTime < (1 << 37) {
            keys.sort()
            byTime = keys.map { Int($0 & ((1 << 26) - 1)) }
        } else {
            byTime = (0..<count).sorted { (timestamps[$0], $0) < (timestamps[$1], $1) }
        }
        var names = StringInterner()
        var categories = StringInterner(expected: 64)
        var counterparty = [Int32](repeating: 0, count: count)
        var category = [Int32](repeating: 0, count: count)
        var refunded = Set<String>()
        for index in 0..<count {
            counterparty[index] = names.id(items[index].transaction.counterparty)
            category[index] = categories.id(items[index].transaction.category)
            if items[index].transaction.isRefund, let original = items[index].transaction.refundOf {
                refunded.insert(original)
            }
        }
        var payments: [Int] = []
        payments.reserveCapacity(count)
        var redPacket = [Bool](repeating: false, count: count)
        var paymentCount = [Int32](repeating: 0, count: names.names.count)
        var first = [Bool](repeating: false, count: count)
        var seen = [Bool](repeating: false, count: names.names.count)
        // Statuses repeat ("交易成功" on almost every row): remember the last verdict.
        var lastStatus = ""
        var lastVerdict = true
        for index in self.byTime
        where items[index].transaction.direction == .outflow && !items[index].transaction.isRefund {
            if items[index].transaction.status != lastStatus {
                lastStatus = items[index].transaction.status
                lastVerdict = Ledger.isPayment(.outflow, false, lastStatus)
            }
            guard lastVerdict else { continue }
            payments.append(index)
            if Ledger.isRedPacket(note: items[index].transaction.note, category: items[index].transaction.category) {
                redPacket[index] = true
            }
            let id = Int(counterparty[index])
            paymentCount[id] += 1
            if !seen[id] {
                seen[id] = true
                first[index] = true
            }
        }
        self.payments = payments
        self.redPacket = redPacket
        self.counterparty = counterparty
        self.counterpartyNames = names.names
        self.category = category
        self.counterpartyPaymentCount = paymentCount
        var paysBack = [Bool](repeating: false, count: names.names.count)
        for index in 0..<count where items[index].transaction.direction == .inflow && !items[index].transaction.isRefund
        {
            paysBack[Int(counterparty[index])] = true
        }
        self.counterpartyPaysBack = paysBack
        self.firstPayment = first
        self.refunded = refunded
        var start = [Int](repeating: 0, count: paymentCount.count + 1)
        for id in paymentCount.indices { start[id + 1] = start[id] + Int(paymentCount[id]) }
        var cursor = start
        var grouped = [Int](repeating: 0, count: payments.count)
        for index in payments {
            let id = Int(counterparty[index])
            grouped[cursor[id]] = index
            cursor[id] += 1
        }
        var regular = [Bool](repeating: false, count: paymentCount.count)
        var intervals: [Double] = []
        for id in paymentCount.indices where paymentCount[id] >= 3 {
            intervals.removeAll(keepingCapacity: true)
            for position in (start[id] + 1)..<start[id + 1] {
                intervals.append(Double(timestamps[grouped[position]] &- timestamps[grouped[position - 1]]))
            }
            regular[id] = Ledger.isRegularSchedule(&intervals)
        }
        self.paymentsByCounterparty = grouped
        self.counterpartyStart = start
        self.regularPayee = regular
    }

    /// The payment indexes of one counterparty id, in time order.
    func payments(ofCounterparty id: Int32) -> ArraySlice<Int> {
        paymentsByCounterparty[counterpartyStart[Int(id)]..<counterpartyStart[Int(id) + 1]]
    }

    /// A payee paid on a schedule (rent, a loan, a subscription): at least two intervals between
    /// payments, whose median is a week (±1 day), a fortnight (±2) or a month (26–35 days, ±4), with
    /// at least 70% of the intervals that close to it. Reorders `intervals` (seconds).
    static func isRegularSchedule(_ intervals: inout [Double]) -> Bool {
        guard intervals.count >= 2 else { return false }
        let typical = medianInPlace(&intervals)
        let day = 86400.0
        // Tolerance grows with the period: a weekly debit moves by a day, a monthly one by a few.
        let tolerance: Double
        if (6 * day...8 * day).contains(typical) {
            tolerance = day
        } else if (13 * day...16 * day).contains(typical) {
            tolerance = 2 * day
        } else if (26 * day...35 * day).contains(typical) {
            tolerance = 4 * day
        } else {
            return false
        }
        var near = 0
        for interval in intervals where abs(interval - typical) <= tolerance { near += 1 }
        return Double(near) >= 0.7 * Double(intervals.count)
    }

    static func isPayment(_ direction: Direction, _ isRefund: Bool, _ status: String) -> Bool {
        guard direction == .outflow, !isRefund else { return false }
        if status.isEmpty { return true }
        return
            !(TextSearch.contains(status, "关闭") || TextSearch.contains(status, "失败")
            || TextSearch.contains(status, "撤销") || TextSearch.contains(status, "FAILED")
            || TextSearch.contains(status, "failed") || TextSearch.contains(status, "ancel"))
    }

    func transaction(_ index: Int) -> Transaction { items[index].transaction }
    func id(_ index: Int) -> String { items[index].id }

    /// "¥1234.56" for yuan (two decimals), "12.50 USD" for any other currency.
    func money(_ minor: Int64, _ currency: String = "CNY") -> String {
        let digits = ByteParsing.formatMinor(minor, scale: ByteParsing.scale(ofCurrency: currency))
        guard currency == "CNY" || currency == "RMB" else { return digits + " " + currency }
        return digits.hasPrefix("-") ? "-¥" + digits.dropFirst() : "¥" + digits
    }

    /// Whether the row carries the source's own transaction number (date-only QIF rows and many bank
    /// CSVs do not; their ids are our fingerprints, so "each with its own order number" would be untrue).
    func hasOrderNumber(_ index: Int) -> Bool {
        items[index].transaction.sourceID != nil || !items[index].transaction.merchantOrderID.isEmpty
    }

    /// The row's local date, "2024-03-05".
    func day(_ index: Int) -> String {
        let (year, month, day) = ByteParsing.civil(fromDays: floorDiv(items[index].transaction.localSeconds, 86400))
        return "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }

    /// A red packet (红包): the note or category says so, but not Alipay's broad "转账红包" category alone.
    /// Takes the two fields, not the row (a copy of a row retains every string in it), and compares the
    /// category's bytes: `==` on non-ASCII strings goes through Unicode normalisation, once per payment.
    static func isRedPacket(note: String, category: String) -> Bool {
        if TextSearch.contains(note, "红包") { return true }
        let wechat: StaticString = "微信红包"
        guard category.utf8.count == wechat.utf8CodeUnitCount else { return false }
        var bytes = category
        return bytes.withUTF8 { memcmp($0.baseAddress!, wechat.utf8Start, $0.count) == 0 }
    }

    /// 06-18, 11-11 or 12-12 (local date): the shopping festivals.
    static func isShoppingFestival(_ transaction: Transaction) -> Bool {
        let (_, month, day) = ByteParsing.civil(fromDays: floorDiv(transaction.localSeconds, 86400))
        return (month == 6 && day == 18) || (month == 11 && day == 11) || (month == 12 && day == 12)
    }

    /// "2 min 5 s" / "2 分 5 秒", "40 s" / "40 秒".
    static func duration(seconds: Int64) -> LocalizedText {
        if seconds < 60 { return LocalizedText(en: "\(seconds) s", zh: "\(seconds) 秒") }
        let rest = seconds % 60
        return LocalizedText(
            en: "\(seconds / 60) min" + (rest == 0 ? "" : " \(rest) s"),
            zh: "\(seconds / 60) 分" + (rest == 0 ? "钟" : " \(rest) 秒"))
    }

    func time(_ index: Int) -> String {
        let transaction = items[index].transaction
        return ByteParsing.formatLocal(
            timestamp: transaction.timestamp, offsetSeconds: transaction.utcOffsetSeconds,
            withTime: transaction.hasTime)
    }

    func describe(_ index: Int) -> String {
        let transaction = items[index].transaction
        return
            "\(time(index)) \(money(transaction.amountMinor, transaction.currency)) → \(transaction.counterparty) [\(id(index))]"
    }
}

/// Quantile of a sorted array (nearest rank).
func quantile<T: Comparable>(_ sorted: [T], _ q: Double) -> T? {
    guard !sorted.isEmpty else { return nil }
    let rank = Int((Double(sorted.count - 1) * q).rounded())
    return sorted[min(max(rank, 0), sorted.count - 1)]
}

/// The k-th smallest element (0-based) by quickselect: O(n), reorders `values`.
func select<T: Comparable>(_ values: inout [T], _ k: Int) -> T {
    var low = 0
    var high = values.count - 1
    while low < high {
        // Median of three as the pivot keeps sorted input linear.
        let middle = low + (high - low) / 2
        if values[middle] < values[low] { values.swapAt(middle, low) }
        if values[high] < values[low] { values.swapAt(high, low) }
        if values[high] < values[middle] { values.swapAt(high, middle) }
        let pivot = values[middle]
        var i = low
        var j = high
        while i <= j {
            while values[i] < pivot { i += 1 }
            while pivot < values[j] { j -= 1 }
            if i <= j {
                values.swapAt(i, j)
                i += 1
                j -= 1
            }
        }
        if k <= j {
            high = j
        } else if k >= i {
            low = i
        } else {
            return values[k]
        }
    }
    return values[k]
}

/// Nearest-rank quantile without sorting.
func quantileUnsorted<T: Comparable>(_ values: [T], _ q: Double) -> T? {
    guard !values.isEmpty else { return nil }
    var copy = values
    let rank = Int((Double(copy.count - 1) * q).rounded())
    return select(&copy, min(max(rank, 0), copy.count - 1))
}

/// Median without sorting (mean of the two middle values for an even count).
func medianUnsorted(_ values: [Double]) -> Double {
    var copy = values
    return medianInPlace(&copy)
}

/// ``medianUnsorted(_:)`` on the caller's array, which it reorders (no copy).
func medianInPlace(_ values: inout [Double]) -> Double {
    guard !values.isEmpty else { return 0 }
    let middle = values.count / 2
    let upper = select(&values, middle)
    guard values.count % 2 == 0 else { return upper }
    // After selecting, everything before `middle` is ≤ upper: the lower middle is their maximum.
    let lower = values[0..<middle].max() ?? upper
    return (lower + upper) / 2
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

/// Division rounding toward minus infinity (dates before 1970 stay on the right day).
func floorDiv(_ value: Int64, _ divisor: Int64) -> Int64 {
    let quotient = value / divisor
    return value % divisor < 0 ? quotient - 1 : quotient
}
