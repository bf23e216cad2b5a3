// A second synthetic population, written to look like real wallet users rather than to suit the
// detectors: night owls and night-shift workers who pay at any hour on their own rhythm, 春节 red
// packets and 双十一/618 sprees, rent, salary, utilities, loan repayments, subscriptions that renew,
// change price a little once a year or pause, trips abroad, refunds, AA splits, transfers between the
// user's own accounts, and merchants whose prices vary widely (supermarkets, hospitals, airlines).
// Planted cases of every family vary in magnitude; near-misses (labelled) must not alert.
import Anomaly
import Statements

/// One realistic user: the account (planted cases as in the old generator) plus the near-misses.
package struct RealisticAccount: Sendable {
    package var account: GeneratedAccount
    /// Ordinary-but-close rows that must not raise an alert of `family`.
    package var nearMisses: [PlantedCase]
}

package enum RealisticPopulation {
    /// How a user's day is spread over the hours (weights per local hour, 0 = never).
    static let rhythms: [[Double]] = [
        // Office worker: lunch, evening, a little late night.
        [1.5, 0, 0, 0, 0, 0, 0, 3, 6, 5, 4, 5, 10, 7, 4, 4, 4, 6, 9, 10, 9, 7, 5, 3],
        // Night owl: wakes late, orders food at midnight and 01:00–02:00.
        [8, 7, 5, 3, 0, 0, 0, 0, 0, 0, 2, 4, 6, 6, 5, 5, 5, 6, 7, 8, 9, 10, 10, 9],
        // Night-shift worker: awake 17:00–08:00, asleep in the day.
        [6, 6, 5, 5, 6, 7, 8, 6, 3, 0, 0, 0, 0, 0, 0, 0, 2, 5, 7, 7, 6, 6, 6, 6],
        // Student: food delivery at any hour from late morning to 02:00.
        [7, 4, 2, 0, 0, 0, 0, 0, 1, 2, 4, 8, 10, 6, 4, 4, 5, 7, 9, 9, 8, 8, 8, 8],
        // Retiree: early riser, in bed by 22:00.
        [0, 0, 0, 0, 0, 1.5, 5, 9, 10, 8, 6, 6, 5, 4, 4, 5, 6, 6, 5, 4, 2, 1.5, 0, 0],
        // Shift rota over the year: every hour is ordinary for this user.
        [4, 4, 4, 4, 4, 4, 4, 5, 5, 5, 5, 6, 6, 5, 5, 5, 5, 6, 6, 6, 5, 5, 5, 4],
    ]

    /// (name, category, median fen, log spread): wide for supermarkets, hospitals, airlines, platforms.
    static let merchants: [(String, String, Double, Double)] = [
        ("美团外卖", "餐饮美食", 3200, 0.35), ("饿了么", "餐饮美食", 3000, 0.35), ("瑞幸咖啡", "餐饮美食", 1600, 0.15),
        ("星巴克", "餐饮美食", 3600, 0.15), ("滴滴出行", "交通出行", 2400, 0.5), ("地铁出行", "交通出行", 500, 0.3),
        ("沃尔玛", "日用百货", 15000, 0.9), ("盒马鲜生", "日用百货", 9000, 0.7), ("永辉超市", "日用百货", 8000, 0.8),
        ("全家便利店", "日用百货", 1500, 0.4), ("京东商城", "数码电器", 15000, 1.0), ("淘宝", "服饰装扮", 9000, 0.9),
        ("拼多多", "日用百货", 4000, 0.7), ("北京协和医院", "医疗健康", 30000, 1.2), ("大药房", "医疗健康", 6000, 0.6),
        ("中国国航", "交通出行", 120_000, 0.7), ("携程旅行", "酒店旅游", 60000, 0.8), ("中国石化", "交通出行", 30000, 0.25),
        ("海底捞", "餐饮美食", 28000, 0.35), ("麦当劳", "餐饮美食", 3500, 0.3), ("喜茶", "餐饮美食", 2200, 0.15),
        ("屈臣氏", "美容美发", 8000, 0.5), ("万达影城", "文化休闲", 7500, 0.25), ("哈啰单车", "交通出行", 250, 0.3),
    ]
    static let people = [
        "张伟", "王芳", "李娜", "刘敏", "陈静", "杨磊", "黄洋", "赵勇", "周艳", "吴杰", "徐娟", "孙涛", "马明", "朱超", "胡霞",
        "妈妈", "爸爸", "二姨", "舅舅", "表哥",
    ]

    /// A user with about `rows` rows over a year; `plant` false gives an ordinary user with nothing planted.
    package static func account(index: Int, seed: UInt64, rows: Int = 1900, plant: Bool = true) -> RealisticAccount {
        var random = SeededRandom(seed: seed &* 0x9e37_79b9_7f4a_7c15 &+ UInt64(index) &* 0x1000_0000_01b3)
        let options = GeneratorOptions(seed: seed, rows: rows, days: 365, perFamily: 0, families: [])
        var builder = StatementGenerator.Builder(index: index + 500, options: options)
        let days = 365
        let start = options.startDay * 86400 - Int64(StatementGenerator.offset)
        let rhythm = rhythms[index % rhythms.count]
        let rhythmTotal = rhythm.reduce(0, +)
        func at(_ day: Int, _ seconds: Int) -> Int64 { start + Int64(day) * 86400 + Int64(seconds) }
        func ownTime(_ random: inout SeededRandom, day: Int) -> Int64 {
            var target = random.unit() * rhythmTotal
            for (hour, weight) in rhythm.enumerated() where weight > 0 {
                target -= weight
                if target <= 0 { return at(day, hour * 3600 + random.int(0...3599)) }
            }
            return at(day, 12 * 3600)
        }
        // This user's merchants, each with its own price level, visited with Zipf-like weights.
        var shuffled = merchants
        for position in stride(from: shuffled.count - 1, to: 0, by: -1) {
            shuffled.swapAt(position, random.int(0...position))
        }
        let mine = shuffled.prefix(14 + index % 8).enumerated().map { rank, merchant in
            (
                name: merchant.0, category: merchant.1, median: merchant.2 * random.uniform(0.7, 1.4),
                sigma: merchant.3, weight: 1 / Double(rank + 1)
            )
        }
        let weightTotal = mine.reduce(0) { $0 + $1.weight }
        func pick(_ random: inout SeededRandom) -> (name: String, category: String, median: Double, sigma: Double) {
            var target = random.unit() * weightTotal
            for merchant in mine {
                target -= merchant.weight
                if target <= 0 { return (merchant.name, merchant.category, merchant.median, merchant.sigma) }
            }
            let last = mine[mine.count - 1]
            return (last.name, last.category, last.median, last.sigma)
        }
        func price(_ median: Double, _ sigma: Double, _ random: inout SeededRandom) -> Int64 {
            max(100, Int64((median * _exp(sigma * random.normal())).rounded()))
        }

        // Monthly life: salary, rent, a loan, utilities (amounts vary), subscriptions (one pauses,
        // prices rise a little once a year), a credit-card repayment to the user's own card.
        let landlord = "房东" + people[index % 15]
        let rent = Int64(random.int(15...60)) * 10_000
        let loan = random.chance(0.5) ? Int64(random.int(20...80)) * 10_000 : 0
        let ownCard = "招商银行信用卡还款(\(1000 + index))"
        let ownSavings = "本人储蓄卡(\(2000 + index))"
        for month in 0..<12 {
            let base = month * 30 + random.int(0...2)
            builder.add(
                time: at(base + 9, 10 * 3600), amount: Int64(random.int(80...300)) * 10_000, direction: .inflow,
                counterparty: "某某科技有限公司", category: "工资", note: "工资")
            builder.add(
                time: at(base + 1, 20 * 3600 + random.int(0...3000)), amount: rent, direction: .outflow,
                counterparty: landlord, category: "转账红包", note: "房租")
            if loan > 0 {
                builder.add(
                    time: at(base + 14, 7 * 3600 + random.int(0...600)), amount: loan, direction: .outflow,
                    counterparty: "房贷还款", category: "信用借还", note: "房贷")
            }
            builder.add(
                time: ownTime(&random, day: base + 5), amount: price(20000, 0.4, &random), direction: .outflow,
                counterparty: "国家电网", category: "生活服务", note: "电费")
            builder.add(
                time: at(base + 20, 9 * 3600 + random.int(0...7200)), amount: price(250_000, 0.5, &random),
                direction: .outflow, counterparty: ownCard, category: "信用借还", note: "还款")
            // Moving money between the user's own accounts, both ways, in round sums.
            if random.chance(0.6) {
                let sum = Int64(random.int(1...10)) * 100_000
                builder.add(
                    time: ownTime(&random, day: base + random.int(10...25)), amount: sum, direction: .outflow,
                    counterparty: ownSavings, category: "转账红包", note: "转账")
                builder.add(
                    time: ownTime(&random, day: min(364, base + random.int(26...29))), amount: sum,
                    direction: .inflow, counterparty: ownSavings, category: "转账红包", note: "转账")
            }
        }
        let subscriptions: [(String, Int64)] = [("爱奇艺会员", 2500), ("QQ音乐", 1500), ("中国移动话费", 5800)]
        for (offset, subscription) in subscriptions.enumerated() {
            let pause = offset == 1 ? random.int(3...7) : -10
            let rise = random.int(4...9)
            for month in 0..<12 where month < pause || month > pause + 2 {
                // A small yearly price rise (under the change threshold) is ordinary.
                let amount = month >= rise ? subscription.1 * Int64(random.int(105...110)) / 100 : subscription.1
                builder.add(
                    time: at(month * 30 + 3 + offset * 6, 8 * 3600 + random.int(0...900)), amount: amount,
                    direction: .outflow, counterparty: subscription.0, category: "生活服务", note: "自动续费")
            }
        }
        // 春节 red packets (2024-02-09 is 除夕: day 39) and 双十一 / 618 sprees.
        for _ in 0..<random.int(8...25) {
            builder.add(
                time: at(39, 20 * 3600 + random.int(0...7200)),
                amount: Int64(random.pick([6600, 8800, 16800, 20000, 666])),
                direction: .outflow, counterparty: random.pick(people), category: "转账红包", note: "红包")
        }
        for day in [169, 315] {  // 06-18, 11-11
            let begin = at(day, 20 * 3600 + random.int(0...1800))
            for step in 0..<random.int(4...12) {
                let platform = random.pick(["淘宝", "天猫", "京东商城"])
                builder.add(
                    time: begin + Int64(step * random.int(60...400)), amount: price(15000, 0.8, &random),
                    direction: .outflow, counterparty: platform, category: "服饰装扮", note: platform + "订单")
            }
        }
        // A trip abroad: a week of card payments in one foreign currency.
        if random.chance(0.5) {
            let (currency, places) = random.pick([
                ("JPY", ["LAWSON TOKYO", "UNIQLO GINZA", "JR EAST", "ICHIRAN"]),
                ("THB", ["7-ELEVEN BANGKOK", "GRAB", "CENTRAL WORLD"]),
            ])
            let first = random.int(120...300)
            for day in first..<(first + 6) {
                for _ in 0..<random.int(2...5) {
                    builder.add(
                        time: at(day, random.int(9...21) * 3600 + random.int(0...3599)),
                        amount: currency == "JPY" ? Int64(random.int(500...20000)) : Int64(random.int(5000...200_000)),
                        direction: .outflow, counterparty: random.pick(places), category: "境外消费", note: "境外消费",
                        currency: currency)
                }
            }
        }
        // Everyday spending, AA splits with friends, refunds and partial refunds.
        let everyday = max(0, rows - builder.transactions.count)
        for _ in 0..<everyday {
            let day = random.int(0...(days - 1))
            let roll = random.unit()
            if roll < 0.03 {
                let friend = random.pick(people)
                builder.add(
                    time: ownTime(&random, day: day), amount: price(8000, 0.6, &random),
                    direction: random.chance(0.5) ? .inflow : .outflow, counterparty: friend, category: "转账红包",
                    note: "AA收款")
            } else if roll < 0.045 {
                builder.add(
                    time: ownTime(&random, day: day), amount: price(5000, 0.8, &random), direction: .outflow,
                    counterparty: "个体商户" + random.digits(6), category: "其他", note: "消费")
            } else {
                let merchant = pick(&random)
                let time = ownTime(&random, day: day)
                let amount = price(merchant.median, merchant.sigma, &random)
                builder.add(
                    time: time, amount: amount, direction: .outflow, counterparty: merchant.name,
                    category: merchant.category, note: merchant.name + "订单")
                if random.chance(0.01) {
                    // A (partial) refund a few days later.
                    builder.add(
                        time: time + Int64(random.int(1...5)) * 86400, amount: amount * Int64(random.int(3...10)) / 10,
                        direction: .inflow, counterparty: merchant.name, category: "退款", note: "退款")
                }
            }
        }
        builder.sortByTime()
        var near: [PlantedCase] = []
        if plant {
            Planter.plant(
                &builder, &near, &random, index: index, rhythm: rhythm, start: start,
                merchants: mine.map { ($0.name, $0.category, $0.median, $0.sigma) })
        }
        builder.sortByTime()
        var account = builder.finish(name: "real\(index)@example.com")
        // A balance-gap alert names the row before the gap and the row after it.
        var position: [String: Int] = [:]
        for (offset, transaction) in account.transactions.enumerated() {
            if let id = transaction.sourceID { position[id] = offset }
        }
        for (offset, planted) in account.planted.enumerated() where planted.family == .balanceGap {
            if let at = position[planted.ids[0]], at > 0, let before = account.transactions[at - 1].sourceID {
                account.planted[offset].ids.insert(before, at: 0)
            }
        }
        return RealisticAccount(account: account, nearMisses: near)
    }
}
