// The Chinese-specific matchers (pinyin, names, initials, love/lucky numbers, phone and QQ numbers, digit
// shapes) and the issue's list of Chinese-style passwords that must all score 1 or less.
import XCTest

@testable import PasswordStrength

final class ChineseStyleTests: XCTestCase {
    let estimator = Estimator(referenceYear: 2026)

    func testIssueListScoresAtMostOne() {
        let passwords = [
            "woaini1314", "5201314", "zhang19900101", "13812345678", "1qaz2wsx", "qq123456", "wang123456", "a123456",
            "19871010", "liuyang520", "woaiwojia", "147258369", "123qwe!@#",
        ]
        for password in passwords {
            let result = estimator.estimate(password)
            XCTAssertLessThanOrEqual(result.score, 1, "\(password): \(result.guessesLog10)")
        }
    }

    func testMoreChineseStylePasswordsAreWeak() {
        for password in [
            "!QAZ2wsx", "1qaz@WSX", "Zhangwei1988", "liyang19950512", "7758521", "woaini520", "aini1314", "wangjun666",
            "zw19900101", "13912345678", "qq52013140", "112233", "123321", "888888", "5201314520",
        ] {
            XCTAssertLessThanOrEqual(estimator.estimate(password).score, 2, password)
        }
    }

    func testRandomFourteenCharacterPasswordsScoreFour() {
        for _ in 0..<20 {
            let password = PasswordGenerator.password(length: 14)
            XCTAssertEqual(estimator.estimate(password).score, 4, password)
        }
    }

    func testPinyinSyllableSegmentation() {
        XCTAssertEqual(PinyinMatcher.syllables(text("woaiwojia"), 0, 8), ["wo", "ai", "wo", "jia"])
        XCTAssertEqual(PinyinMatcher.syllables(text("zhongguo"), 0, 7), ["zhong", "guo"])
        XCTAssertNil(PinyinMatcher.syllables(text("qwrtz"), 0, 4))
        let matches = PinyinMatcher.syllableMatches(text("xx!woshishui"))
        XCTAssertTrue(matches.contains { $0.i == 3 && $0.j == 11 }, "\(spans(matches))")
        XCTAssertTrue(PinyinMatcher.syllableMatches(text("abc")).isEmpty, "runs shorter than 4 letters are left alone")
    }

    func testPinyinNames() {
        let result = estimator.estimate("liuyang520")
        XCTAssertEqual(result.sequence.first?.kind, .pinyinName)
        XCTAssertEqual(result.sequence.first?.parts, ["liu", "yang"])
        XCTAssertEqual(result.sequence.last?.dictionaryName, "love_numbers")
        let nameDate = estimator.estimate("zhang19900101")
        XCTAssertEqual(nameDate.sequence.map(\.kind), [.nameDate])
        XCTAssertEqual(nameDate.sequence.first?.parts, ["zhang", "19900101"])
        XCTAssertEqual(nameDate.feedback.warning?.en, "A name plus a birthday is easy to guess.")
        XCTAssertEqual(nameDate.feedback.warning?.zh, "姓名加生日很容易被猜到。")
    }

    func testInitials() {
        let matches = PinyinMatcher.initialsMatches(text("lyf1990"))
        XCTAssertEqual(spans(matches), ["0-2"])
        XCTAssertTrue(PinyinMatcher.initialsMatches(text("lyf")).isEmpty, "a password of initials alone is bruteforce")
        XCTAssertTrue(PinyinMatcher.initialsMatches(text("abc123")).isEmpty, "vowels are not initials")
    }

    func testLoveAndLuckyNumbers() {
        let love = estimator.estimate("5201314")
        XCTAssertEqual(love.sequence.first?.dictionaryName, "love_numbers")
        XCTAssertEqual(love.feedback.warning?.en, "Love numbers like 520 or 1314 are easy to guess.")
        XCTAssertEqual(RankedDictionaries.shared.rank(of: "520", in: "love_numbers"), 1)
        XCTAssertNotNil(RankedDictionaries.shared.rank(of: "888", in: "lucky_numbers"))
        XCTAssertEqual(estimator.estimate("666888").score, 0)
    }

    func testMobileNumbers() {
        let matches = DigitCultureMatcher.matches(text("x13912873465y"))
        XCTAssertTrue(matches.contains { $0.kind == .mobile && $0.i == 1 && $0.j == 11 })
        XCTAssertTrue(
            DigitCultureMatcher.matches(text("12912873465")).filter { $0.kind == .mobile }.isEmpty, "no 12x prefix")
        let result = estimator.estimate("13912873465")
        XCTAssertEqual(result.score, 2, "a phone number never protects a vault")
        XCTAssertEqual(result.feedback.warning?.en, "A phone number is easy to guess.")
        XCTAssertEqual(result.feedback.warning?.zh, "手机号码很容易被猜到。")
        // Cheapest as "138" + a sequence, but the advice names what it is: a phone number.
        let sequenced = estimator.estimate("13812345678")
        XCTAssertLessThanOrEqual(sequenced.score, 1)
        XCTAssertEqual(sequenced.feedback.warning?.en, "A phone number is easy to guess.")
    }

    func testQQNumbersAndDigitShapes() {
        let qq = DigitCultureMatcher.matches(text("qq84736251"))
        XCTAssertTrue(qq.contains { $0.kind == .qqNumber && $0.i == 0 && $0.j == 9 })
        XCTAssertTrue(DigitCultureMatcher.matches(text("qq0123456")).filter { $0.kind == .qqNumber }.isEmpty)
        let whole = DigitCultureMatcher.matches(text("84736251"))
        XCTAssertTrue(whole.contains { $0.kind == .qqNumber && $0.i == 0 && $0.j == 7 }, "an all-digit password")
        XCTAssertTrue(DigitCultureMatcher.matches(text("x84736251")).filter { $0.kind == .qqNumber }.isEmpty)
        XCTAssertEqual(
            estimator.estimate("39185047").feedback.warning?.en, "Numbers like QQ or account numbers are easy to guess."
        )
        XCTAssertEqual(estimator.estimate("19871010").feedback.warning?.en, "Dates are often easy to guess.")
        let palindrome = DigitCultureMatcher.matches(text("5207025"))
        XCTAssertTrue(palindrome.contains { $0.kind == .digits && $0.shape == 1 })
        let pairs = DigitCultureMatcher.matches(text("556677"))
        XCTAssertTrue(pairs.contains { $0.kind == .digits && $0.shape == 2 })
        XCTAssertLessThanOrEqual(estimator.estimate("556677").score, 1)
    }

    func testUserInputsMakeAPasswordWeaker() {
        let without = estimator.estimate("kangaroo-13912873465")
        let with = estimator.estimate("kangaroo-13912873465", userInputs: ["13912873465"])
        XCTAssertLessThan(with.guessesLog10, without.guessesLog10)
        XCTAssertTrue(with.sequence.contains { $0.dictionaryName == "user_inputs" })
    }
}
