// Global options written before the subcommand (`walletsec --json status`, `walletsec --lang zh 2fa list`):
// ArgumentParser only accepts them on the leaf command, so they are moved there before parsing.

enum GlobalOptionLifting {
    /// Options every leaf command accepts; `--vault` and `--lang` take a value.
    static let flags: Set<String> = ["--json"]
    static let valued: Set<String> = ["--vault", "--lang"]

    /// Moves the global options that appear before the first subcommand word to just before a `--` terminator
    /// (or the end). Only the leading run is touched, so a `--json` that is another option's value stays put.
    /// When no subcommand follows, the lifted options are dropped (the language was already resolved from them).
    static func lift(_ arguments: [String]) -> [String] {
        var lifted: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if flags.contains(argument) {
                lifted.append(argument)
                index += 1
            } else if valued.contains(argument), index + 1 < arguments.count {
                lifted.append(contentsOf: [argument, arguments[index + 1]])
                index += 2
            } else if let equals = argument.firstIndex(of: "="), valued.contains(String(argument[..<equals])) {
                lifted.append(argument)
                index += 1
            } else {
                break
            }
        }
        if lifted.isEmpty { return arguments }
        var rest = Array(arguments[index...])
        // `help` takes command names only; the language already came from the lifted --lang.
        guard let first = rest.first, !first.hasPrefix("-"), first != "help" else { return rest }
        let end = rest.firstIndex(of: "--") ?? rest.endIndex
        rest.insert(contentsOf: lifted, at: end)
        return rest
    }
}
