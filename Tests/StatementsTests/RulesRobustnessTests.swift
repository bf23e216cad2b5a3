// Seeded random rules and CSVs: parsing either succeeds or throws a typed StatementError, and reading
// never traps, whatever the bytes (short rows, stray quotes, huge numbers, odd dates).
import Statements
import XCTest

final class RulesRobustnessTests: XCTestCase {
    struct Random {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        mutating func pick<T>(_ items: [T]) -> T { items[next(items.count)] }
    }

    func testRandomRulesAreTypedErrorsOrRules() {
        var random = Random(state: 7)
        let fragments = [
            "fields date, amount", "fields date,,amount-in,amount-out,balance", "skip", "skip 2", "skip x",
            "separator ;", "separator TAB", "separator ab", "date-format %d/%m/%Y", "date-format %m/%d",
            "date-format %Y-%m-%d %H:%M:%S %z", "currency $", "currency RMB1", "currency %3 ", "decimal-mark ,",
            "if", "if %amount ^-", "if (TO|FROM", "if,comment,code", "x,y,z", "^a,b,c", " comment x",
            " amount -%2", " skip", " end", "& %date 2024", "!x", "include nowhere.rules", "encoding cp1252",
            "encoding klingon", "amount1 %2", "amount-out \\1", "description %1 %9 %nosuch", "timezone +05:30",
            "timezone 99", "newest-first", "balance-type ==", "account1 assets:bank", "%", "", "# c", "frob 1",
            "if a{100}{100}{100}", " comment \\n", "date %1",
        ]
        for _ in 0..<400 {
            let text = (0..<random.next(9)).map { _ in random.pick(fragments) }.joined(separator: "\n")
            do {
                _ = try CSVRules.parse(text, file: "r")
            } catch {
                XCTAssertNotNil(error as? StatementError, "\(text): \(error)")
            }
        }
    }

    func testRandomCSVsNeverTrap() throws {
        var random = Random(state: 11)
        let rules = try CSVRules.parse(
            """
            fields date, who, amount-in, amount-out, balance
            date-format %Y-%m-%d
            if %who ^(a|b)+$
             comment \\1
            if ,x,
            & !%balance 9
             skip 2
            if STOP
             end
            """, file: "r")
        let alphabet = Array("0123456789,,,,\"\"\n\n-$¥ .:/abxSTOP\t()@".unicodeScalars)
        for _ in 0..<300 {
            var text = String.UnicodeScalarView()
            for _ in 0..<random.next(300) { text.append(random.pick(alphabet)) }
            if random.next(2) == 0 {
                text = ("2024-01-0" + String(random.next(9) + 1) + ",a,1,,9\n").unicodeScalars + text
            }
            do {
                let statement = try StatementReader.parse(
                    Array(String(text).utf8), file: "s.csv", options: ReadOptions(rules: rules))
                XCTAssertLessThanOrEqual(statement.transactions.count, String(text).split(separator: "\n").count)
            } catch {
                XCTAssertNotNil(error as? StatementError, "\(error)")
            }
        }
    }
}
