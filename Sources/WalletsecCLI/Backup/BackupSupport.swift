// What backup, backup verify and restore share: the backup passphrase channel, identity selection,
// and printing what a backup holds.
import AgeFormat
import ArgumentParser
import Backup
import Vault
import WalletCore
import WalletCrypto

/// `--backup-passphrase-file` and `-i` for reading backups.
struct BackupKeyOptions: ParsableArguments {
    @Option(
        name: [.customShort("i"), .long],
        help: ArgumentHelp(
            "An age identity file to try (repeatable; default: this vault's device keys).", valueName: "file"))
    var identity: [String] = []

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Read the backup passphrase from this file (else $WALLETSEC_BACKUP_PASSPHRASE, else a prompt).",
            valueName: "file"))
    var backupPassphraseFile: String?

    func passphraseSource(confirm: Bool) -> SecretSource {
        Self.passphraseSource(file: backupPassphraseFile, confirm: confirm)
    }

    static func passphraseSource(file: String?, confirm: Bool) -> SecretSource {
        SecretSource(
            file: file, environmentVariable: "WALLETSEC_BACKUP_PASSPHRASE",
            prompt: LocalizedText(en: "Backup passphrase", zh: "备份口令"),
            confirmPrompt: confirm ? LocalizedText(en: "Repeat the backup passphrase", zh: "再次输入备份口令") : nil,
            fileOption: "--backup-passphrase-file")
    }

    /// Identities for a backup header: the passphrase for scrypt files, else -i files, else the
    /// vault's device keys (`deviceKeys` unlocks the vault only when needed).
    func identities(for header: Header, language: Language, deviceKeys: () throws -> [Identity]) throws -> [Identity] {
        if AgeReader.needsPassphrase(header) {
            return [ScryptIdentity(passphrase: try passphraseSource(confirm: false).read(language: language))]
        }
        var result: [Identity] = []
        for file in identity {
            var bytes = try FileSystem.readAll(file, limit: 1 << 24)
            defer { Memory.zero(&bytes) }
            result += try KeyFile.parseIdentities(String(decoding: bytes, as: UTF8.self), source: file) as [Identity]
        }
        if result.isEmpty { result = try deviceKeys() }
        if result.isEmpty {
            throw WalletError.authentication(
                en: "this vault has no device key and no -i was given; nothing can open the backup",
                zh: "该保险库没有设备密钥，也未指定 -i，无法打开备份")
        }
        return result
    }
}

enum BackupText {
    static func tableLines(_ counts: [String: Int]) -> [String] {
        counts.keys.sorted().map { "  \($0): \(counts[$0] ?? 0)" }
    }

    static func describe(_ summary: BackupSummary, language: Language) {
        let zh = language == .zh
        Terminal.out((zh ? "格式版本：" : "format version: ") + String(summary.formatVersion))
        Terminal.out((zh ? "创建时间：" : "created:        ") + summary.createdAt)
        Terminal.out((zh ? "来源保险库：" : "source vault:   ") + summary.sourceVaultId)
        Terminal.out(
            (zh ? "包含设备密钥：" : "device keys:    ")
                + (summary.includesIdentities ? (zh ? "是" : "included") : (zh ? "否" : "not included")))
        Terminal.out((zh ? "记录：" : "records:        ") + String(summary.records))
        for line in tableLines(summary.counts) { Terminal.out(line) }
        Terminal.out("sha256:         " + summary.recordsSha256)
    }

    static func openInput(_ path: String) throws -> (FileDescriptorSource, () -> Void) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FileSystem.error(errno, path: path, action: "read") }
        return (FileDescriptorSource(fd: fd, name: path), { close(fd) })
    }
}

#if canImport(Glibc)
    import Glibc
#endif
