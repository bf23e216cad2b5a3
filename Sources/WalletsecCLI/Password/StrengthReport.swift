// How a strength result is printed: one JSON object per password (the fields docs/password.md lists,
// through the shared JSONOutput encoder), or a short human-readable line. Matched pieces of the password
// are shown only with --show.
import Foundation
import PasswordStrength
import WalletCore

enum StrengthReport {
    /// One JSON object (docs/password.md), keys sorted as JSONOutput sorts them. Written by hand through
    /// JSONLineWriter: JSONEncoder would cost more than the estimate when a list of passwords streams through.
    /// `warning` and `breached` are always present (null when absent); `password` only with --show.
    /// Without --show nothing derived from the password's text is written: each pattern is its `kind`
    /// alone (a dictionary pattern's guesses are its rank, a year pattern's its year), and the totals are
    /// coarsened to two significant digits, so a one-word password cannot be looked up by its rank.
    static func json(_ result: StrengthResult, password: String?, language: Language) -> String {
        let show = password != nil
        let guesses = show ? result.guesses : coarse(result.guesses)
        let scale = result.guesses > 0 ? guesses / result.guesses : 1
        var line = JSONLineWriter()
        line.bool("breached", result.breached)
        var times = JSONLineWriter()
        times.number("offline_fast", result.crackTimes.offlineFast * scale)
        times.number("offline_slow", result.crackTimes.offlineSlow * scale)
        times.number("online", result.crackTimes.online * scale)
        times.number("online_throttled", result.crackTimes.onlineThrottled * scale)
        line.object("crack_times_seconds", times)
        line.number("guesses", guesses)
        line.number("guesses_log10", show ? rounded(result.guessesLog10) : (result.guessesLog10 * 10).rounded() / 10)
        if let password { line.string("password", password) }
        line.objects("patterns", result.sequence.map { show ? pattern($0) : kindOnly($0) })
        line.number("score", result.score)
        line.strings("suggestions", result.feedback.suggestions.map { $0.text(language) })
        line.string("warning", result.feedback.warning?.text(language))
        return line.text
    }

    /// Two significant digits (exact below 100): enough to compare strengths, too coarse to name a rank.
    static func coarse(_ guesses: Double) -> Double {
        guard guesses.isFinite, guesses >= 100 else { return guesses.rounded() }
        let unit = pow(10, (log10(guesses)).rounded(.down) - 1)
        return (guesses / unit).rounded() * unit
    }

    private static func kindOnly(_ match: PatternMatch) -> JSONLineWriter {
        var out = JSONLineWriter()
        out.string("kind", match.kind.rawValue)
        return out
    }

    private static func pattern(_ match: PatternMatch) -> JSONLineWriter {
        var out = JSONLineWriter()
        if let dictionary = match.dictionaryName { out.string("dictionary", dictionary) }
        if let graph = match.graph { out.string("graph", graph) }
        out.number("guesses", match.guesses)
        out.number("guesses_log10", rounded(match.guessesLog10))
        out.number("i", match.i)
        out.number("j", match.j)
        out.string("kind", match.kind.rawValue)
        if match.kind == .dictionary { out.bool("l33t", match.l33t) }
        if !match.parts.isEmpty { out.strings("parts", match.parts) }
        if let rank = match.rank { out.number("rank", rank) }
        if match.kind == .repeat { out.number("repeat_count", match.repeatCount) }
        if match.kind == .dictionary { out.bool("reversed", match.reversed) }
        out.string("token", match.token)
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
