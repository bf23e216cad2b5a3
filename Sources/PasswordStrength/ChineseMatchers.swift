// What zxcvbn does not know about how Chinese users pick passwords: pinyin (syllable runs, full names,
// initials), mobile numbers, QQ numbers and the shapes of all-digit passwords. Love and lucky numbers
// are ranked dictionaries (see RankedDictionaries) and so come through the dictionary matcher.

enum PinyinMatcher {
    /// Longest syllable ("zhuang", "shuang") in letters.
    static let longestSyllable = 6
    /// Letter runs are segmented in windows of this many letters at most, to bound the work.
    static let window = 48

    private static let syllableGuesses: [UInt64: Double] = {
        var table: [UInt64: Double] = [:]
        for (syllable, guesses) in RankedDictionaries.shared.syllables where syllable.count <= longestSyllable {
            table[pack(syllable[...])] = guesses
        }
        return table
    }()

    @inline(__always) static func pack<C: Collection>(_ letters: C) -> UInt64 where C.Element == UInt8 {
        var key: UInt64 = 0
        for letter in letters { key = key << 8 | UInt64(letter) }
        return key
    }

    /// For each start in a lowercase letter run, the longest stretch that splits into two or more syllables,
    /// with the cheapest split's guesses (product of per-syllable guesses).
    static func syllableMatches(_ password: PasswordText) -> [PatternMatch] {
        var result: [PatternMatch] = []
        let n = password.count
        var runStart = 0
        while runStart < n {
            guard password.isLetterASCII(runStart) else {
                runStart += 1
                continue
            }
            var runEnd = runStart
            while runEnd + 1 < n && password.isLetterASCII(runEnd + 1) { runEnd += 1 }
            if runEnd - runStart + 1 >= 4 {
                for i in runStart...runEnd { result.append(contentsOf: segment(password, i, min(runEnd, i + window - 1))) }
            }
            runStart = runEnd + 1
        }
        return result
    }

    private static func segment(_ password: PasswordText, _ start: Int, _ last: Int) -> [PatternMatch] {
        let count = last - start + 1
        // best[k]: cheapest (log10 guesses, syllables) covering password[start..<start+k]
        var best = [(cost: Double, count: Int, previous: Int)?](repeating: nil, count: count + 1)
        best[0] = (0, 0, -1)
        let letters = (start...last).map { UInt8(password.lower[$0]) }
        for k in 0..<count {
            guard let here = best[k] else { continue }
            for length in 1...min(longestSyllable, count - k) {
                guard let guesses = syllableGuesses[pack(letters[k..<(k + length)])] else { continue }
                let cost = here.cost + log10(guesses)
                if best[k + length] == nil || cost < best[k + length]!.cost {
                    best[k + length] = (cost, here.count + 1, k)
                }
            }
        }
        guard let end = (1...count).reversed().first(where: { best[$0] != nil && best[$0]!.count >= 2 }) else {
            return []
        }
        var match = PatternMatch(.pinyin, start, start + end - 1, token: password.token(start, start + end - 1))
        var parts: [String] = []
        var k = end
        while k > 0, let step = best[k] {
            parts.insert(String(decoding: letters[step.previous..<k], as: UTF8.self), at: 0)
            k = step.previous
        }
        match.parts = parts
        match.presetGuessesLog10 = best[end]!.cost
        return [match]
    }

    /// Surname followed by a given name, both in pinyin: "zhangwei", "liuyang", "ouyangna".
    static func nameMatches(_ password: PasswordText, dictionaryMatches: [PatternMatch]) -> [PatternMatch] {
        var givenByStart: [Int: [PatternMatch]] = [:]
        for match in dictionaryMatches where match.dictionaryName == "pinyin_given_names" && !match.reversed && !match.l33t {
            givenByStart[match.i, default: []].append(match)
        }
        var result: [PatternMatch] = []
        for surname in dictionaryMatches where surname.dictionaryName == "pinyin_surnames" && !surname.reversed && !surname.l33t {
            for given in givenByStart[surname.j + 1] ?? [] {
                var match = PatternMatch(.pinyinName, surname.i, given.j, token: password.token(surname.i, given.j))
                match.parts = [surname.matchedWord ?? "", given.matchedWord ?? ""]
                match.rank = (surname.rank ?? 1) * (given.rank ?? 1)
                match.presetGuessesLog10 = log10(Double(match.rank!))
                result.append(match)
            }
        }
        return result
    }

    private static let initialLetters = Set("bpmfdtnlgkhjqxrzcsyw".utf8)

    /// 2 to 4 consonants standing alone between non-letters, read as the initials of a name ("lyf1990").
    static func initialsMatches(_ password: PasswordText) -> [PatternMatch] {
        var result: [PatternMatch] = []
        let n = password.count
        var i = 0
        while i < n {
            guard password.isLetterASCII(i) else {
                i += 1
                continue
            }
            var j = i
            while j + 1 < n && password.isLetterASCII(j + 1) { j += 1 }
            let length = j - i + 1
            let standsAlone = length < n
            if length >= 2 && length <= 4 && standsAlone
                && (i...j).allSatisfy({ initialLetters.contains(UInt8(password.lower[$0])) })
            {
                var match = PatternMatch(.pinyinInitials, i, j, token: password.token(i, j))
                // The first letter is a surname initial; a handful (w, l, z, c, y, h) cover most people.
                match.presetGuessesLog10 = log10(2) + Double(length - 1)
                result.append(match)
            }
            i = j + 1
        }
        return result
    }
}

enum DigitCultureMatcher {
    /// Mobile numbers: 11 digits, 1 then 3 to 9. Personal data an attacker can look up or enumerate by
    /// carrier prefix: rated at most "somewhat guessable" (score 2) so it never protects a vault.
    static let mobileGuessesLog10 = log10(2e7)

    static func matches(_ password: PasswordText) -> [PatternMatch] {
        var result: [PatternMatch] = []
        let n = password.count
        var i = 0
        while i < n {
            guard password.isDigit(i) else {
                i += 1
                continue
            }
            var j = i
            while j + 1 < n && password.isDigit(j + 1) { j += 1 }
            result.append(contentsOf: runMatches(password, i, j))
            i = j + 1
        }
        return result
    }

    private static func runMatches(_ password: PasswordText, _ start: Int, _ end: Int) -> [PatternMatch] {
        var result: [PatternMatch] = []
        let length = end - start + 1
        // Mobile numbers anywhere in the run.
        if length >= 11 {
            for i in start...(end - 10) where password.digit(i) == 1 && password.digit(i + 1) >= 3 {
                var match = PatternMatch(.mobile, i, i + 10, token: password.token(i, i + 10))
                match.presetGuessesLog10 = mobileGuessesLog10
                result.append(match)
            }
        }
        // "qq" followed by a QQ-number-like run (5 to 11 digits, no leading zero).
        if start >= 2, length >= 5, length <= 11, password.digit(start) != 0,
            password.lower[start - 1] == 0x71, password.lower[start - 2] == 0x71
        {
            var match = PatternMatch(.qqNumber, start - 2, end, token: password.token(start - 2, end))
            match.presetGuessesLog10 = log10(9) + Double(length - 1)
            result.append(match)
        }
        // Digit-only shapes people use: palindromes (123321, 520025) and doubled digits (112233, 556677).
        if length >= 6 {
            let digits = (start...end).map { password.digit($0) }
            if digits == digits.reversed() {
                var match = PatternMatch(.digits, start, end, token: password.token(start, end))
                match.parts = ["palindrome"]
                match.presetGuessesLog10 = Double((length + 1) / 2) + log10(2)
                result.append(match)
            } else if length % 2 == 0, stride(from: 0, to: length, by: 2).allSatisfy({ digits[$0] == digits[$0 + 1] }) {
                var match = PatternMatch(.digits, start, end, token: password.token(start, end))
                match.parts = ["pairs"]
                // The halves are themselves guessable ("123" of "112233"): sequences and repeats cost little.
                let half = stride(from: 0, to: length, by: 2).map { digits[$0] }
                let step = half.count > 1 ? half[1] - half[0] : 0
                let regular = half.count > 1 && zip(half, half.dropFirst()).allSatisfy { $1 - $0 == step }
                match.presetGuessesLog10 = regular ? log10(10 * 3 * Double(half.count)) : Double(half.count) + log10(2)
                result.append(match)
            }
        }
        return result
    }
}

#if canImport(Glibc)
    import Glibc
#endif

enum NameDateMatcher {
    /// A pinyin name or surname directly followed by a date or year ("zhang19900101", "liuyang1990"): the
    /// single most common structure of Chinese passwords, guessed as one template (name × date) by attackers.
    static func matches(_ password: PasswordText, _ matches: [PatternMatch], referenceYear: Int) -> [PatternMatch] {
        var datesByStart: [Int: [PatternMatch]] = [:]
        for match in matches where match.kind == .date || match.kind == .year {
            datesByStart[match.i, default: []].append(match)
        }
        guard !datesByStart.isEmpty else { return [] }
        var result: [PatternMatch] = []
        for name in matches where !name.l33t && !name.reversed {
            let isName =
                name.kind == .pinyinName
                || (name.kind == .dictionary
                    && (name.dictionaryName == "pinyin_surnames" || name.dictionaryName == "pinyin_given_names"))
            guard isName, let dates = datesByStart[name.j + 1] else { continue }
            var alone = name
            Scoring.estimate(&alone, passwordLength: alone.length, referenceYear: referenceYear)
            for date in dates {
                var dateAlone = date
                Scoring.estimate(&dateAlone, passwordLength: dateAlone.length, referenceYear: referenceYear)
                var match = PatternMatch(.nameDate, name.i, date.j, token: password.token(name.i, date.j))
                match.parts = [name.token.lowercased(), date.token]
                match.year = date.year
                match.presetGuessesLog10 = alone.guessesLog10 + dateAlone.guessesLog10
                result.append(match)
            }
        }
        return result
    }
}
