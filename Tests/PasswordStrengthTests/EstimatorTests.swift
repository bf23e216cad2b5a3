// End-to-end estimates: known zxcvbn results on English passwords, feedback in both languages, any Unicode
// input, long inputs, and the dictionaries' load.
import XCTest

@testable import PasswordStrength

final class EstimatorTests: XCTestCase {
    let estimator = Estimator(referenceYear: 2026)

    func testEnglishPasswordsScoreAsZxcvbnDoes() {
        // Scores from Python zxcvbn 4.5.0 for passwords without recent years (our reference year differs).
        let cases: [(String, Int)] = [
            ("password", 0), ("P@ssw0rd", 0), ("iloveyou", 0), ("qwertyuiop", 0), ("Tr0ub4dor&3", 4),
            ("correct horse battery staple", 4), ("zxcvbnm", 0), ("abcabcabcabc", 0), ("aaaaaaaaaaaa", 0),
            ("monkey", 0), ("dragon123", 1), ("jessica", 0),
        ]
        for (password, score) in cases {
            XCTAssertEqual(estimator.estimate(password).score, score, password)
        }
    }

    func testSequenceCoversThePasswordInOrder() {
        for password in ["woaini1314", "r0sebudmaelstrom11/20/91aaaa", "Tr0ub4dor&3", "x", "中文密码"] {
            let sequence = estimator.estimate(password).sequence
            var next = 0
            for match in sequence {
                XCTAssertEqual(match.i, next, password)
                next = match.j + 1
            }
            XCTAssertEqual(next, password.unicodeScalars.count, password)
            XCTAssertEqual(sequence.map(\.token).joined(), password)
        }
    }

    func testEmptyPassword() {
        let result = estimator.estimate("")
        XCTAssertEqual(result.score, 0)
        XCTAssertEqual(result.guessesLog10, 0)
        XCTAssertEqual(result.feedback.suggestions.count, 2)
    }

    func testFeedbackNamesTheWeaknessInBothLanguages() {
        let cases: [(String, String, String)] = [
            ("password", "This is a top-10 common password.", "这是最常见的 10 个密码之一。"),
            ("zxcvbnm,./", "Straight rows of keys are easy to guess.", "键盘上连成一行的按键很容易被猜到。"),
            ("abcdefghijk", "Sequences like \"abc\" or \"6543\" are easy to guess.", "像“abc”或“6543”这样的序列很容易被猜到。"),
            ("zzzzzzzzzzzz", "Repeats like \"aaa\" are easy to guess.", "像“aaa”这样的重复很容易被猜到。"),
        ]
        for (password, en, zh) in cases {
            let feedback = estimator.estimate(password).feedback
            XCTAssertEqual(feedback.warning?.en, en, password)
            XCTAssertEqual(feedback.warning?.zh, zh, password)
            XCTAssertFalse(feedback.suggestions.isEmpty)
            XCTAssertTrue(feedback.suggestions.allSatisfy { !$0.en.isEmpty && !$0.zh.isEmpty })
        }
        XCTAssertEqual(
            estimator.estimate("correct horse battery staple").feedback, Feedback(warning: nil, suggestions: []))
    }

    func testAnyUnicodeInput() {
        let inputs = [
            "密码123456", "🔐🔑🗝️🔒", "e\u{301}e\u{301}e\u{301}", "\u{0}\u{1}\u{7f}", "İstanbul1990",
            "ß" + String(repeating: "ǅ", count: 30),
            "\u{FFFD}\u{10FFFF}", "Ωμέγα2024", "  ", "\t\r",
        ]
        for input in inputs {
            let result = estimator.estimate(input)
            XCTAssertTrue((0...4).contains(result.score), input)
            XCTAssertEqual(result.sequence.map(\.token).joined(), input)
        }
    }

    func testLongInputsFinish() {
        // Bounded work (timings are measured by scripts/bench-password, not here).
        let inputs = [
            String(repeating: "p@ssw0rd1", count: 150),
            String((0..<1200).map { _ in Character(String(Random.digit())) }),
            String(repeating: "中", count: 1200),
        ]
        for input in inputs {
            let result = estimator.estimate(input)
            XCTAssertTrue((0...4).contains(result.score))
            XCTAssertEqual(result.sequence.map(\.token).joined(), input)
        }
        XCTAssertLessThanOrEqual(
            estimator.estimate(String(repeating: "a", count: 1200)).score, 1, "a long repeat stays weak")
        XCTAssertLessThanOrEqual(
            estimator.estimate(String(repeating: "abc", count: 400)).score, 1, "a repeat is weak at any length")
    }

    func testBreachedPasswordsScoreZero() {
        var result = estimator.estimate("correct horse battery staple")
        result.markBreached(true)
        XCTAssertEqual(result.score, 0)
        XCTAssertEqual(result.breached, true)
        XCTAssertEqual(result.feedback.warning?.en, "This password appears in a list of breached passwords.")
    }

    func testDictionariesLoad() {
        let dictionaries = RankedDictionaries.shared
        XCTAssertEqual(
            dictionaries.names,
            [
                "passwords", "english_wikipedia", "female_names", "surnames", "us_tv_and_film", "male_names",
                "cn_passwords", "pinyin_words", "pinyin_surnames", "pinyin_given_names", "love_numbers",
                "lucky_numbers",
            ])
        XCTAssertEqual(dictionaries.rank(of: "123456", in: "passwords"), 1)
        XCTAssertEqual(dictionaries.rank(of: "the", in: "english_wikipedia"), 1)
        XCTAssertEqual(dictionaries.rank(of: "wang", in: "pinyin_surnames"), 1)
        XCTAssertNil(dictionaries.rank(of: "zzzzqqqq", in: "passwords"))
        XCTAssertGreaterThan(dictionaries.words("passwords").count, 29_000)
        XCTAssertGreaterThan(dictionaries.syllables.count, 380)
    }
}

enum Random {
    static func digit() -> Int { Int.random(in: 0...9) }
}
