// How a strength result is printed: one JSON object per password (the fields docs/password.md lists,
// through the shared JSONOutput encoder), or a short human-readable line. Matched pieces of the password
// are shown only with --show.
import PasswordStrength
import WalletCore

struct StrengthReport: Encodable {
    struct Pattern: Encodable {
        var kind: String
        var token: String?
        var i: Int
        var j: Int
        var guesses: Double
        var guessesLog10: Double
        var dictionary: String?
        var rank: Int?
        var reversed: Bool?
        var l33t: Bool?
        var graph: String?
        var turns: Int?
        var repeatCount: Double?
        var year: Int?
        var parts: [String]?

        enum CodingKeys: String, CodingKey {
            case kind, token, i, j, guesses, guessesLog10, dictionary, rank, reversed, l33t, graph, turns
            case repeatCount, year, parts
        }

        /// Optional fields are left out when absent, except `token`: null unless --show (docs/password.md).
        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(kind, forKey: .kind)
            try container.encode(token, forKey: .token)
            try container.encode(i, forKey: .i)
            try container.encode(j, forKey: .j)
            try container.encode(guesses, forKey: .guesses)
            try container.encode(guessesLog10, forKey: .guessesLog10)
            try container.encodeIfPresent(dictionary, forKey: .dictionary)
            try container.encodeIfPresent(rank, forKey: .rank)
            try container.encodeIfPresent(reversed, forKey: .reversed)
            try container.encodeIfPresent(l33t, forKey: .l33t)
            try container.encodeIfPresent(graph, forKey: .graph)
            try container.encodeIfPresent(turns, forKey: .turns)
            try container.encodeIfPresent(repeatCount, forKey: .repeatCount)
            try container.encodeIfPresent(year, forKey: .year)
            try container.encodeIfPresent(parts, forKey: .parts)
        }
    }

    var password: String?
    var score: Int
    var guesses: Double
    var guessesLog10: Double
    var crackTimesSeconds: CrackTimes
    var patterns: [Pattern]
    var warning: String?
    var suggestions: [String]
    var breached: Bool?

    enum CodingKeys: String, CodingKey {
        case password, score, guesses, guessesLog10, crackTimesSeconds, patterns, warning, suggestions, breached
    }

    /// `warning` and `breached` are always present (null when absent); `password` only with --show.
    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(password, forKey: .password)
        try container.encode(score, forKey: .score)
        try container.encode(guesses, forKey: .guesses)
        try container.encode(guessesLog10, forKey: .guessesLog10)
        try container.encode(crackTimesSeconds, forKey: .crackTimesSeconds)
        try container.encode(patterns, forKey: .patterns)
        try container.encode(warning, forKey: .warning)
        try container.encode(suggestions, forKey: .suggestions)
        try container.encode(breached, forKey: .breached)
    }

    init(_ result: StrengthResult, password: String?, language: Language) {
        self.password = password
        score = result.score
        guesses = result.guesses
        guessesLog10 = (result.guessesLog10 * 1000).rounded() / 1000
        crackTimesSeconds = result.crackTimes
        patterns = result.sequence.map { match in
            Pattern(
                kind: match.kind.rawValue, token: password == nil ? nil : match.token, i: match.i, j: match.j,
                guesses: match.guesses, guessesLog10: (match.guessesLog10 * 1000).rounded() / 1000,
                dictionary: match.dictionaryName, rank: match.rank,
                reversed: match.kind == .dictionary ? match.reversed : nil,
                l33t: match.kind == .dictionary ? match.l33t : nil, graph: match.graph,
                turns: match.kind == .spatial ? match.turns : nil,
                repeatCount: match.kind == .repeat ? match.repeatCount : nil, year: match.year,
                parts: match.parts.isEmpty || password == nil ? nil : match.parts)
        }
        warning = result.feedback.warning?.text(language)
        suggestions = result.feedback.suggestions.map { $0.text(language) }
        breached = result.breached
    }

    static func text(_ result: StrengthResult, password: String?, language: Language) -> String {
        let zh = language == .zh
        let names = zh ? ["极弱", "很弱", "较弱", "强", "很强"] : ["very weak", "weak", "fair", "strong", "very strong"]
        var line = password.map { "\($0)\t" } ?? ""
        line += zh ? "评分 \(result.score)/4（\(names[result.score])）" : "score \(result.score)/4 (\(names[result.score]))"
        let magnitude = (result.guessesLog10 * 10).rounded() / 10
        line += zh ? "，约 10^\(magnitude) 次猜测" : ", about 10^\(magnitude) guesses"
        if result.breached == true { line += zh ? "，已泄露" : ", breached" }
        if let warning = result.feedback.warning { line += (zh ? "。" : ". ") + warning.text(language) }
        let suggestions = result.feedback.suggestions.map { $0.text(language) }
        if !suggestions.isEmpty {
            line += (zh ? " 建议：" : " Suggestions: ") + suggestions.joined(separator: " ")
        }
        return line
    }
}
