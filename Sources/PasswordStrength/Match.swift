// One pattern found in a password (a dictionary word, a keyboard walk, a date...) and its guess estimate.

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

public struct PatternMatch: Sendable {
    public var kind: PatternKind
    /// First and last scalar index, inclusive (as zxcvbn).
    public var i: Int
    public var j: Int
    public var token: String
    /// log10 of the guesses for this match alone, filled by the scorer.
    public var guessesLog10: Double = 0

    // dictionary
    public var dictionaryName: String?
    public var matchedWord: String?
    public var rank: Int?
    public var reversed = false
    public var l33t = false
    public var substitutions: [String: String] = [:]
    // spatial
    public var graph: String?
    public var turns = 0
    public var shiftedCount = 0
    // repeat
    public var baseToken: String?
    public var baseGuessesLog10: Double = 0
    public var repeatCount: Double = 0
    // sequence
    public var sequenceName: String?
    public var sequenceSpace = 0
    public var ascending = true
    // date
    public var year: Int?
    public var month: Int?
    public var day: Int?
    public var separator: String?
    // Chinese patterns: syllables or parts that were recognised (e.g. ["wo", "ai"]).
    public var parts: [String] = []
    /// A guess count fixed by the matcher itself (pinyin, mobile...), as log10.
    var presetGuessesLog10: Double?

    init(_ kind: PatternKind, _ i: Int, _ j: Int, token: String) {
        self.kind = kind
        self.i = i
        self.j = j
        self.token = token
    }

    public var guesses: Double { Scoring.pow10Clamped(guessesLog10) }
    public var length: Int { j - i + 1 }
}
