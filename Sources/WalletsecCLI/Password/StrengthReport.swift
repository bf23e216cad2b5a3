// How a strength result is printed: one JSON object per password (the fields docs/password.md lists,
// through the shared JSONOutput encoder), or a short human-readable line. Matched pieces of the password
// are shown only with --show.
import PasswordStrength
import WalletCore

enum StrengthReport {
    /// One JSON object (docs/password.md), keys sorted as JSONOutput sorts them. Written by hand through
    /// JSONLineWriter: JSONEncoder would cost more than the estimate when a list of passwords streams through.
    /// `warning` and `breached` are always present (null when absent); `password` only with --show; in
    /// patterns, `token` is null unless --show and the other optional fields are left out when absent.
    static func json(_ result: StrengthResult, password: String?, language: Language) -> String {
        var line = JSONLineWriter()
        line.bool("breached", result.breached)
        var times = JSONLineWriter()
        times.number("offline_fast", result.crackTimes.offlineFast)
        times.number("offline_slow", result.crackTimes.offlineSlow)
        times.number("online", result.crackTimes.online)
        times.number("online_throttled", result.crackTimes.onlineThrottled)
        line.object("crack_times_seconds", times)
        line.number("guesses", result.guesses)
        line.number("guesses_log10", rounded(result.guessesLog10))
        if let password { line.string("password", password) }
        line.objects("patterns", result.sequence.map { pattern($0, show: password != nil) })
        line.number("score", result.score)
        line.strings("suggestions", result.feedback.suggestions.map { $0.text(language) })
        line.string("warning", result.feedback.warning?.text(language))
        return line.text
    }

    private static func pattern(_ match: PatternMatch, show: Bool) -> JSONLineWriter {
        var out = JSONLineWriter()
        if let dictionary = match.dictionaryName { out.string("dictionary", dictionary) }
        if let graph = match.graph { out.string("graph", graph) }
        out.number("guesses", match.guesses)
        out.number("guesses_log10", rounded(match.guessesLog10))
        out.number("i", match.i)
        out.number("j", match.j)
        out.string("kind", match.kind.rawValue)
        if match.kind == .dictionary { out.bool("l33t", match.l33t) }
        if show && !match.parts.isEmpty { out.strings("parts", match.parts) }
        if let rank = match.rank { out.number("rank", rank) }
        if match.kind == .repeat { out.number("repeat_count", match.repeatCount) }
        if match.kind == .dictionary { out.bool("reversed", match.reversed) }
        out.string("token", show ? match.token : nil)
        if match.kind == .spatial { out.number("turns", match.turns) }
        if let year = match.year { out.number("year", year) }
        return out
    }

    private static func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }

    static func text(_ result: StrengthResult, password: String?, language: Language) -> String {
        let zh = language == .zh
        let names = zh ? ["极弱", "很弱", "较弱", "强", "很强"] : ["very weak", "weak", "fair", "strong", "very strong"]
        var line = password.map { "\($0)\t" } ?? ""
        line += zh ? "评分 \(result.score)/4（\(names[result.score])）" : "score \(result.score)/4 (\(names[result.score]))"
        let magnitude = (result.guessesLog10 * 10).rounded() / 10
        line += zh ? "，约 10^\(magnitude) 次猜测" : ", about 10^\(magnitude) guesses"
        if result.breached == true { line += zh ? "，已泄露" : ", breached" }
        // Chinese sentences end in 。 and follow each other without spaces.
        func sentence(_ text: String) -> String { zh && !text.hasSuffix("。") ? text + "。" : text }
        if let warning = result.feedback.warning { line += (zh ? "。" : ". ") + sentence(warning.text(language)) }
        let suggestions = result.feedback.suggestions.map { sentence($0.text(language)) }
        if !suggestions.isEmpty {
            if zh && !line.hasSuffix("。") { line += "。" }
            line += (zh ? "建议：" : " Suggestions: ") + suggestions.joined(separator: zh ? "" : " ")
        }
        return line
    }
}
