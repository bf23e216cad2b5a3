// zxcvbn's minimum-guesses search: the non-overlapping match sequence covering the password that minimises
//   l! · Π guesses(m) + D^(l-1)
// computed in log10. Beyond `exactLength` characters the work is bounded: sequences of more than
// `longSequenceLength` matches are not considered (such a sequence already costs ≥ 10^(4·10) guesses), and
// bruteforce stretches are at most `maxBruteforceLength` characters (a longer one alone is ≥ 10^12 guesses).
// Either bound can only raise an estimate that is already above the top score's threshold (10^10), so scores
// do not change; only guesses_log10 of such very strong long inputs is an overestimate.

#if canImport(Glibc)
    import Glibc
#endif

struct GuessSearch {
    static let maxSequenceLength = 64
    static let exactLength = 256
    static let longSequenceLength = 10
    static let maxBruteforceLength = 12

    struct Result {
        var guessesLog10: Double
        var sequence: [PatternMatch]
        /// A match covering the whole password that names it better than the sequence (set by the estimator).
        var wholeMatch: PatternMatch?
    }

    private struct Cell {
        var l: Int
        /// Index into the match list, or -1 for a bruteforce stretch starting at `start`.
        var match: Int
        var start: Int
        var pi: Double
        var g: Double
    }

    static func search(_ password: PasswordText, matches: [Candidate], referenceYear: Int, additive: Bool = true)
        -> Result
    {
        let n = password.count
        guard n > 0 else { return Result(guessesLog10: 0, sequence: []) }
        var all = matches
        for index in all.indices { Scoring.estimate(&all[index], password, referenceYear: referenceYear) }
        var byEnd = [[Int]](repeating: [], count: n)
        for (index, match) in all.enumerated() { byEnd[match.j].append(index) }
        // Sorted by start; of several matches over the same span only the cheapest can be in the best sequence.
        for k in 0..<n where byEnd[k].count > 1 {
            byEnd[k].sort {
                all[$0].i != all[$1].i ? all[$0].i < all[$1].i : all[$0].guessesLog10 < all[$1].guessesLog10
            }
            var kept: [Int] = []
            kept.reserveCapacity(byEnd[k].count)
            for index in byEnd[k] where kept.last.map({ all[$0].i != all[index].i }) ?? true { kept.append(index) }
            byEnd[k] = kept
        }

        // optimal[k]: the best sequences covering 0...k, at most one per length l.
        var optimal = [[Cell]](repeating: [], count: n)
        let logD = log10(Scoring.minGuessesBeforeGrowingSequence)
        var logFactorials = [0.0]
        for l in 1...(maxSequenceLength + 1) { logFactorials.append(logFactorials[l - 1] + log10(Double(l))) }
        let lengthLimit = n > exactLength ? longSequenceLength : maxSequenceLength

        func update(k: Int, start: Int, match: Int, guessesLog10: Double, l: Int, previousPi: Double) {
            guard l <= lengthLimit else { return }
            let pi = guessesLog10 + previousPi
            var g = logFactorials[l] + pi
            if additive { g = Scoring.logAdd(g, Double(l - 1) * logD) }
            var replace = -1
            for (position, competing) in optimal[k].enumerated() {
                if competing.l <= l && competing.g <= g { return }
                if competing.l == l { replace = position }
            }
            let cell = Cell(l: l, match: match, start: start, pi: pi, g: g)
            if replace >= 0 { optimal[k][replace] = cell } else { optimal[k].append(cell) }
        }

        // Scoring.estimate's bruteforce case, inlined: 10^length, at least one more than the submatch minimum.
        let singleFloor = log10(Scoring.minSubmatchGuessesSingleChar + 1)
        let multiFloor = log10(Scoring.minSubmatchGuessesMultiChar + 1)
        func bruteforceGuesses(_ i: Int, _ j: Int) -> Double {
            let length = j - i + 1
            return max(Double(length) * log10(Scoring.bruteforceCardinality), length == 1 ? singleFloor : multiFloor)
        }

        // Positions where some best sequence ends in a non-bruteforce match: the only useful places
        // for a following bruteforce stretch to start after (two adjacent bruteforce stretches never win).
        var patternEnds: [Int] = []
        for k in 0..<n {
            for index in byEnd[k] {
                let match = all[index]
                if match.i > 0 {
                    let previous = optimal[match.i - 1]
                    for cell in previous {
                        update(
                            k: k, start: match.i, match: index, guessesLog10: match.guessesLog10, l: cell.l + 1,
                            previousPi: cell.pi)
                    }
                } else {
                    update(k: k, start: 0, match: index, guessesLog10: match.guessesLog10, l: 1, previousPi: 0)
                }
            }
            update(k: k, start: 0, match: -1, guessesLog10: bruteforceGuesses(0, k), l: 1, previousPi: 0)
            let lowest = n > exactLength ? max(1, k - maxBruteforceLength + 1) : 1
            var position = patternEnds.count - 1
            while position >= 0 {
                let end = patternEnds[position]
                if end + 1 < lowest { break }
                let i = end + 1
                if i <= k {
                    let guesses = bruteforceGuesses(i, k)
                    let previous = optimal[i - 1]
                    for cell in previous where cell.match >= 0 {
                        update(k: k, start: i, match: -1, guessesLog10: guesses, l: cell.l + 1, previousPi: cell.pi)
                    }
                }
                position -= 1
            }
            if optimal[k].contains(where: { $0.match >= 0 }) { patternEnds.append(k) }
        }

        // Unwind from the best final length.
        guard let best = optimal[n - 1].min(by: { $0.g < $1.g }) else {
            return Result(guessesLog10: Double(n), sequence: [])
        }
        var sequence: [PatternMatch] = []
        var k = n - 1
        var l = best.l
        while k >= 0, let cell = optimal[k].first(where: { $0.l == l }) {
            var match: Candidate
            if cell.match >= 0 {
                match = all[cell.match]
            } else {
                match = Candidate(.bruteforce, cell.start, k)
                Scoring.estimate(&match, password, referenceYear: referenceYear)
            }
            sequence.append(PatternMatch(match, password))
            k = match.i - 1
            l -= 1
        }
        return Result(guessesLog10: best.g, sequence: sequence.reversed())
    }
}
