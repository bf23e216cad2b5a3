// Where secrets typed by the user come from: a file, an environment variable, or a no-echo prompt.
// Never argv: command lines end up in shell history and in `ps` output.
import ArgumentParser
import WalletCore
import WalletCrypto

/// One channel set for one kind of secret (vault passphrase, new passphrase, import password...).
struct SecretSource {
    var file: String?
    var environmentVariable: String
    var prompt: LocalizedText
    var confirmPrompt: LocalizedText?
    var fileOption: String

    /// File first, then the environment, then the terminal. Asks twice when `confirmPrompt` is set.
    func read(language: Language) throws -> SecureBytes {
        if let file {
            var bytes = try FileSystem.readAll(file, limit: 1 << 16)
            defer { Memory.zero(&bytes) }
            if let newline = bytes.firstIndex(where: { $0 == 0x0a || $0 == 0x0d }) {
                bytes.removeSubrange(newline...)
            }
            return try nonEmpty(SecureBytes(bytes), language: language)
        }
        if let value = Environment.value(environmentVariable) {
            var bytes = Array(value.utf8)
            defer { Memory.zero(&bytes) }
            return try nonEmpty(SecureBytes(bytes), language: language)
        }
        guard var first = Terminal.readSecretLine(prompt: prompt.text(language) + ": ") else {
            throw CLIFailure.usage(
                en:
                    "no terminal to ask for the \(prompt.en.lowercased()); use \(fileOption) FILE or \(environmentVariable)",
                zh: "没有终端可输入\(prompt.zh)；请使用 \(fileOption) <文件> 或 \(environmentVariable)")
        }
        defer { Memory.zero(&first) }
        if let confirmPrompt {
            var second = Terminal.readSecretLine(prompt: confirmPrompt.text(language) + ": ") ?? []
            defer { Memory.zero(&second) }
            guard Memory.constantTimeEquals(first, second) else {
                throw CLIFailure.usage(en: "the two entries do not match", zh: "两次输入不一致")
            }
        }
        return try nonEmpty(SecureBytes(first), language: language)
    }

    private func nonEmpty(_ secret: SecureBytes, language: Language) throws -> SecureBytes {
        guard secret.count > 0 else {
            throw CLIFailure.usage(en: "the \(prompt.en.lowercased()) is empty", zh: "\(prompt.zh)为空")
        }
        return secret
    }
}

/// `--passphrase-file` for commands that unlock (or create) the vault.
struct PassphraseOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            L(
                "Read the vault passphrase from the first line of this file (else $WALLETSEC_PASSPHRASE, else a prompt).",
                "从这个文件的第一行读取保险库主密码（否则用 $WALLETSEC_PASSPHRASE，再否则在终端输入）。"),
            valueName: "file"))
    var passphraseFile: String?

    func current() -> SecretSource {
        SecretSource(
            file: passphraseFile, environmentVariable: "WALLETSEC_PASSPHRASE",
            prompt: LocalizedText(en: "Vault passphrase", zh: "保险库主密码"), confirmPrompt: nil,
            fileOption: "--passphrase-file")
    }

    func new() -> SecretSource {
        SecretSource(
            file: passphraseFile, environmentVariable: "WALLETSEC_PASSPHRASE",
            prompt: LocalizedText(en: "New vault passphrase", zh: "新的保险库主密码"),
            confirmPrompt: LocalizedText(en: "Repeat the passphrase", zh: "再次输入主密码"), fileOption: "--passphrase-file")
    }
}
