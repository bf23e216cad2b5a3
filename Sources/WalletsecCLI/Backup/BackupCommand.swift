// walletsec backup: the whole vault into one age-v1 file (and `backup verify` to check one).
import AgeFormat
import ArgumentParser
import Backup
import Vault
import WalletCore
import WalletCrypto

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Back up the vault to an age-v1 file, or verify a backup.",
        discussion: """
            The file opens with the stock `age -d` too: its content is documented JSON Lines (docs/backup.md).

            Example:
              walletsec backup -r age1… -o phone.age
              walletsec backup verify phone.age
            """,
        subcommands: [BackupCreateCommand.self, BackupVerifyCommand.self],
        defaultSubcommand: BackupCreateCommand.self)
}

struct BackupCreateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Write every 2FA account, recovery code, setting and transaction into an age file.",
        discussion: """
            With -r the backup is encrypted to device keys (from `walletsec device keygen` on the new phone); without -r, or with --passphrase, to a backup passphrase (scrypt), asked twice on the terminal or read from --backup-passphrase-file or $WALLETSEC_BACKUP_PASSPHRASE.

            Example:
              walletsec backup -r age1… -o phone.age
              walletsec backup --passphrase --armor -o phone.age.txt
            """)

    @OptionGroup var globals: GlobalOptions
    @OptionGroup var passphrase: PassphraseOptions

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("The new backup file.", valueName: "file"))
    var output: String

    @OptionGroup var recipientOptions: RecipientOptions

    @Flag(name: .customLong("passphrase"), help: "Encrypt with a backup passphrase (the default without -r).")
    var usePassphrase = false

    @Flag(name: [.customShort("a"), .long], help: "Write ASCII armor instead of binary.")
    var armor = false

    @Flag(name: .long, help: "Also back up this vault's device keys (secret identities).")
    var includeIdentities = false

    @Flag(name: .long, help: "Accept a backup passphrase the strength check rejects.")
    var allowWeak = false

    @Option(name: .long, help: ArgumentHelp("Read the backup passphrase from this file.", valueName: "file"))
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
        for line in BackupText.tableLines(summary.counts) { Terminal.out(line) }
        if !includeIdentities {
            Terminal.out(
                zh
                    ? "设备密钥未包含（需要时用 --include-identities）。"
                    : "Device keys not included (use --include-identities to add them).")
        }
    }
}

struct BackupVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Decrypt and validate a backup without installing it; print what it holds.",
        discussion: """
            Uses -i identity files, else this vault's device keys (asks for the vault passphrase), or the backup passphrase for passphrase backups. Exit 3 if nothing opens it, 4 if it was altered.

            Example:
              walletsec backup verify phone.age
            """)

    @OptionGroup var globals: GlobalOptions
    @OptionGroup var passphrase: PassphraseOptions
    @OptionGroup var keys: BackupKeyOptions

    @Argument(help: ArgumentHelp("The backup file.", valueName: "file"))
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
