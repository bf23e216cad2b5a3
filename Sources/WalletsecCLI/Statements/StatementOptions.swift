// Options shared by `scan` and `history import` (format, rules, date order, strictness, QIF currency), the progress
// bars drawn while files are read, and the date and malformed-row helpers both commands use.
import Anomaly
import ArgumentParser
import History
import Statements
import WalletCore
import WalletCrypto

extension StatementFormat: ExpressibleByArgument {}
extension DateOrder: ExpressibleByArgument {}
extension Severity: ExpressibleByArgument {}

struct StatementOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            L(
                "Statement format (default: detected from the content).",
                "账单格式（默认：根据内容识别）。"), valueName: "auto|alipay|wechat|ofx|qif|csv"))
    var format: StatementFormat = .auto

    @Option(
        name: .long,
        help: ArgumentHelp(
            L(
                "Rules file describing a bank CSV's columns (implies --format csv).",
                "描述银行 CSV 各列的规则文件（相当于 --format csv）。"), valueName: "file"))
    var rules: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            L(
                "Year of --rules dates whose date-format has none (e.g. %m/%d).",
                "--rules 的日期格式不含年份时（例如 %m/%d）使用的年份。"), valueName: "YYYY"))
    var year: Int?

    @Option(
        name: .long,
        help: ArgumentHelp(
            L(
                "How to read ambiguous numeric dates (QIF).",
                "有歧义的数字日期按哪种顺序读（QIF）。"), valueName: "dmy|mdy|ymd"))
    var dateOrder: DateOrder?

    @Flag(
        name: .long,
        help: ArgumentHelp(
            L(
                "Stop at the first malformed row instead of skipping and counting it.",
                "遇到第一条格式有误的行就停止，而不是跳过并计数。")))
    var strict = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            L(
                "Currency of QIF amounts (QIF names none; default CNY, reported as assumed).",
                "QIF 金额的币种（QIF 不写币种；默认人民币，并注明是推定的）。"), valueName: "code"))
    var currency: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            L(
                "Read the password of encrypted ZIP bills from the first line of this file (else $WALLETSEC_ZIP_PASSWORD, else a prompt).",
                "从这个文件的第一行读取加密 ZIP 账单的解压密码（否则用 $WALLETSEC_ZIP_PASSWORD，再否则在终端输入）。"),
            valueName: "file"))
    var zipPasswordFile: String?

    /// Where the password of an encrypted ZIP bill comes from: asked only when one is met.
    func zipPassword(language: Language) -> @Sendable () throws -> SecureBytes? {
        let source = SecretSource(
            file: zipPasswordFile, environmentVariable: "WALLETSEC_ZIP_PASSWORD",
            prompt: LocalizedText(en: "ZIP password", zh: "ZIP 解压密码"), confirmPrompt: nil,
            fileOption: "--zip-password-file")
        return { try source.read(language: language) }
    }

    /// The read options these flags ask for (a rules file is read and parsed here).
    func readOptions() throws -> ReadOptions {
        var options = ReadOptions(format: format, dateOrder: dateOrder, strict: strict)
        if let currency {
            guard currency.utf8.count == 3, currency.utf8.allSatisfy({ (0x41...0x5a).contains($0 & 0xdf) }) else {
                throw CLIFailure.usage(
                    en: "--currency needs a three-letter ISO 4217 code like USD, not '\(currency)'",
                    zh: "--currency 需要三个字母的 ISO 4217 货币代码（如 USD），而不是“\(currency)”")
            }
            options.currency = currency.uppercased()
        }
        if let rules {
            guard format == .auto || format == .csv else {
                throw CLIFailure.usage(
                    en: "--rules goes with --format csv, not --format \(format.rawValue)",
                    zh: "--rules 只能与 --format csv 一起使用，不能与 --format \(format.rawValue) 一起使用")
            }
            var parsed = try CSVRules.load(path: rules)
            parsed.year = year
            options.rules = parsed
            options.format = .csv
        }
        if let year {
            guard options.rules != nil else {
                throw CLIFailure.usage(en: "--year goes with --rules", zh: "--year 只能与 --rules 一起使用")
            }
            guard (1...9999).contains(year) else {
                throw CLIFailure.usage(en: "--year must be 1 to 9999", zh: "--year 必须在 1 到 9999 之间")
            }
        }
        return options
    }
}

/// `--profile` for `scan` and every `history` subcommand: whose history to use.
struct ProfileOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            L(
                "Whose history to use: one profile per person helped (default me; letters, digits, - _ or CJK).",
                "使用谁的历史记录：每个被帮助的人一个档案（默认 me；可用字母、数字、- _ 或汉字）。"),
            valueName: "name"))
    var profile: String = HistoryProfile.defaultProfile.name

    /// The validated profile (a bad name exits 2).
    func resolved() throws -> HistoryProfile { try HistoryProfile(profile) }
}

/// Draws a progress bar for each statement file larger than 8 MiB while a scan or import reads it.
final class ScanProgressBars: @unchecked Sendable {
    private var bar: ProgressBar?

    var handler: @Sendable (ScanProgress) -> Void {
        { [self] event in self.handle(event) }
    }

    private func handle(_ event: ScanProgress) {
        switch event {
        case .fileStarted(_, let file):
            bar = (FileSystem.fileSize(file) ?? 0) > 8 << 20 ? ProgressBar(label: FileSystem.baseName(file)) : nil
        case .reading(_, let update):
            bar?.draw(update)
        case .fileFinished:
            bar?.finish()
            bar = nil
        }
    }
}

/// `YYYY-MM-DD` → days since 1970.
func parseDay(_ text: String, option: String) throws -> Int64 {
    let bytes = Array(text.utf8)
    let value: (seconds: Int64, hasTime: Bool)? = bytes.withUnsafeBufferPointer {
        ByteParsing.localDateTime($0, 0, $0.count)
    }
    guard let value, !value.hasTime else {
        throw CLIFailure.usage(
            en: "\(option) needs a date like 2024-03-01, not '\(text)'",
            zh: "\(option) 需要形如 2024-03-01 的日期，而不是“\(text)”")
    }
    return value.seconds / 86400
}

/// Notes on stderr (human mode) what a file held besides its rows: QIF records that are not cash
/// (investment, lists), the currency assumed for QIF, identical repeated rows counted once.
func noteFileDetails(
    file: String, notCash: Int, currencyAssumed: Bool, identical: Int, language: Language
) {
    let zh = language == .zh
    if notCash > 0 {
        Terminal.err(
            zh
                ? "walletsec: \(file)：\(notCash) 条非现金记录（投资、类别或账户列表）未计入"
                : "walletsec: \(file): \(notCash) non-cash record(s) (investment, category or account lists) passed over"
        )
    }
    if currencyAssumed {
        Terminal.err(
            zh
                ? "walletsec: \(file)：QIF 文件不含币种，金额按人民币读取（可用 --currency 指定）"
                : "walletsec: \(file): QIF names no currency; amounts read as CNY (set it with --currency)")
    }
    if identical > 0 {
        Terminal.err(
            zh
                ? "walletsec: \(file)：\(identical) 行与同一交易单号的前一行完全相同，只计一次"
                : "walletsec: \(file): \(identical) row(s) identical to an earlier row with the same id counted once")
    }
}

/// Reports malformed rows on stderr (human mode): never silently dropped.
func warnSkipped(count: Int, rows: [MalformedRow], language: Language) {
    guard count > 0 else { return }
    let zh = language == .zh
    Terminal.err(
        zh
            ? "walletsec: 跳过 \(count) 行格式错误的记录（--strict 可使其报错）："
            : "walletsec: skipped \(count) malformed row(s) (--strict makes this fatal):")
    for row in rows.prefix(10) { Terminal.err("  " + row.text(language)) }
    if count > 10 { Terminal.err(zh ? "  ……" : "  ...") }
}
