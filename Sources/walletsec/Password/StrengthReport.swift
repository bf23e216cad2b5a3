// How a strength result is printed: one JSON object per password (the fields docs/password.md lists),
// or a short human-readable line. Matched pieces of the password are shown only with --show.
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
