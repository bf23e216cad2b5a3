// zxcvbn's matching tests (test-matching), re-expressed against our matchers and built-in dictionaries:
// dictionary, reversed, l33t, keyboard walks, sequences, repeats, years and dates.
import XCTest

@testable import PasswordStrength

final class MatchingTests: XCTestCase {
    let year = 2026
    var dictionary: DictionaryMatcher { DictionaryMatcher(dictionaries: .shared, userInputs: []) }

    func testDictionaryMatchesWordsContainingWords() {
        let matches = dictionary.matches(text("motherboard"))
        let spans = Set(spans(matches))
        for span in ["0-10", "0-5", "6-10"] {
            XCTAssertTrue(spans.contains(span), "motherboard should contain \(span)")
        }
    }

    func testDictionaryMatchesAreCaseInsensitiveAndKeepTheBestRank() {
        let matches = dictionary.matches(text("PassWord")).filter { $0.i == 0 && $0.j == 7 }
        XCTAssertEqual(matches.count, 1)
        XCTAssertEqual(matches.first?.rank, 2)
        XCTAssertEqual(matches.first?.dictionary, dictionaryIndex("passwords"))
        let final = PatternMatch(matches[0], text("PassWord"))
        XCTAssertEqual(final.token, "PassWord")
        XCTAssertEqual(final.matchedWord, "password")
    }

    func testDictionaryMatchesWithUserInputs() {
        let matcher = DictionaryMatcher(
            dictionaries: .shared, userInputs: Estimator.prepare(["Alice.Example@Mail.com", "13812345678"]))
        let matches = matcher.matches(text("xxalice.example13812345678"))
        let user = matches.filter { $0.dictionary == Candidate.userInputsIndex }
        XCTAssertTrue(user.contains { $0.i == 2 && $0.j == 14 }, "the e-mail local part")
        XCTAssertTrue(user.contains { $0.i == 15 && $0.j == 25 }, "the phone number")
        XCTAssertTrue(Estimator.prepare(["Bob"]).contains("bob".unicodeScalars.map(\.value)))
    }

    func testReversedDictionaryMatches() {
        let matches = dictionary.reversedMatches(text("drowssap"))
        let whole = matches.first { $0.i == 0 && $0.j == 7 }
        XCTAssertNotNil(whole)
        XCTAssertEqual(whole?.reversed, true)
        XCTAssertEqual(whole.map { PatternMatch($0, text("drowssap")).matchedWord }, "password")
        // Palindromes are not reported twice.
        XCTAssertFalse(dictionary.reversedMatches(text("level")).contains { $0.i == 0 && $0.j == 4 })
    }

    func testL33tSubstitutionMapsCoverEveryReading() {
        let maps = DictionaryMatcher.substitutionMaps(text("1!"), cap: 100)
        // '1' reads as i or l; '!' only as i.
        XCTAssertEqual(maps.count, 2)
        XCTAssertTrue(
            maps.contains {
                $0[Int(UInt8(ascii: "1"))] == UInt8(ascii: "i") && $0[Int(UInt8(ascii: "!"))] == UInt8(ascii: "i")
            })
        XCTAssertTrue(maps.contains { $0[Int(UInt8(ascii: "1"))] == UInt8(ascii: "l") })
        XCTAssertTrue(DictionaryMatcher.substitutionMaps(text("abc"), cap: 100).isEmpty)
        XCTAssertEqual(DictionaryMatcher.substitutionMaps(text("4@8({[<3"), cap: 100).count, 1)
    }

    func testL33tMatches() {
        let password = text("p4ssw0rd")
        let matches = dictionary.l33tMatches(password)
        let whole = matches.first { $0.i == 0 && $0.j == 7 }
        XCTAssertNotNil(whole)
        XCTAssertEqual(whole?.l33t, true)
        XCTAssertEqual(whole?.rank, 2)
        XCTAssertEqual(Set(whole?.substitutions.map { "\($0.0)>\($0.1)" } ?? []), ["52>97", "48>111"])
        XCTAssertEqual(whole.map { PatternMatch($0, password).matchedWord }, "password")
        // Only matches that really use a substitution; single characters are never l33t matches.
        XCTAssertTrue(dictionary.l33tMatches(text("password")).isEmpty)
        XCTAssertFalse(dictionary.l33tMatches(text("4")).contains { $0.i == $0.j })
    }

    func testSpatialIgnoresShortPatterns() {
        for password in ["", "/", "qw", "*/"] {
            XCTAssertTrue(SpatialMatcher.matches(text(password)).isEmpty, password)
        }
    }

    func testSpatialMatchesSurroundedByOtherCharacters() {
        let matches = SpatialMatcher.matches(text("rz!6tfGHJ%z")).filter { $0.graphIndex == 0 }
        XCTAssertEqual(spans(matches), ["3-8"])
        XCTAssertEqual(matches.first?.turns, 2)
        XCTAssertEqual(matches.first?.shiftedCount, 3)
    }

    func testSpatialPatternsOnEachKeyboard() {
        let cases: [(String, String, Int, Int)] = [
            ("12345", "qwerty", 1, 0), ("@WSX", "qwerty", 1, 4), ("6tfGHJ", "qwerty", 2, 3), ("hGFd", "qwerty", 1, 2),
            ("/;p09876yhn", "qwerty", 3, 0), ("Xdr%", "qwerty", 1, 2), ("159-", "keypad", 1, 0),
            ("*84", "keypad", 1, 0),
            ("/8520", "keypad", 1, 0), ("369", "keypad", 1, 0), ("/963.", "mac_keypad", 1, 0),
            ("*-632.0214", "mac_keypad", 9, 0), ("aoEP%yIxkjq:", "dvorak", 4, 5), (";qoaOQ:Aoq;a", "dvorak", 11, 4),
        ]
        for (pattern, graph, turns, shifted) in cases {
            let index = KeyboardGraph.all.firstIndex { $0.name == graph }!
            let matches = SpatialMatcher.matches(text(pattern)).filter { $0.graphIndex == index }
            XCTAssertEqual(spans(matches), ["0-\(pattern.count - 1)"], "\(pattern) on \(graph)")
            XCTAssertEqual(matches.first?.turns, turns, "\(pattern) turns")
            XCTAssertEqual(matches.first?.shiftedCount, shifted, "\(pattern) shifted")
        }
    }

    func testChineseKeyboardWalks() {
        // Column walks: z and 2 are not neighbours, so these are two walks of one turn each.
        for walk in ["1qaz2wsx", "!QAZ2wsx", "1qaz@WSX"] {
            let matches = SpatialMatcher.matches(text(walk)).filter { $0.graphIndex == 0 }
            XCTAssertEqual(spans(matches), ["0-3", "4-7"], walk)
            XCTAssertEqual(matches.map(\.turns), [1, 1], walk)
        }
        XCTAssertEqual(spans(SpatialMatcher.matches(text("zaq12wsx")).filter { $0.graphIndex == 0 }), ["0-7"])
        // Holding shift over a stretch costs far less than zxcvbn's scattered-shift count.
        var held = Candidate(.spatial, 0, 3)
        held.turns = 1
        held.shiftedCount = 4
        var scattered = held
        scattered.shiftedCount = 2
        var heldCopy = held
        Scoring.estimate(&heldCopy, text("!QAZ"), referenceYear: year)
        Scoring.estimate(&scattered, text("!qAz"), referenceYear: year)
        XCTAssertLessThan(heldCopy.guessesLog10, scattered.guessesLog10)
    }

    func testSequences() {
        XCTAssertTrue(SequenceMatcher.matches(text("")).isEmpty)
        XCTAssertTrue(SequenceMatcher.matches(text("a")).isEmpty)
        XCTAssertTrue(SequenceMatcher.matches(text("1")).isEmpty)
        let overlapping = SequenceMatcher.matches(text("abcbabc"))
        XCTAssertEqual(spans(overlapping), ["0-2", "2-4", "4-6"])
        XCTAssertEqual(overlapping.map(\.ascending), [true, false, true])
        let cases: [(String, Bool)] = [
            ("ABC", true), ("CBA", false), ("PQR", true), ("RQP", false), ("XYZ", true), ("ZYX", false), ("abcd", true),
            ("dcba", false), ("jihg", false), ("wxyz", true), ("zxvt", false), ("0369", true), ("97531", false),
        ]
        for (sequence, ascending) in cases {
            for (prefix, suffix) in [("", ""), ("!", ""), ("", "!"), ("!", "!")] {
                let matches = SequenceMatcher.matches(text(prefix + sequence + suffix))
                let i = prefix.count
                let match = matches.first { $0.i == i && $0.j == i + sequence.count - 1 }
                XCTAssertNotNil(match, prefix + sequence + suffix)
                XCTAssertEqual(match?.ascending, ascending, sequence)
            }
        }
    }

    func testRepeats() {
        let estimator = Estimator(referenceYear: year)
        for password in ["", "#"] {
            XCTAssertTrue(RepeatMatcher.matches(text(password), estimator: estimator, depth: 0).isEmpty)
        }
        let embedded = RepeatMatcher.matches(text("y4@&&&u%7"), estimator: estimator, depth: 0)
        XCTAssertEqual(spans(embedded), ["3-5"])
        XCTAssertEqual(embedded.first?.baseLength, 1)
        for (password, base) in [
            ("aabaab", "aab"), ("abab", "ab"), ("abcabcabcabc", "abc"), ("BBB", "B"), ("ababab", "ab"),
            ("batterystaplebatterystaple", "batterystaple"),
        ] {
            let matches = RepeatMatcher.matches(text(password), estimator: estimator, depth: 0)
            XCTAssertEqual(spans(matches), ["0-\(password.count - 1)"], password)
            XCTAssertEqual(matches.first?.baseLength, base.count, password)
        }
        // Greedy beats lazy: "aabaab" is (aab)×2, not (a)×2 + ...
        let multiple = RepeatMatcher.matches(text("&&&&&&&%%%%%"), estimator: estimator, depth: 0)
        XCTAssertEqual(spans(multiple), ["0-6", "7-11"])
    }

    func testRecentYears() {
        for password in ["1922", "2017", "2026"] {
            XCTAssertEqual(spans(YearMatcher.matches(text(password), referenceYear: year)), ["0-3"], password)
        }
        XCTAssertTrue(YearMatcher.matches(text("1899"), referenceYear: year).isEmpty)
        XCTAssertTrue(YearMatcher.matches(text("2099"), referenceYear: year).isEmpty)
    }

    private func date(_ password: String) -> [Candidate] { DateMatcher.matches(text(password), referenceYear: year) }

    func testDatesWithEverySeparator() {
        for separator in ["", " ", "-", "/", "\\", "_", "."] {
            let password = "13\(separator)2\(separator)1921"
            let matches = date(password)
            XCTAssertEqual(spans(matches), ["0-\(password.count - 1)"], password)
            XCTAssertEqual(matches.first?.year, 1921)
            XCTAssertEqual(matches.first?.hasSeparator, !separator.isEmpty)
        }
    }

    func testDatesInEveryOrder() {
        let (d, m, y) = ("8", "8", "88")
        for order in ["mdy", "dmy", "ymd", "ydm"] {
            let password = order.map { $0 == "d" ? d : $0 == "m" ? m : y }.joined(separator: " ")
            let matches = date(password)
            XCTAssertEqual(spans(matches), ["0-\(password.count - 1)"], password)
            XCTAssertEqual(matches.first?.year, 1988, password)
        }
    }

    func testDatesPickTheYearClosestToTheReferenceYear() {
        XCTAssertEqual(date("111504").first?.year, 2004)
        for (day, month, year) in [(1, 1, 1999), (11, 8, 2000), (9, 12, 2005), (22, 11, 1551)] {
            for password in ["\(year)\(month)\(day)", "\(year).\(month).\(day)"] {
                let matches = date(password)
                XCTAssertEqual(spans(matches), ["0-\(password.count - 1)"], password)
                XCTAssertEqual(matches.first?.year, year, password)
            }
        }
    }

    func testDatesEmbeddedOverlappingAndPadded() {
        let embedded = date("a1/1/91!")
        XCTAssertEqual(spans(embedded), ["1-6"])
        XCTAssertEqual(embedded.first?.year, 1991)
        let overlapping = date("12/20/1991.12.20")
        XCTAssertEqual(spans(overlapping), ["0-9", "6-15"])
        XCTAssertEqual(overlapping.map(\.year), [1991, 1991])
        let padded = date("912/20/919")
        XCTAssertEqual(spans(padded), ["1-8"])
        XCTAssertEqual(padded.first?.year, 1991)
        XCTAssertFalse(date("13/13/2001").contains { $0.i == 0 && $0.j == 9 }, "no month 13")
        XCTAssertEqual(date("9999").first?.year, 1999, "9/9/99")
        XCTAssertTrue(date("0000").isEmpty, "no reading has a day and a month")
    }

    func testOmnimatch() {
        let estimator = Estimator(referenceYear: year)
        XCTAssertTrue(estimator.omnimatch(text(""), depth: 0, userInputs: []).isEmpty)
        let matches = estimator.omnimatch(text("r0sebudmaelstrom11/20/91aaaa"), depth: 0, userInputs: [])
        for (kind, i, j) in [
            (PatternKind.dictionary, 0, 6), (.dictionary, 7, 15), (.date, 16, 23), (.repeat, 24, 27),
        ] {
            XCTAssertTrue(matches.contains { $0.kind == kind && $0.i == i && $0.j == j }, "\(kind) \(i)-\(j)")
        }
    }
}
