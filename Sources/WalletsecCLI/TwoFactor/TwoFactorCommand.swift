// walletsec 2fa: TOTP/HOTP/Steam accounts kept sealed in the vault, codes, replay-safe verification,
// imports from other authenticator apps, exports back to them, and recovery codes.
import ArgumentParser

struct TwoFactorCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "2fa",
            abstract: L(
                "Two-factor accounts: enroll, import, show codes, verify, export.",
                "双重验证账户：添加、导入、显示验证码、核对、导出。"),
            discussion: L(
                """
                Secrets are stored only sealed in the vault; commands that show or check codes ask for the vault passphrase.

                Example:
                  walletsec 2fa enroll --issuer Wallet --account alice@example.com
                  walletsec 2fa import google-export.txt
                  walletsec 2fa code wallet
                """,
                """
                密钥只加密保存在保险库里；显示或核对验证码的命令需要输入保险库主密码。

                示例：
                  walletsec 2fa enroll --issuer Wallet --account alice@example.com
                  walletsec 2fa import google-export.txt
                  walletsec 2fa code wallet
                """),
            subcommands: [
                TwoFactorEnroll.self, TwoFactorAdd.self, TwoFactorImport.self, TwoFactorList.self, TwoFactorCode.self,
                TwoFactorVerify.self, TwoFactorRemove.self, TwoFactorRename.self, TwoFactorRecovery.self,
                TwoFactorExport.self, TwoFactorLint.self, TwoFactorBench.self,
            ]
        )
    }
}
