// walletsec password: check how guessable passwords are, and generate strong ones.
import ArgumentParser

struct PasswordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "password",
        abstract: "Check password strength (zxcvbn-style, Chinese-aware) or generate strong passwords.",
        discussion: """
            Example:
              walletsec password check
              printf 'woaini1314\\ncorrect horse battery staple\\n' | walletsec password check --stdin --json
              walletsec password generate --words 6
            """,
        subcommands: [PasswordCheckCommand.self, PasswordGenerateCommand.self])
}
