// walletsec init: create a new vault protected by a passphrase.
import ArgumentParser
import Vault
import WalletCore

struct InitCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "init",
            abstract: L(
                "Create a new vault (refuses if one exists).",
                "创建新的保险库（已存在时拒绝）。"),
            discussion: L(
                """
                The passphrase is asked twice on the terminal, or read from --passphrase-file or $WALLETSEC_PASSPHRASE.

                Example:
                  walletsec init --vault ~/phone-vault
                """,
                """
                主密码在终端输入两次，或从 --passphrase-file、$WALLETSEC_PASSPHRASE 读取。

                示例：
                  walletsec init --vault ~/phone-vault
                """))
    }

    @OptionGroup var globals: GlobalOptions
    @OptionGroup var passphrase: PassphraseOptions
    @OptionGroup var kdf: KDFOptions

    @Flag(
        name: .long,
        help: ArgumentHelp(
            L(
                "Accept a passphrase the strength check rejects.",
                "接受未通过强度检查的密码。")))
    var allowWeak = false

    struct Output: Encodable {
        var path: String
        var created: Bool
        var schemaVersion: Int
        var kdf: VaultStatus.KDF
    }

    func run() throws {
        let folder = globals.vaultFolder
        // Checked before the prompt too, so nobody types a passphrase for nothing; create checks again.
        if Vault.exists(at: folder) { throw VaultError.alreadyExists(path: folder) }
        let parameters = kdf.parameters()
        let secret = try passphrase.new().read(language: globals.language)
        try PassphrasePolicy.check(secret, allowWeak: allowWeak, language: globals.language)
        let (vault, _) = try Vault.create(at: folder, passphrase: secret, kdf: parameters)
        let status = try vault.status()
        if globals.json {
            try Terminal.json(Output(path: folder, created: true, schemaVersion: status.schemaVersion, kdf: status.kdf))
        } else {
            let mib = parameters.memLimit >> 20
            Terminal.out(
                globals.language == .zh
                    ? "已创建保险库：\(folder)（Argon2id \(mib) MiB，\(parameters.opsLimit) 次迭代）"
                    : "Created vault at \(folder) (Argon2id \(mib) MiB, \(parameters.opsLimit) passes)")
        }
    }
}
