// Failures the command line itself finds (bad option combinations, missing input, refusing a terminal),
// as opposed to the typed errors the libraries throw.
import WalletCore

/// A failure detected by a command before or around a library call, with its exit status and both texts.
struct CLIFailure: UserFacingError, Equatable, CustomStringConvertible {
    var userMessage: UserMessage

    init(_ status: ExitStatus, en: String, zh: String) {
        userMessage = UserMessage(status, en: en, zh: zh)
    }

    /// ArgumentParser prints the description of an error thrown from `validate()`: show the words, not the struct.
    var description: String { userMessage.text.en }

    static func usage(en: String, zh: String) -> CLIFailure { CLIFailure(.usage, en: en, zh: zh) }
    static func checkFailed(en: String, zh: String) -> CLIFailure { CLIFailure(.checkFailed, en: en, zh: zh) }
    static func authentication(en: String, zh: String) -> CLIFailure { CLIFailure(.authentication, en: en, zh: zh) }
    static func integrity(en: String, zh: String) -> CLIFailure { CLIFailure(.integrity, en: en, zh: zh) }
    static func conflict(en: String, zh: String) -> CLIFailure { CLIFailure(.conflict, en: en, zh: zh) }
    static func `internal`(en: String, zh: String) -> CLIFailure { CLIFailure(.internal, en: en, zh: zh) }
}
