// Detectors of short bursts of payments: double charges, card testing, velocity, structuring.
import Statements
import WalletCore

enum DuplicateDetector {

    /// Same counterparty, same amount, different id, within the window; refunded payments are excluded.
    static func run(_ context: inout DetectionContext) {
        let ledger = context.ledger
        let window = context.config.duplicateWindowSeconds
        // Key: counterparty id and amount packed into one integer (cheap to hash).
        // Open addressing over two flat arrays: a Dictionary here cost as much as the rest of the
        // detector (hashing, resizing, an allocation per growth step) for a million payments.
        var capacity = 1024
        while capacity < ledger.payments.count * 2 { capacity <<= 1 }
        let mask = capacity - 1
        var keys = [UInt64](repeating: 0, count: capacity)
        var lastIndex = [Int](repeating: -1, count: capacity)
        /// Stores `index` under `key`; returns the index stored before, if any.
        func updateLast(_ key: UInt64, _ index: Int) -> Int? {
            var hash = key &* 0x9e37_79b9_7f4a_7c15
            hash ^= hash >> 29
            var slot = Int(truncatingIfNeeded: hash) & mask
            while lastIndex[slot] >= 0 {
                if keys[slot] == key {
                    let previous = lastIndex[slot]
                    lastIndex[slot] = index
                    return previous
                }
                slot = (slot + 1) & mask
            }
            keys[slot] = key
            lastIndex[slot] = index
            return nil
        }
        var groups: [Int: [Int]] = [:]  // original index -> duplicates
        var groupOf: [Int: Int] = [:]
        for index in ledger.payments {
            let key =
                UInt64(UInt32(bitPattern: ledger.counterparty[index])) << 40 ^ UInt64(bitPattern: ledger.amounts[index])
            guard let previous = updateLast(key, index) else { continue }
            let gap = ledger.timestamps[index] - ledger.timestamps[previous]
            guard gap <= window, ledger.counterparty[previous] == ledger.counterparty[index],
                ledger.amounts[previous] == ledger.amounts[index], ledger.id(previous) != ledger.id(index),
                // The same charge shown once in each currency of a multi-currency account is not a double charge.
                ledger.items[previous].transaction.currency == ledger.items[index].transaction.currency
            else { continue }
            if let source = ledger.transaction(index).sourceID, ledger.refunded.contains(source) { continue }
            if let source = ledger.transaction(previous).sourceID, ledger.refunded.contains(source) { continue }
            // Several red packets of one amount to one person (春节, a birthday) are sent on purpose.
            if ledger.redPacket[index] { continue }
            let original = groupOf[previous] ?? previous
            groups[original, default: []].append(index)
            groupOf[index] = original
        }
        // Date-only rows: a repeat on the same day is only suspicious when it is large enough to matter and
        // the user does not habitually pay this counterparty the same amount twice a day.
        var habitual: [Int32: Int] = [:]
        for (original, duplicates) in groups where !ledger.timed[original] {
            habitual[ledger.counterparty[original], default: 0] += duplicates.count
        }
        for (original, duplicates) in groups.sorted(by: { $0.key < $1.key }) {
            let first = ledger.transaction(original)
            let members = [original] + duplicates
            let timed = members.allSatisfy { ledger.timed[$0] }
            if !timed {
                guard first.amountMinor >= context.config.duplicateDateOnlyMinimumMinor,
                    (habitual[ledger.counterparty[original]] ?? 0) <= duplicates.count
                else { continue }
            }
            let orderNumbers = members.allSatisfy { ledger.hasOrderNumber($0) }
            let lastDuplicate = ledger.transaction(duplicates[duplicates.count - 1])
            let gap = lastDuplicate.timestamp - first.timestamp
            let smallestGap =
                duplicates.map { ledger.timestamps[$0] }.enumerated().map { offset, time in
                    time - (offset == 0 ? first.timestamp : ledger.timestamps[duplicates[offset - 1]])
                }.min() ?? gap
            let severity: Severity =
                !timed ? .low : (smallestGap <= context.config.duplicateHighSeconds ? .high : .medium)
            let copies = duplicates.count + 1
            let amount = ledger.money(first.amountMinor, first.currency)
            let within = Ledger.duration(seconds: gap)
            let explanation: LocalizedText
            if !timed {
                explanation = LocalizedText(
                    en:
                        "Possible duplicate: \(copies) payments of \(amount) to \(first.counterparty) on \(ledger.day(original)); the statement has no times, so this may be two real purchases",
                    zh:
                        "可能重复扣款：\(ledger.day(original)) 当天向\(first.counterparty)支付了 \(copies) 笔 \(amount)；账单没有具体时间，也可能是两笔真实消费"
                )
            } else {
                explanation = LocalizedText(
                    en:
                        "Possible double charge: \(copies) payments of \(amount) to \(first.counterparty) within \(within.en)\(orderNumbers ? ", each with its own order number" : ""). Check whether you paid more than once",
                    zh:
                        "可能重复扣款：\(within.zh)内向\(first.counterparty)支付了 \(copies) 笔 \(amount)\(orderNumbers ? "，订单号各不相同" : "")。请核对您是否只付过一次"
                )
            }
            context.emit(
                .duplicate, severity, indexes: members,
                explanation: explanation,
                numbers: [
                    "count": Double(copies), "amount_minor": Double(first.amountMinor), "span_seconds": Double(gap),
                    "smallest_gap_seconds": Double(smallestGap),
                ],
                reasoning: [
                    LocalizedText(
                        en:
                            "Payments are grouped by counterparty, currency and exact amount; a repeat within \(context.config.duplicateWindowSeconds) s with a different transaction id is a suspected duplicate.",
                        zh: "按对方、币种与精确金额分组；\(context.config.duplicateWindowSeconds) 秒内交易号不同的重复支付视为疑似重复扣款。"),
                    timed
                        ? LocalizedText(
                            en:
                                "Refunded payments are left out. Smallest gap \(smallestGap) s; high severity at ≤ \(context.config.duplicateHighSeconds) s.",
                            zh: "已退款的支付不计入。最短间隔 \(smallestGap) 秒；≤ \(context.config.duplicateHighSeconds) 秒为高严重度。")
                        : LocalizedText(
                            en:
                                "The rows carry dates only: a same-day repeat counts only at or above \(ledger.money(context.config.duplicateDateOnlyMinimumMinor)) and when this counterparty has no other same-day repeats; always low severity.",
                            zh:
                                "这些行只有日期：同日重复仅在金额 ≥ \(ledger.money(context.config.duplicateDateOnlyMinimumMinor)) 且该对方没有其他同日重复时计入，严重度始终为低。"
                        ),
                ])
        }
    }
}

enum CardTestingDetector {
    /// A run of tiny charges, mostly to rarely seen counterparties, plus a larger charge close by.
    static func run(_ context: inout DetectionContext) {
        let ledger = context.ledger
        let config = context.config
        var run: [Int] = []
        func rare(_ index: Int) -> Bool { ledger.counterpartyPaymentCount[Int(ledger.counterparty[index])] <= 2 }
        func flush(_ context: inout DetectionContext) {
            defer { run.removeAll() }
            guard run.count >= config.cardTestingMinimumRun else { return }
            let newPayees = run.filter(rare).count
            guard newPayees >= config.cardTestingMinimumNewPayees else { return }
            let startTime = ledger.timestamps[run[0]]
            let endTime = ledger.timestamps[run[run.count - 1]]
            // The largest non-tiny payment within the window around the run, if any.
            var large: Int?
            let low = lowerBound(ledger, startTime - config.cardTestingLargeWindowSeconds)
            var position = low
            while position < ledger.payments.count {
                let index = ledger.payments[position]
                let time = ledger.timestamps[index]
                if time > endTime + config.cardTestingLargeWindowSeconds { break }
                let amount = ledger.amounts[index]
                if amount > config.tinyAmountMinor, !context.claimed[index], rare(index),
                    large.map({ amount > ledger.amounts[$0] }) ?? true
                {
                    large = index
                }
                position += 1
            }
            let tinyTotal = run.reduce(Int64(0)) { $0 + ledger.amounts[$1] }
            var indexes = run
            var numbers: [String: Double] = [
                "tiny_count": Double(run.count), "new_payees": Double(newPayees), "tiny_total_minor": Double(tinyTotal),
                "span_seconds": Double(endTime - startTime),
            ]
            var en =
                "Someone may be testing your card: \(run.count) tiny charges (\(ledger.money(tinyTotal)) in all) within \(Ledger.duration(seconds: endTime - startTime).en), \(newPayees) of them at shops you had rarely or never paid"
            var zh =
                "疑似有人在试刷您的卡：\(Ledger.duration(seconds: endTime - startTime).zh)内 \(run.count) 笔小额扣款，共 \(ledger.money(tinyTotal))，其中 \(newPayees) 笔付给您很少或从未付过款的商户"
            if let large {
                indexes.append(large)
                let transaction = ledger.transaction(large)
                numbers["large_amount_minor"] = Double(transaction.amountMinor)
                en +=
                    ", then \(ledger.money(transaction.amountMinor, transaction.currency)) to \(transaction.counterparty). If these were not you, freeze the card"
                zh +=
                    "，随后向\(transaction.counterparty)支付了 \(ledger.money(transaction.amountMinor, transaction.currency))。如非本人操作，请立即冻结该卡"
            }
            context.emit(
                .cardTesting, large == nil ? .medium : .high, indexes: indexes,
                explanation: LocalizedText(en: en, zh: zh), numbers: numbers,
                reasoning: [
                    LocalizedText(
                        en:
                            "A charge ≤ \(ledger.money(config.tinyAmountMinor)) is tiny; a run is ≥ \(config.cardTestingMinimumRun) tiny charges each within \(config.cardTestingGapSeconds / 60) min of the previous.",
                        zh:
                            "≤ \(ledger.money(config.tinyAmountMinor)) 为小额；连续 ≥ \(config.cardTestingMinimumRun) 笔、相邻间隔 ≤ \(config.cardTestingGapSeconds / 60) 分钟的小额扣款构成一串。"
                    ),
                    LocalizedText(
                        en:
                            "At least \(config.cardTestingMinimumNewPayees) of them go to counterparties paid at most twice in the whole history (here \(newPayees)).",
                        zh: "其中至少 \(config.cardTestingMinimumNewPayees) 笔付给整个历史中最多出现两次的对方（此处 \(newPayees) 笔）。"),
                    LocalizedText(
                        en:
                            "A larger payment to a rare counterparty within \(config.cardTestingLargeWindowSeconds / 60) min of the run is the likely real fraud; it makes the alert high severity.",
                        zh: "在这串扣款前后 \(config.cardTestingLargeWindowSeconds / 60) 分钟内付给罕见对方的较大金额很可能是真正的盗刷，此时为高严重度。"),
                ])
        }
        for index in ledger.payments where !context.claimed[index] {
            // The ledger's columns, not a copy of the whole row per payment.
            guard ledger.amounts[index] <= config.tinyAmountMinor, ledger.timed[index] else { continue }
            if let previous = run.last,
                ledger.timestamps[index] - ledger.timestamps[previous] > config.cardTestingGapSeconds
            {
                flush(&context)
            }
            run.append(index)
        }
        flush(&context)
    }

    /// First position in `payments` at or after `time`.
    static func lowerBound(_ ledger: Ledger, _ time: Int64) -> Int {
        var low = 0
        var high = ledger.payments.count
        while low < high {
            let middle = (low + high) / 2
            if ledger.timestamps[ledger.payments[middle]] < time { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

enum VelocityDetector {
    static func run(_ context: inout DetectionContext) {
        hourly(&context)
        daily(&context)
    }

    /// Too many payments in one hour for this user, judged against the user's own busiest hours.
    static func hourly(_ context: inout DetectionContext) {
        let ledger = context.ledger
        let config = context.config
        // Red packets are sent in bursts on purpose (春节 eve); they are not a stolen phone's spending.
        let timed = ledger.payments.filter {
            ledger.timed[$0] && ledger.amounts[$0] > config.tinyAmountMinor
                && !ledger.redPacket[$0]
        }
        guard timed.count >= config.velocityMinimumPerHour else { return }
        let times = timed.map { ledger.timestamps[$0] }
        // counts[i] = payments in [times[i], times[i] + window)
        var counts = [Int](repeating: 0, count: times.count)
        var end = 0
        for start in times.indices {
            if end < start { end = start }
            while end < times.count, times[end] - times[start] < config.velocityWindowSeconds { end += 1 }
            counts[start] = end - start
        }
        let typical = quantileUnsorted(counts, config.velocityPercentile) ?? 1
        let threshold = max(config.velocityMinimumPerHour, Int((Double(typical) * config.velocityFactor).rounded(.up)))
        var position = 0
        while position < times.count {
            guard counts[position] >= threshold else {
                position += 1
                continue
            }
            // Merge overlapping busy windows into one burst.
            var last = position + counts[position] - 1
            var scan = position + 1
            while scan <= last, scan < times.count {
                if counts[scan] >= threshold { last = max(last, scan + counts[scan] - 1) }
                scan += 1
            }
            let members = Array(timed[position...last])
            let unclaimed = members.filter { !context.claimed[$0] }
            // Shopping festivals (618, 双十一, 双十二): a spree at the platforms is normal, so the bar doubles.
            let festival = Ledger.isShoppingFestival(ledger.items[timed[position]].transaction)
            if unclaimed.count >= (festival ? 2 * threshold : threshold) {
                let span = times[last] - times[position]
                let total = unclaimed.reduce(Int64(0)) { $0 + ledger.amounts[$1] }
                let peak = counts[position...last].max() ?? threshold
                context.emit(
                    .velocity, peak >= 2 * threshold ? .high : .medium, indexes: unclaimed,
                    explanation: LocalizedText(
                        en:
                            "Possible misuse of your account: \(unclaimed.count) payments (\(ledger.money(total)) in all) within \(Ledger.duration(seconds: span).en), far more than you usually make in an hour",
                        zh:
                            "疑似账户被盗用：\(Ledger.duration(seconds: span).zh)内连续付款 \(unclaimed.count) 笔，共 \(ledger.money(total))，远多于您平时一小时内的付款笔数"
                    ),
                    numbers: [
                        "count": Double(unclaimed.count), "peak_per_hour": Double(peak),
                        "threshold_per_hour": Double(threshold),
                        "typical_per_hour": Double(typical), "total_minor": Double(total), "span_seconds": Double(span),
                    ],
                    reasoning: [
                        LocalizedText(
                            en:
                                "For every payment above \(ledger.money(config.tinyAmountMinor)) we count the payments in the following \(config.velocityWindowSeconds / 60) min.",
                            zh:
                                "对每笔高于 \(ledger.money(config.tinyAmountMinor)) 的支付，统计其后 \(config.velocityWindowSeconds / 60) 分钟内的支付笔数。"
                        ),
                        LocalizedText(
                            en:
                                "The user's \(format(config.velocityPercentile * 100, digits: 1))th percentile of that count is \(typical); threshold = max(\(config.velocityMinimumPerHour), ⌈\(format(config.velocityFactor)) × \(typical)⌉) = \(threshold).",
                            zh:
                                "您此类笔数的第 \(format(config.velocityPercentile * 100, digits: 1)) 百分位为 \(typical)；阈值取 \(config.velocityMinimumPerHour) 与 ⌈\(format(config.velocityFactor)) × \(typical)⌉ 中较大者，即 \(threshold)。"
                        ),
                        LocalizedText(
                            en:
                                "Overlapping busy windows are merged; the peak window holds \(peak) payments (high severity at twice the threshold).",
                            zh: "重叠的高频窗口合并为一次；峰值窗口 \(peak) 笔（达到阈值两倍为高严重度）。"),
                    ])
            }
            position = last + 1
        }
    }

    /// Too many payments in one local day (date-only rows included), beyond the hourly bursts.
    static func daily(_ context: inout DetectionContext) {
        let ledger = context.ledger
        let config = context.config
        var days: [Int64: [Int]] = [:]
        for index in ledger.payments
        where ledger.amounts[index] > config.tinyAmountMinor && !ledger.redPacket[index] {
            days[ledger.items[index].transaction.localSeconds / 86400, default: []].append(index)
        }
        guard days.count >= 7 else { return }
        let typical = quantileUnsorted(days.values.map(\.count), config.velocityPercentile) ?? 1
        let threshold = max(config.velocityMinimumPerDay, Int((Double(typical) * config.velocityFactor).rounded(.up)))
        for (day, members) in days.sorted(by: { $0.key < $1.key }) where members.count >= threshold {
            let unclaimed = members.filter { !context.claimed[$0] }
            guard unclaimed.count >= threshold else { continue }
            let total = unclaimed.reduce(Int64(0)) { $0 + ledger.amounts[$1] }
            let (year, month, dayOfMonth) = ByteParsing.civil(fromDays: day)
            let date = "\(year)-\(month < 10 ? "0" : "")\(month)-\(dayOfMonth < 10 ? "0" : "")\(dayOfMonth)"
            context.emit(
                .velocity, unclaimed.count >= 2 * threshold ? .high : .medium, indexes: unclaimed,
                explanation: LocalizedText(
                    en:
                        "Unusually many payments: \(unclaimed.count) payments (\(ledger.money(total)) in all) on \(date), far more than on your busy days",
                    zh:
                        "付款笔数异常：\(date) 一天内付款 \(unclaimed.count) 笔，共 \(ledger.money(total))，远多于您平时最忙的日子"
                ),
                numbers: [
                    "count": Double(unclaimed.count), "threshold_per_day": Double(threshold),
                    "typical_per_day": Double(typical), "total_minor": Double(total),
                ],
                reasoning: [
                    LocalizedText(
                        en:
                            "Payments above \(ledger.money(config.tinyAmountMinor)) are counted per local day, leaving out those already in an hourly burst.",
                        zh: "按当地日期统计高于 \(ledger.money(config.tinyAmountMinor)) 的支付笔数，已计入小时级爆发的不再计入。"),
                    LocalizedText(
                        en:
                            "The user's \(format(config.velocityPercentile * 100, digits: 1))th percentile of active days is \(typical); threshold = max(\(config.velocityMinimumPerDay), ⌈\(format(config.velocityFactor)) × \(typical)⌉) = \(threshold).",
                        zh:
                            "您活跃日笔数的第 \(format(config.velocityPercentile * 100, digits: 1)) 百分位为 \(typical)；阈值取 \(config.velocityMinimumPerDay) 与 ⌈\(format(config.velocityFactor)) × \(typical)⌉ 中较大者，即 \(threshold)。"
                    ),
                ])
        }
    }
}

enum StructuringDetector {
    /// Repeated round or just-below-threshold amounts within a week.
    static func run(_ context: inout DetectionContext) {
        let ledger = context.ledger
        let config = context.config
        func reason(_ amount: Int64) -> Int64? {
            guard amount >= config.structuringMinimumMinor else { return nil }
            for threshold in config.structuringThresholdsMinor
            where amount < threshold && Double(amount) >= Double(threshold) * (1 - config.structuringBelowRatio) {
                return threshold
            }
            return amount % config.structuringRoundMinor == 0 ? 0 : nil
        }
        var candidates = ledger.payments.filter { !context.claimed[$0] && reason(ledger.amounts[$0]) != nil }
        // Rent, loan repayments and other payees paid on a schedule are round by nature: never structuring.
        // Nor are transfers to an account that also pays the user (their own savings card, a friend settling up).
        candidates.removeAll {
            ledger.counterpartyPaysBack[Int(ledger.counterparty[$0])]
                || ledger.regularPayee[Int(ledger.counterparty[$0])]
        }
        var start = 0
        while start < candidates.count {
            var end = start
            // Grow a cluster while each member is within the window of the cluster's first.
            let firstTime = ledger.timestamps[candidates[start]]
            while end + 1 < candidates.count,
                ledger.timestamps[candidates[end + 1]] - firstTime <= config.structuringWindowSeconds
            {
                end += 1
            }
            let members = Array(candidates[start...end])
            guard members.count >= config.structuringMinimumCount else {
                start += 1
                continue
            }
            let amounts = members.map { ledger.amounts[$0] }
            let total = amounts.reduce(0, +)
            let below = members.filter { (reason(ledger.amounts[$0]) ?? 0) > 0 }.count
            let thresholds = Set(members.compactMap { reason(ledger.amounts[$0]) }.filter { $0 > 0 })
            let span = ledger.timestamps[members[members.count - 1]] - firstTime
            let thresholdText = thresholds.sorted().map { ledger.money($0) }.joined(separator: ", ")
            context.emit(
                .structuring,
                total >= (config.structuringThresholdsMinor.last ?? Int64.max) || below >= 3 ? .high : .medium,
                indexes: members,
                explanation: LocalizedText(
                    en:
                        "Possible split transfers: \(members.count) payments of round or just-below-limit amounts (\(amounts.map { ledger.money($0) }.joined(separator: ", "))) within \(span / 86400) days, \(ledger.money(total)) in all",
                    zh:
                        "疑似拆分转账：\(span / 86400) 天内 \(members.count) 笔整数或略低于限额的金额（\(amounts.map { ledger.money($0) }.joined(separator: "，"))），合计 \(ledger.money(total))"
                ),
                numbers: [
                    "count": Double(members.count), "total_minor": Double(total), "just_below_count": Double(below),
                    "span_seconds": Double(span),
                ],
                reasoning: [
                    LocalizedText(
                        en:
                            "An amount ≥ \(ledger.money(config.structuringMinimumMinor)) qualifies if it is a multiple of \(ledger.money(config.structuringRoundMinor)) or within \(format(config.structuringBelowRatio * 100))% below a limit (\(config.structuringThresholdsMinor.map { ledger.money($0) }.joined(separator: ", "))).",
                        zh:
                            "金额 ≥ \(ledger.money(config.structuringMinimumMinor)) 且为 \(ledger.money(config.structuringRoundMinor)) 的整数倍，或低于某限额（\(config.structuringThresholdsMinor.map { ledger.money($0) }.joined(separator: "，"))）不超过 \(format(config.structuringBelowRatio * 100))%，即计入。"
                    ),
                    LocalizedText(
                        en:
                            "\(members.count) such payments fall within \(config.structuringWindowSeconds / 86400) days (alert at \(config.structuringMinimumCount)); \(below) sit just below \(thresholdText.isEmpty ? "a limit" : thresholdText).",
                        zh:
                            "\(config.structuringWindowSeconds / 86400) 天内有 \(members.count) 笔（\(config.structuringMinimumCount) 笔即告警）；其中 \(below) 笔略低于\(thresholdText.isEmpty ? "限额" : thresholdText)。"
                    ),
                    LocalizedText(
                        en:
                            "Splitting a large sum to stay under reporting or risk limits is how scams move money out; ask who received it.",
                        zh: "把大额拆成小额以避开限额或风控是诈骗转移资金的常见手法；请核实收款人。"),
                ])
            start = end + 1
        }
    }
}
