// One pattern found in a password (a dictionary word, a keyboard walk, a date...) and its guess estimate.
// Kept small and free of strings while matching (thousands are made per password); the token and names
// are filled in only for the final sequence.

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
    /// log10 of the guesses for this match alone, filled by the scorer.
    public var guessesLog10: Double = 0
    /// Dictionary rank (dictionary matches), or surname rank × given-name rank (pinyin names).
    public var rank: Int?
    /// Index into RankedDictionaries.names, or `userInputsIndex`.
    var dictionary = -1
    public var reversed = false
    public var l33t = false
    /// l33t substitutions used in the token: (l33t character, letter) pairs.
    var substitutions: [(UInt8, UInt8)] = []
    /// Keyboard graph index into KeyboardGraph.all.
    var graphIndex = 0
    public var turns = 0
    public var shiftedCount = 0
    /// Repeats: length of the repeated base in scalars.
    var baseLength = 0
    var baseGuessesLog10: Double = 0
    public var repeatCount: Double = 0
    public var ascending = true
    public var year: Int?
    var hasSeparator = false
    /// A guess count fixed by the matcher itself (pinyin, mobile...), as log10.
    var presetGuessesLog10: Double?
    /// Recognised pieces (pinyin syllables, surname and given name, digit shape), as ranges or labels.
    var pieceEnds: [Int] = []
    var label: String?

    // Filled for the final sequence only (see `describe`).
    public var token = ""
    public var dictionaryName: String?
    public var matchedWord: String?
    public var graph: String?
    public var baseToken: String?
    public var parts: [String] = []

    static let userInputsIndex = 1000

    init(_ kind: PatternKind, _ i: Int, _ j: Int) {
        self.kind = kind
        self.i = i
        self.j = j
    }

    public var guesses: Double { Scoring.pow10Clamped(guessesLog10) }
    public var length: Int { j - i + 1 }

    /// Fills the display fields from the password.
    mutating func describe(_ password: PasswordText) {
        token = password.token(i, j)
        if dictionary >= 0 {
            dictionaryName =
                dictionary == Self.userInputsIndex ? "user_inputs" : RankedDictionaries.shared.names[dictionary]
        }
        if kind == .dictionary {
            var word = password.lower[i...j].map { value -> UInt32 in
                if value < 0x80, let pair = substitutions.first(where: { UInt32($0.0) == value }) {
                    return UInt32(pair.1)
                }
                return value
            }
            if reversed { word.reverse() }
            matchedWord = String(String.UnicodeScalarView(word.compactMap(Unicode.Scalar.init)))
        }
        if kind == .spatial { graph = KeyboardGraph.all[graphIndex].name }
        if kind == .repeat { baseToken = password.token(i, i + baseLength - 1) }
        if !pieceEnds.isEmpty {
            var start = i
            parts = pieceEnds.map { end in
                defer { start = end + 1 }
                return password.lowerToken(start, end)
            }
        }
        if let label { parts = [label] }
    }
}
