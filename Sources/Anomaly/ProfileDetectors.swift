// Detectors that compare a payment with the user's own profile: subscriptions, first-time payees,
// amounts against a counterparty's or category's history, and the hours the user is active.
import Statements
import WalletCore

#if canImport(Glibc)
    import Glibc
#endif

enum RecurringDetector {
    static func run(_ context: inout DetectionContext) {
        let ledger = context.ledger
        let config = context.config
        for id in ledger.counterpartyPaymentCount.indices
        where ledger.counterpartyPaymentCount[id] >= config.recurringMinimumOccurrences {
            let series = Array(ledger.payments(ofCounterparty: Int32(id)))
            let times = series.map { ledger.timestamps[$0] }
            var intervals = zip(times.dropFirst(), times).map { Double($0 - $1) }
            let typical = medianInPlace(&intervals)
            let isMonthly = typical >= 26 * 86400 && typical <= 35 * 86400
            let isWeekly = typical >= 6 * 86400 && typical <= 8 * 86400
            guard isMonthly || isWeekly else { continue }
            let tolerance = Double(config.recurringIntervalToleranceSeconds) * (isWeekly ? 0.25 : 1)
            let regular = intervals.filter { abs($0 - typical) <= tolerance }.count
            guard Double(regular) >= config.recurringRegularShare * Double(intervals.count) else { continue }
            let period = isMonthly ? LocalizedText(en: "monthly", zh: "每月") : LocalizedText(en: "weekly", zh: "每周")
            let name = ledger.transaction(series[0]).counterparty
            // Amount changes: the previous occurrences agree, this one differs.
            var changed = false
            let need = config.recurringMinimumOccurrences
            if series.count > need {
                for position in need..<series.count {
                    let previous = series[(position - need)..<position].map { Double(ledger.amounts[$0]) }
                    guard let low = previous.min(), let high = previous.max(), low > 0,
                        high / low <= 1 + config.recurringStableRatio
                    else { continue }
                    let reference = median(previous.sorted())
                    let current = series[position]
                    let amount = Double(ledger.amounts[current])
                    let change = (amount - reference) / reference
                    guard abs(change) > config.recurringChangeRatio, !context.claimed[current] else { continue }
                    changed = true
                    let indexes = Array(series[(position - need)...position])
                    let old = ledger.money(Int64(reference))
                    let new = ledger.money(Int64(amount))
                    context.emit(
                        .recurringChange, change >= 1 ? .high : (change > 0 ? .medium : .low), indexes: indexes,
                        explanation: LocalizedText(
                            en:
                                "Recurring \(period.en) charge from \(name) changed from \(old) to \(new) (\(change > 0 ? "+" : "")\(format(change * 100, digits: 0))%)",
                            zh:
                                "\(name) 的\(period.zh)固定扣款由 \(old) 变为 \(new)（\(change > 0 ? "+" : "")\(format(change * 100, digits: 0))%）"
                        ),
                        numbers: [
                            "previous_amount_minor": reference, "amount_minor": amount, "change_ratio": change,
                            "interval_days": typical / 86400, "occurrences": Double(series.count),
                        ],
                        reasoning: [
                            LocalizedText(
                                en:
                                    "\(series.count) payments to \(name) recur \(period.en) (median interval \(format(typical / 86400, digits: 1)) days; \(regular) of \(intervals.count) intervals regular).",
                                zh:
                                    "向 \(name) 的 \(series.count) 笔支付呈\(period.zh)规律（间隔中位数 \(format(typical / 86400, digits: 1)) 天；\(intervals.count) 个间隔中 \(regular) 个规律）。"
                            ),
                            LocalizedText(
                                en:
                                    "The previous \(need) amounts agree within \(format(config.recurringStableRatio * 100))% (\(old)); this one differs by more than \(format(config.recurringChangeRatio * 100))%.",
                                zh:
                                    "此前 \(need) 笔金额相差不超过 \(format(config.recurringStableRatio * 100))%（\(old)）；本笔变化超过 \(format(config.recurringChangeRatio * 100))%。"
                            ),
                            LocalizedText(
                                en:
                                    "Check whether the price change was announced and agreed; a doubled price is high severity.",
                                zh: "请确认涨价是否经过通知与同意；价格翻倍为高严重度。"),
                        ])
                }
            }
            // A new recurring charge: a stable series that started well after the history did.
            if !changed, times[0] - ledger.startTime >= config.recurringNewAfterSeconds {
                let amounts = series.map { Double(ledger.amounts[$0]) }
                guard let low = amounts.min(), let high = amounts.max(), low > 0,
                    high / low <= 1 + config.recurringStableRatio
                else { continue }
                let amount = ledger.money(ledger.amounts[series[0]])
                context.emit(
                    .recurringChange, .low, indexes: series,
                    explanation: LocalizedText(
                        en:
                            "New recurring \(period.en) charge: \(series.count) payments of \(amount) to \(name) since \(ledger.time(series[0]))",
                        zh: "新出现的\(period.zh)固定扣款：自 \(ledger.time(series[0])) 起向 \(name) 支付 \(series.count) 笔 \(amount)"
                    ),
                    numbers: [
                        "amount_minor": amounts[0], "occurrences": Double(series.count),
                        "interval_days": typical / 86400,
                    ],
                    reasoning: [
                        LocalizedText(
                            en: "\(series.count) payments to \(name) recur \(period.en) with the same amount.",
                            zh: "向 \(name) 的 \(series.count) 笔支付金额相同且呈\(period.zh)规律。"),
                        LocalizedText(
                            en:
                                "The series began \((times[0] - ledger.startTime) / 86400) days after the history starts (new after \(config.recurringNewAfterSeconds / 86400) days): a subscription you may not have signed up for.",
                            zh:
                                "该系列在历史开始 \((times[0] - ledger.startTime) / 86400) 天后才出现（超过 \(config.recurringNewAfterSeconds / 86400) 天即视为新增）：可能是您未主动开通的订阅或免密支付。"
                        ),
                    ])
            }
        }
    }
}

enum NewPayeeDetector {
    static func run(_ context: inout DetectionContext) {
        let ledger = context.ledger
        let config = context.config
        // The user's high percentile, over payments not already explained by another alert.
        let amounts = ledger.payments.filter { !context.claimed[$0] }.map { ledger.amounts[$0] }
        let high = quantileUnsorted(amounts, config.newPayeePercentile) ?? 0
        let threshold = max(config.newPayeeMinimumMinor, high)
        // A first transfer to an account that also pays the user (their own savings card) is not a stranger.
        for index in ledger.payments
        where ledger.firstPayment[index] && !context.claimed[index]
            && !ledger.counterpartyPaysBack[Int(ledger.counterparty[index])]
        {
            let transaction = ledger.transaction(index)
            guard transaction.amountMinor > threshold,
                transaction.timestamp - ledger.startTime >= config.newPayeeWarmupSeconds
            else { continue }
            let severity: Severity =
                transaction.amountMinor >= max(config.newPayeeHighMinor, 5 * high) ? .high : .medium
            let amount = ledger.money(transaction.amountMinor, transaction.currency)
            context.emit(
                .newPayeeLarge, severity, indexes: [index],
                explanation: LocalizedText(
                    en:
                        "Large first payment to someone new: \(amount) to \(transaction.counterparty), whom you had never paid before. Make sure you know the recipient",
                    zh:
                        "首次向陌生收款方大额转账：向您从未付过款的\(transaction.counterparty)支付了 \(amount)。请确认您认识对方"
                ),
                numbers: [
                    "amount_minor": Double(transaction.amountMinor), "percentile_minor": Double(high),
                    "threshold_minor": Double(threshold),
                ],
                reasoning: [
                    LocalizedText(
                        en:
                            "This is the first payment to \(transaction.counterparty) in the history (\(ledger.counterpartyPaymentCount[Int(ledger.counterparty[index])]) in all).",
                        zh:
                            "这是历史中第一次付款给 \(transaction.counterparty)（共 \(ledger.counterpartyPaymentCount[Int(ledger.counterparty[index])]) 笔）。"
                    ),
                    LocalizedText(
                        en:
                            "Threshold = max(\(ledger.money(config.newPayeeMinimumMinor)), the \(format(config.newPayeePercentile * 100, digits: 0))th percentile of all payments \(ledger.money(high))) = \(ledger.money(threshold)); the first \(config.newPayeeWarmupSeconds / 86400) days of history are skipped.",
                        zh:
                            "阈值取 \(ledger.money(config.newPayeeMinimumMinor)) 与全部支付的第 \(format(config.newPayeePercentile * 100, digits: 0)) 百分位 \(ledger.money(high)) 中较大者，即 \(ledger.money(threshold))；历史最初 \(config.newPayeeWarmupSeconds / 86400) 天不告警。"
                    ),
                    LocalizedText(
                        en: "Scams usually end in a large transfer to someone new; confirm you know the recipient.",
                        zh: "诈骗通常以向陌生人大额转账告终；请确认您认识收款人。"),
                ])
        }
    }
}

enum OutlierDetector {
    struct Profile {
        var medianLog: Double
        var mad: Double
        var count: Int
    }

    static func profiles(_ groups: [[Double]], minimum: Int) -> [Profile?] {
        var result = [Profile?](repeating: nil, count: groups.count)
        for (key, values) in groups.enumerated() where values.count >= minimum {
            let center = medianUnsorted(values)
            let deviations = values.map { abs($0 - center) }
            result[key] = Profile(medianLog: center, mad: medianUnsorted(deviations), count: values.count)
        }
        return result
    }

    static func run(_ context: inout DetectionContext) {
        let ledger = context.ledger
        let config = context.config
        let categoryCount = Int(ledger.category.max() ?? 0) + 1
        var byCounterparty = [[Double]](repeating: [], count: ledger.counterpartyNames.count)
        var byCategory = [[Double]](repeating: [], count: categoryCount)
        for index in ledger.payments {
            let value = log(Double(max(ledger.amounts[index], 1)))
            if ledger.counterpartyPaymentCount[Int(ledger.counterparty[index])] >= config.outlierCounterpartyHistory {
                byCounterparty[Int(ledger.counterparty[index])].append(value)
            }
            byCategory[Int(ledger.category[index])].append(value)
        }
        let counterparties = profiles(byCounterparty, minimum: config.outlierCounterpartyHistory)
        let categories = profiles(byCategory, minimum: config.outlierCategoryHistory)
        for index in ledger.payments where !context.claimed[index] {
            // Columns for the test every payment goes through; the whole row only for an alert.
            guard ledger.amounts[index] >= config.outlierMinimumMinor else { continue }
            let byName = counterparties[Int(ledger.counterparty[index])]
            guard let profile = byName ?? categories[Int(ledger.category[index])] else { continue }
            let value = log(Double(ledger.amounts[index]))
            let mad = max(profile.mad, config.outlierMADFloor)
            let z = 0.6745 * (value - profile.medianLog) / mad
            let ratio = exp(value - profile.medianLog)
            guard z > config.outlierZ, ratio >= config.outlierMinRatio else { continue }
            let transaction = ledger.transaction(index)
            let typical = ledger.money(Int64(exp(profile.medianLog).rounded()), transaction.currency)
            let amount = ledger.money(transaction.amountMinor, transaction.currency)
            let basis =
                byName != nil
                ? LocalizedText(
                    en: "\(profile.count) payments to \(transaction.counterparty)",
                    zh: "向 \(transaction.counterparty) 的 \(profile.count) 笔支付")
                : LocalizedText(
                    en: "\(profile.count) payments in category '\(transaction.category)'",
                    zh: "“\(transaction.category)”类别的 \(profile.count) 笔支付")
            context.emit(
                .amountOutlier, ratio >= config.outlierHighRatio ? .high : .medium, indexes: [index],
                explanation: LocalizedText(
                    en:
                        "Unusual amount: \(amount) to \(transaction.counterparty), about \(format(ratio, digits: 0)) times what you usually pay \(byName == nil ? "in this category" : "there") (\(typical))",
                    zh:
                        "金额可能异常：向\(transaction.counterparty)支付了 \(amount)，约为您\(byName == nil ? "在此类消费" : "在该商户")通常金额（\(typical)）的 \(format(ratio, digits: 0)) 倍"
                ),
                numbers: [
                    "amount_minor": Double(transaction.amountMinor), "median_minor": exp(profile.medianLog).rounded(),
                    "ratio": ratio, "modified_z": z, "mad_log": profile.mad, "history_count": Double(profile.count),
                ],
                reasoning: [
                    LocalizedText(
                        en:
                            "Baseline: \(basis.en)\(byName == nil ? " (the counterparty has fewer than \(config.outlierCounterpartyHistory))" : ""); statistics on log amounts.",
                        zh:
                            "基线：\(basis.zh)\(byName == nil ? "（该对方不足 \(config.outlierCounterpartyHistory) 笔）" : "")；在金额的对数上计算。"
                    ),
                    LocalizedText(
                        en:
                            "Median \(typical), MAD (log) \(format(profile.mad, digits: 3)) (floor \(format(config.outlierMADFloor))); modified z = 0.6745 × (ln \(transaction.amountMinor) − median) / MAD = \(format(z, digits: 2)).",
                        zh:
                            "中位数 \(typical)，对数 MAD \(format(profile.mad, digits: 3))（下限 \(format(config.outlierMADFloor))）；修正 z = 0.6745 ×（ln \(transaction.amountMinor) − 中位数）÷ MAD = \(format(z, digits: 2))。"
                    ),
                    LocalizedText(
                        en:
                            "Alert when z > \(format(config.outlierZ)) and the amount is ≥ \(format(config.outlierMinRatio))× the median; high severity at ≥ \(format(config.outlierHighRatio))×. Median/MAD ignore the outliers themselves, unlike mean/stddev.",
                        zh:
                            "当 z > \(format(config.outlierZ)) 且金额 ≥ 中位数的 \(format(config.outlierMinRatio)) 倍时告警；≥ \(format(config.outlierHighRatio)) 倍为高严重度。中位数/MAD 不受异常值本身影响（均值/标准差会）。"
                    ),
                ])
        }
    }
}

enum OddHourDetector {
    /// Why an odd-hour payment is worth reporting (an unusual hour alone is weak evidence).
    enum Signal { case deadHour, newPayee, largeAmount, burst }

    static func run(_ context: inout DetectionContext) {
        let ledger = context.ledger
        let config = context.config
        var hours = [Int](repeating: 0, count: 24)
        var total = 0
        for index in ledger.payments where ledger.timed[index] {
            hours[ledger.items[index].transaction.localHour] += 1
            total += 1
        }
        guard total >= config.oddHourMinimumHistory else { return }
        // The user's own rhythm, smoothed over neighbouring hours so a night owl's 01:00 (next to a busy
        // 00:00 and 02:00) is ordinary while a lone hour in a quiet night is not.
        var smoothed = [Double](repeating: 0, count: 24)
        for hour in 0..<24 {
            let weighted =
                0.25 * Double(hours[(hour + 23) % 24]) + 0.5 * Double(hours[hour]) + 0.25
                * Double(hours[(hour + 1) % 24])
            smoothed[hour] = weighted / Double(total)
        }
        let large = quantileUnsorted(ledger.payments.map { ledger.amounts[$0] }, 0.95) ?? Int64.max
        var group: [Int] = []
        func flush(_ context: inout DetectionContext) {
            defer { group.removeAll() }
            group.removeAll { ledger.regularPayee[Int(ledger.counterparty[$0])] }
            guard let first = group.first else { return }
            let hour = ledger.transaction(first).localHour
            let share = Double(hours[hour]) / Double(total)
            var signals: [Signal] = []
            // The hour's history without these payments themselves: one payment is not a habit.
            let own = group.filter { ledger.items[$0].transaction.localHour == hour }.count
            if Double(hours[hour] - own) / Double(total) <= config.oddHourDeadShare { signals.append(.deadHour) }
            if group.contains(where: { ledger.counterpartyPaymentCount[Int(ledger.counterparty[$0])] <= 2 }) {
                signals.append(.newPayee)
            }
            // A large amount to a payee the user pays often (a card repayment) says nothing about who paid.
            if group.contains(where: {
                ledger.amounts[$0] >= large && ledger.counterpartyPaymentCount[Int(ledger.counterparty[$0])] <= 5
            }) {
                signals.append(.largeAmount)
            }
            if group.count >= config.oddHourBurst { signals.append(.burst) }
            guard !signals.isEmpty else { return }
            let sum = group.reduce(Int64(0)) { $0 + ledger.amounts[$1] }
            let currency = ledger.items[first].transaction.currency
            let strong = signals.contains(.newPayee) || signals.contains(.largeAmount)
            let hourText = (hour < 10 ? "0" : "") + "\(hour):00"
            let when = ledger.time(first)
            var becauseEN: [String] = []
            var becauseZH: [String] = []
            for signal in signals {
                switch signal {
                case .deadHour:
                    becauseEN.append("you have almost never paid at this hour before")
                    becauseZH.append("您以往几乎从不在这个时段付款")
                case .newPayee:
                    becauseEN.append("it went to a payee you had rarely or never paid")
                    becauseZH.append("收款方是您很少或从未付过款的对象")
                case .largeAmount:
                    becauseEN.append("the amount is among your largest")
                    becauseZH.append("金额属于您最大的几笔之一")
                case .burst:
                    becauseEN.append("several payments came in a row")
                    becauseZH.append("短时间内连续付款多笔")
                }
            }
            let countEN = group.count == 1 ? "a payment" : "\(group.count) payments"
            let reasonsEN = becauseEN.joined(separator: ", and ")
            let reasonsZH = becauseZH.joined(separator: "，且")
            let countZH = group.count == 1 ? "有 1 笔" : "连续 \(group.count) 笔"
            context.emit(
                .oddHour, strong ? .medium : .low, indexes: group,
                explanation: LocalizedText(
                    en:
                        "Payment at an unusual time: \(countEN) of \(ledger.money(sum, currency)) around \(when), when you are normally not paying; \(reasonsEN). If it was not you, someone may have your phone or account",
                    zh:
                        "疑似在您不常付款的时段被他人使用：\(when) 前后\(countZH)付款，共 \(ledger.money(sum, currency))；\(reasonsZH)。如非本人操作，可能有人拿到了您的手机或账户"
                ),
                numbers: [
                    "hour": Double(hour), "hour_share": share, "smoothed_share": smoothed[hour],
                    "count": Double(group.count), "total_minor": Double(sum),
                ],
                reasoning: [
                    LocalizedText(
                        en: "Local hours come from each row's own UTC offset; \(total) timed payments in the history.",
                        zh: "当地时间按每行自身的时区偏移计算；历史中共有 \(total) 笔带时间的支付。"),
                    LocalizedText(
                        en:
                            "Hour \(hourText) holds \(hours[hour]) of them (\(format(share * 100, digits: 2))%); smoothed with the neighbouring hours (¼, ½, ¼) it is \(format(smoothed[hour] * 100, digits: 2))%, under the \(format(config.oddHourShare * 100))% threshold.",
                        zh:
                            "\(hourText) 时段有 \(hours[hour]) 笔（\(format(share * 100, digits: 2))%）；与相邻时段按 ¼、½、¼ 平滑后为 \(format(smoothed[hour] * 100, digits: 2))%，低于 \(format(config.oddHourShare * 100))% 的阈值。"
                    ),
                    LocalizedText(
                        en:
                            "An unusual hour alone is weak evidence: an alert needs the hour to hold ≤ \(format(config.oddHourDeadShare * 100, digits: 1))% of the history, or a payee paid at most twice, or an amount in the user's top 5% (≥ \(ledger.money(large))), or ≥ \(config.oddHourBurst) such payments within 2 h. Medium severity with a new payee or a large amount.",
                        zh:
                            "仅凭时段异常证据不足：需该时段占历史 ≤ \(format(config.oddHourDeadShare * 100, digits: 1))%，或收款方最多出现两次，或金额位于前 5%（≥ \(ledger.money(large))），或 2 小时内 ≥ \(config.oddHourBurst) 笔此类支付。有新收款方或大额时为中等严重度。"
                    ),
                ])
        }
        let home = context.homeCurrency
        var candidates: [Int] = []
        for index in ledger.payments where !context.claimed[index] && ledger.timed[index] {
            guard smoothed[ledger.items[index].transaction.localHour] < config.oddHourShare,
                // Abroad the user lives in another zone: foreign-currency payments are judged by their own detector.
                ledger.items[index].transaction.currency == home
            else { continue }
            candidates.append(index)
        }
        // Automatic debits (a loan, rent, a card repayment) run at whatever hour the bank chooses: flush
        // leaves out payees on a schedule (Ledger.regularPayee).
        for index in candidates {
            if let last = group.last, ledger.timestamps[index] - ledger.timestamps[last] > 7200 {
                flush(&context)
            }
            group.append(index)
        }
        flush(&context)
    }
}
