// Guess estimates per pattern, in log10 so that very long passwords never overflow (zxcvbn's formulas).

enum Scoring {
    static let bruteforceCardinality = 10.0
    static let minGuessesBeforeGrowingSequence = 10_000.0
    static let minSubmatchGuessesSingleChar = 10.0
    static let minSubmatchGuessesMultiChar = 50.0
    static let minYearSpace = 20

    static func pow10Clamped(_ log: Double) -> Double {
        log >= 300 ? 1e300 : pow(10, log)
    }

    /// log10(10^a + 10^b) without leaving the log domain.
    @inline(__always) static func logAdd(_ a: Double, _ b: Double) -> Double {
        let high = max(a, b)
        let low = min(a, b)
        if high - low > 30 { return high }
        return high + log10(1 + pow(10, low - high))
    }

    static func logFactorial(_ n: Int) -> Double {
        var total = 0.0
        if n > 1 { for k in 2...n { total += log10(Double(k)) } }
        return total
    }

    static func nCk(_ n: Int, _ k: Int) -> Double {
        if k > n { return 0 }
        if k == 0 { return 1 }
        var r = 1.0
        var top = Double(n)
        for d in 1...k {
            r *= top
            r /= Double(d)
            top -= 1
        }
        return r
    }

    static func estimate(_ match: inout PatternMatch, passwordLength: Int, referenceYear: Int) {
        var minimum = 0.0
        if match.length < passwordLength {
            minimum = log10(match.length == 1 ? minSubmatchGuessesSingleChar : minSubmatchGuessesMultiChar)
        }
        let guesses: Double
        switch match.kind {
        case .bruteforce:
            let floor = match.length == 1 ? minSubmatchGuessesSingleChar + 1 : minSubmatchGuessesMultiChar + 1
            guesses = max(Double(match.length) * log10(bruteforceCardinality), log10(floor))
        case .dictionary:
            guesses =
                log10(Double(match.rank ?? 1)) + log10(uppercaseVariations(match.token)) + log10(l33tVariations(match))
                + (match.reversed ? log10(2) : 0)
        case .spatial:
            guesses = log10(spatialGuesses(match))
        case .repeat:
            guesses = match.baseGuessesLog10 + log10(match.repeatCount)
        case .sequence:
            guesses = log10(sequenceGuesses(match))
        case .year:
            guesses = log10(Double(max(abs((match.year ?? referenceYear) - referenceYear), minYearSpace)))
        case .date:
            let space = Double(max(abs((match.year ?? referenceYear) - referenceYear), minYearSpace))
            guesses = log10(space * 365 * (match.separator?.isEmpty == false ? 4 : 1))
        case .pinyin, .pinyinName, .pinyinInitials:
            guesses = (match.presetGuessesLog10 ?? 0) + log10(uppercaseVariations(match.token))
        case .mobile, .qqNumber, .digits, .nameDate:
            guesses = match.presetGuessesLog10 ?? 0
        }
        match.guessesLog10 = max(guesses, minimum)
    }

    static func sequenceGuesses(_ match: PatternMatch) -> Double {
        let first = match.token.unicodeScalars.first.map { Character($0) } ?? " "
        var base: Double
        if "aAzZ019".contains(first) {
            base = 4
        } else if first.isASCII && first.isNumber {
            base = 10
        } else {
            base = 26
        }
        if !match.ascending { base *= 2 }
        return base * Double(match.length)
    }

    static func spatialGuesses(_ match: PatternMatch) -> Double {
        let graph = KeyboardGraph.all.first { $0.name == match.graph } ?? KeyboardGraph.all[0]
        let qwerty = KeyboardGraph.all[0]
        let keypad = KeyboardGraph.all[2]
        let (s, d) =
            graph.shiftable
            ? (qwerty.startingPositions, qwerty.averageDegree) : (keypad.startingPositions, keypad.averageDegree)
        var guesses = 0.0
        let length = match.length
        let turns = match.turns
        if length >= 2 {
            for i in 2...length {
                let possibleTurns = min(turns, i - 1)
                if possibleTurns >= 1 {
                    for j in 1...possibleTurns { guesses += nCk(i - 1, j - 1) * s * pow(d, Double(j)) }
                }
            }
        }
        if match.shiftedCount > 0 {
            let shifted = match.shiftedCount
            let unshifted = length - shifted
            if unshifted == 0 {
                guesses *= 2
            } else if shiftToggles(match.token) <= 2 {
                // "!QAZ2wsx", "1qaz@WSX": the shift key held for a whole stretch of the walk, not sprinkled.
                guesses *= Double(2 * (shiftToggles(match.token) + 1))
            } else {
                var variations = 0.0
                for i in 1...min(shifted, unshifted) { variations += nCk(length, i) }
                guesses *= variations
            }
        }
        return guesses
    }

    private static let shiftedSet = Set("~!@#$%^&*()_+QWERTYUIOP{}|ASDFGHJKL:\"ZXCVBNM<>?".unicodeScalars.map(\.value))

    /// How many times the shift state changes along a keyboard walk.
    static func shiftToggles(_ token: String) -> Int {
        var toggles = 0
        var previous: Bool?
        for scalar in token.unicodeScalars {
            let shifted = shiftedSet.contains(scalar.value)
            if let previous, previous != shifted { toggles += 1 }
            previous = shifted
        }
        return toggles
    }

    static func uppercaseVariations(_ word: String) -> Double {
        var upper = 0
        var lower = 0
        var firstUpper = false
        var lastUpper = false
        var index = 0
        let scalars = Array(word.unicodeScalars)
        for scalar in scalars {
            let isUpper = scalar.properties.isUppercase
            if isUpper { upper += 1 }
            if scalar.properties.isLowercase { lower += 1 }
            if index == 0 { firstUpper = isUpper }
            if index == scalars.count - 1 { lastUpper = isUpper }
            index += 1
        }
        if upper == 0 { return 1 }
        // Upper first or last letter only, or all upper: the first things an attacker tries.
        let nonUpper = scalars.count - upper
        if (upper == 1 && (firstUpper || lastUpper) && nonUpper > 0) || lower == 0 { return 2 }
        var variations = 0.0
        for i in 1...min(upper, lower) { variations += nCk(upper + lower, i) }
        return max(variations, 1)
    }

    static func l33tVariations(_ match: PatternMatch) -> Double {
        guard match.l33t else { return 1 }
        var variations = 1.0
        let characters = match.token.lowercased().map { String($0) }
        for (subbed, unsubbed) in match.substitutions {
            let s = characters.filter { $0 == subbed }.count
            let u = characters.filter { $0 == unsubbed }.count
            if s == 0 || u == 0 {
                variations *= 2
            } else {
                var possibilities = 0.0
                for i in 1...min(u, s) { possibilities += nCk(u + s, i) }
                variations *= possibilities
            }
        }
        return variations
    }

    static func score(guessesLog10: Double) -> Int {
        let guesses = pow(10, min(guessesLog10, 300))
        let delta = 5.0
        if guesses < 1e3 + delta { return 0 }
        if guesses < 1e6 + delta { return 1 }
        if guesses < 1e8 + delta { return 2 }
        if guesses < 1e10 + delta { return 3 }
        return 4
    }
}

#if canImport(Glibc)
    import Glibc
#endif
