// One pattern found in a password (a dictionary word, a keyboard walk, a date...) and its guess estimate:
// `Candidate` while matching (small, no strings), `PatternMatch` for the final sequence shown to users.

public enum PatternKind: String, Sendable, Codable, CaseIterable {
    case dictionary
    case spatial
    case `repeat`
    case sequence
    case year
    case date
    case bruteforce
    case pinyin
    case pinyinName = "pinyin_name"
    case pinyinInitials = "pinyin_initials"
    case nameDate = "name_date"
    case mobile
    case qqNumber = "qq_number"
    case digits
}

/// A match while searching: plain numbers only, cheap to copy (thousands are made per password).
struct Candidate {
    var kind: PatternKind
    /// First and last scalar index, inclusive (as zxcvbn).
    var i: Int
    var j: Int
    /// log10 of the guesses for this match alone, filled by the scorer.
    var guessesLog10: Double = 0
    /// Dictionary rank (dictionary matches), or surname rank × given-name rank (pinyin names).
    var rank: Int?
    /// Index into RankedDictionaries.names, or `userInputsIndex`.
    var dictionary = -1
    var reversed = false
    var l33t = false
    /// l33t substitutions used in the token, up to four (l33t character, letter) byte pairs packed.
    var packedSubstitutions: UInt64 = 0
    /// Keyboard graph index into KeyboardGraph.all.
    var graphIndex = 0
    var turns = 0
    var shiftedCount = 0
    /// Repeats: length of the repeated base in scalars.
    var baseLength = 0
    var baseGuessesLog10: Double = 0
    var repeatCount: Double = 0
    var ascending = true
    var year: Int?
    var hasSeparator = false
    /// A guess count fixed by the matcher itself (pinyin, mobile...), as log10.
    var presetGuessesLog10: Double?
    /// Where the first piece ends (surname | given name, name | date), or -1.
    var split = -1
    /// Digit shapes: 1 palindrome, 2 pairs.
    var shape: UInt8 = 0

    static let userInputsIndex = 1000

    init(_ kind: PatternKind, _ i: Int, _ j: Int) {
        self.kind = kind
        self.i = i
        self.j = j
    }

    var length: Int { j - i + 1 }

    var substitutions: [(UInt8, UInt8)] {
        var pairs: [(UInt8, UInt8)] = []
        var packed = packedSubstitutions
        while packed != 0 {
            pairs.append((UInt8(packed >> 8 & 0xff), UInt8(packed & 0xff)))
            packed >>= 16
        }
        return pairs
    }

    mutating func addSubstitution(_ sub: UInt8, _ letter: UInt8) {
        var packed = packedSubstitutions
        var used = 0
        while packed != 0 {
            if UInt8(packed >> 8 & 0xff) == sub { return }
            packed >>= 16
            used += 1
        }
        guard used < 4 else { return }
        packedSubstitutions |= (UInt64(sub) << 8 | UInt64(letter)) << (16 * UInt64(used))
    }
}

/// A match in the final, minimum-guesses sequence, with what it means for display and feedback.
public struct PatternMatch: Sendable {
    public var kind: PatternKind
    public var i: Int
    public var j: Int
    public var token: String
    public var guessesLog10: Double
    public var rank: Int?
    public var dictionaryName: String?
    public var matchedWord: String?
    public var reversed: Bool
    public var l33t: Bool
    public var graph: String?
    public var turns: Int
    public var baseToken: String?
    public var repeatCount: Double
    public var year: Int?
    /// Pinyin syllables, surname and given name, name and date, or a digit shape.
    public var parts: [String]

    public var guesses: Double { Scoring.pow10Clamped(guessesLog10) }
    public var length: Int { j - i + 1 }

    init(_ candidate: Candidate, _ password: PasswordText) {
        kind = candidate.kind
        i = candidate.i
        j = candidate.j
        token = password.token(i, j)
        guessesLog10 = candidate.guessesLog10
        rank = candidate.rank
        reversed = candidate.reversed
        l33t = candidate.l33t
        turns = candidate.turns
        repeatCount = candidate.repeatCount
        year = candidate.year
        if candidate.dictionary >= 0 {
            dictionaryName =
                candidate.dictionary == Candidate.userInputsIndex
                ? "user_inputs" : RankedDictionaries.shared.names[candidate.dictionary]
        }
        if kind == .dictionary {
            let substitutions = candidate.substitutions
            var word = password.lower[i...j].map { value -> UInt32 in
                if value < 0x80, let pair = substitutions.first(where: { UInt32($0.0) == value }) {
                    return UInt32(pair.1)
                }
                return value
            }
            if candidate.reversed { word.reverse() }
            matchedWord = String(String.UnicodeScalarView(word.compactMap(Unicode.Scalar.init)))
        }
        if kind == .spatial { graph = KeyboardGraph.all[candidate.graphIndex].name }
        if kind == .repeat { baseToken = password.token(i, i + candidate.baseLength - 1) }
        parts = []
        if candidate.split >= i && candidate.split < j {
            parts = [password.lowerToken(i, candidate.split), password.lowerToken(candidate.split + 1, j)]
        } else if kind == .pinyin {
            parts = PinyinMatcher.syllables(password, i, j) ?? []
        } else if candidate.shape > 0 {
            parts = [candidate.shape == 1 ? "palindrome" : "pairs"]
        }
    }
}
