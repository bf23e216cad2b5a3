// Planted cases for the realistic population: every family over a range of magnitudes, each with a
// labelled near-miss that an ordinary life produces and that must not alert.
import Anomaly
import Statements

enum Planter {
    typealias Merchant = (name: String, category: String, median: Double, sigma: Double)

    static func plant(
        _ builder: inout StatementGenerator.Builder, _ near: inout [PlantedCase], _ random: inout SeededRandom,
        index: Int, rhythm: [Double], start: Int64, merchants: [Merchant]
    ) {
        let perFamily = 4
        func at(_ day: Int, _ seconds: Int) -> Int64 { start + Int64(day) * 86400 + Int64(seconds) }
        // Hours this user is awake and busy in.
        let busy = rhythm.indices.filter { rhythm[$0] >= 5 }
        func daytime(_ random: inout SeededRandom) -> Int64 {
            return at(random.int(50...360), random.pick(busy) * 3600 + random.int(0...3599))
        }
        var serial = 0
        var structuringSlot = 0
        func fresh(_ random: inout SeededRandom, _ prefix: String) -> String {
            serial += 1
            return prefix + random.digits(4) + "-\(index)-\(serial)"
        }
        let narrow = merchants.prefix(8).filter { $0.sigma <= 0.4 && $0.median >= 1000 }
        let wide = merchants.filter { $0.sigma >= 0.8 }
        let ordinary = builder.transactions.filter {
            $0.direction == .outflow && $0.note.hasSuffix("订单") && $0.currency == "CNY" && $0.amountMinor > 500
        }
        // Hours in which the user's statement (automatic debits included) holds no payment, with quiet
        // neighbours: a payment there is out of character.
        var perHour = [Int](repeating: 0, count: 24)
        for transaction in builder.transactions where transaction.direction == .outflow {
            perHour[transaction.localHour] += 1
        }
        let quiet = max(1, builder.transactions.count / 200)
        let dead = (0..<24).filter { hour in
            perHour[hour] == 0 && perHour[(hour + 23) % 24] <= quiet && perHour[(hour + 1) % 24] <= quiet
        }
        // Hours the user rarely (but does) pay in.
        let rare = (0..<24).filter { rhythm[$0] > 0 && rhythm[$0] <= 2 }

        for family in AlertKind.allCases {
            let count = family == .oddHour ? (dead.isEmpty ? 0 : 5) : perFamily
            for _ in 0..<count {
                switch family {
                case .duplicate:
                    let original = random.pick(ordinary)
                    let copy = builder.add(
                        time: original.timestamp + Int64(random.int(5...540)), amount: original.amountMinor,
                        direction: .outflow, counterparty: original.counterparty, category: original.category,
                        note: original.note)
                    builder.planted.append(PlantedCase(family: .duplicate, ids: [original.sourceID ?? "", copy]))
                    // The same coffee bought again a quarter of an hour or more later is not a double charge.
                    let again = random.pick(ordinary)
                    let id = builder.add(
                        time: again.timestamp + Int64(random.int(900...3600)), amount: again.amountMinor,
                        direction: .outflow, counterparty: again.counterparty, category: again.category,
                        note: again.note)
                    near.append(PlantedCase(family: .duplicate, ids: [id]))
                case .amountOutlier:
                    if let merchant = narrow.isEmpty ? nil : random.pick(narrow) {
                        let id = builder.add(
                            time: daytime(&random), amount: Int64(merchant.median * random.uniform(7, 30)),
                            direction: .outflow, counterparty: merchant.name, category: merchant.category,
                            note: merchant.name + "订单")
                        builder.planted.append(PlantedCase(family: .amountOutlier, ids: [id]))
                    }
                    if let merchant = wide.isEmpty ? nil : random.pick(wide) {
                        // A big but ordinary shop at a supermarket, hospital or airline.
                        let id = builder.add(
                            time: daytime(&random), amount: Int64(merchant.median * random.uniform(3, 5)),
                            direction: .outflow, counterparty: merchant.name, category: merchant.category,
                            note: merchant.name + "订单")
                        near.append(PlantedCase(family: .amountOutlier, ids: [id]))
                    }
                case .velocity:
                    var time = daytime(&random)
                    var ids: [String] = []
                    let spendable = merchants.filter { $0.median >= 1000 }
                    for _ in 0..<random.int(14...22) {
                        let merchant = random.pick(spendable)
                        ids.append(
                            builder.add(
                                time: time, amount: Int64(merchant.median * random.uniform(0.5, 1.5)),
                                direction: .outflow, counterparty: merchant.name, category: merchant.category,
                                note: merchant.name + "订单"))
                        time += Int64(random.int(40...160))
                    }
                    builder.planted.append(PlantedCase(family: .velocity, ids: ids))
                    var nearIDs: [String] = []
                    time = daytime(&random)
                    for _ in 0..<5 {
                        let merchant = random.pick(spendable)
                        nearIDs.append(
                            builder.add(
                                time: time, amount: Int64(merchant.median * random.uniform(0.5, 1.5)),
                                direction: .outflow,
                                counterparty: merchant.name, category: merchant.category, note: merchant.name + "订单"))
                        time += Int64(random.int(300...700))
                    }
                    near.append(PlantedCase(family: .velocity, ids: nearIDs))
                case .cardTesting:
                    var time = daytime(&random)
                    var ids: [String] = []
                    for _ in 0..<random.int(3...7) {
                        ids.append(
                            builder.add(
                                time: time, amount: Int64(random.int(1...300)), direction: .outflow,
                                counterparty: fresh(&random, "PAY*SHOP"), category: "其他", note: "验证"))
                        time += Int64(random.int(15...600))
                    }
                    if random.chance(0.7) {
                        ids.append(
                            builder.add(
                                time: time + Int64(random.int(60...2400)), amount: Int64(random.int(50_000...800_000)),
                                direction: .outflow, counterparty: fresh(&random, "ONLINE*STORE"), category: "其他",
                                note: "消费"))
                    }
                    builder.planted.append(PlantedCase(family: .cardTesting, ids: ids))
                    // Two tiny charges at places the user knows (a bike, a locker) are ordinary.
                    let first = daytime(&random)
                    let a = builder.add(
                        time: first, amount: 150, direction: .outflow, counterparty: "哈啰单车", category: "交通出行",
                        note: "哈啰单车订单")
                    let b = builder.add(
                        time: first + 900, amount: 100, direction: .outflow, counterparty: "哈啰单车", category: "交通出行",
                        note: "哈啰单车订单")
                    near.append(PlantedCase(family: .cardTesting, ids: [a, b]))
                case .newPayeeLarge:
                    let name = random.pick(RealisticPopulation.people).prefix(1) + "*" + "(" + random.digits(4) + ")"
                    let id = builder.add(
                        time: daytime(&random),
                        amount: Int64(random.int(800_000...6_000_000)) + Int64(random.int(1...99)),
                        direction: .outflow, counterparty: String(name), category: "转账红包", note: "转账")
                    builder.planted.append(PlantedCase(family: .newPayeeLarge, ids: [id]))
                    let shop = builder.add(
                        time: daytime(&random), amount: Int64(random.int(20_000...45_000)), direction: .outflow,
                        counterparty: fresh(&random, "家具城"), category: "家居家装", note: "消费")
                    near.append(PlantedCase(family: .newPayeeLarge, ids: [shop]))
                case .oddHour:
                    let hour = random.pick(dead)
                    let day = random.int(60...360)
                    let id: String
                    if random.chance(0.5) {
                        let merchant = random.pick(merchants)
                        id = builder.add(
                            time: at(day, hour * 3600 + random.int(0...3599)),
                            amount: max(500, Int64(merchant.median * random.uniform(0.6, 1.5))), direction: .outflow,
                            counterparty: merchant.name, category: merchant.category, note: merchant.name + "订单")
                    } else {
                        id = builder.add(
                            time: at(day, hour * 3600 + random.int(0...3599)),
                            amount: Int64(random.int(2_000...90_000)),
                            direction: .outflow, counterparty: fresh(&random, "商户"), category: "其他", note: "消费")
                    }
                    builder.planted.append(PlantedCase(family: .oddHour, ids: [id]))
                    if let hour = rare.isEmpty ? nil : random.pick(rare), let merchant = merchants.first {
                        let nearID = builder.add(
                            time: at(random.int(60...360), hour * 3600 + random.int(0...3599)),
                            amount: Int64(merchant.median), direction: .outflow, counterparty: merchant.name,
                            category: merchant.category, note: merchant.name + "订单")
                        near.append(PlantedCase(family: .oddHour, ids: [nearID]))
                    }
                case .recurringChange:
                    let name = fresh(&random, random.pick(["腾讯视频VIP", "网易云音乐", "百度网盘", "Keep会员", "WPS会员"]))
                    let amount = Int64(random.int(5...60)) * 100 + 90
                    let dayOfMonth = random.int(2...25)
                    let kind = random.int(0...2)
                    if kind == 0 {
                        let jump = random.int(4...9)
                        let newAmount = Int64(Double(amount) * random.uniform(1.3, 2.5))
                        var ids: [String] = []
                        for month in 0..<12 {
                            let id = builder.add(
                                time: at(month * 30 + dayOfMonth, 9 * 3600 + random.int(0...1800)),
                                amount: month >= jump ? newAmount : amount, direction: .outflow, counterparty: name,
                                category: "生活服务", note: "自动续费")
                            if month >= jump - 3 && month <= jump { ids.append(id) }
                        }
                        builder.planted.append(PlantedCase(family: .recurringChange, ids: ids))
                    } else if kind == 1 {
                        var ids: [String] = []
                        var day = random.int(60...250)
                        while day < 364 {
                            ids.append(
                                builder.add(
                                    time: at(day, 9 * 3600 + random.int(0...1800)), amount: amount, direction: .outflow,
                                    counterparty: name, category: "生活服务", note: "自动续费"))
                            day += 30
                        }
                        builder.planted.append(PlantedCase(family: .recurringChange, ids: ids))
                    } else {
                        // Near-miss: a yearly rise of 5–10 %.
                        let jump = random.int(4...9)
                        var ids: [String] = []
                        let raised = amount * Int64(random.int(105...110)) / 100
                        for month in 0..<12 {
                            let id = builder.add(
                                time: at(month * 30 + dayOfMonth, 9 * 3600 + random.int(0...1800)),
                                amount: month >= jump ? raised : amount, direction: .outflow, counterparty: name,
                                category: "生活服务", note: "自动续费")
                            if month == jump { ids.append(id) }
                        }
                        near.append(PlantedCase(family: .recurringChange, ids: ids))
                        // Keep the planted count: one more price jump.
                        let other = fresh(&random, "芒果TV会员")
                        let jumpAt = random.int(4...9)
                        var jumpIDs: [String] = []
                        for month in 0..<12 {
                            let id = builder.add(
                                time: at(month * 30 + dayOfMonth + 2, 10 * 3600 + random.int(0...1800)),
                                amount: month >= jumpAt ? amount * 2 : amount, direction: .outflow, counterparty: other,
                                category: "生活服务", note: "自动续费")
                            if month >= jumpAt - 3 && month <= jumpAt { jumpIDs.append(id) }
                        }
                        builder.planted.append(PlantedCase(family: .recurringChange, ids: jumpIDs))
                    }
                case .foreignCurrency:
                    let (name, currency) = random.pick([
                        ("AMAZON.COM", "USD"), ("APPLE.COM/BILL", "USD"), ("BOOKING.COM", "EUR"),
                        ("STEAM PURCHASE", "USD"), ("NETFLIX.COM", "USD"),
                    ])
                    let id = builder.add(
                        time: daytime(&random), amount: Int64(random.int(300...60000)), direction: .outflow,
                        counterparty: name, category: "境外消费", note: "跨境支付", currency: currency)
                    builder.planted.append(PlantedCase(family: .foreignCurrency, ids: [id]))
                case .structuring:
                    // Each case (and its near-miss) in its own weeks: nobody is scammed four times in a week.
                    structuringSlot += 1
                    let slotDay = 50 + (structuringSlot - 1) * 75
                    var time = at(slotDay + random.int(0...10), random.pick(busy) * 3600 + random.int(0...3599))
                    let limit: Int64 = random.pick([500_000, 1_000_000, 2_000_000])
                    let recipients = [fresh(&random, "收款人"), fresh(&random, "收款人")]
                    var ids: [String] = []
                    for _ in 0..<random.int(3...6) {
                        let amount =
                            random.chance(0.3) ? limit : limit - Int64(random.int(100...Int(Double(limit) * 0.045)))
                        ids.append(
                            builder.add(
                                time: time, amount: amount, direction: .outflow, counterparty: random.pick(recipients),
                                category: "转账红包", note: "转账"))
                        time += Int64(random.int(1800...100_000))
                    }
                    builder.planted.append(PlantedCase(family: .structuring, ids: ids))
                    // Two round transfers in a week are ordinary.
                    let friend = fresh(&random, "朋友")
                    let first = at(slotDay + 35 + random.int(0...10), random.pick(busy) * 3600 + random.int(0...3599))
                    let a = builder.add(
                        time: first, amount: 200_000, direction: .outflow, counterparty: friend, category: "转账红包",
                        note: "转账")
                    let b = builder.add(
                        time: first + 3 * 86400, amount: 300_000, direction: .outflow, counterparty: friend,
                        category: "转账红包", note: "转账")
                    near.append(PlantedCase(family: .structuring, ids: [a, b]))
                case .balanceGap:
                    builder.add(
                        time: daytime(&random), amount: Int64(random.int(1_000...300_000)), direction: .outflow,
                        counterparty: "隐藏交易", category: "其他", note: "", hidden: true)
                }
            }
        }
    }
}
