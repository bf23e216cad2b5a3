// The walletsec command: registers subcommands and turns every error into one line and an exit code.
import ArgumentParser
import WalletCore

#if canImport(Glibc)
    import Glibc
#endif

public struct Walletsec: ParsableCommand {
    public init() {}
    static let version = "0.1.0"

    public static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "walletsec",
            abstract: L(
                "Keep a mobile-wallet account safe: passwords, 2FA, phone migration, statement scanning.",
                "保护手机钱包账户安全：密码、双重验证、换机迁移、账单扫描。"),
            discussion: L(
                """
                Examples:
                  walletsec init
                  walletsec status --json
                  walletsec password check --stdin < passwords.txt

                Exit codes: 0 ok, 1 check failed, 2 usage or malformed input, 3 authentication failed,
                4 integrity failure, 5 conflict, 70 internal error.
                """,
                """
                示例：
                  walletsec init
                  walletsec status --json
                  walletsec password check --stdin < passwords.txt

                退出码：0 正常，1 检查未通过，2 用法错误或输入格式有误，3 密码错误，
                4 数据被篡改或已损坏，5 冲突，70 内部错误。
                """),
            version: version,
            subcommands: [
                InitCommand.self, StatusCommand.self, PasswdCommand.self,
                PasswordCommand.self, TwoFactorCommand.self,
                AgeCommand.self, DeviceCommand.self, BackupCommand.self, RestoreCommand.self,
                ScanCommand.self, HistoryCommand.self,
            ]
        )
    }

    public static func main() {
        // Everything we create (vault files, exports, temp files) starts private.
        umask(0o077)
        let raw = Array(CommandLine.arguments.dropFirst())
        // The language is needed before parsing: help texts and configurations are read as plain values.
        HelpLanguage.current = HelpLanguage.resolve(arguments: raw, environment: Environment.all)
        if raw.isEmpty {
            Terminal.out(StartGuide.text(HelpLanguage.current))
            return
        }
        let arguments = GlobalOptionLifting.lift(raw)
        if arguments.isEmpty {
            Terminal.out(StartGuide.text(HelpLanguage.current))
            return
        }
        var context = ErrorContext(arguments: arguments)
        // Resolved from the raw line: `walletsec --lang zh help status` drops the lifted --lang.
        context.language = HelpLanguage.current
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            Terminal.exit(with: error, context: context)
        }
    }
}
