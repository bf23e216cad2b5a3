// Guess estimates per pattern, in log10 so that very long passwords never overflow (zxcvbn's formulas).

#if canImport(Glibc)
    import Glibc
#endif

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
        if high - low > 17 { return high }  // below double precision
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

    /// Fills `match.guessesLog10`. Unless `unbounded`, a match shorter than the password costs at least
    /// zxcvbn's minimum submatch guesses.
    static func estimate(
        _ match: inout Candidate, _ password: PasswordText, unbounded: Bool = false, referenceYear: Int
    ) {
        var minimum = 0.0
        if !unbounded && match.length < password.count {
            minimum = match.length == 1 ? log10(minSubmatchGuessesSingleChar) : log10(minSubmatchGuessesMultiChar)
        }
        let guesses: Double
        switch match.kind {
        case .bruteforce:
            let floor = match.length == 1 ? minSubmatchGuessesSingleChar + 1 : minSubmatchGuessesMultiChar + 1
            guesses = max(Double(match.length) * log10(bruteforceCardinality), log10(floor))
        case .dictionary:
            guesses =
                log10(Double(match.rank ?? 1)) + log10(uppercaseVariations(password, match.i, match.j))
                + log10(l33tVariations(match, password)) + (match.reversed ? log10(2) : 0)
        case .spatial:
            guesses = log10(spatialGuesses(match, password))
        case .repeat:
            guesses = match.baseGuessesLog10 + log10(match.repeatCount)
        case .sequence:
            guesses = log10(sequenceGuesses(match, password))
        case .year:
            guesses = log10(Double(max(abs((match.year ?? referenceYear) - referenceYear), minYearSpace)))
        case .date:
            let space = Double(max(abs((match.year ?? referenceYear) - referenceYear), minYearSpace))
            guesses = log10(space * 365 * (match.hasSeparator ? 4 : 1))
        case .pinyin, .pinyinName, .pinyinInitials:
            guesses = (match.presetGuessesLog10 ?? 0) + log10(uppercaseVariations(password, match.i, match.j))
        case .mobile, .qqNumber, .digits, .nameDate:
            guesses = match.presetGuessesLog10 ?? 0
        }
        match.guessesLog10 = max(guesses, minimum)
    }

    static func sequenceGuesses(_ match: Candidate, _ password: PasswordText) -> Double {
        let first = password.scalars[match.i].value
        var base: Double
        // a, A, z, Z, 0, 1, 9: the obvious starting points.
        if [0x61, 0x41, 0x7a, 0x5a, 0x30, 0x31, 0x39].contains(first) {
            base = 4
        } else if first >= 0x30 && first <= 0x39 {
            base = 10
        } else {
            base = 26
        }
        if !match.ascending { base *= 2 }
        return base * Double(match.length)
    }

    static func spatialGuesses(_ match: Candidate, _ password: PasswordText) -> Double {
        let graph = KeyboardGraph.all[match.graphIndex]
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
            let toggles = shiftToggles(password, match.i, match.j)
            if unshifted == 0 {
                guesses *= 2
            } else if toggles <= 2 {
                // "!QAZ2wsx", "1qaz@WSX": the shift key held for a whole stretch of the walk, not sprinkled.
                guesses *= Double(2 * (toggles + 1))
            } else {
                var variations = 0.0
                for i in 1...min(shifted, unshifted) { variations += nCk(length, i) }
                guesses *= variations
            }
        }
        return guesses
    }

    private static let shiftedSet: [Bool] = {
        var table = [Bool](repeating: false, count: 128)
        for scalar in "~!@#$%^&*()_+QWERTYUIOP{}|ASDFGHJKL:\"ZXCVBNM<>?".unicodeScalars {
            table[Int(scalar.value)] = true
        }
        return table
    }()

    static func isShifted(_ value: UInt32) -> Bool { value < 128 && shiftedSet[Int(value)] }

    /// How many times the shift state changes along a keyboard walk.
    static func shiftToggles(_ password: PasswordText, _ i: Int, _ j: Int) -> Int {
        var toggles = 0
        var previous = isShifted(password.scalars[i].value)
        for k in i...j {
            let shifted = isShifted(password.scalars[k].value)
            if shifted != previous { toggles += 1 }
            previous = shifted
        }
        return toggles
    }

    @inline(__always) private static func caseOf(_ scalar: Unicode.Scalar) -> (upper: Bool, lower: Bool) {
        let value = scalar.value
        if value < 0x80 { return (value >= 0x41 && value <= 0x5a, value >= 0x61 && value <= 0x7a) }
        return (scalar.properties.isUppercase, scalar.properties.isLowercase)
    }

    static func uppercaseVariations(_ password: PasswordText, _ i: Int, _ j: Int) -> Double {
        var upper = 0
        var lower = 0
        for k in i...j {
            let (isUpper, isLower) = caseOf(password.scalars[k])
            if isUpper { upper += 1 }
            if isLower { lower += 1 }
        }
        if upper == 0 { return 1 }
        let count = j - i + 1
        let firstUpper = caseOf(password.scalars[i]).upper
        let lastUpper = caseOf(password.scalars[j]).upper
        // Upper first or last letter only, or all upper: the first things an attacker tries.
        if (upper == 1 && (firstUpper || lastUpper) && count > 1) || lower == 0 { return 2 }
        var variations = 0.0
        for k in 1...min(upper, lower) { variations += nCk(upper + lower, k) }
        return max(variations, 1)
    }

    static func l33tVariations(_ match: Candidate, _ password: PasswordText) -> Double {
        guard match.l33t else { return 1 }
        var variations = 1.0
        for (subbed, unsubbed) in match.substitutions {
            var s = 0
            var u = 0
            for k in match.i...match.j {
                if password.lower[k] == UInt32(subbed) { s += 1 }
                if password.lower[k] == UInt32(unsubbed) { u += 1 }
            }
            if s == 0 || u == 0 {
                variations *= 2
            } else {
                var possibilities = 0.0
                for k in 1...min(u, s) { possibilities += nCk(u + s, k) }
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
