// zxcvbn's structural matchers: keyboard walks, repeats, sequences, recent years and dates.

enum SpatialMatcher {
    static func matches(_ password: PasswordText) -> [Candidate] {
        var result: [Candidate] = []
        for (index, graph) in KeyboardGraph.all.enumerated() {
            result.append(contentsOf: walks(password, graph, graphIndex: index))
        }
        return result
    }

    private static let shiftedCharacters = Set(
        "~!@#$%^&*()_+QWERTYUIOP{}|ASDFGHJKL:\"ZXCVBNM<>?".unicodeScalars.map(\.value))

    private static func walks(_ password: PasswordText, _ graph: KeyboardGraph, graphIndex: Int) -> [Candidate] {
        var result: [Candidate] = []
        let n = password.count
        let values = password.scalars.map(\.value)
        var i = 0
        while i < n - 1 {
            var j = i + 1
            var lastDirection = -1
            var turns = 0
            var shiftedCount = graph.shiftable && shiftedCharacters.contains(values[i]) ? 1 : 0
            while true {
                let previous = values[j - 1]
                var found = false
                if j < n, previous < 128 {
                    let current = values[j]
                    for (direction, cap) in graph.neighbours[Int(previous)].enumerated() {
                        guard let cap, current < 128, let index = cap.firstIndex(of: UInt8(current)) else { continue }
                        found = true
                        if index == 1 { shiftedCount += 1 }
                        if lastDirection != direction {
                            turns += 1
                            lastDirection = direction
                        }
                        break
                    }
                }
                if found {
                    j += 1
                } else {
                    if j - i > 2 {
                        var match = Candidate(.spatial, i, j - 1)
                        match.graphIndex = graphIndex
                        match.turns = turns
                        match.shiftedCount = shiftedCount
                        result.append(match)
                    }
                    i = j
                    break
                }
            }
        }
        return result
    }
}

enum RepeatMatcher {
    /// Longest base considered: bounds the work on long inputs (a base this long is rarely a real repeat).
    static let maxPeriod = 48

    static func matches(_ password: PasswordText, estimator: Estimator, depth: Int) -> [Candidate] {
        var result: [Candidate] = []
        let values = password.scalars.map(\.value)
        let n = values.count
        var i = 0
        while i < n - 1 {
            var bestSpan = 0
            var bestPeriod = 0
            let maxP = min(maxPeriod, (n - i) / 2)
            if maxP >= 1 {
                for p in 1...maxP {
                    var run = 0
                    while i + run + p < n && values[i + run] == values[i + run + p] { run += 1 }
                    if run >= p {
                        let span = (run / p + 1) * p
                        if span > bestSpan {
                            bestSpan = span
                            bestPeriod = p
                        }
                    }
                }
            }
            guard bestSpan > 0 else {
                i += 1
                continue
            }
            // The shortest base that tiles the repeated part: "abab" in "abababab" is really "ab".
            var base = bestPeriod
            for candidate in 1...bestPeriod where bestPeriod % candidate == 0 {
                var tiles = true
                for k in candidate..<bestPeriod where values[i + k] != values[i + k - candidate] {
                    tiles = false
                    break
                }
                if tiles {
                    base = candidate
                    break
                }
            }
            let j = i + bestSpan - 1
            var match = Candidate(.repeat, i, j)
            match.baseLength = base
            match.repeatCount = Double(bestSpan) / Double(base)
            match.baseGuessesLog10 =
                estimator.analyse(PasswordText(Array(password.scalars[i..<(i + base)])), depth: depth + 1)
                .guessesLog10
            result.append(match)
            i = j + 1
        }
        return result
    }
}

enum SequenceMatcher {
    static let maxDelta = 5

    static func matches(_ password: PasswordText) -> [Candidate] {
        let n = password.count
        guard n > 1 else { return [] }
        let values = password.scalars.map { Int($0.value) }
        var result: [Candidate] = []
        func update(_ i: Int, _ j: Int, _ delta: Int) {
            guard j - i > 1 || abs(delta) == 1, delta != 0, abs(delta) <= maxDelta else { return }
            var match = Candidate(.sequence, i, j)
            match.ascending = delta > 0
            result.append(match)
        }
        var i = 0
        var lastDelta: Int?
        for k in 1..<n {
            let delta = values[k] - values[k - 1]
            if lastDelta == nil { lastDelta = delta }
            if delta == lastDelta { continue }
            let j = k - 1
            update(i, j, lastDelta!)
            i = j
            lastDelta = delta
        }
        update(i, n - 1, lastDelta!)
        return result
    }
}

enum YearMatcher {
    /// Four-digit years from 1900 to a few years past the reference year, left to right, not overlapping.
    static func matches(_ password: PasswordText, referenceYear: Int) -> [Candidate] {
        var result: [Candidate] = []
        let n = password.count
        var i = 0
        while i + 3 < n {
            if (i..<(i + 4)).allSatisfy(password.isDigit) {
                let value = (i..<(i + 4)).reduce(0) { $0 * 10 + password.digit($1) }
                if value >= 1900 && value <= referenceYear + 5 {
                    var match = Candidate(.year, i, i + 3)
                    match.year = value
                    result.append(match)
                    i += 4
                    continue
                }
            }
            i += 1
        }
        return result
    }
}

enum DateMatcher {
    static let minYear = 1000
    static let maxYear = 2050
    static let splits: [Int: [(Int, Int)]] = [
        4: [(1, 2), (2, 3)],
        5: [(1, 3), (2, 3)],
        6: [(1, 2), (2, 4), (4, 5)],
        7: [(1, 3), (2, 3), (4, 5), (4, 6)],
        8: [(2, 4), (4, 6)],
    ]
    static let separators = Set(" /\\_.-".unicodeScalars.map(\.value))

    static func matches(_ password: PasswordText, referenceYear: Int) -> [Candidate] {
        var found: [Candidate] = []
        let n = password.count
        func number(_ from: Int, _ to: Int) -> Int { (from..<to).reduce(0) { $0 * 10 + password.digit($1) } }
        // Without separators: 4 to 8 digits.
        if n >= 4 {
            for i in 0...(n - 4) {
                var allDigits = true
                for j in (i + 3)..<min(i + 8, n) {
                    let length = j - i + 1
                    if length == 4 {
                        allDigits = (i...j).allSatisfy(password.isDigit)
                    } else {
                        allDigits = allDigits && password.isDigit(j)
                    }
                    guard allDigits else { break }
                    var best: (year: Int, month: Int, day: Int)?
                    for (k, l) in splits[length]! {
                        guard
                            let dmy = mapIntsToDMY(
                                [number(i, i + k), number(i + k, i + l), number(i + l, j + 1)], referenceYear)
                        else { continue }
                        if best == nil || abs(dmy.year - referenceYear) < abs(best!.year - referenceYear) { best = dmy }
                    }
                    if let best {
                        var match = Candidate(.date, i, j)
                        match.year = best.year
                        found.append(match)
                    }
                }
            }
        }
        // With separators: 1.1.91 to 11/11/1991.
        if n >= 6 {
            for i in 0...(n - 6) {
                for j in (i + 5)..<min(i + 10, n) {
                    guard let parts = separated(password, i, j) else { continue }
                    guard let dmy = mapIntsToDMY([parts.0, parts.1, parts.2], referenceYear) else { continue }
                    var match = Candidate(.date, i, j)
                    match.hasSeparator = true
                    match.year = dmy.year
                    found.append(match)
                }
            }
        }
        // Drop dates inside other dates ("2015_06_04" also contains "15_06_04"). Dates are at most 10
        // characters, so only dates starting up to 9 places earlier can contain one.
        guard !found.isEmpty else { return [] }
        var longestEndByStart = [Int](repeating: -1, count: n)
        var secondEndByStart = [Int](repeating: -1, count: n)
        for match in found {
            if match.j > longestEndByStart[match.i] {
                secondEndByStart[match.i] = longestEndByStart[match.i]
                longestEndByStart[match.i] = match.j
            } else if match.j > secondEndByStart[match.i] {
                secondEndByStart[match.i] = match.j
            }
        }
        return found.filter { match in
            for start in max(0, match.i - 9)...match.i {
                let longest = longestEndByStart[start]
                if start < match.i && longest >= match.j { return false }
                if start == match.i && longest > match.j { return false }
            }
            return true
        }
    }

    /// `^(\d{1,4})([sep])(\d{1,2})\2(\d{1,4})$` over password[i...j].
    private static func separated(_ password: PasswordText, _ i: Int, _ j: Int) -> (Int, Int, Int)? {
        var k = i
        var first = 0
        while k <= j && password.isDigit(k) && k - i < 4 {
            first = first * 10 + password.digit(k)
            k += 1
        }
        guard k > i, k <= j, separators.contains(password.scalars[k].value) else { return nil }
        let separator = password.scalars[k]
        k += 1
        let secondStart = k
        var second = 0
        while k <= j && password.isDigit(k) && k - secondStart < 2 {
            second = second * 10 + password.digit(k)
            k += 1
        }
        guard k > secondStart, k <= j, password.scalars[k] == separator else { return nil }
        k += 1
        let thirdStart = k
        var third = 0
        while k <= j && password.isDigit(k) && k - thirdStart < 4 {
            third = third * 10 + password.digit(k)
            k += 1
        }
        guard k > thirdStart, k == j + 1 else { return nil }
        return (first, second, third)
    }

    static func mapIntsToDMY(_ ints: [Int], _ referenceYear: Int) -> (year: Int, month: Int, day: Int)? {
        if ints[1] > 31 || ints[1] <= 0 { return nil }
        var over12 = 0
        var over31 = 0
        var under1 = 0
        for value in ints {
            if (99 < value && value < minYear) || value > maxYear { return nil }
            if value > 31 { over31 += 1 }
            if value > 12 { over12 += 1 }
            if value <= 0 { under1 += 1 }
        }
        if over31 >= 2 || over12 == 3 || under1 >= 2 { return nil }
        let candidates = [(ints[2], [ints[0], ints[1]]), (ints[0], [ints[1], ints[2]])]
        for (year, rest) in candidates where year >= minYear && year <= maxYear {
            guard let dm = mapIntsToDM(rest) else { return nil }
            return (year, dm.month, dm.day)
        }
        for (year, rest) in candidates {
            if let dm = mapIntsToDM(rest) {
                let full = year > 99 ? year : (year > 50 ? year + 1900 : year + 2000)
                return (full, dm.month, dm.day)
            }
        }
        return nil
    }

    private static func mapIntsToDM(_ ints: [Int]) -> (day: Int, month: Int)? {
        for (d, m) in [(ints[0], ints[1]), (ints[1], ints[0])] where d >= 1 && d <= 31 && m >= 1 && m <= 12 {
            return (d, m)
        }
        return nil
    }
}
