// What zxcvbn does not know about how Chinese users pick passwords: pinyin (syllable runs, full names,
// initials), mobile numbers, QQ numbers and the shapes of all-digit passwords. Love and lucky numbers
// are ranked dictionaries (see RankedDictionaries) and so come through the dictionary matcher.

#if canImport(Glibc)
    import Glibc
#endif

enum PinyinMatcher {
    /// Longest syllable ("zhuang", "shuang") in letters.
    static let longestSyllable = 6
    /// Letter runs longer than this are segmented chunk by chunk.
    static let chunkLength = 40

    /// Syllables packed into integers (one byte a letter), in a small open-addressing table.
    private struct SyllableTable {
        var keys: [UInt64]
        var values: [Double]
        let mask: Int

        init(_ syllables: [(syllable: [UInt8], guesses: Double)]) {
            var capacity = 1
            while capacity < syllables.count * 4 { capacity <<= 1 }
            mask = capacity - 1
            keys = [UInt64](repeating: 0, count: capacity)
            values = [Double](repeating: 0, count: capacity)
            for (syllable, guesses) in syllables where syllable.count <= PinyinMatcher.longestSyllable {
                let key = PinyinMatcher.pack(syllable[...])
                var slot = SyllableTable.slot(key) & mask
                while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & mask }
                if keys[slot] == 0 {
                    keys[slot] = key
                    values[slot] = log10(guesses)
                }
            }
        }

        @inline(__always) static func slot(_ key: UInt64) -> Int {
            Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40)
        }

        /// log10 guesses of the syllable, or nil.
        @inline(__always) func lookup(_ key: UInt64) -> Double? {
            var slot = SyllableTable.slot(key) & mask
            while true {
                let stored = keys[slot]
                if stored == key { return values[slot] }
                if stored == 0 { return nil }
                slot = (slot + 1) & mask
            }
        }
    }

    private static let table = SyllableTable(RankedDictionaries.shared.syllables)

    @inline(__always) static func pack<C: Collection>(_ letters: C) -> UInt64 where C.Element == UInt8 {
        var key: UInt64 = 0
        for letter in letters { key = key << 8 | UInt64(letter) }
        return key
    }

    /// For each start in a letter run, the longest stretch that splits into two or more pinyin syllables,
    /// with the cheapest such split (product of per-syllable guesses). One backward pass per run.
    static func syllableMatches(_ password: PasswordText) -> [Candidate] {
        var result: [Candidate] = []
        for run in password.letterRuns() {
            let runStart = run.lowerBound
            let runEnd = run.upperBound
            // Segmented in chunks so that work and match sizes stay bounded on very long letter runs.
            var chunk = runStart
            while chunk <= runEnd {
                let chunkEnd = min(runEnd, chunk + chunkLength - 1)
                if chunkEnd - chunk + 1 >= 4 { segment(password, chunk, chunkEnd, into: &result) }
                chunk = chunkEnd + 1
            }
        }
        return result
    }

    private struct Reach {
        var end = -1  // exclusive
        var cost = 0.0
        var syllables = 0
        var next = 0  // end of the first syllable (exclusive)
    }

    private static func segment(_ password: PasswordText, _ first: Int, _ last: Int, into result: inout [Candidate]) {
        let count = last - first + 1
        var reach = [Reach](repeating: Reach(), count: count + 1)
        for k in stride(from: count - 1, through: 0, by: -1) {
            var key: UInt64 = 0
            var best = Reach()
            for length in 1...min(longestSyllable, count - k) {
                key = key << 8 | UInt64(password.lower[first + k + length - 1])
                guard let cost = table.lookup(key) else { continue }
                var candidate = Reach(end: k + length, cost: cost, syllables: 1, next: k + length)
                let after = reach[k + length]
                if after.end > 0 {
                    candidate.end = after.end
                    candidate.cost += after.cost
                    candidate.syllables += after.syllables
                }
                if candidate.end > best.end || (candidate.end == best.end && candidate.cost < best.cost) {
                    best = candidate
                }
            }
            reach[k] = best
        }
        for k in 0..<count {
            let here = reach[k]
            guard here.syllables >= 2, here.end - k >= 4 else { continue }
            // Inside a longer stretch that already reaches the same end, only syllable boundaries are new starts.
            if k > 0 && reach[k - 1].end == here.end && reach[k - 1].next != k { continue }
            var match = Candidate(.pinyin, first + k, first + here.end - 1)
            match.presetGuessesLog10 = here.cost
            result.append(match)
        }
    }

    /// The syllables of password[i...j] in its cheapest split (for display), or nil when it does not split.
    static func syllables(_ password: PasswordText, _ i: Int, _ j: Int) -> [String]? {
        let count = j - i + 1
        var best = [(cost: Double, previous: Int)?](repeating: nil, count: count + 1)
        best[0] = (0, -1)
        for k in 0..<count {
            guard let here = best[k] else { continue }
            var key: UInt64 = 0
            for length in 1...min(longestSyllable, count - k) {
                key = key << 8 | UInt64(password.lower[i + k + length - 1])
                guard let cost = table.lookup(key) else { continue }
                if best[k + length] == nil || here.cost + cost < best[k + length]!.cost {
                    best[k + length] = (here.cost + cost, k)
                }
            }
        }
        guard best[count] != nil else { return nil }
        var parts: [String] = []
        var end = count
        while end > 0, let step = best[end] {
            parts.insert(password.lowerToken(i + step.previous, i + end - 1), at: 0)
            end = step.previous
        }
        return parts
    }

    /// Surname followed by a given name, both in pinyin: "zhangwei", "liuyang", "ouyangna".
    static func nameMatches(_ password: PasswordText, dictionaryMatches: [Candidate]) -> [Candidate] {
        var givenByStart: [Int: [Candidate]] = [:]
        let dictionaries = RankedDictionaries.shared
        let givenIndex = dictionaries.dictionaryIndex["pinyin_given_names"] ?? -2
        let surnameIndex = dictionaries.dictionaryIndex["pinyin_surnames"] ?? -2
        for match in dictionaryMatches where match.dictionary == givenIndex && !match.reversed && !match.l33t {
            givenByStart[match.i, default: []].append(match)
        }
        var result: [Candidate] = []
        for surname in dictionaryMatches where surname.dictionary == surnameIndex && !surname.reversed && !surname.l33t
        {
            for given in givenByStart[surname.j + 1] ?? [] {
                var match = Candidate(.pinyinName, surname.i, given.j)
                match.split = surname.j
                match.rank = (surname.rank ?? 1) * (given.rank ?? 1)
                match.presetGuessesLog10 = log10(Double(match.rank!))
                result.append(match)
            }
        }
        return result
    }

    private static let initialLetters = Set("bpmfdtnlgkhjqxrzcsyw".utf8)

    /// 2 to 4 consonants standing alone between non-letters, read as the initials of a name ("lyf1990").
    static func initialsMatches(_ password: PasswordText) -> [Candidate] {
        var result: [Candidate] = []
        for run in password.letterRuns() {
            let i = run.lowerBound
            let j = run.upperBound
            let length = j - i + 1
            let standsAlone = length < password.count
            if length >= 2 && length <= 4 && standsAlone
                && (i...j).allSatisfy({ initialLetters.contains(UInt8(password.lower[$0])) })
            {
                var match = Candidate(.pinyinInitials, i, j)
                // The first letter is a surname initial; a handful (w, l, z, c, y, h) cover most people.
                match.presetGuessesLog10 = log10(2) + Double(length - 1)
                result.append(match)
            }
        }
        return result
    }
}

enum DigitCultureMatcher {
    /// Mobile numbers: 11 digits, 1 then 3 to 9. Personal data an attacker can look up or enumerate by
    /// carrier prefix: rated at most "somewhat guessable" (score 2) so it never protects a vault.
    static let mobileGuessesLog10 = log10(2e7)

    static func matches(_ password: PasswordText) -> [Candidate] {
        var result: [Candidate] = []
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

    private static func runMatches(_ password: PasswordText, _ start: Int, _ end: Int) -> [Candidate] {
        var result: [Candidate] = []
        let length = end - start + 1
        // Mobile numbers anywhere in the run.
        if length >= 11 {
            for i in start...(end - 10) where password.digit(i) == 1 && password.digit(i + 1) >= 3 {
                var match = Candidate(.mobile, i, i + 10)
                match.presetGuessesLog10 = mobileGuessesLog10
                result.append(match)
            }
        }
        // QQ-number-like runs (5 to 11 digits, no leading zero): after "qq", or as a whole all-digit password.
        // QQ numbers are handed out in order, so every length-L number is taken: 9·10^(L-1) candidates.
        if length >= 5, length <= 11, password.digit(start) != 0 {
            let afterQQ = start >= 2 && password.lower[start - 1] == 0x71 && password.lower[start - 2] == 0x71
            if afterQQ || (start == 0 && end == password.count - 1) {
                var match = Candidate(.qqNumber, afterQQ ? start - 2 : start, end)
                match.presetGuessesLog10 = log10(9) + Double(length - 1)
                result.append(match)
            }
        }
        // Digit-only shapes people use: palindromes (123321, 520025) and doubled digits (112233, 556677).
        if length >= 6 {
            let digits = (start...end).map { password.digit($0) }
            if digits == digits.reversed() {
                var match = Candidate(.digits, start, end)
                match.shape = 1
                match.presetGuessesLog10 = Double((length + 1) / 2) + log10(2)
                result.append(match)
            } else if length % 2 == 0, stride(from: 0, to: length, by: 2).allSatisfy({ digits[$0] == digits[$0 + 1] }) {
                var match = Candidate(.digits, start, end)
                match.shape = 2
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

enum NameDateMatcher {
    /// A pinyin name or surname directly followed by a date or year ("zhang19900101", "liuyang1990"): the
    /// single most common structure of Chinese passwords, guessed as one template (name × date) by attackers.
    static func matches(_ password: PasswordText, names: [Candidate], dates: [Candidate], referenceYear: Int)
        -> [Candidate]
    {
        var datesByStart: [Int: [Candidate]] = [:]
        for match in dates { datesByStart[match.i, default: []].append(match) }
        guard !datesByStart.isEmpty else { return [] }
        var result: [Candidate] = []
        for name in names {
            guard let dates = datesByStart[name.j + 1] else { continue }
            var alone = name
            Scoring.estimate(&alone, password, unbounded: true, referenceYear: referenceYear)
            for date in dates {
                var dateAlone = date
                Scoring.estimate(&dateAlone, password, unbounded: true, referenceYear: referenceYear)
                var match = Candidate(.nameDate, name.i, date.j)
                match.split = name.j
                match.year = date.year
                match.presetGuessesLog10 = alone.guessesLog10 + dateAlone.guessesLog10
                result.append(match)
            }
        }
        return result
    }
}
