// walletsec restore: install a backup on the new phone, atomically, then show the migration checklist.
import AgeFormat
import ArgumentParser
import Backup
import Vault
import WalletCore
import WalletCrypto

struct RestoreCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "restore",
            abstract: L(
                "Restore a backup into this vault (checks everything before changing anything).",
                "把备份恢复到本保险库（先全部检查，再做任何改动）。"),
            discussion: L(
                """
                The backup opens with this vault's device keys, the -i identity files, or its passphrase. A vault that already holds data is refused unless --merge (add what is missing; conflicts are reported and left alone; exit 1 if there were any) or --replace (the old vault database is kept next to it as vault.sqlite.before-restore-<time>).

                Example:
                  walletsec restore phone.age
                  walletsec restore --merge -i old-key.txt phone.age
                """,
                """
                备份可以用本保险库的设备密钥、-i 指定的私钥文件或备份密码打开。保险库里已有数据时会拒绝恢复，除非指定 --merge（只补上缺少的内容；有冲突的条目会列出并保持原样，有冲突时退出码为 1）或 --replace（旧的保险库数据库保留在旁边，文件名为 `vault.sqlite.before-restore-<时间>`）。

                示例：
                  walletsec restore phone.age
                  walletsec restore --merge -i old-key.txt phone.age
                """))
    }

    @OptionGroup var globals: GlobalOptions
    @OptionGroup var passphrase: PassphraseOptions
    @OptionGroup var keys: BackupKeyOptions

    @Flag(
        name: .long,
        help: ArgumentHelp(
            L(
                "Add what the vault lacks; report conflicts and leave them alone.",
                "只补上保险库缺少的内容；列出冲突并保持原样。")))
    var merge = false

    @Flag(
        name: .long,
        help: ArgumentHelp(
            L(
                "Replace the vault's data; keep the old vault as a dated copy.",
                "替换保险库的数据；旧保险库保留一份带日期的副本。")))
    var replace = false

    @Argument(
        help: ArgumentHelp(
            L(
                "The backup file.",
                "备份文件。"), valueName: "file"))
    var file: String

    struct Output: Encodable {
        var file: String
        var mode: String
        var restored: [String: Int]
        var backup: BackupSummary
        var added: [String: Int]?
        var unchanged: [String: Int]?
        var conflicts: [MergeReport.Conflict]?
        var previousCopy: String?
        var checklist: [String]
    }

    func run() throws {
        guard !(merge && replace) else {
            throw CLIFailure.usage(en: "choose --merge or --replace, not both", zh: "--merge 与 --replace 只能选一个")
        }
        let language = globals.language
        let mode: RestoreMode = merge ? .merge : (replace ? .replace : .fresh)
        let vault = try VaultAccess.open(globals)
        try Restore.checkMode(mode, vault: vault)
        let backup = try BackupFile(reading: file)
        let secret = try passphrase.current().read(language: language)
        let key = try vault.unlock(passphrase: secret)
        let keys = keys.keys(language: language) { try DeviceKeys.identities(in: vault, key: key) }
        let bar = ProgressBar(label: language == .zh ? "恢复" : "restoring")
        let outcome = try Restore.run(backup, into: vault, key: key, mode: mode, keys: keys, progress: bar.handler)
        bar.finish()
        let checklist = Self.checklist(language, file: file)
        if globals.json {
            try Terminal.json(
                Output(
                    file: file, mode: mode.rawValue, restored: outcome.restoredCounts,
                    backup: outcome.summary, added: outcome.merge?.added, unchanged: outcome.merge?.unchanged,
                    conflicts: outcome.merge.map { $0.conflicts }, previousCopy: outcome.previousCopy,
                    checklist: checklist))
        } else {
            print(outcome, language: language)
            Terminal.out(language == .zh ? "迁移清单：" : "Migration checklist:")
            for (index, item) in checklist.enumerated() { Terminal.out("  \(index + 1). \(item)") }
        }
        if outcome.hasConflicts { throw ExitCode(ExitStatus.checkFailed.rawValue) }
    }

    func print(_ outcome: RestoreOutcome, language: Language) {
        let zh = language == .zh
        switch outcome.mode {
        case .merge:
            let report = outcome.merge ?? MergeReport()
            Terminal.out(
                zh
                    ? "已合并备份（创建于 \(HumanText.localTime(outcome.summary.createdAt, language))）："
                    : "Merged the backup made \(HumanText.localTime(outcome.summary.createdAt, language)):"
            )
            for table in Set(report.added.keys).union(report.unchanged.keys).sorted() {
                let added = report.added[table] ?? 0
                let same = report.unchanged[table] ?? 0
                Terminal.out(
                    zh
                        ? "  \(HumanText.tableLabel(table, language))：新增 \(added)，已有 \(same)"
                        : "  \(HumanText.tableLabel(table, language)): \(added) added, \(same) already present")
            }
            for conflict in report.conflicts {
                Terminal.out(
                    zh
                        ? "  冲突（保持原样）：\(HumanText.tableLabel(conflict.table, language))“\(conflict.key)”"
                        : "  conflict (left as is): \(HumanText.tableLabel(conflict.table, language)) \(conflict.key)")
            }
        case .fresh, .replace:
            Terminal.out(
                zh
                    ? "已恢复备份（创建于 \(HumanText.localTime(outcome.summary.createdAt, language))，共 \(outcome.summary.records) 条记录）："
                    : "Restored the backup made \(HumanText.localTime(outcome.summary.createdAt, language)) (\(outcome.summary.records) records):"
            )
            for line in BackupText.tableLines(outcome.summary.counts, language) { Terminal.out(line) }
            if let copy = outcome.previousCopy {
                Terminal.out(zh ? "原保险库已保留为 \(copy)" : "The previous vault is kept as \(copy)")
            }
        }
    }

    static func checklist(_ language: Language, file: String) -> [String] {
        if language == .zh {
            return [
                "修改您钱包账户的登录密码。",
                "在新手机上用双重验证的验证码（walletsec 2fa code）逐个登录一次，确认每个账户都能用。",
                "在钱包账户的安全设置里移除旧手机的登录和授权。",
                "一切正常后，删除备份文件 \(file)。",
            ]
        }
        return [
            "Change your wallet account password.",
            "Re-check each 2FA account on the new phone (walletsec 2fa code) by signing in.",
            "Revoke the old device in your wallet account's security settings.",
            "Delete the backup file \(file) once everything works.",
        ]
    }
}
