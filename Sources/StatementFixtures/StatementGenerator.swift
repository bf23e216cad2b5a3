// Synthetic statements with planted anomalies and their labels, for tests, the benchmark and the
// demo. One "account" is one user's year of wallet activity: regular merchants with their own price
// levels, salary, subscriptions, rent, occasional one-off shops, and planted cases of every family.
import Anomaly
import Statements

/// A planted anomaly, labelled with the alert kind the detectors should raise for it.
package struct PlantedCase: Sendable {
    package var family: AlertKind
    /// The transaction ids that make up the case (an alert naming any of them finds it).
    package var ids: [String]
}

package struct GeneratedAccount: Sendable {
    package var name: String
    /// Visible transactions in time order, each with a source id; balances always filled.
    package var transactions: [Transaction]
    package var planted: [PlantedCase]
}

package struct GeneratorOptions: Sendable {
    package var seed: UInt64
    package var rows: Int
    package var days: Int
    /// Planted cases per family in this account.
    package var perFamily: Int
    /// Families to plant (balance gaps only make sense for formats that carry a balance).
    package var families: [AlertKind]
    /// First day, as days since 1970 (default 2024-01-01).
    package var startDay: Int64

    package init(
        seed: UInt64, rows: Int = 2000, days: Int = 365, perFamily: Int = 5,
        families: [AlertKind] = AlertKind.allCases, startDay: Int64 = 19723
    ) {
        self.seed = seed
        self.rows = rows
        self.days = days
        self.perFamily = perFamily
        self.families = families
        self.startDay = startDay
    }
}

package enum StatementGenerator {
    static let offset: Int32 = 8 * 3600

    struct Merchant {
        var name: String
        var category: String
        var medianMinor: Double
        var sigma: Double
        var weight: Double
    }

    static let merchantNames: [(String, String, Double, Double)] = [
        ("美团外卖", "餐饮美食", 3500, 0.3), ("瑞幸咖啡", "餐饮美食", 1800, 0.2), ("滴滴出行", "交通出行", 2500, 0.4),
        ("盒马鲜生", "日用百货", 9000, 0.45), ("全家便利店", "日用百货", 1500, 0.35), ("中国石化", "交通出行", 30000, 0.2),
        ("京东商城", "数码电器", 20000, 0.6), ("拼多多", "日用百货", 4500, 0.5), ("地铁出行", "交通出行", 600, 0.25),
        ("肯德基", "餐饮美食", 4200, 0.3), ("星巴克", "餐饮美食", 3800, 0.2), ("沃尔玛", "日用百货", 12000, 0.5),
        ("饿了么", "餐饮美食", 3200, 0.3), ("哈啰单车", "交通出行", 300, 0.3), ("麦当劳", "餐饮美食", 3600, 0.3),
        ("永辉超市", "日用百货", 8000, 0.45), ("屈臣氏", "美容美发", 9000, 0.4), ("万达影城", "文化休闲", 8000, 0.25),
        ("国家电网", "生活服务", 15000, 0.3), ("喜茶", "餐饮美食", 2500, 0.2), ("淘宝", "服饰装扮", 12000, 0.6),
        ("大众点评", "餐饮美食", 11000, 0.5), ("顺丰速运", "生活服务", 2200, 0.3), ("华润万家", "日用百货", 7000, 0.45),
        ("罗森", "日用百货", 1600, 0.35), ("海底捞", "餐饮美食", 25000, 0.3), ("优衣库", "服饰装扮", 20000, 0.4),
        ("12306", "交通出行", 30000, 0.5), ("小米之家", "数码电器", 30000, 0.6), ("丰巢", "生活服务", 100, 0.3),
    ]
    static let surnames = ["张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡"]
    static let givenNames = ["伟", "芳", "娜", "敏", "静", "磊", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "霞"]

    package static func account(index: Int, options: GeneratorOptions) -> GeneratedAccount {
        var random = SeededRandom(seed: options.seed &* 0x1000_0000_01b3 &+ UInt64(index))
        var builder = Builder(index: index, options: options)
        let days = options.days
        let start = options.startDay * 86400 - Int64(offset)  // local midnight of the first day

        // The user's regular merchants: a subset, with Zipf-like visit weights.
        var merchants: [Merchant] = []
        let count = min(merchantNames.count, 22 + index % 8)
        var shuffled = merchantNames
        for position in stride(from: shuffled.count - 1, to: 0, by: -1) {
            shuffled.swapAt(position, random.int(0...position))
        }
        for rank in 0..<count {
            let (name, category, median, sigma) = shuffled[rank]
            merchants.append(
                Merchant(
                    name: name, category: category, medianMinor: median * random.uniform(0.7, 1.4), sigma: sigma,
                    weight: 1 / Double(rank + 1)))
        }
        let totalWeight = merchants.reduce(0) { $0 + $1.weight }
        func pickMerchant(_ random: inout SeededRandom) -> Merchant {
            var target = random.unit() * totalWeight
            for merchant in merchants {
                target -= merchant.weight
                if target <= 0 { return merchant }
            }
            return merchants[merchants.count - 1]
        }
        // Hours: nobody pays between 01:00 and 05:59 in normal life here.
        let hourWeights: [Double] = [
            4, 0, 0, 0, 0, 0, 3, 5, 8, 6, 6, 7, 10, 8, 6, 6, 6, 7, 9, 10, 9, 8, 6, 4,
        ]
        let hourTotal = hourWeights.reduce(0, +)
        func normalTime(_ random: inout SeededRandom, day: Int) -> Int64 {
            var target = random.unit() * hourTotal
            var hour = 12
            for (candidate, weight) in hourWeights.enumerated() {
                target -= weight
                if target <= 0 && weight > 0 {
                    hour = candidate
                    break
                }
            }
            return start + Int64(day) * 86400 + Int64(hour * 3600 + random.int(0...3599))
        }
        func price(_ merchant: Merchant, _ random: inout SeededRandom) -> Int64 {
            max(1, Int64((merchant.medianMinor * _exp(merchant.sigma * random.normal())).rounded()))
        }

        // Fixed monthly life: salary in, rent and two subscriptions out.
        let employer = ["杭州某科技有限公司", "上海某贸易有限公司", "深圳某电子有限公司"][index % 3]
        let landlord = "房东" + surnames[index % surnames.count] + "先生"
        let subscriptions: [(String, Int64)] = [("爱奇艺会员", 2500), ("中国移动话费", 5000 + Int64(index % 3) * 1000)]
        for month in 0..<(days / 30 + 1) {
            let day = month * 30
            guard day < days else { break }
            builder.add(
                time: start + Int64(day + 9) * 86400 + 10 * 3600, amount: 1_500_000, direction: .inflow,
                counterparty: employer, category: "工资", note: "工资")
            builder.add(
                time: start + Int64(day + 1) * 86400 + 20 * 3600 + Int64(random.int(0...1800)), amount: 300_000,
                direction: .outflow, counterparty: landlord, category: "转账红包", note: "房租")
            for (offset, (name, amount)) in subscriptions.enumerated() {
                builder.add(
                    time: start + Int64(day + 3 + offset * 7) * 86400 + 8 * 3600 + Int64(random.int(0...600)),
                    amount: amount, direction: .outflow, counterparty: name, category: "生活服务", note: "自动续费")
            }
        }
        // Everyday spending.
        let everyday = max(0, options.rows - builder.transactions.count)
        for _ in 0..<everyday {
            let day = random.int(0...(days - 1))
            if random.chance(0.02) {
                // A one-off shop.
                let name = "个体商户" + random.digits(6)
                let amount = max(100, Int64((5000 * _exp(0.8 * random.normal())).rounded()))
                builder.add(
                    time: normalTime(&random, day: day), amount: amount, direction: .outflow, counterparty: name,
                    category: "其他", note: "消费")
            } else if random.chance(0.03) {
                let friend = surnames[random.int(0...(surnames.count - 1))] + givenNames[random.int(0...4)]
                builder.add(
                    time: normalTime(&random, day: day), amount: Int64(random.int(1...40)) * 1000 + 88,
                    direction: random.chance(0.5) ? .inflow : .outflow, counterparty: friend, category: "转账红包",
                    note: "红包")
            } else {
                let merchant = pickMerchant(&random)
                builder.add(
                    time: normalTime(&random, day: day), amount: price(merchant, &random), direction: .outflow,
                    counterparty: merchant.name, category: merchant.category, note: merchant.name + "订单")
            }
        }
        builder.sortByTime()

        // Planted cases, in normal hours unless the family is about hours.
        let perFamily = options.perFamily
        let payments = builder.transactions.indices.filter {
            let t = builder.transactions[$0]
            return t.direction == .outflow && t.category != "生活服务" && t.category != "转账红包"
                && !t.counterparty.hasPrefix("个体商户") && t.amountMinor > 800
        }
        func plantDay(_ random: inout SeededRandom) -> Int { random.int(45...(days - 2)) }
        func daytime(_ random: inout SeededRandom, day: Int) -> Int64 {
            start + Int64(day) * 86400 + Int64(random.int(10...19) * 3600 + random.int(0...3599))
        }
        var usedCounterparty = 0
        func freshName(_ random: inout SeededRandom, _ prefix: String) -> String {
            usedCounterparty += 1
            return prefix + random.digits(4) + "-\(index)-\(usedCounterparty)"
        }
        let typicalMerchants = merchants.filter { $0.medianMinor >= 1000 }
        for family in options.families {
            for _ in 0..<perFamily {
                switch family {
                case .duplicate:
                    let original = builder.transactions[random.pick(payments)]
                    let id = builder.add(
                        time: original.timestamp + Int64(random.int(20...400)), amount: original.amountMinor,
                        direction: .outflow, counterparty: original.counterparty, category: original.category,
                        note: original.note)
                    builder.planted.append(PlantedCase(family: .duplicate, ids: [id]))
                case .amountOutlier:
                    let merchant = random.pick(typicalMerchants)
                    let amount = Int64(merchant.medianMinor * random.uniform(6, 25))
                    let id = builder.add(
                        time: daytime(&random, day: random.int(120...(days - 2))), amount: amount, direction: .outflow,
                        counterparty: merchant.name, category: merchant.category, note: merchant.name + "订单")
                    builder.planted.append(PlantedCase(family: .amountOutlier, ids: [id]))
                case .velocity:
                    let day = plantDay(&random)
                    let begin = daytime(&random, day: day)
                    let size = random.int(12...18)
                    var ids: [String] = []
                    for step in 0..<size {
                        let merchant = random.pick(typicalMerchants)
                        ids.append(
                            builder.add(
                                time: begin + Int64(step * random.int(90...150)),
                                amount: max(600, price(merchant, &random)), direction: .outflow,
                                counterparty: merchant.name, category: merchant.category, note: merchant.name + "订单"))
                    }
                    builder.planted.append(PlantedCase(family: .velocity, ids: ids))
                case .cardTesting:
                    let day = plantDay(&random)
                    var time = daytime(&random, day: day)
                    var ids: [String] = []
                    for _ in 0..<random.int(3...6) {
                        ids.append(
                            builder.add(
                                time: time, amount: Int64(random.int(1...199)), direction: .outflow,
                                counterparty: freshName(&random, "PAY*SHOP"), category: "其他", note: "验证"))
                        time += Int64(random.int(20...180))
                    }
                    if random.chance(0.8) {
                        ids.append(
                            builder.add(
                                time: time + Int64(random.int(120...1500)), amount: Int64(random.int(80_000...300_000)),
                                direction: .outflow, counterparty: freshName(&random, "ONLINE*STORE"), category: "其他",
                                note: "消费"))
                    }
                    builder.planted.append(PlantedCase(family: .cardTesting, ids: ids))
                case .newPayeeLarge:
                    let name = random.pick(surnames) + "*" + random.pick(givenNames) + "(" + random.digits(4) + ")"
                    let id = builder.add(
                        time: daytime(&random, day: plantDay(&random)),
                        amount: Int64(random.int(500_000...3_000_000)) + Int64(random.int(1...99)), direction: .outflow,
                        counterparty: name, category: "转账红包", note: "转账")
                    builder.planted.append(PlantedCase(family: .newPayeeLarge, ids: [id]))
                case .oddHour:
                    let merchant = random.pick(typicalMerchants)
                    let day = plantDay(&random)
                    let id = builder.add(
                        time: start + Int64(day) * 86400 + Int64(random.int(1...4) * 3600 + random.int(0...3599)),
                        amount: price(merchant, &random), direction: .outflow, counterparty: merchant.name,
                        category: merchant.category, note: merchant.name + "订单")
                    builder.planted.append(PlantedCase(family: .oddHour, ids: [id]))
                case .recurringChange:
                    let name = freshName(&random, ["腾讯视频VIP", "网易云音乐", "百度网盘", "Keep会员", "WPS会员"][random.int(0...4)])
                    let amount = Int64(random.int(5...60)) * 100 + 90
                    let dayOfMonth = random.int(2...25)
                    if random.chance(0.5) {
                        // A long-running subscription whose price jumps.
                        let months = days / 30
                        let jump = random.int(4...(months - 2))
                        let newAmount = Int64(Double(amount) * random.uniform(1.3, 2.5))
                        var jumpID = ""
                        for month in 0..<months {
                            let id = builder.add(
                                time: start + Int64(month * 30 + dayOfMonth) * 86400 + 9 * 3600
                                    + Int64(random.int(0...1800)),
                                amount: month >= jump ? newAmount : amount, direction: .outflow, counterparty: name,
                                category: "生活服务", note: "自动续费")
                            if month == jump { jumpID = id }
                        }
                        builder.planted.append(PlantedCase(family: .recurringChange, ids: [jumpID]))
                    } else {
                        // A new subscription that starts mid-year.
                        let first = random.int(60...(days - 100))
                        var ids: [String] = []
                        var day = first
                        while day < days {
                            ids.append(
                                builder.add(
                                    time: start + Int64(day) * 86400 + 9 * 3600 + Int64(random.int(0...1800)),
                                    amount: amount, direction: .outflow, counterparty: name, category: "生活服务",
                                    note: "自动续费"))
                            day += 30
                        }
                        builder.planted.append(PlantedCase(family: .recurringChange, ids: ids))
                    }
                case .foreignCurrency:
                    let (name, currency) = random.pick([
                        ("AMAZON.COM", "USD"), ("APPLE.COM/BILL", "USD"), ("UNIQLO TOKYO", "JPY"),
                        ("BOOKING.COM", "EUR"), ("STEAM PURCHASE", "USD"),
                    ])
                    let amount = currency == "JPY" ? Int64(random.int(500...30000)) : Int64(random.int(500...40000))
                    let id = builder.add(
                        time: daytime(&random, day: plantDay(&random)), amount: amount, direction: .outflow,
                        counterparty: name, category: "境外消费", note: "跨境支付", currency: currency)
                    builder.planted.append(PlantedCase(family: .foreignCurrency, ids: [id]))
                case .structuring:
                    var time = daytime(&random, day: plantDay(&random))
                    let limit: Int64 = random.pick([500_000, 1_000_000])
                    let recipients = [
                        freshName(&random, "收款人"), freshName(&random, "收款人"),
                    ]
                    var ids: [String] = []
                    for _ in 0..<random.int(3...5) {
                        let amount =
                            random.chance(0.3)
                            ? limit : limit - Int64(random.int(100...Int(Double(limit) * 0.04)))
                        ids.append(
                            builder.add(
                                time: time, amount: amount, direction: .outflow, counterparty: random.pick(recipients),
                                category: "转账红包", note: "转账"))
                        time += Int64(random.int(3600...86400))
                    }
                    builder.planted.append(PlantedCase(family: .structuring, ids: ids))
                case .balanceGap:
                    // A transaction that happened but is missing from the export.
                    let day = plantDay(&random)
                    let id = builder.add(
                        time: daytime(&random, day: day), amount: Int64(random.int(5_000...200_000)),
                        direction: .outflow, counterparty: "隐藏交易", category: "其他", note: "", hidden: true)
                    builder.hiddenCases.append(id)
                }
            }
        }
        builder.sortByTime()
        return builder.finish(name: "user\(index)@example.com")
    }

    struct Builder {
        let index: Int
        let options: GeneratorOptions
        var transactions: [Transaction] = []
        var hidden: Set<String> = []
        var hiddenCases: [String] = []
        var planted: [PlantedCase] = []
        var serial = 0

        init(index: Int, options: GeneratorOptions) {
            self.index = index
            self.options = options
        }

        @discardableResult
        mutating func add(
            time: Int64, amount: Int64, direction: Direction, counterparty: String, category: String, note: String,
            currency: String = "CNY", hidden: Bool = false
        ) -> String {
            serial += 1
            let local = time + Int64(StatementGenerator.offset)
            let (year, month, day) = ByteParsing.civil(fromDays: local / 86400)
            let date = "\(year)\(month < 10 ? "0" : "")\(month)\(day < 10 ? "0" : "")\(day)"
            // 28 characters like an Alipay 交易订单号; unique by account and serial.
            let tail = String(index * 10_000_000 + serial)
            let id = date + "2200" + String(repeating: "0", count: 16 - tail.count) + tail
            let merchantOrder = direction == .outflow ? "M" + date + tail : ""
            transactions.append(
                Transaction(
                    sourceID: id, merchantOrderID: merchantOrder, timestamp: time,
                    utcOffsetSeconds: StatementGenerator.offset, amountMinor: amount, direction: direction,
                    currency: currency, counterparty: counterparty,
                    counterpartyAccount: direction == .outflow ? "acct-" + String(counterparty.utf8.count) : "",
                    category: category, note: note, status: "交易成功", method: "余额宝", crossBorder: currency != "CNY",
                    source: .alipay))
            if hidden { self.hidden.insert(id) }
            return id
        }

        mutating func sortByTime() {
            transactions = transactions.enumerated().sorted {
                ($0.element.timestamp, $0.offset) < ($1.element.timestamp, $1.offset)
            }.map(\.element)
        }

        /// Fills balances (hidden rows move the balance but are left out) and labels balance gaps.
        mutating func finish(name: String) -> GeneratedAccount {
            var balance: Int64 = 20_000_000
            var visible: [Transaction] = []
            visible.reserveCapacity(transactions.count)
            var pendingGap: [String] = []
            for transaction in transactions {
                // Foreign purchases are debited in CNY at the writers' sample rate.
                let cny = StatementWriters.cnyMinor(transaction)
                balance += transaction.direction == .outflow ? -cny : (transaction.direction == .inflow ? cny : 0)
                if let id = transaction.sourceID, hidden.contains(id) {
                    pendingGap.append(id)
                    continue
                }
                var row = transaction
                row.balanceMinor = balance
                if !pendingGap.isEmpty, let id = row.sourceID {
                    planted.append(PlantedCase(family: .balanceGap, ids: [id]))
                    pendingGap.removeAll()
                }
                visible.append(row)
            }
            return GeneratedAccount(name: name, transactions: visible, planted: planted)
        }
    }
}
