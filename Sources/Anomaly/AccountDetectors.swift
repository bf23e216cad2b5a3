// Detectors that look at the account as a whole: balance discontinuities and foreign currency.
import Statements
import WalletCore

enum BalanceGapDetector {
    /// previous balance + this amount must equal this row's reported balance, per source family.
    static func run(_ context: inout DetectionContext) {
        let ledger = context.ledger
        var chains: [String: [Int]] = [:]
        var currencyCounts: [String: Int] = [:]
        // Field reads through `items[index]` borrow the row; `transaction(_:)` would copy all of it.
        for index in 0..<ledger.items.count where ledger.items[index].transaction.balanceMinor != nil {
            currencyCounts[ledger.items[index].transaction.currency, default: 0] += 1
        }
        // The balance is kept in the account's currency; rows in another currency were converted at a
        // rate the export does not give, so they cannot be checked (their balance still starts the next check).
        let accountCurrency = currencyCounts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? "CNY"
        for index in 0..<ledger.items.count where ledger.items[index].transaction.balanceMinor != nil {
            chains[ledger.items[index].transaction.source.idNamespace, default: []].append(index)
        }
        for (_, chain) in chains.sorted(by: { $0.key < $1.key }) {
            // Time order; rows with the same time keep the file's own chronological order (exports
            // are often newest first, so that order is reversed).
            let descending =
                chain.count > 1
                && ledger.timestamps[chain[0]] > ledger.timestamps[chain[chain.count - 1]]
            let sortedChain = chain.enumerated().sorted { lhs, rhs in
                let left = ledger.timestamps[lhs.element]
                let right = ledger.timestamps[rhs.element]
                if left != right { return left < right }
                return descending ? lhs.offset > rhs.offset : lhs.offset < rhs.offset
            }.map(\.element)
            var ordered = sortedChain
            // The last balance seen per currency: an export that mixes a sub-account in another currency
            // (HSBC HK lists CNY rows with a CNY balance inside an HKD account) holds one chain per currency.
            var lastByCurrency: [String: (balance: Int64, index: Int)] = [:]
            if let first = ordered.first, let balance = ledger.items[first].transaction.balanceMinor {
                lastByCurrency[ledger.items[first].transaction.currency] = (balance, first)
            }
            for position in ordered.indices.dropFirst() {
                var previous = ordered[position - 1]
                let current = ordered[position]
                var before = ledger.transaction(previous)
                let row = ledger.transaction(current)
                guard var previousBalance = before.balanceMinor, let reported = row.balanceMinor else { continue }
                let sameCurrency = lastByCurrency[row.currency]
                let sameCurrencyBefore = sameCurrency?.balance
                lastByCurrency[row.currency] = (reported, current)
                // A row in another currency than the previous one: it either continues the account's balance
                // (converted at a rate we do not know) or its own currency's chain; only the latter is checkable.
                if let sameCurrencyBefore, sameCurrencyBefore + row.signedAmountMinor == reported { continue }
                // Rows in another currency than the account's were converted at a rate the export does
                // not give (a trip's yen rows in a yuan account): they cannot be checked.
                guard row.currency == accountCurrency else { continue }
                var expected = previousBalance + row.signedAmountMinor
                guard expected != reported else { continue }
                // Neither adds up. After a row of a sub-account in another currency, the account's own
                // previous row is the one to show.
                if before.currency != row.currency, let sameCurrency {
                    previous = sameCurrency.index
                    previousBalance = sameCurrency.balance
                    before = ledger.transaction(previous)
                    expected = previousBalance + row.signedAmountMinor
                }
                // Rows stamped with the same second may be listed in either order: if the swapped order
                // adds up, it is the real one.
                if before.timestamp == row.timestamp, reported + before.signedAmountMinor == previousBalance {
                    ordered.swapAt(position - 1, position)
                    continue
                }
                let difference = reported - expected
                let currency = row.currency
                let severity: Severity = abs(difference) >= context.config.balanceHighMinor ? .high : .medium
                let signedText = (row.signedAmountMinor >= 0 ? "+" : "") + ledger.money(row.signedAmountMinor, currency)
                // Not claimed: the rows around a gap are ordinary themselves; a gap says a row is missing.
                context.emit(
                    .balanceGap, severity, indexes: [previous, current],
                    explanation: LocalizedText(
                        en:
                            "Balance does not add up: \(ledger.money(previousBalance, currency)) \(signedText) should leave \(ledger.money(expected, currency)), but the statement shows \(ledger.money(reported, currency)) (\(ledger.money(difference, currency)) unexplained)",
                        zh:
                            "余额对不上：\(ledger.money(previousBalance, currency)) \(signedText) 应为 \(ledger.money(expected, currency))，账单却显示 \(ledger.money(reported, currency))（\(ledger.money(difference, currency)) 无法解释）"
                    ),
                    numbers: [
                        "previous_balance_minor": Double(previousBalance),
                        "amount_minor": Double(row.signedAmountMinor),
                        "expected_balance_minor": Double(expected), "reported_balance_minor": Double(reported),
                        "difference_minor": Double(difference),
                    ],
                    reasoning: [
                        LocalizedText(
                            en: "Rows with a reported balance are chained in time order within one account export.",
                            zh: "带余额的行按时间顺序在同一账户导出中逐行衔接。"),
                        LocalizedText(
                            en:
                                "Previous row's balance \(previousBalance), this row's signed amount \(row.signedAmountMinor) (minor units): expected \(expected), reported \(reported).",
                            zh:
                                "上一行余额 \(previousBalance)，本行带符号金额 \(row.signedAmountMinor)（最小单位）：应为 \(expected)，实际 \(reported)。"
                        ),
                        LocalizedText(
                            en:
                                "A gap means a transaction is missing from the export, was hidden, or the balance was altered. High severity at ≥ \(context.config.balanceHighMinor) minor units.",
                            zh: "差额意味着导出中缺少交易、交易被隐藏或余额被改动。差额 ≥ \(context.config.balanceHighMinor) 为高严重度。"),
                    ], claim: false)
            }
        }
    }
}

enum ForeignCurrencyDetector {
    static func run(_ context: inout DetectionContext) {
        let ledger = context.ledger
        // Few distinct currencies: a linear tally beats hashing a million strings.
        var tally: [(currency: String, count: Int)] = []
        for index in ledger.items.indices {
            let currency = ledger.items[index].transaction.currency
            if let slot = tally.firstIndex(where: { $0.currency == currency }) {
                tally[slot].count += 1
            } else {
                tally.append((currency, 1))
            }
        }
        let home =
            context.config.homeCurrency
            ?? tally.max { ($0.count, $1.currency) < ($1.count, $0.currency) }?.currency ?? "CNY"
        context.homeCurrency = home
        // A trip: payments in one foreign currency with at least `foreignTripMinimum` - 1 others within
        // three days are the user travelling, not a card used abroad by someone else.
        var foreign: [Int] = []
        for index in ledger.payments where !context.claimed[index] {
            // Test in place first: copying every payment's whole row only to skip it was the cost here.
            guard ledger.items[index].transaction.currency != home || ledger.items[index].transaction.crossBorder
            else { continue }
            foreign.append(index)
        }
        let tripWindow: Int64 = 3 * 86400
        // Two pointers over the time-ordered foreign payments, counting each currency inside ±3 days: O(n).
        var codes: [String] = []
        let code = foreign.map { index -> Int in
            let transaction = ledger.items[index].transaction
            let currency = transaction.originalCurrency.isEmpty ? transaction.currency : transaction.originalCurrency
            if let known = codes.firstIndex(of: currency) { return known }
            codes.append(currency)
            return codes.count - 1
        }
        var inWindow = [Int](repeating: 0, count: codes.count)
        var onTrip = [Bool](repeating: false, count: foreign.count)
        var left = 0
        var right = 0
        for position in foreign.indices {
            let time = ledger.timestamps[foreign[position]]
            while right < foreign.count, ledger.timestamps[foreign[right]] - time <= tripWindow {
                inWindow[code[right]] += 1
                right += 1
            }
            while time - ledger.timestamps[foreign[left]] > tripWindow {
                inWindow[code[left]] -= 1
                left += 1
            }
            onTrip[position] =
                codes[code[position]] != home && inWindow[code[position]] >= context.config.foreignTripMinimum
        }
        for (position, index) in foreign.enumerated() where !onTrip[position] {
            let transaction = ledger.transaction(index)
            let shown = transaction.originalCurrency.isEmpty ? transaction.currency : transaction.originalCurrency
            let label =
                shown == home
                ? LocalizedText(en: "Cross-border payment (marked so by the source)", zh: "跨境支付（来源标记为境外）")
                : LocalizedText(
                    en: "Cross-border payment in \(shown) (home currency \(home))", zh: "外币支付：\(shown)（本币 \(home)）")
            let first = ledger.firstPayment[index]
            let severity: Severity = first ? .high : .medium
            context.emit(
                .foreignCurrency, severity, indexes: [index],
                explanation: LocalizedText(
                    en:
                        "\(label.en) of \(ledger.money(transaction.amountMinor, transaction.currency)) to \(transaction.counterparty)\(first ? ", a counterparty never paid before" : "")",
                    zh:
                        "\(label.zh)，金额 \(ledger.money(transaction.amountMinor, transaction.currency))，对方 \(transaction.counterparty)\(first ? "，此前从未付款给该对方" : "")"
                ),
                numbers: ["amount_minor": Double(transaction.amountMinor), "first_payment": first ? 1 : 0],
                reasoning: [
                    LocalizedText(
                        en:
                            "Home currency is \(home) (\(context.config.homeCurrency == nil ? "the most common in the data" : "configured")).",
                        zh: "本币为 \(home)（\(context.config.homeCurrency == nil ? "数据中最常见的币种" : "配置指定")）。"),
                    LocalizedText(
                        en:
                            "This payment is in \(transaction.currency)\(transaction.originalCurrency.isEmpty ? "" : ", originally \(transaction.originalCurrency)")\(transaction.crossBorder ? " and marked cross-border by the source" : "").",
                        zh:
                            "该笔支付币种为 \(transaction.currency)\(transaction.originalCurrency.isEmpty ? "" : "，原币种 \(transaction.originalCurrency)")\(transaction.crossBorder ? "，来源标记为跨境" : "")。"
                    ),
                    LocalizedText(
                        en:
                            "Card details used abroad are a common sign of a stolen card; high severity when the counterparty is new.",
                        zh: "在境外被使用常见于卡信息被盗；对方为新收款方时为高严重度。"),
                ])
        }
    }
}
