// The language of help pages, parser errors and the start guide, resolved once at start-up.
// swift-argument-parser reads help strings and command configurations as plain values, so the language must be
// known before parsing: Walletsec.main() sets it from `--lang` (anywhere on the line), LC_ALL, LC_MESSAGES, LANG.
import WalletCore

enum HelpLanguage {
    /// Set once in Walletsec.main() before any command type is asked for its help; tests set it directly.
    nonisolated(unsafe) static var current: Language = .en

    /// The language `--lang` names anywhere on the line, else the one the environment names.
    static func resolve(arguments: [String], environment: [String: String]) -> Language {
        var language = Language.fromEnvironment(environment)
        for (index, argument) in arguments.enumerated() {
            if argument == "--" { break }
            if argument == "--lang", index + 1 < arguments.count, let value = Language(rawValue: arguments[index + 1]) {
                language = value
            } else if argument.hasPrefix("--lang="), let value = Language(rawValue: String(argument.dropFirst(7))) {
                language = value
            }
        }
        return language
    }
}

/// A help or output text in the language resolved at start-up: `L("Show codes", "显示验证码")`.
/// Keeping both languages side by side in the command's own file means a command is edited in one place.
func L(_ en: String, _ zh: String) -> String {
    HelpLanguage.current == .zh ? zh : en
}
