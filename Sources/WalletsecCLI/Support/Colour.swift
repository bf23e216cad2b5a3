// ANSI colour for human output: only on a terminal, never when piped, never when NO_COLOR is set
// to anything non-empty (no-color.org) or TERM is dumb. Colour codes take no columns, so callers
// pad first and colour after.
import Anomaly

enum Colour {
    /// Whether stdout should get colour, given whether it is a terminal and the environment.
    static func enabled(stdoutIsTTY: Bool, environment: [String: String]) -> Bool {
        guard stdoutIsTTY else { return false }
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
        if environment["TERM"] == "dumb" { return false }
        return true
    }

    /// `text` in the severity's colour: high bold red, medium yellow, low cyan.
    static func severity(_ text: String, _ severity: Severity) -> String {
        let code: String
        switch severity {
        case .high: code = "1;31"
        case .medium: code = "33"
        case .low: code = "36"
        }
        return "\u{1B}[" + code + "m" + text + "\u{1B}[0m"
    }
}
