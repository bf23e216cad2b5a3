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
        let language = globals.language
        let zh = language == .zh
        let never = zh ? "从未备份" : "never"
        let rows: [(String, String)] = [
            (zh ? "保险库位置" : "vault", status.path),
            (zh ? "结构版本" : "schema version", String(status.schemaVersion)),
            (
                zh ? "密钥派生" : "key derivation",
                zh
                    ? "\(status.kdf.algorithm)，\(status.kdf.memLimitBytes >> 20) MiB，\(status.kdf.opsLimit) 次迭代"
                    : "\(status.kdf.algorithm), \(status.kdf.memLimitBytes >> 20) MiB, \(status.kdf.opsLimit) passes"
            ),
            (zh ? "创建时间" : "created", status.createdAt.map { HumanText.localTime($0, language) } ?? "-"),
            (zh ? "上次备份" : "last backup", status.lastBackupAt.map { HumanText.localTime($0, language) } ?? never),
        ]
        let width = rows.map { DisplayWidth.of($0.0) }.max() ?? 0
        for (label, value) in rows {
            let pad = String(repeating: " ", count: width - DisplayWidth.of(label))
            Terminal.out(label + (zh ? "：" : ": ") + pad + value)
        }
        Terminal.out(zh ? "保存的内容：" : "contents:")
        for line in HumanText.countLines(status.counts, language) { Terminal.out(line) }
    }
}
