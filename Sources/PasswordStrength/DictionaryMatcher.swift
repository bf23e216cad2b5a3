// Ranked-dictionary matches: plain, reversed, l33t-substituted, and the caller's own words (user inputs).
// Only substrings up to the longest dictionary word are hashed, so the work is O(n · longest word).

struct DictionaryMatcher {
    let dictionaries: RankedDictionaries
    let userInputs: [[UInt32]]

    /// Calls `found(i, j, entry)` for every substring of `bytes` (split at `offsets`) that is a dictionary word.
    /// With `required`, only substrings that contain a position marked true are reported (l33t scans).
    func scan(bytes: [UInt8], offsets: [Int], required: [Bool]? = nil, found: (Int, Int, Int) -> Void) {
        let n = offsets.count - 1
        let limit = dictionaries.maxWordBytes
        // nextRequired[i]: first marked position at or after i (n when none).
        var nextRequired: [Int] = []
        if let required {
            nextRequired = [Int](repeating: n, count: n + 1)
            for k in stride(from: n - 1, through: 0, by: -1) { nextRequired[k] = required[k] ? k : nextRequired[k + 1] }
        }
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            for i in 0..<n {
                var firstReportable = i
                if required != nil {
                    firstReportable = nextRequired[i]
                    if firstReportable == n || offsets[firstReportable] - offsets[i] >= limit { continue }
                }
                var hash = RankedDictionaries.fnvStart()
                let start = offsets[i]
                var j = i
                var position = start
                while j < n {
                    let end = offsets[j + 1]
                    if end - start > limit { break }
                    while position < end {
                        hash = RankedDictionaries.fnvStep(hash, base[position])
                        position += 1
                        if !dictionaries.mayBePrefix(hash: hash, length: position - start) { break }
                    }
                    if position < end { break }
                    if j >= firstReportable, let entry = dictionaries.find(hash: hash, base + start, end - start) {
                        found(i, j, entry)
                    }
                    j += 1
                }
            }
        }
    }

    func matches(_ password: PasswordText) -> [Candidate] {
        var ignored: [Candidate] = []
        return matches(password, pinyinNames: &ignored)
    }

    /// Also collects every pinyin surname and given-name match in `pinyinNames`, best-ranked or not
    /// (the name matchers build on them).
    func matches(_ password: PasswordText, pinyinNames: inout [Candidate]) -> [Candidate] {
        var result: [Candidate] = []
        let surnames = dictionaries.surnamesIndex
        let givenNames = dictionaries.givenNamesIndex
        var collected: [Candidate] = []
        scan(bytes: password.lowerBytes, offsets: password.offsets) { i, j, entry in
            if surnames >= 0 {
                let rank = dictionaries.surnameRank(entry: entry)
                if rank > 0 {
                    var match = Candidate(.dictionary, i, j)
                    match.dictionary = surnames
                    match.rank = rank
                    collected.append(match)
                }
            }
            if givenNames >= 0 {
                let rank = dictionaries.givenNameRank(entry: entry)
                if rank > 0 {
                    var match = Candidate(.dictionary, i, j)
                    match.dictionary = givenNames
                    match.rank = rank
                    collected.append(match)
                }
            }
            // Only the best-ranked dictionary for a substring can be part of the minimum-guesses sequence.
            let (d, rank) = dictionaries.bestRank(entry: entry)
            do {
                var match = Candidate(.dictionary, i, j)
                match.dictionary = d
                match.rank = rank
                result.append(match)
            }
        }
        result.append(contentsOf: userInputMatches(password))
        pinyinNames = collected
        return result
    }

    private func userInputMatches(_ password: PasswordText) -> [Candidate] {
        var result: [Candidate] = []
        let n = password.count
        for (index, word) in userInputs.enumerated() where !word.isEmpty && word.count <= n {
            for i in 0...(n - word.count) {
                var same = true
                for k in 0..<word.count where password.lower[i + k] != word[k] {
                    same = false
                    break
                }
                if same {
                    let j = i + word.count - 1
                    var match = Candidate(.dictionary, i, j)
                    match.dictionary = Candidate.userInputsIndex
                    match.rank = index + 1
                    result.append(match)
                }
            }
        }
        return result
    }

    func reversedMatches(_ password: PasswordText) -> [Candidate] {
        // The lowercase bytes with the scalars in reverse order (each scalar's own bytes kept in order).
        let n = password.count
        var bytes: [UInt8] = []
        bytes.reserveCapacity(password.lowerBytes.count)
        var offsets: [Int] = []
        offsets.reserveCapacity(n + 1)
        for k in stride(from: n - 1, through: 0, by: -1) {
            offsets.append(bytes.count)
            bytes.append(contentsOf: password.lowerBytes[password.offsets[k]..<password.offsets[k + 1]])
        }
        offsets.append(bytes.count)
        var result: [Candidate] = []
        scan(bytes: bytes, offsets: offsets) { ri, rj, entry in
            let i = n - 1 - rj
            let j = n - 1 - ri
            // A palindrome reads the same both ways: the plain match already covers it.
            var (low, high) = (i, j)
            while low < high && password.lower[low] == password.lower[high] {
                low += 1
                high -= 1
            }
            guard low < high else { return }
            let (d, rank) = dictionaries.bestRank(entry: entry)
            var match = Candidate(.dictionary, i, j)
            match.dictionary = d
            match.rank = rank
            match.reversed = true
            result.append(match)
        }
        return result
    }

    static let l33tTable: [(letter: UInt8, subs: [UInt8])] = [
        (0x61, Array("4@".utf8)), (0x62, Array("8".utf8)), (0x63, Array("({[<".utf8)), (0x65, Array("3".utf8)),
        (0x67, Array("69".utf8)), (0x69, Array("1!|".utf8)), (0x6c, Array("1|7".utf8)), (0x6f, Array("0".utf8)),
        (0x73, Array("$5".utf8)), (0x74, Array("+7".utf8)), (0x78, Array("%".utf8)), (0x7a, Array("2".utf8)),
    ]

    /// Every way to read the l33t characters present as letters (one letter per l33t character), capped.
    /// A map is a 128-entry table: map[l33t character] = letter, 0 when the character is read as itself.
    static func substitutionMaps(_ password: PasswordText, cap: Int) -> [[UInt8]] {
        var present = [Bool](repeating: false, count: 128)
        for value in password.lower where value < 0x80 { present[Int(value)] = true }
        var candidates = [[UInt8]](repeating: [], count: 128)
        var subs: [UInt8] = []
        for (letter, l33tCharacters) in l33tTable {
            for sub in l33tCharacters where present[Int(sub)] {
                if candidates[Int(sub)].isEmpty { subs.append(sub) }
                candidates[Int(sub)].append(letter)
            }
        }
        guard !subs.isEmpty else { return [] }
        var maps: [[UInt8]] = [[UInt8](repeating: 0, count: 128)]
        for sub in subs.sorted() {
            var next: [[UInt8]] = []
            for map in maps {
                for letter in candidates[Int(sub)] where next.count < cap {
                    var extended = map
                    extended[Int(sub)] = letter
                    next.append(extended)
                }
            }
            maps = next
        }
        return maps
    }

    func l33tMatches(_ password: PasswordText) -> [Candidate] {
        // A word read through l33t needs at least one real letter; digit-and-symbol strings are left to the
        // digit matchers (zxcvbn would also try them, and loses nothing measurable by not doing so).
        guard password.lower.contains(where: { $0 >= 0x61 && $0 <= 0x7a }) else { return [] }
        let cap = password.count <= 64 ? 32 : 4
        var result: [Candidate] = []
        var seen = Set<L33tKey>()
        for map in Self.substitutionMaps(password, cap: cap) {
            var bytes = password.lowerBytes
            var isSubbed = [Bool](repeating: false, count: password.count)
            for k in 0..<password.count where password.lower[k] < 0x80 {
                let letter = map[Int(password.lower[k])]
                if letter != 0 {
                    bytes[password.offsets[k]] = letter
                    isSubbed[k] = true
                }
            }
            scan(bytes: bytes, offsets: password.offsets, required: isSubbed) { i, j, entry in
                guard i < j else { return }
                let (d, rank) = dictionaries.bestRank(entry: entry)
                if seen.insert(L33tKey(i: i, j: j)).inserted {
                    var match = Candidate(.dictionary, i, j)
                    match.dictionary = d
                    match.rank = rank
                    match.l33t = true
                    for k in i...j where isSubbed[k] {
                        let sub = UInt8(password.lower[k])
                        match.addSubstitution(sub, map[Int(sub)])
                    }
                    result.append(match)
                }
            }
        }
        return result
    }
}

private struct L33tKey: Hashable {
    var i: Int
    var j: Int
}
