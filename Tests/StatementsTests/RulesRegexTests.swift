// The if-matcher regular expressions: hledger's usual syntax, case-insensitive search with groups, and
// linear time on patterns that make backtracking engines hang.
import XCTest

@testable import Statements

final class RulesRegexTests: XCTestCase {
    func match(_ pattern: String, _ text: String) throws -> [String]? {
        try RulesRegex(pattern).firstMatch(in: text)
    }

    func testSyntaxAndGroups() throws {
        let cases: [(String, String, [String]?)] = [
            ("(TO|FROM) SAVINGS", "recurring transfer to ... savings x", nil),
            ("^-", "-0.77", ["-"]),
            ("^[^-]", "12.00", ["1"]),
            ("[1-9]", "0.00", nil),
            ("([0-9]+\\.[0-9]+)", "د.ا.‏4.750", ["4.750", "4.750"]),
            (",usd,", "txn,2020,usd,12.00", [",usd,"]),
            ("a{2,3}", "caaaat", ["aaa"]),
            ("x{2}", "x", nil),
            ("colou?r", "COLOR", ["COLOR"]),
            ("\\bcat\\b", "concat cat", ["cat"]),
            ("\\bcat", "concat", nil),
            ("[[:digit:]]+", "ab12c", ["12"]),
            ("\\d+\\s\\w+", "pay 42 USD", ["42 USD"]),
            ("a|", "b", [""]),
            ("(?:ab)+$", "xabab", ["abab"]),
            ("\\?MCC.5812", "?MCC 5812", ["?MCC 5812"]),
            ("咖啡", "星巴克咖啡", ["咖啡"]),
            ("é", "CAFÉ", ["É"]),
            ("(a)|(b)", "b", ["b", "", "b"]),
        ]
        for (pattern, text, expected) in cases {
            XCTAssertEqual(try match(pattern, text), expected, pattern)
            XCTAssertEqual(try RulesRegex(pattern).matches(text), expected != nil, "matches: " + pattern)
        }
        XCTAssertEqual(
            try match("(TO|FROM) .*SAVINGS", "RECURRING TRANSFER TO ... SAVINGS"), ["TO ... SAVINGS", "TO"])
        for bad in ["(", "a)", "[a", "*a", "a**b(", "\\1", "(?=x)", "[z-a]"] {
            XCTAssertThrowsError(try RulesRegex(bad), bad)
        }
        XCTAssertThrowsError(try RulesRegex(String(repeating: "(a{100}){100}", count: 3))) { error in
            XCTAssertEqual(error as? RulesRegex.Failure, .tooComplex)
        }
    }

    func testPathologicalPatternsStayLinear() throws {
        // (a+)+$ and .*.*.*.*x against 5,000 characters: exponential or O(n^4) for backtracking.
        let text = String(repeating: "a", count: 5000) + "!"
        let start = ContinuousClock.now
        XCTAssertNil(try match("(a+)+$", text))
        XCTAssertNil(try match(".*.*.*.*x", text))
        XCTAssertNil(try match("(a|a)*b", text))
        XCTAssertFalse(try RulesRegex("(a+)+$x").matches(text))
        XCTAssertFalse(try RulesRegex(".*.*.*.*x").matches(text))
        XCTAssertLessThan(ContinuousClock.now - start, .seconds(20))
    }

    /// Patterns with a plain-text start (`ab.`, `咖啡.*店`) take the prefix shortcut in `matches`;
    /// `firstMatch` does not, so the two must agree on every pair.
    func testPrefixShortcutAgreesWithTheFullSearch() throws {
        let patterns = [
            "ab.", "aab.", "ab.*c", "AB[0-9]", "咖啡.*店", "x\\.y", "ab?c", "abc|x", "a(b|c)d", "2024-07-02,.*38.67",
            "ab\\b.", "é.", "^ab.",
        ]
        let texts = [
            "", "a", "ab", "abx", "xxabcXd", "aaab!", "AB7", "ab", "星巴克咖啡豆店", "咖啡", "x.y", "xzy", "ac", "abd", "acd",
            "2024-07-02,23:15:09,-38.67", "zab", "ab c", "CAFÉ!", "éé",
        ]
        for pattern in patterns {
            let regex = try RulesRegex(pattern)
            for text in texts {
                XCTAssertEqual(regex.matches(text), regex.firstMatch(in: text) != nil, "\(pattern) in \(text)")
            }
        }
        XCTAssertTrue(try RulesRegex("aab.").matches("aaab!"))
        XCTAssertTrue(try RulesRegex("咖啡.*店").matches("星巴克咖啡豆店"))
        XCTAssertFalse(try RulesRegex("ab.").matches("xab"))
    }
}
