// walletsec scan: read statements, compare them with the stored history, print explained alerts,
// optionally explain one alert in full and write a dispute report.
import Anomaly
import ArgumentParser
import Foundation
import History
import Statements
import Vault
import WalletCore

struct ScanCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "scan",
            abstract: L(
                "Scan wallet or bank statements for suspicious transactions and explain each alert.",
                "扫描钱包或银行账单中的可疑交易，并解释每条告警。"),
            discussion: L(
                """
                Reads Alipay (CSV, legacy CSV, account log), WeChat Pay (CSV, XLSX), the CSV exports of ICBC, \
                CMB, BOC, ABC, BOCOM, CGB, HSBC HK, JD, Meituan and BMO (recognised by their header), OFX, QIF, \
                or any other bank CSV described by --rules, also inside password-protected ZIP bills (the 解压密码 \
                from --zip-password-file, $WALLETSEC_ZIP_PASSWORD or a prompt). When the vault holds imported \
                history (walletsec history import) of the --profile (default me), it is used as the baseline; the \
                scan still works on a file alone. Needs no passphrase.

                Output: a table; with --json, one JSON object per alert, then one summary object. Exit 1 when \
                an alert reaches --fail-on; exit 2 for an unreadable or unknown statement; exit 3 for a wrong \
                ZIP password; exit 4 for a damaged ZIP.

                Example:
                  walletsec scan alipay_record_20240601.csv --min-severity medium
                  walletsec scan bill.csv --explain dup-1a2b3c4d
                  walletsec scan bill.csv --report dispute.md --lang zh --fail-on high
                  walletsec scan alipay_record_20240601.zip --zip-password-file pw.txt --profile customer-1
                """,
                """
                可读取支付宝（CSV、旧版 CSV、账务明细）、微信支付（CSV、XLSX），工商银行、招商银行、中国银行、农业银行、交通银行、广发银行、汇丰香港、京东、美团和 BMO 导出的 CSV（按表头识别），OFX、QIF，以及用 --rules 描述的其他银行 CSV；也能读取有密码的 ZIP 账单（解压密码来自 --zip-password-file、$WALLETSEC_ZIP_PASSWORD 或终端输入）。保险库里有 --profile 档案（默认 me）的历史记录（walletsec history import）时，会用它作为比对基准；只有一个文件也能扫描。不需要主密码。

                输出：一张表格；带 --json 时每条告警一个 JSON 对象，最后是一个汇总对象。有告警达到 --fail-on 时退出码为 1；账单读不了或无法识别时为 2；ZIP 解压密码错误时为 3；ZIP 文件损坏时为 4。

                示例：
                  walletsec scan alipay_record_20240601.csv --min-severity medium
                  walletsec scan bill.csv --explain dup-1a2b3c4d
                  walletsec scan bill.csv --report dispute.md --lang zh --fail-on high
                  walletsec scan alipay_record_20240601.zip --zip-password-file pw.txt --profile customer-1
                """))
    }

    @OptionGroup var globals: GlobalOptions
    @OptionGroup var input: StatementOptions
    @OptionGroup var profileOptions: ProfileOptions

    @Argument(
        help: ArgumentHelp(
            L(
                "Statement files.",
                "账单文件。"), valueName: "file"))
    var files: [String]

    @Option(
        name: .long,
        help: ArgumentHelp(
            L(
                "Only report transactions on or after this local date.",
                "只报告这一天（账单所在时区）及以后的交易。"), valueName: "YYYY-MM-DD"))
    var since: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            L(
                "Hide alerts below this severity.",
                "隐藏低于这个严重程度的告警。"), valueName: "low|medium|high"))
    var minSeverity: Severity = .low

    @Option(
        name: .long,
        help: ArgumentHelp(
            L(
                "Exit 1 when any reported alert is at least this severe.",
                "有告警达到这个严重程度时退出码为 1。"), valueName: "low|medium|high"))
    var failOn: Severity?

    @Option(
        name: .long,
        help: ArgumentHelp(
            L(
                "Print the whole reasoning for one alert.",
                "显示一条告警的完整判断依据。"), valueName: "alert-id"))
    var explain: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            L(
                "Write a dispute report for customer service: .md (default), .txt or .html by the extension; language from --lang.",
                "为客服写一份争议报告：文件扩展名决定格式，.md 为 Markdown（默认），.txt 为纯文本，.html 为网页；语言由 --lang 决定。"), valueName: "file"))
    var report: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            L(
                "Alerts the report covers (comma-separated ids; default: every alert at medium or above).",
                "报告包含哪些告警（告警编号，用逗号分隔；默认为中级及以上的全部告警）。"), valueName: "id,id"))
    var reportAlerts: String?

    @Flag(
        name: .long,
        help: ArgumentHelp(
            L(
                "Ignore the history stored in the vault.",
                "不使用保险库里保存的历史记录。")))
    var noHistory = false

    @Flag(
        name: .long,
        help: ArgumentHelp(
            L(
                "Also report alerts acknowledged with 'walletsec history ack'.",
                "同时显示用 `walletsec history ack` 忽略过的告警。")))
    var includeAcknowledged = false

    @Flag(
        name: .long,
        help: ArgumentHelp(
            L(
                "Print phase timings on stderr (scripts/bench-scan).",
                "在标准错误输出各阶段耗时（供 scripts/bench-scan 使用）。"), visibility: .hidden))
    var timings = false

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one statement file") }
        if reportAlerts != nil && report == nil { throw ValidationError("--report-alerts needs --report FILE") }
    }

    func run() throws {
        #if canImport(Glibc)
            // A scan allocates a few arrays of hundreds of megabytes one after another (text, rows,
            // identified rows, ledger columns). glibc maps each one fresh, so every page of every
            // array is faulted in and zeroed by the kernel; keeping them on the heap lets a later
            // array reuse the pages an earlier one freed. Only affects this short-lived process.
            _ = glibcMallopt(-4, 0)  // M_MMAP_MAX: no separate mappings
            _ = glibcMallopt(-1, Int32.max)  // M_TRIM_THRESHOLD: keep freed pages for reuse
        #endif
        let language = globals.language
        let sinceDay = try since.map { try parseDay($0, option: "--since") }
        var request = ScanRequest(
            files: files, options: try input.readOptions(), sinceDay: sinceDay, useHistory: !noHistory,
            includeAcknowledged: includeAcknowledged, progress: ScanProgressBars().handler)
        request.profile = try profileOptions.resolved()
        request.zipPassword = input.zipPassword(language: language)
        let useVault = !noHistory && Vault.exists(at: globals.vaultFolder)
        let result = try StatementScan.run(request, history: useVault ? try VaultAccess.open(globals) : nil)
        let ledger = result.ledger
        // Rows name their statement by position in result.files (a ZIP bill adds one per entry).
        let files = result.files.map(\.file)
        if timings {
            let total = result.timings.parseSeconds + result.timings.detectSeconds
            let rows = ledger.items.count
            Terminal.err(
                "timings: rows \(rows) parse \(format(result.timings.parseSeconds)) s detect \(format(result.timings.detectSeconds)) s "
                    + "total \(format(total)) s rows_per_second \(Int(Double(rows) / max(total, 1e-9)))"
            )
        }

        if let explain {
            guard let alert = result.alert(id: explain) else {
                throw CLIFailure.usage(
                    en: "no alert \(explain) in this scan (alert ids are shown in the scan's output)",
                    zh: "本次扫描中没有告警 \(explain)（告警编号见扫描结果）")
            }
            if globals.json {
                try Terminal.json(AlertLine(alert, ledger: ledger, files: files, withReasoning: true))
            } else {
                AlertOutput.explain(alert, ledger: ledger, language: language, files: files)
            }
            if let report {
                let chosen =
                    try reportAlerts.map { try DisputeReportChoice.alerts(ids: $0, in: result.alerts) } ?? [alert]
                try writeReport(chosen, ledger: ledger, files: files, to: report, language: language)
            }
            return
        }

        let alerts = result.alerts.filter { $0.severity >= minSeverity }
        let counts = AlertOutput.countsByKind(alerts)
        if globals.json {
            for alert in alerts {
                try Terminal.json(AlertLine(alert, ledger: ledger, files: files, withReasoning: false))
            }
            try Terminal.json(
                ScanSummary(
                    files: result.files.map {
                        .init(
                            file: $0.file, format: $0.format.rawValue, encoding: $0.encoding.rawValue, rows: $0.rows,
                            skipped: $0.skipped, identicalRows: $0.identicalRows, notCash: $0.notCashRecords,
                            currencyAssumed: $0.currencyAssumed)
                    },
                    rows: result.scannedRows, skipped: result.skippedCount,
                    skippedRows: Array(result.skippedRows.prefix(100)), overlappingRows: result.overlappingRows,
                    historyRows: result.historyRows, alerts: counts, alertsTotal: alerts.count,
                    hiddenAcknowledged: result.acknowledgedCount))
        } else {
            warnSkipped(count: result.skippedCount, rows: result.skippedRows, language: language)
            for file in result.files {
                noteFileDetails(
                    file: file.file, notCash: file.notCashRecords, currencyAssumed: file.currencyAssumed,
                    identical: file.identicalRows, language: language)
            }
            AlertOutput.table(alerts, ledger: ledger, language: language)
            let zh = language == .zh
            let (scannedCount, overlapping, skipped, historyRows) = (
                result.scannedRows, result.overlappingRows, result.skippedCount, result.historyRows
            )
            Terminal.out("")
            Terminal.out(
                zh
                    ? "\(files.count) 个文件共 \(scannedCount) 行\(overlapping > 0 ? "（另有 \(overlapping) 行重叠已去重）" : "")，跳过 \(skipped) 行，历史基线 \(historyRows) 行；"
                        + AlertOutput.summaryLine(counts, language: language)
                    : "\(scannedCount) rows in \(files.count) file(s)\(overlapping > 0 ? " (\(overlapping) overlapping rows merged)" : ""), \(skipped) skipped, \(historyRows) history rows as baseline; "
                        + AlertOutput.summaryLine(counts, language: language))
            if !alerts.isEmpty {
                Terminal.out(
                    zh ? "查看完整判断依据：walletsec scan … --explain <告警编号>" : "Full reasoning: walletsec scan … --explain ID")
            }
        }
        if let report {
            let chosen =
                try reportAlerts.map { try DisputeReportChoice.alerts(ids: $0, in: result.alerts) }
                ?? result.alerts.filter { $0.severity >= .medium }
            try writeReport(chosen, ledger: ledger, files: files, to: report, language: language)
        }
        if let failOn, alerts.contains(where: { $0.severity >= failOn }) {
            throw ExitCode(1)
        }
    }

    private func writeReport(_ alerts: [Alert], ledger: Ledger, files: [String], to path: String, language: Language)
        throws
    {
        let text = DisputeReport(
            alerts: alerts, ledger: ledger, language: language, files: files,
            generatedAt: DisputeReportChoice.localNow()
        ).render(DisputeReport.Format.forPath(path))
        // Never replaces an existing file: a report is evidence, and so may be what is already there.
        try AtomicFile.write(Array(text.utf8), to: path, mode: 0o600, overwrite: false)
        if !globals.json {
            Terminal.err(language == .zh ? "争议报告已写入 \(path)" : "dispute report written to \(path)")
        }
    }
}

private func format(_ seconds: Double) -> String { String(Double(Int(seconds * 1000)) / 1000) }

struct ScanSummary: Encodable {
    struct File: Encodable {
        var file: String
        var format: String
        var encoding: String
        var rows: Int
        var skipped: Int
        var identicalRows: Int
        var notCash: Int
        var currencyAssumed: Bool
    }

    var type = "summary"
    var files: [File]
    var rows: Int
    var skipped: Int
    var skippedRows: [MalformedRow]
    var overlappingRows: Int
    var historyRows: Int
    var alerts: [String: Int]
    var alertsTotal: Int
    var hiddenAcknowledged: Int
}

#if canImport(Glibc)
    // <malloc.h> is not part of the Glibc module: declare the one function needed.
    @_silgen_name("mallopt")
    private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
#endif
