// walletsec passwd: change the vault passphrase by re-wrapping the master key.
import ArgumentParser
import Vault
import WalletCore

struct PasswdCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "passwd",
        abstract: "Change the vault passphrase; the old one stops working, the data stays as it is.",
        discussion: """
            The current passphrase comes from --passphrase-file, $WALLETSEC_PASSPHRASE or a prompt;
            the new one from --new-passphrase-file, $WALLETSEC_NEW_PASSPHRASE or a prompt (asked twice).

            Example:
              walletsec passwd
            """)

    @OptionGroup var globals: GlobalOptions
    @OptionGroup var passphrase: PassphraseOptions
    @OptionGroup var kdf: KDFOptions

    @Option(
        name: .long, help: ArgumentHelp("Read the new passphrase from the first line of this file.", valueName: "file"))
    var newPassphraseFile: String?

    @Flag(name: .long, help: "Accept a new passphrase the strength check rejects.")
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
            prompt: LocalizedText(en: "New vault passphrase", zh: "新的保险库口令"),
            confirmPrompt: LocalizedText(en: "Repeat the new passphrase", zh: "再次输入新口令"),
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
            Terminal.out(globals.language == .zh ? "口令已更改。" : "Passphrase changed.")
        }
    }
}
