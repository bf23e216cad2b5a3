// walletsec 2fa: TOTP/HOTP/Steam accounts kept sealed in the vault, codes, replay-safe verification,
// imports from other authenticator apps, exports back to them, and recovery codes.
import ArgumentParser

struct TwoFactorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "2fa",
        abstract: "Two-factor accounts: enroll, import, show codes, verify, export.",
        discussion: """
            Secrets are stored only sealed in the vault; commands that show or check codes ask for the vault passphrase.

            Example:
              walletsec 2fa enroll --issuer Wallet --account alice@example.com
              walletsec 2fa import google-export.txt
              walletsec 2fa code wallet
            """,
        subcommands: [
            TwoFactorEnroll.self, TwoFactorAdd.self, TwoFactorImport.self, TwoFactorList.self, TwoFactorCode.self,
            TwoFactorVerify.self, TwoFactorRemove.self, TwoFactorRename.self, TwoFactorRecovery.self,
            TwoFactorExport.self, TwoFactorLint.self, TwoFactorBench.self,
        ]
    )
}
