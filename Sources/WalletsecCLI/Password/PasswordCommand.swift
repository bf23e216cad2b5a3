// walletsec password: check how guessable passwords are, and generate strong ones.
import ArgumentParser

struct PasswordCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "password",
            abstract: L(
                "Check password strength (zxcvbn-style, Chinese-aware) or generate strong passwords.",
                "检查密码强度（zxcvbn 方法，识别中文习惯）或生成高强度密码。"),
            discussion: L(
                """
                Example:
                  walletsec password check
                  printf 'woaini1314\\ncorrect horse battery staple\\n' | walletsec password check --stdin --json
                  walletsec password generate --words 6
                """,
                """
                示例：
                  walletsec password check
                  printf 'woaini1314\\ncorrect horse battery staple\\n' | walletsec password check --stdin --json
                  walletsec password generate --words 6
                """),
            subcommands: [PasswordCheckCommand.self, PasswordGenerateCommand.self])
    }
}
