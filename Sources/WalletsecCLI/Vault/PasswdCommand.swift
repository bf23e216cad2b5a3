// walletsec passwd: change the vault passphrase by re-wrapping the master key.
import ArgumentParser
import Vault
import WalletCore

struct PasswdCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "passwd",
            abstract: L(
                "Change the vault passphrase; the old one stops working, the data stays as it is.",
                "修改保险库主密码；旧密码随即失效，数据保持不变。"),
            discussion: L(
                """
                The current passphrase comes from --passphrase-file, $WALLETSEC_PASSPHRASE or a prompt;
                the new one from --new-passphrase-file, $WALLETSEC_NEW_PASSPHRASE or a prompt (asked twice).

                Example:
                  walletsec passwd
                """,
                """
                当前主密码来自 --passphrase-file、$WALLETSEC_PASSPHRASE 或终端输入；新主密码来自 --new-passphrase-file、$WALLETSEC_NEW_PASSPHRASE 或终端输入（输入两次）。

                示例：
                  walletsec passwd
                """))
    }

    @OptionGroup var globals: GlobalOptions
    @OptionGroup var passphrase: PassphraseOptions
    @OptionGroup var kdf: KDFOptions

    @Option(
        name: .long,
        help: ArgumentHelp(
            L(
                "Read the new passphrase from the first line of this file.",
                "从这个文件的第一行读取新主密码。"), valueName: "file"))
    var newPassphraseFile: String?

    @Flag(
        name: .long,
        help: ArgumentHelp(
            L(
                "Accept a new passphrase the strength check rejects.",
                "接受未通过强度检查的新主密码。")))
    var allowWeak = false

    struct Output: Encodable {
        var path: String
        var changed: Bool
        var kdf: VaultStatus.KDF
    }

    func run() throws {
        let (vault, key) = try VaultAccess.unlock(globals, passphrase: passphrase)
        let newSource = SecretSource(
            file: newPassphraseFile, environmentVariable: "WALLETSEC_NEW_PASSPHRASE",
            prompt: LocalizedText(en: "New vault passphrase", zh: "新的保险库主密码"),
            confirmPrompt: LocalizedText(en: "Repeat the new passphrase", zh: "再次输入新主密码"),
            fileOption: "--new-passphrase-file")
        let secret = try newSource.read(language: globals.language)
        try PassphrasePolicy.check(secret, allowWeak: allowWeak, language: globals.language)
        // Without --kdf-* the slot keeps its current cost; with one, the other keeps its current value.
        let parameters = kdf.isSet ? kdf.parameters(base: try vault.kdfParameters()) : nil
        try vault.changePassphrase(key: key, newPassphrase: secret, kdf: parameters)
        let status = try vault.status()
        if globals.json {
            try Terminal.json(Output(path: vault.folder, changed: true, kdf: status.kdf))
        } else {
            Terminal.out(globals.language == .zh ? "主密码已更改。" : "Passphrase changed.")
        }
    }
}
