// The walletsec command: registers subcommands and turns every error into one line and an exit code.
import ArgumentParser
import WalletCore

#if canImport(Glibc)
    import Glibc
#endif

public struct Walletsec: ParsableCommand {
    public init() {}
    static let version = "0.1.0"

    public static let configuration = CommandConfiguration(
        commandName: "walletsec",
        abstract: "Keep a mobile-wallet account safe: passwords, 2FA, phone migration, statement scanning.",
        discussion: """
            Examples:
              walletsec init
              walletsec status --json
              walletsec password check --stdin < passwords.txt

            Exit codes: 0 ok, 1 check failed, 2 usage or malformed input, 3 authentication failed,
            4 integrity failure, 5 conflict, 70 internal error.
            """,
        version: version,
        subcommands: [
            InitCommand.self, StatusCommand.self, PasswdCommand.self,
            PasswordCommand.self, TwoFactorCommand.self,
            AgeCommand.self, DeviceCommand.self, BackupCommand.self, RestoreCommand.self,
            ScanCommand.self, HistoryCommand.self,
        ]
    )

    public static func main() {
        // Everything we create (vault files, exports, temp files) starts private.
        umask(0o077)
        let arguments = Array(CommandLine.arguments.dropFirst())
        let context = ErrorContext(arguments: arguments)
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            Terminal.exit(with: error, context: context)
        }
    }
}
