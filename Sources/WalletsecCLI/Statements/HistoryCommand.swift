// walletsec history: store statements in the vault as the detectors' baseline (no passphrase),
// list and summarise them, acknowledge alerts, and forget history.
import Anomaly
import ArgumentParser
import History
import Statements
import Vault
import WalletCore

struct HistoryCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "history",
            abstract: L(
                "Keep transaction history in the vault as the baseline for 'walletsec scan'.",
                "把交易历史保存在保险库里，作为 `walletsec scan` 的比对基准。"),
            discussion: L(
                """
                History needs no passphrase. Importing an overlapping export adds nothing: rows are matched on \
                the source's transaction id, else on a fingerprint (see docs/statements.md). History belongs to \
                a profile (--profile NAME, default me): someone helping several people keeps each one's history, \
                baseline and acknowledgements apart.

                Example:
                  walletsec history import alipay_2024.csv wechat_2024.xlsx
                  walletsec history stats
                  walletsec history import bill.zip --profile customer-1 --zip-password-file pw.txt
                """,
                """
                历史记录不需要主密码。重复导入有重叠的账单不会多存：按来源的交易单号匹配，没有单号时按指纹匹配（见 docs/statements.md）。历史记录按档案分开（--profile 名称，默认 me）：帮多个人处理账单时，每个人的历史、基准和已忽略的告警互不混淆。

                示例：
                  walletsec history import alipay_2024.csv wechat_2024.xlsx
                  walletsec history stats
                  walletsec history import bill.zip --profile customer-1 --zip-password-file pw.txt
                """),
            subcommands: [
                HistoryImportCommand.self, HistoryListCommand.self, HistoryStatsCommand.self, HistoryAckCommand.self,
                HistoryAcksCommand.self, HistoryForgetCommand.self,
            ])
    }
}

struct HistoryImportCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "import",
            abstract: L(
                "Import statements into the history; alerts on the newly added rows are shown.",
                "把账单导入历史记录；显示新增交易上的告警。"),
            discussion: L(
                """
                Each file is read fully before anything is stored; a file that cannot be read stores nothing.

                Example:
                  walletsec history import alipay_record_20240601.csv --json
                """,
                """
                每个文件完整读取后才保存；读不了的文件什么都不保存。

                示例：
                  walletsec history import alipay_record_20240601.csv --json
                """))
    }

    @OptionGroup var globals: GlobalOptions
    @OptionGroup var profileOptions: ProfileOptions
    @OptionGroup var input: StatementOptions

    @Argument(
        help: ArgumentHelp(
            L(
                "Statement files.",
                "账单文件。"), valueName: "file"))
    var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one statement file") }
    }

    struct FileResult: Encodable {
        var type = "import"
        var file: String
        var format: String
        var rows: Int
        var skipped: Int
        var added: Int
        var alreadyPresent: Int
        var identicalRows: Int
        var notCash: Int
        var currencyAssumed: Bool
    }

    struct Summary: Encodable {
        var type = "summary"
        var rows: Int
        var skipped: Int
        var added: Int
        var alreadyPresent: Int
        var historyRows: Int
        var alerts: [String: Int]
        var alertsTotal: Int
    }

    func run() throws {
        let language = globals.language
        let profile = try profileOptions.resolved()
        let vault = try VaultAccess.open(globals)
        var request = ScanRequest(files: files, options: try input.readOptions(), progress: ScanProgressBars().handler)
        request.profile = profile
        request.zipPassword = input.zipPassword(language: language)
        let report = try StatementScan.importFiles(request, into: vault)
        let counts = AlertOutput.countsByKind(report.alerts)
        if globals.json {
            for file in report.files {
                try Terminal.json(
                    FileResult(
                        file: file.file, format: file.format.rawValue, rows: file.rows, skipped: file.skipped,
                        added: file.added, alreadyPresent: file.alreadyPresent, identicalRows: file.identicalRows,
                        notCash: file.notCashRecords, currencyAssumed: file.currencyAssumed))
            }
            for alert in report.alerts {
                try Terminal.json(AlertLine(alert, ledger: report.ledger, files: [], withReasoning: false))
            }
            try Terminal.json(
                Summary(
                    rows: report.files.reduce(0) { $0 + $1.rows }, skipped: report.skippedCount,
                    added: report.files.reduce(0) { $0 + $1.added },
                    alreadyPresent: report.files.reduce(0) { $0 + $1.alreadyPresent },
                    historyRows: report.historyRows, alerts: counts, alertsTotal: report.alerts.count))
            return
        }
        warnSkipped(count: report.skippedCount, rows: report.skippedRows, language: language)
        for file in report.files {
            noteFileDetails(
                file: file.file, notCash: file.notCashRecords, currencyAssumed: file.currencyAssumed,
                identical: file.identicalRows, language: language)
        }
        let zh = language == .zh
        for result in report.files {
            Terminal.out(
                zh
                    ? "\(result.file)（\(result.format.rawValue)）：\(result.rows) 行，新增 \(result.added)，已存在 \(result.alreadyPresent)，跳过 \(result.skipped)"
                    : "\(result.file) (\(result.format.rawValue)): \(result.rows) rows, \(result.added) added, \(result.alreadyPresent) already stored, \(result.skipped) skipped"
            )
        }
        Terminal.out(zh ? "历史共 \(report.historyRows) 行。" : "History now holds \(report.historyRows) rows.")
        if !report.alerts.isEmpty {
            Terminal.out("")
            AlertOutput.table(report.alerts, language: language)
        }
        Terminal.out(AlertOutput.summaryLine(counts, language: language))
    }
}

struct HistoryListCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "list",
            abstract: L(
                "List stored transactions, newest first.",
                "列出已保存的交易，最新的在前。"),
            discussion: L(
                """
                Example:
                  walletsec history list --since 2024-06-01 --limit 20
                """,
                """
                示例：
                  walletsec history list --since 2024-06-01 --limit 20
                """))
    }

    @OptionGroup var globals: GlobalOptions
    @OptionGroup var profileOptions: ProfileOptions

    @Option(
        name: .long,
        help: ArgumentHelp(
            L(
                "Only transactions on or after this date (UTC).",
                "只列出这一天及以后的交易（UTC 日期）。"), valueName: "YYYY-MM-DD"))
    var since: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            L(
                "At most this many rows (default 50; 0 = all).",
                "最多显示几条（默认 50；0 表示全部）。"), valueName: "n"))
    var limit = 50

    func run() throws {
        guard limit >= 0 else {
            throw CLIFailure.usage(en: "--limit must be 0 or more", zh: "--limit 必须大于或等于 0")
        }
        let sinceSeconds = try since.map { try parseDay($0, option: "--since") * 86400 }
        let profile = try profileOptions.resolved()
        let vault = try VaultAccess.open(globals)
        let items = try vault.historyTransactions(
            since: sinceSeconds, limit: limit == 0 ? nil : limit, newestFirst: true, profile: profile)
        let ledger = Ledger(items: items)
        let language = globals.language
        for index in items.indices {
            let summary = TransactionSummary(ledger: ledger, index: index, files: [])
            if globals.json {
                Terminal.jsonLine(summary.jsonLine)
            } else {
                Terminal.out(
                    AlertOutput.pad(summary.time, 27)
                        + AlertOutput.pad(AlertWords.direction(items[index].transaction, language: language), 12)
                        + AlertOutput.pad(
                            AlertWords.money(decimal: summary.amount, currency: summary.currency, language: language),
                            16)
                        + AlertOutput.pad(DisplayWidth.printable(summary.counterparty), 24)
                        + DisplayWidth.printable(summary.id))
            }
        }
    }
}

struct HistoryStatsCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "stats",
            abstract: L(
                "Summarise the stored history.",
                "汇总已保存的历史记录。"),
            discussion: L(
                """
                Example:
                  walletsec history stats --json
                """,
                """
                示例：
                  walletsec history stats --json
                """))
    }

    @OptionGroup var globals: GlobalOptions
    @OptionGroup var profileOptions: ProfileOptions

    func run() throws {
        let profile = try profileOptions.resolved()
        let stats = try VaultAccess.open(globals).historyStats(profile: profile)
        if globals.json {
            try Terminal.json(stats)
            return
        }
        let zh = globals.language == .zh
        Terminal.out((zh ? "交易笔数：" : "transactions: ") + String(stats.transactions))
        Terminal.out((zh ? "最早一笔：" : "first:        ") + (stats.first ?? "-"))
        Terminal.out((zh ? "最晚一笔：" : "last:         ") + (stats.last ?? "-"))
        if !stats.bySource.isEmpty { Terminal.out(zh ? "按来源：" : "by source:") }
        for source in stats.bySource.keys.sorted() {
            // The institution's name for the reader (支付宝, 招商银行); the stored format name otherwise.
            let institution = SourceFormat(rawValue: source).flatMap { StatementInstitution.of($0) }
            let name = (zh ? institution?.nameZH : institution?.nameEN) ?? source
            Terminal.out("  \(name)\(zh ? "：" : ": ")\(stats.bySource[source] ?? 0)")
        }
        Terminal.out((zh ? "已忽略的告警：" : "acknowledged alerts: ") + String(stats.acknowledgedAlerts))
        Terminal.out((zh ? "档案（行数）：" : "profiles (rows):"))
        for entry in stats.profiles {
            let current = entry.name == stats.profile ? (zh ? "（当前）" : " (current)") : ""
            Terminal.out("  \(entry.name)\(current)\(zh ? "：" : ": ")\(entry.transactions)")
        }
    }
}

struct HistoryAckCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "ack",
            abstract: L(
                "Acknowledge an alert so later scans stop reporting it.",
                "忽略此告警：以后扫描不再显示它。"),
            discussion: L(
                """
                Example:
                  walletsec history ack rec-0c1d2e3f --note "price rise was announced"
                """,
                """
                示例：
                  walletsec history ack rec-0c1d2e3f --note "price rise was announced"
                """))
    }

    @OptionGroup var globals: GlobalOptions
    @OptionGroup var profileOptions: ProfileOptions

    @Argument(
        help: ArgumentHelp(
            L(
                "Alert id as printed by scan.",
                "扫描结果里显示的告警编号。"), valueName: "alert-id"))
    var alertID: String

    @Option(
        name: .long,
        help: ArgumentHelp(
            L(
                "Why it is fine (stored with the acknowledgement).",
                "为什么没有问题（和忽略记录一起保存）。"), valueName: "text"))
    var note = ""

    func run() throws {
        let profile = try profileOptions.resolved()
        let outcome = try VaultAccess.open(globals).acknowledgeAlert(id: alertID, note: note, profile: profile)
        if globals.json {
            struct Result: Encodable {
                var id: String
                var kind: String
                var acknowledged: Bool
                var alreadyAcknowledged: Bool
                var foundInHistory: Bool
            }
            try Terminal.json(
                Result(
                    id: alertID, kind: outcome.kind.rawValue, acknowledged: true, alreadyAcknowledged: !outcome.added,
                    foundInHistory: outcome.foundInHistory))
            return
        }
        let zh = globals.language == .zh
        if outcome.added {
            Terminal.out(
                zh ? "已忽略告警 \(alertID)，以后的扫描不再显示它。" : "acknowledged \(alertID); later scans will not report it")
        } else {
            Terminal.out(zh ? "告警 \(alertID) 之前已经忽略过了。" : "\(alertID) was already acknowledged")
        }
    }
}

struct HistoryAcksCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "acks",
            abstract: L(
                "List acknowledged alerts.",
                "列出已忽略的告警。"),
            discussion: L(
                """
                Example:
                  walletsec history acks --json
                """,
                """
                示例：
                  walletsec history acks --json
                """))
    }

    @OptionGroup var globals: GlobalOptions
    @OptionGroup var profileOptions: ProfileOptions

    func run() throws {
        let profile = try profileOptions.resolved()
        for ack in try VaultAccess.open(globals).acknowledgements(profile: profile) {
            if globals.json {
                try Terminal.json(ack)
            } else {
                let when = HumanText.localTime(ack.acknowledgedAt, globals.language)
                Terminal.out("\(ack.id)  \(ack.kind)  \(when)  \(ack.note)")
            }
        }
    }
}

struct HistoryForgetCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "forget",
            abstract: L(
                "Delete stored transactions: all of them, or those before a date.",
                "删除已保存的交易：全部删除，或删除某个日期之前的。"),
            discussion: L(
                """
                Example:
                  walletsec history forget --before 2023-01-01
                  walletsec history forget --all
                """,
                """
                示例：
                  walletsec history forget --before 2023-01-01
                  walletsec history forget --all
                """))
    }

    @OptionGroup var globals: GlobalOptions
    @OptionGroup var profileOptions: ProfileOptions

    @Option(
        name: .long,
        help: ArgumentHelp(
            L(
                "Delete transactions before this date (00:00 UTC).",
                "删除这个日期之前的交易（以 UTC 零点为界）。"), valueName: "YYYY-MM-DD"))
    var before: String?

    @Flag(
        name: .long,
        help: ArgumentHelp(
            L(
                "Delete every stored transaction.",
                "删除所有已保存的交易。")))
    var all = false

    func run() throws {
        guard (before != nil) != all else {
            throw CLIFailure.usage(
                en: "say what to forget: --before DATE or --all (not both)", zh: "请指定要删除的范围：--before <日期> 或 --all（二选一）")
        }
        let cutoff = try before.map { try parseDay($0, option: "--before") * 86400 }
        let profile = try profileOptions.resolved()
        let removed = try VaultAccess.open(globals).forgetHistory(before: cutoff, profile: profile)
        if globals.json {
            struct Result: Encodable { var removed: Int }
            try Terminal.json(Result(removed: removed))
        } else {
            Terminal.out(globals.language == .zh ? "已删除 \(removed) 行历史。" : "removed \(removed) history rows")
        }
    }
}
