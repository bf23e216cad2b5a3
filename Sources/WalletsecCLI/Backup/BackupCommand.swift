// walletsec backup: the whole vault into one age-v1 file (and `backup verify` to check one).
import AgeFormat
import ArgumentParser
import Backup
import Vault
import WalletCore
import WalletCrypto

struct BackupCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "backup",
            abstract: L(
                "Back up the vault to an age-v1 file, or verify a backup.",
                "把保险库备份到 age-v1 文件，或检查一个备份。"),
            discussion: L(
                """
                The file opens with the stock `age -d` too: its content is documented JSON Lines (docs/backup.md).

                Example:
                  walletsec backup -r age1… -o phone.age
                  walletsec backup verify phone.age
                """,
                """
                备份文件也能用原版 `age -d` 打开：内容是有文档说明的 JSON Lines（见 docs/backup.md）。

                示例：
                  walletsec backup -r age1… -o phone.age
                  walletsec backup verify phone.age
                """),
            subcommands: [BackupCreateCommand.self, BackupVerifyCommand.self],
            defaultSubcommand: BackupCreateCommand.self)
    }
}

struct BackupCreateCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "create",
            abstract: L(
                "Write every 2FA account, recovery code, setting and transaction into an age file.",
                "把所有双重验证账户、恢复码、设置和交易记录写入一个 age 文件。"),
            discussion: L(
                """
                With -r the backup is encrypted to device keys (from `walletsec device keygen` on the new phone); without -r, or with --passphrase, to a backup passphrase (scrypt), asked twice on the terminal or read from --backup-passphrase-file or $WALLETSEC_BACKUP_PASSPHRASE.

                Example:
                  walletsec backup -r age1… -o phone.age
                  walletsec backup --passphrase --armor -o phone.age.txt
                """,
                """
                带 -r 时备份加密给设备密钥（在新手机上用 `walletsec device keygen` 生成）；不带 -r 或带 --passphrase 时用备份密码加密（scrypt），备份密码在终端输入两次，或从 --backup-passphrase-file、$WALLETSEC_BACKUP_PASSPHRASE 读取。

                示例：
                  walletsec backup -r age1… -o phone.age
                  walletsec backup --passphrase --armor -o phone.age.txt
                """))
    }

    @OptionGroup var globals: GlobalOptions
    @OptionGroup var passphrase: PassphraseOptions

    @Option(
        name: [.customShort("o"), .long],
        help: ArgumentHelp(
            L(
                "The new backup file.",
                "新的备份文件。"), valueName: "file"))
    var output: String

    @OptionGroup var recipientOptions: RecipientOptions

    @Flag(
        name: .customLong("passphrase"),
        help: ArgumentHelp(
            L(
                "Encrypt with a backup passphrase (the default without -r).",
                "用备份密码加密（不带 -r 时的默认方式）。")))
    var usePassphrase = false

    @Flag(
        name: [.customShort("a"), .long],
        help: ArgumentHelp(
            L(
                "Write ASCII armor instead of binary.",
                "输出 ASCII 文本格式，而不是二进制。")))
    var armor = false

    @Flag(
        name: .long,
        help: ArgumentHelp(
            L(
                "Also back up this vault's device keys (secret identities).",
                "同时备份本保险库的设备密钥（私钥）。")))
    var includeIdentities = false

    @Flag(
        name: .long,
        help: ArgumentHelp(
            L(
                "Accept a backup passphrase the strength check rejects.",
                "接受未通过强度检查的备份密码。")))
    var allowWeak = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            L(
                "Read the backup passphrase from this file.",
                "从这个文件读取备份密码。"), valueName: "file"))
    var backupPassphraseFile: String?

    struct Output: Encodable {
        var output: String
        var createdAt: String
        var encryption: String
        var recipients: Int
        var armored: Bool
        var includesIdentities: Bool
        var counts: [String: Int]
        var records: Int
        var recordsSha256: String
    }

    func run() throws {
        let language = globals.language
        let recipients = try recipientOptions.recipients()
        if usePassphrase && !recipients.isEmpty {
            throw CLIFailure.usage(
                en: "--passphrase cannot be combined with -r or -R", zh: "--passphrase 不能与 -r 或 -R 同时使用")
        }
        try BackupFile.checkDestination(output)
        let (vault, key) = try VaultAccess.unlock(globals, passphrase: passphrase)
        let passphraseMode = recipients.isEmpty
        let encryption: BackupEncryption
        if passphraseMode {
            let source = BackupKeyOptions.passphraseSource(file: backupPassphraseFile, confirm: true)
            let secret = try source.read(language: language)
            try PassphrasePolicy.check(secret, allowWeak: allowWeak, language: language)
            encryption = .passphrase(secret)
        } else {
            encryption = .recipients(recipients)
        }
        let bar = ProgressBar(label: language == .zh ? "备份" : "backing up")
        let summary = try BackupFile.create(
            at: output, from: vault, key: key, encryption: encryption, armored: armor,
            includeIdentities: includeIdentities, generator: "walletsec \(Walletsec.version)", progress: bar.handler)
        bar.finish()
        if globals.json {
            try Terminal.json(
                Output(
                    output: output, createdAt: summary.createdAt,
                    encryption: passphraseMode ? "passphrase" : "recipients",
                    recipients: passphraseMode ? 0 : recipients.count, armored: armor,
                    includesIdentities: includeIdentities, counts: summary.counts, records: summary.records,
                    recordsSha256: summary.recordsSha256))
            return
        }
        let zh = language == .zh
        Terminal.out(
            zh
                ? "备份已写入 \(output)（\(summary.records) 条记录）："
                : "Backup written to \(output) (\(summary.records) records):")
        for line in BackupText.tableLines(summary.counts, language) { Terminal.out(line) }
        if !includeIdentities {
            Terminal.out(
                zh
                    ? "设备密钥未包含（需要时用 --include-identities）。"
                    : "Device keys not included (use --include-identities to add them).")
        }
    }
}

struct BackupVerifyCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "verify",
            abstract: L(
                "Decrypt and validate a backup without installing it; print what it holds.",
                "解密并检查备份，但不恢复；显示备份里有什么。"),
            discussion: L(
                """
                Uses -i identity files, else this vault's device keys (asks for the vault passphrase), or the backup passphrase for passphrase backups. Exit 3 if nothing opens it, 4 if it was altered.

                Example:
                  walletsec backup verify phone.age
                """,
                """
                依次尝试 -i 指定的私钥文件、本保险库的设备密钥（需要输入主密码），密码备份则用备份密码。打不开时退出码为 3，备份被改动过时为 4。

                示例：
                  walletsec backup verify phone.age
                """))
    }

    @OptionGroup var globals: GlobalOptions
    @OptionGroup var passphrase: PassphraseOptions
    @OptionGroup var keys: BackupKeyOptions

    @Argument(
        help: ArgumentHelp(
            L(
                "The backup file.",
                "备份文件。"), valueName: "file"))
    var file: String

    struct Output: Encodable {
        var file: String
        var valid: Bool
        var backup: BackupSummary
    }

    func run() throws {
        let language = globals.language
        let backup = try BackupFile(reading: file)
        let (globals, passphrase) = (self.globals, self.passphrase)
        let keys = keys.keys(language: language) {
            let (vault, key) = try VaultAccess.unlock(globals, passphrase: passphrase)
            return try DeviceKeys.identities(in: vault, key: key)
        }
        let bar = ProgressBar(label: language == .zh ? "校验" : "verifying")
        let summary = try backup.verify(keys: keys, progress: bar.handler)
        bar.finish()
        if globals.json {
            try Terminal.json(Output(file: file, valid: true, backup: summary))
            return
        }
        Terminal.out(language == .zh ? "备份有效：\(file)" : "Backup is valid: \(file)")
        BackupText.describe(summary, language: language)
    }
}
