// How a strength result is printed: one JSON object per password (the fields docs/password.md lists),
// or a short human-readable line. Matched pieces of the password are shown only with --show.
import PasswordStrength
import WalletCore

struct StrengthReport {
    struct Pattern {
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

    /// One JSON object, snake_case keys in sorted order (as JSONOutput would give), written directly.
    var jsonLine: String {
        var object = JSONLine()
        object.bool("breached", breached)
        var times = JSONLine()
        times.number("offline_fast", crackTimesSeconds.offlineFast)
        times.number("offline_slow", crackTimesSeconds.offlineSlow)
        times.number("online", crackTimesSeconds.online)
        times.number("online_throttled", crackTimesSeconds.onlineThrottled)
        object.object("crack_times_seconds", times)
        object.number("guesses", guesses)
        object.number("guesses_log10", guessesLog10)
        if let password { object.string("password", password) }
        object.objects(
            "patterns",
            patterns.map { pattern in
                var item = JSONLine()
                if let dictionary = pattern.dictionary { item.string("dictionary", dictionary) }
                if let graph = pattern.graph { item.string("graph", graph) }
                item.number("guesses", pattern.guesses)
                item.number("guesses_log10", pattern.guessesLog10)
                item.number("i", pattern.i)
                item.number("j", pattern.j)
                item.string("kind", pattern.kind)
                if let l33t = pattern.l33t { item.bool("l33t", l33t) }
                if let parts = pattern.parts { item.strings("parts", parts) }
                if let rank = pattern.rank { item.number("rank", rank) }
                if let repeatCount = pattern.repeatCount { item.number("repeat_count", repeatCount) }
                if let reversed = pattern.reversed { item.bool("reversed", reversed) }
                item.string("token", pattern.token)
                if let turns = pattern.turns { item.number("turns", turns) }
                if let year = pattern.year { item.number("year", year) }
                return item
            })
        object.number("score", score)
        object.strings("suggestions", suggestions)
        object.string("warning", warning)
        return object.finished
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
