// The one place where errors become what a person reads: an exit status and one line in English and Chinese.
// Libraries throw typed errors (AgeError, OTPError, VaultError, …); each has an extension in this folder,
// an exhaustive switch, so a new error case cannot ship without its exit code and both texts.
import WalletCore

/// What the CLI prints for a failure: the exit status (docs/cli.md) and the message in both languages.
struct UserMessage: Sendable, Equatable {
    var status: ExitStatus
    var text: LocalizedText

    init(_ status: ExitStatus, en: String, zh: String) {
        self.status = status
        self.text = LocalizedText(en: en, zh: zh)
    }
}

/// An error the CLI knows how to explain. Conformances live beside this file, one per library.
protocol UserFacingError: Error {
    var userMessage: UserMessage { get }
}
