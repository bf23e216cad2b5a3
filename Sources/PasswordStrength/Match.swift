// One pattern found in a password (a dictionary word, a keyboard walk, a date...) and its guess estimate:
// `Candidate` while matching (small, no strings), `PatternMatch` for the final sequence shown to users.

/// What kind of pattern a piece of a password is; the raw value is the name in JSON output.
public enum PatternKind: String, Sendable, Codable, CaseIterable {
    /// A word from a built-in list or the user inputs (maybe reversed or with l33t substitutions).
    case dictionary
    /// A keyboard walk (qwerty, keypad).
    case spatial
    /// A repeated character or chunk.
    case `repeat`
    /// An ascending or descending run (abc, 987).
    case sequence
    /// A year.
    case year
    /// A date, with or without separators.
    case date
    /// Nothing recognised: charged per character.
    case bruteforce
    /// Pinyin syllables.
    case pinyin
    /// A Chinese name in pinyin.
    case pinyinName = "pinyin_name"
    /// Initials of pinyin syllables (wsnd).
    case pinyinInitials = "pinyin_initials"
    /// A pinyin name followed by a date.
    case nameDate = "name_date"
    /// A mainland mobile number.
    case mobile
    /// A QQ number.
    case qqNumber = "qq_number"
    /// A digit string with a telling shape (love numbers, repeated pairs).
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
    /// What kind of pattern.
    public var kind: PatternKind
    /// First scalar index, inclusive.
    public var i: Int
    /// Last scalar index, inclusive.
    public var j: Int
    /// The piece of the password (a secret: show it only when asked).
    public var token: String
    /// log10 of the guesses for this piece alone.
    public var guessesLog10: Double
    /// Dictionary rank, or surname rank × given-name rank for pinyin names.
    public var rank: Int?
    /// Which list a dictionary match comes from.
    public var dictionaryName: String?
    /// The list word matched (before reversal and substitutions).
    public var matchedWord: String?
    /// A dictionary word written backwards.
    public var reversed: Bool
    /// A dictionary word with l33t substitutions.
    public var l33t: Bool
    /// The keyboard of a spatial match.
    public var graph: String?
    /// Direction changes of a spatial match.
    public var turns: Int
    /// The repeated unit of a repeat match.
    public var baseToken: String?
    /// How many times the unit repeats.
    public var repeatCount: Double
    /// The year of a year or date match.
    public var year: Int?
    /// Pinyin syllables, surname and given name, name and date, or a digit shape.
    public var parts: [String]

    /// Guesses for this piece alone.
    public var guesses: Double { Scoring.pow10Clamped(guessesLog10) }
    /// Scalars in the piece.
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
