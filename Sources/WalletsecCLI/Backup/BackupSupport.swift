// What backup verify and restore share: the options that say where a backup's keys come from
// (passphrase file or prompt, -i files), and printing what a backup holds.
import AgeFormat
import ArgumentParser
import Backup
import WalletCore
import WalletCrypto

/// `--backup-passphrase-file` and `-i` for reading backups.
struct BackupKeyOptions: ParsableArguments {
    @Option(
        name: [.customShort("i"), .long],
        help: ArgumentHelp(
            L(
                "An age identity file to try (repeatable; default: this vault's device keys).",
                "要尝试的 age 私钥文件（可重复；默认：本保险库的设备密钥）。"), valueName: "file"))
    var identity: [String] = []

    @Option(
        name: .long,
        help: ArgumentHelp(
            L(
                "Read the backup passphrase from this file (else $WALLETSEC_BACKUP_PASSPHRASE, else a prompt).",
                "从这个文件读取备份密码（否则用 $WALLETSEC_BACKUP_PASSPHRASE，再否则在终端输入）。"),
            valueName: "file"))
    var backupPassphraseFile: String?

    static func passphraseSource(file: String?, confirm: Bool) -> SecretSource {
        SecretSource(
            file: file, environmentVariable: "WALLETSEC_BACKUP_PASSPHRASE",
            prompt: LocalizedText(en: "Backup passphrase", zh: "备份密码"),
            confirmPrompt: confirm ? LocalizedText(en: "Repeat the backup passphrase", zh: "再次输入备份密码") : nil,
            fileOption: "--backup-passphrase-file")
    }

    /// The library's key sources: the passphrase channel, the -i files, and `deviceKeys` (which unlocks
    /// the vault only when the backup needs it).
    func keys(language: Language, deviceKeys: @escaping () throws -> [Identity]) -> BackupKeys {
        let files = identity
        let passphraseFile = backupPassphraseFile
        return BackupKeys(
            passphrase: { try Self.passphraseSource(file: passphraseFile, confirm: false).read(language: language) },
            identities: {
                try files.flatMap { file in
                    try KeyFile.parseIdentities(try AgeIO.readText(file), source: file) as [Identity]
                }
            },
            deviceIdentities: deviceKeys)
    }
}

enum BackupText {
    static func tableLines(_ counts: [String: Int], _ language: Language) -> [String] {
        HumanText.countLines(counts, language)
    }

    static func describe(_ summary: BackupSummary, language: Language) {
        let zh = language == .zh
        Terminal.out((zh ? "格式版本：" : "format version: ") + String(summary.formatVersion))
        Terminal.out((zh ? "创建时间：" : "created:        ") + HumanText.localTime(summary.createdAt, language))
        Terminal.out((zh ? "来源保险库：" : "source vault:   ") + summary.sourceVaultId)
        Terminal.out(
            (zh ? "包含设备密钥：" : "device keys:    ")
                + (summary.includesIdentities ? (zh ? "是" : "included") : (zh ? "否" : "not included")))
        Terminal.out((zh ? "记录：" : "records:        ") + String(summary.records))
        for line in tableLines(summary.counts, language) { Terminal.out(line) }
        Terminal.out("sha256:         " + summary.recordsSha256)
    }
}
