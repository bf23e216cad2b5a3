// zxcvbn's minimum-guesses search: the non-overlapping match sequence covering the password that minimises
//   l! · Π guesses(m) + D^(l-1)
// computed in log10. For long inputs the work is bounded: sequences longer than `maxSequenceLength` are not
// considered (such a sequence already costs ≥ 10^(4·64) guesses), and bruteforce stretches are at most
// `maxBruteforceLength` scalars beyond 256 characters (both only ever raise an already astronomical estimate).

struct GuessSearch {
    static let maxSequenceLength = 64
    static let exactLength = 256
    static let maxBruteforceLength = 64

    struct Result {
        var guessesLog10: Double
        var sequence: [PatternMatch]
    }

    private struct Cell {
        var match: Int  // index into `all`, the match list plus bruteforce matches made on the way
        var pi: Double
        var g: Double
    }

    static func search(_ password: PasswordText, matches: [PatternMatch], referenceYear: Int, additive: Bool = true)
        -> Result
    {
        let n = password.count
        guard n > 0 else { return Result(guessesLog10: 0, sequence: []) }
        var all = matches
        for index in all.indices { Scoring.estimate(&all[index], passwordLength: n, referenceYear: referenceYear) }
        var byEnd = [[Int]](repeating: [], count: n)
        for (index, match) in all.enumerated() { byEnd[match.j].append(index) }
        for k in 0..<n { byEnd[k].sort { all[$0].i < all[$1].i } }

        // optimal[k][l] for sequences covering 0...k with l matches.
        var optimal = [[Int: Cell]](repeating: [:], count: n)
        let logD = log10(Scoring.minGuessesBeforeGrowingSequence)
        var logFactorials = [0.0]
        for l in 1...(maxSequenceLength + 1) { logFactorials.append(logFactorials[l - 1] + log10(Double(l))) }

        func update(_ matchIndex: Int, _ l: Int) {
            guard l <= maxSequenceLength else { return }
            let match = all[matchIndex]
            let k = match.j
            var pi = match.guessesLog10
            if l > 1 {
                guard let previous = optimal[match.i - 1][l - 1] else { return }
                pi += previous.pi
            }
            var g = logFactorials[l] + pi
            if additive { g = Scoring.logAdd(g, Double(l - 1) * logD) }
            for (competingL, competing) in optimal[k] where competingL <= l && competing.g <= g { return }
            optimal[k][l] = Cell(match: matchIndex, pi: pi, g: g)
        }

        func bruteforce(_ i: Int, _ j: Int) -> Int {
            var match = PatternMatch(.bruteforce, i, j, token: "")
            Scoring.estimate(&match, passwordLength: n, referenceYear: referenceYear)
            all.append(match)
            return all.count - 1
        }

        // Positions where a non-bruteforce sequence ends, the only useful starts for a following bruteforce.
        var endsWithPattern: [Int] = []
        for k in 0..<n {
            for index in byEnd[k] {
                let match = all[index]
                if match.i > 0 {
                    for l in optimal[match.i - 1].keys { update(index, l + 1) }
                } else {
                    update(index, 1)
                }
            }
            update(bruteforce(0, k), 1)
            let lowest = n > exactLength ? max(1, k - maxBruteforceLength + 1) : 1
            var position = endsWithPattern.count - 1
            while position >= 0 {
                let end = endsWithPattern[position]
                if end + 1 < lowest { break }
                let i = end + 1
                if i <= k {
                    var brute: Int?
                    for (l, cell) in optimal[i - 1] where all[cell.match].kind != .bruteforce {
                        if brute == nil { brute = bruteforce(i, k) }
                        update(brute!, l + 1)
                    }
                }
                position -= 1
            }
            if optimal[k].values.contains(where: { all[$0.match].kind != .bruteforce }) { endsWithPattern.append(k) }
        }

        // Unwind from the best final length.
        guard let (bestL, bestCell) = optimal[n - 1].min(by: { $0.value.g < $1.value.g }) else {
            return Result(guessesLog10: Double(n), sequence: [])
        }
        var sequence: [PatternMatch] = []
        var k = n - 1
        var l = bestL
        while k >= 0, let cell = optimal[k][l] {
            var match = all[cell.match]
            if match.kind == .bruteforce { match.token = password.token(match.i, match.j) }
            sequence.insert(match, at: 0)
            k = match.i - 1
            l -= 1
        }
        return Result(guessesLog10: bestCell.g, sequence: sequence)
    }
}

#if canImport(Glibc)
    import Glibc
#endif
