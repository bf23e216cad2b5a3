// walletsec status: what the vault holds, without asking for the passphrase.
import ArgumentParser
import Vault
import WalletCore

struct StatusCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "status",
            abstract: L(
                "Show the vault's path, schema, key derivation settings, item counts and last backup.",
                "显示保险库的位置、结构版本、密钥派生参数、各类条目数量和上次备份时间。"),
            discussion: L(
                """
                Needs no passphrase.

                Example:
                  walletsec status --json
                """,
                """
                不需要主密码。

                示例：
                  walletsec status --json
                """))
    }

    @OptionGroup var globals: GlobalOptions

    func run() throws {
        let status = try VaultAccess.open(globals).status()
        if globals.json {
            try Terminal.json(status)
            return
        }
        let zh = globals.language == .zh
        Terminal.out((zh ? "保险库：" : "vault:          ") + status.path)
        Terminal.out((zh ? "结构版本：" : "schema version: ") + String(status.schemaVersion))
        Terminal.out(
            (zh ? "密钥派生：" : "key derivation: ")
                + "\(status.kdf.algorithm), \(status.kdf.memLimitBytes >> 20) MiB, \(status.kdf.opsLimit) \(zh ? "次迭代" : "passes")"
        )
        for key in status.counts.keys.sorted() {
            Terminal.out("\(key): \(status.counts[key] ?? 0)")
        }
        Terminal.out((zh ? "创建时间：" : "created:        ") + (status.createdAt ?? "-"))
        Terminal.out((zh ? "上次备份：" : "last backup:    ") + (status.lastBackupAt ?? (zh ? "从未" : "never")))
    }
}
