// Options every command accepts: where the vault is, JSON output, and the message language.
import ArgumentParser
import Vault
import WalletCore

#if canImport(Glibc)
    import Glibc
#endif

struct GlobalOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            L(
                "Vault folder (default: $WALLETSEC_HOME, $XDG_DATA_HOME/walletsec, ~/.local/share/walletsec).",
                "保险库文件夹（默认：$WALLETSEC_HOME、$XDG_DATA_HOME/walletsec、~/.local/share/walletsec）。"),
            valueName: "dir"))
    var vault: String?

    @Flag(
        name: .long,
        help: ArgumentHelp(
            L(
                "Machine-readable output: one JSON object, or JSON Lines for streams.",
                "供程序读取的输出：一个 JSON 对象，连续输出时为 JSON Lines。")))
    var json = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            L(
                "Message language: en or zh (default from LC_ALL/LANG).",
                "界面语言：en 或 zh（默认跟随 LC_ALL、LC_MESSAGES、LANG）。"), valueName: "en|zh"))
    var lang: Language?

    /// Reads only the three variables that decide it: commands ask once per printed row, and copying
    /// the whole environment each time made `history list` of 100,000 rows take seconds.
    var language: Language {
        if let lang { return lang }
        var relevant: [String: String] = [:]
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] { relevant[name] = Environment.value(name) }
        return Language.fromEnvironment(relevant)
    }

    var vaultFolder: String {
        VaultLocation.resolve(explicit: vault, environment: Environment.all)
    }
}

extension Language: ExpressibleByArgument {}

enum Environment {
    static var all: [String: String] {
        var result: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let text = String(cString: entry)
            if let equals = text.firstIndex(of: "=") {
                result[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            pointer += 1
        }
        return result
    }

    static func value(_ name: String) -> String? {
        guard let raw = getenv(name) else { return nil }
        return String(cString: raw)
    }
}
