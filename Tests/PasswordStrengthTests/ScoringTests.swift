// zxcvbn's scoring tests (test-scoring), re-expressed: nCk, the minimum-guesses search, and each pattern's
// guess formula (repeat, sequence, year, date, spatial, dictionary, uppercase and l33t variations).
import XCTest

@testable import PasswordStrength

final class ScoringTests: XCTestCase {
    let year = 2026

    func testNCk() {
        let cases: [(Int, Int, Double)] = [
            (0, 0, 1), (1, 0, 1), (5, 0, 1), (0, 1, 0), (0, 5, 0), (2, 1, 2), (4, 2, 6), (33, 7, 4_272_048),
        ]
        for (n, k, expected) in cases { XCTAssertEqual(Scoring.nCk(n, k), expected, "nCk(\(n), \(k))") }
        // The symmetry and Pascal identities hold for every small n, k.
        for n in 1..<20 {
            for k in 0...n {
                XCTAssertEqual(Scoring.nCk(n, k), Scoring.nCk(n, n - k), accuracy: 1e-6)
                if k > 0 {
                    XCTAssertEqual(Scoring.nCk(n, k), Scoring.nCk(n - 1, k - 1) + Scoring.nCk(n - 1, k), accuracy: 1e-6)
                }
            }
        }
    }

    private func fixed(_ i: Int, _ j: Int, guesses: Double) -> Candidate {
        var match = Candidate(.mobile, i, j)
        match.presetGuessesLog10 = log10(guesses)
        return match
    }

    private func search(_ password: String, _ matches: [Candidate], additive: Bool = true) -> GuessSearch.Result {
        GuessSearch.search(text(password), matches: matches, referenceYear: year, additive: additive)
    }

    func testSearchReturnsOneBruteforceMatchGivenNoMatches() {
        let result = search("0123456789", [])
        XCTAssertEqual(result.sequence.count, 1)
        XCTAssertEqual(result.sequence[0].kind, .bruteforce)
        XCTAssertEqual(result.sequence[0].token, "0123456789")
        XCTAssertEqual([result.sequence[0].i, result.sequence[0].j], [0, 9])
        XCTAssertEqual(result.guessesLog10, 10, accuracy: 1e-9)
    }

    func testSearchAddsBruteforceAroundAMatch() {
        // A match covering a prefix, a suffix, an infix: bruteforce fills the rest.
        let prefix = search("0123456789", [fixed(0, 5, guesses: 1)], additive: false)
        XCTAssertEqual(prefix.sequence.map { "\($0.kind.rawValue):\($0.i)-\($0.j)" }, ["mobile:0-5", "bruteforce:6-9"])
        let suffix = search("0123456789", [fixed(3, 9, guesses: 1)], additive: false)
        XCTAssertEqual(suffix.sequence.map { "\($0.kind.rawValue):\($0.i)-\($0.j)" }, ["bruteforce:0-2", "mobile:3-9"])
        let infix = search("0123456789", [fixed(1, 8, guesses: 1)], additive: false)
        XCTAssertEqual(
            infix.sequence.map { "\($0.kind.rawValue):\($0.i)-\($0.j)" },
            ["bruteforce:0-0", "mobile:1-8", "bruteforce:9-9"])
    }

    func testSearchChoosesTheCheaperOfTwoMatchesOverTheSameSpan() {
        let result = search("0123456789", [fixed(0, 9, guesses: 1), fixed(0, 9, guesses: 2)], additive: false)
        XCTAssertEqual(result.sequence.count, 1)
        XCTAssertEqual(result.guessesLog10, 0, accuracy: 1e-9)
        let swapped = search("0123456789", [fixed(0, 9, guesses: 3), fixed(0, 9, guesses: 2)], additive: false)
        XCTAssertEqual(swapped.guessesLog10, log10(2), accuracy: 1e-9)
    }

    func testSearchWeighsOneMatchAgainstTwoCoveringTheSameSpan() {
        // [m0] wins while m0 < 2! · m1 · m2; then [m1, m2] wins. Submatches cost at least 50 guesses each.
        let one = search(
            "0123456789", [fixed(0, 9, guesses: 4000), fixed(0, 3, guesses: 2), fixed(4, 9, guesses: 1)],
            additive: false)
        XCTAssertEqual(one.sequence.map { "\($0.i)-\($0.j)" }, ["0-9"])
        let two = search(
            "0123456789", [fixed(0, 9, guesses: 6000), fixed(0, 3, guesses: 2), fixed(4, 9, guesses: 1)],
            additive: false)
        XCTAssertEqual(two.sequence.map { "\($0.i)-\($0.j)" }, ["0-3", "4-9"])
    }

    func testSearchAddsTheLengthPenalty() {
        // g = l! · Π + D^(l-1): two matches of 1 guess each cost 2 + 10^4.
        let result = search("0123456789", [fixed(0, 4, guesses: 100), fixed(5, 9, guesses: 100)])
        XCTAssertEqual(result.guessesLog10, log10(2 * 100 * 100 + 10_000), accuracy: 1e-9)
    }

    private func estimate(_ match: Candidate, _ password: String) -> Double {
        var copy = match
        Scoring.estimate(&copy, text(password), referenceYear: year)
        return pow(10, copy.guessesLog10)
    }

    func testMinimumSubmatchGuesses() {
        var match = Candidate(.mobile, 0, 0)
        match.presetGuessesLog10 = 0
        XCTAssertEqual(estimate(match, "ab"), 10, accuracy: 1e-9)
        match.j = 1
        XCTAssertEqual(estimate(match, "abc"), 50, accuracy: 1e-9)
        XCTAssertEqual(estimate(match, "ab"), 1, accuracy: 1e-9)
    }

    func testRepeatGuessesAreBaseGuessesTimesCount() {
        let estimator = Estimator(referenceYear: year)
        let cases: [(String, String, Double)] = [
            ("aa", "a", 2), ("999", "9", 3), ("$$", "$", 2), ("abab", "ab", 2),
            ("batterystaplebatterystaple", "batterystaple", 2),
        ]
        for (token, base, count) in cases {
            let matches = RepeatMatcher.matches(text(token), estimator: estimator, depth: 0)
            XCTAssertEqual(matches.count, 1, token)
            guard let match = matches.first else { continue }
            let baseGuesses = estimator.analyse(text(base), depth: 1).guessesLog10
            XCTAssertEqual(match.repeatCount, count, token)
            XCTAssertEqual(
                estimate(match, token), pow(10, baseGuesses) * count, accuracy: 1e-6 * pow(10, baseGuesses), token)
        }
    }

    func testSequenceGuesses() {
        let cases: [(String, Bool, Double)] = [
            ("ab", true, 8), ("XYZ", true, 78), ("4567", true, 40), ("7654", false, 80), ("ZYX", false, 24),
        ]
        for (token, ascending, expected) in cases {
            var match = Candidate(.sequence, 0, token.count - 1)
            match.ascending = ascending
            XCTAssertEqual(estimate(match, token), expected, accuracy: 1e-9, token)
        }
    }

    func testYearGuessesUseTheReferenceYear() {
        var match = Candidate(.year, 0, 3)
        match.year = 1972
        XCTAssertEqual(estimate(match, "1972"), Double(year - 1972), accuracy: 1e-9)
        match.year = 2015
        XCTAssertEqual(estimate(match, "2015"), 20, accuracy: 1e-9, "close years count as the minimum year space")
        XCTAssertEqual(Estimator().referenceYear, Estimator.currentYear(), "the reference year is the current year")
        XCTAssertGreaterThanOrEqual(Estimator.currentYear(), 2025)
    }

    func testDateGuesses() {
        var match = Candidate(.date, 0, 3)
        match.year = 1923
        XCTAssertEqual(estimate(match, "1123"), 365.0 * Double(year - 1923), accuracy: 1e-6)
        var separated = Candidate(.date, 0, 7)
        separated.year = 2010
        separated.hasSeparator = true
        XCTAssertEqual(estimate(separated, "1/1/2010"), 365.0 * 20 * 4, accuracy: 1e-6)
    }

    private func spatial(_ token: String, turns: Int, shifted: Int) -> Candidate {
        var match = Candidate(.spatial, 0, token.unicodeScalars.count - 1)
        match.graphIndex = 0
        match.turns = turns
        match.shiftedCount = shifted
        return match
    }

    func testSpatialGuesses() {
        let qwerty = KeyboardGraph.all[0]
        XCTAssertEqual(qwerty.startingPositions, 94)
        XCTAssertEqual(qwerty.averageDegree, 4.595744680851064, accuracy: 1e-9, "zxcvbn's KEYBOARD_AVERAGE_DEGREE")
        XCTAssertEqual(KeyboardGraph.all[2].startingPositions, 15)
        XCTAssertEqual(KeyboardGraph.all[2].averageDegree, 5.066666666666666, accuracy: 1e-9)
        let base = qwerty.startingPositions * qwerty.averageDegree * 5
        XCTAssertEqual(estimate(spatial("zxcvbn", turns: 1, shifted: 0), "zxcvbn"), base, accuracy: 1e-6)
        // Shift sprinkled over the walk: zxcvbn's sum of binomials; held for a stretch: 2 · (toggles + 1).
        XCTAssertEqual(
            estimate(spatial("ZxCvbn", turns: 1, shifted: 2), "ZxCvbn"), base * (Scoring.nCk(6, 2) + Scoring.nCk(6, 1)),
            accuracy: 1e-6)
        XCTAssertEqual(estimate(spatial("ZXCVBN", turns: 1, shifted: 6), "ZXCVBN"), base * 2, accuracy: 1e-6)
        XCTAssertEqual(estimate(spatial("ZXCvbn", turns: 1, shifted: 3), "ZXCvbn"), base * 4, accuracy: 1e-6)
        var expected = 0.0
        for i in 2...8 {
            for j in 1...min(3, i - 1) {
                expected += Scoring.nCk(i - 1, j - 1) * qwerty.startingPositions * pow(qwerty.averageDegree, Double(j))
            }
        }
        XCTAssertEqual(estimate(spatial("zxcft6yh", turns: 3, shifted: 0), "zxcft6yh"), expected, accuracy: 1e-3)
    }

    func testDictionaryGuesses() {
        var match = Candidate(.dictionary, 0, 5)
        match.rank = 32
        XCTAssertEqual(estimate(match, "aaaaaa"), 32, accuracy: 1e-9)
        XCTAssertEqual(
            estimate(match, "AAAaaa"), 32 * Scoring.uppercaseVariations(text("AAAaaa"), 0, 5), accuracy: 1e-6)
        var reversed = Candidate(.dictionary, 0, 2)
        reversed.rank = 32
        reversed.reversed = true
        XCTAssertEqual(estimate(reversed, "aaa"), 64, accuracy: 1e-9)
        var l33t = Candidate(.dictionary, 0, 5)
        l33t.rank = 32
        l33t.l33t = true
        l33t.addSubstitution(UInt8(ascii: "@"), UInt8(ascii: "a"))
        XCTAssertEqual(estimate(l33t, "aaa@@@"), 32 * Scoring.l33tVariations(l33t, text("aaa@@@")), accuracy: 1e-6)
        XCTAssertEqual(
            Scoring.l33tVariations(l33t, text("aaa@@@")), Scoring.nCk(6, 3) + Scoring.nCk(6, 2) + Scoring.nCk(6, 1))
    }

    func testUppercaseVariations() {
        let cases: [(String, Double)] = [
            ("a", 1), ("A", 2), ("abcdef", 1), ("Abcdef", 2), ("abcdeF", 2), ("ABCDEF", 2),
            ("aBcdef", Scoring.nCk(6, 1)), ("aBcDef", Scoring.nCk(6, 1) + Scoring.nCk(6, 2)),
            ("ABCDEf", Scoring.nCk(6, 1)), ("aBCDEf", Scoring.nCk(6, 1) + Scoring.nCk(6, 2)),
            ("ABCdef", Scoring.nCk(6, 1) + Scoring.nCk(6, 2) + Scoring.nCk(6, 3)),
        ]
        for (word, expected) in cases {
            let count = word.unicodeScalars.count
            XCTAssertEqual(Scoring.uppercaseVariations(text(word), 0, count - 1), expected, word)
        }
    }

    func testL33tVariations() {
        func variations(_ word: String, _ subs: [(Character, Character)]) -> Double {
            var match = Candidate(.dictionary, 0, word.unicodeScalars.count - 1)
            match.l33t = !subs.isEmpty
            for (sub, letter) in subs { match.addSubstitution(sub.asciiValue!, letter.asciiValue!) }
            return Scoring.l33tVariations(match, text(word))
        }
        XCTAssertEqual(variations("a", []), 1)
        XCTAssertEqual(variations("4", [("4", "a")]), 2)
        XCTAssertEqual(variations("4pple", [("4", "a")]), 2)
        XCTAssertEqual(variations("abcet", []), 1)
        XCTAssertEqual(variations("4bcet", [("4", "a")]), 2)
        XCTAssertEqual(variations("a8cet", [("8", "b")]), 2)
        XCTAssertEqual(variations("abce+", [("+", "t")]), 2)
        XCTAssertEqual(variations("48cet", [("4", "a"), ("8", "b")]), 4)
        XCTAssertEqual(variations("a4a4aa", [("4", "a")]), Scoring.nCk(6, 2) + Scoring.nCk(6, 1))
        XCTAssertEqual(variations("4a4a44", [("4", "a")]), Scoring.nCk(6, 2) + Scoring.nCk(6, 1))
        XCTAssertEqual(
            variations("a44att+", [("4", "a"), ("+", "t")]), (Scoring.nCk(4, 2) + Scoring.nCk(4, 1)) * Scoring.nCk(3, 1)
        )
        XCTAssertEqual(
            variations("Aa44aA", [("4", "a")]), Scoring.nCk(6, 2) + Scoring.nCk(6, 1), "capitalization does not count")
    }

    func testScoreThresholds() {
        let cases: [(Double, Int)] = [
            (0, 0), (3, 0), (log10(1004), 0), (log10(1006), 1), (6, 1), (log10(1e6 + 6), 2), (8, 2),
            (log10(1e8 + 6), 3),
            (10, 3), (log10(1e10 + 6), 4), (400, 4),
        ]
        for (log, score) in cases { XCTAssertEqual(Scoring.score(guessesLog10: log), score, "10^\(log)") }
    }

    func testCrackTimes() {
        let times = CrackTimes(guessesLog10: 4)
        XCTAssertEqual(times.onlineThrottled, 1e4 * 36, accuracy: 1e-6)
        XCTAssertEqual(times.online, 1e3, accuracy: 1e-9)
        XCTAssertEqual(times.offlineSlow, 1, accuracy: 1e-12)
        XCTAssertEqual(times.offlineFast, 1e-6, accuracy: 1e-15)
    }
}
