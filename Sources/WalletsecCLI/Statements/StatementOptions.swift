// Options shared by `scan` and `history import`, and reading the named statement files.
import Anomaly
import ArgumentParser
import Statements
import WalletCore

extension StatementFormat: ExpressibleByArgument {}
extension DateOrder: ExpressibleByArgument {}
extension Severity: ExpressibleByArgument {}

struct StatementOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Statement format (default: detected from the content).", valueName: "auto|alipay|wechat|ofx|qif|csv"))
    var format: StatementFormat = .auto

    @Option(
        name: .long,
        help: ArgumentHelp("Rules file describing a bank CSV's columns (implies --format csv).", valueName: "file"))
    var rules: String?

    @Option(name: .long, help: ArgumentHelp("How to read ambiguous numeric dates (QIF).", valueName: "dmy|mdy|ymd"))
    var dateOrder: DateOrder?

    @Flag(name: .long, help: "Stop at the first malformed row instead of skipping and counting it.")
    var strict = false

    /// Reads every file; each gets its transactions identified (source id or fingerprint).
    func read(_ files: [String], language: Language) throws -> StatementInput {
        var options = ReadOptions(format: format, dateOrder: dateOrder, strict: strict)
        if let rules {
            guard format == .auto || format == .csv else {
                throw WalletError.usage(
                    en: "--rules goes with --format csv, not --format \(format.rawValue)",
                    zh: "--rules 只能与 --format csv 一起使用，不能与 --format \(format.rawValue) 一起使用")
            }
            let bytes = try FileSystem.readAll(rules, limit: 1 << 20)
            options.rules = try CSVRules.parse(String(decoding: bytes, as: UTF8.self), file: rules)
            options.format = .csv
        }
        var input = StatementInput()
        for (index, file) in files.enumerated() {
            let bar = ProgressBar(label: FileSystem.baseName(file))
            options.progress = (FileSystem.fileSize(file) ?? 0) > 8 << 20 ? bar.handler : nil
            defer { bar.finish() }
            var statement = try StatementReader.read(path: file, options: options)
            // Move the rows out of the statement so identify owns the only reference (no copies).
            let rows = statement.transactions
            statement.transactions = []
            input.rowCounts.append(rows.count)
            let identified = IdentifiedTransaction.identify(consume rows, fileIndex: Int32(index))
            if input.items.isEmpty { input.items = identified } else { input.items.append(contentsOf: identified) }
            input.statements.append(statement)
        }
        return input
    }
}

struct StatementInput {
    /// The files read (their transactions moved into `items`).
    var statements: [Statement] = []
    var rowCounts: [Int] = []
    var items: [IdentifiedTransaction] = []

    var skippedCount: Int { statements.reduce(0) { $0 + $1.skippedCount } }
    var skippedRows: [MalformedRow] { statements.flatMap(\.skipped) }

    /// Removes rows that appear in more than one file (overlapping exports); returns how many.
    /// Rows within one export are kept as they are: an id repeated inside one file is the source's
    /// own doing, and dropping data is worse than reporting it twice.
    mutating func dedup() -> Int {
        guard statements.count > 1 else { return 0 }
        // Ids per namespace (one or two per scan), so no combined key string is built per row.
        var seen: [String: StringInterner] = [:]
        var repeated: [Int] = []
        var namespace = ""
        var interner = StringInterner(expected: items.count)
        for index in items.indices {
            let rowNamespace = items[index].keyNamespace
            if rowNamespace != namespace {
                seen[namespace] = interner
                namespace = rowNamespace
                interner = seen.removeValue(forKey: namespace) ?? StringInterner(expected: items.count)
            }
            let before = interner.names.count
            if interner.id(items[index].id) < before { repeated.append(index) }
        }
        guard !repeated.isEmpty else { return 0 }
        // Compact in place: linear, however many repeats there are.
        var write = 0
        var next = 0
        for read in items.indices {
            if next < repeated.count && repeated[next] == read {
                next += 1
                continue
            }
            if write != read { items.swapAt(write, read) }
            write += 1
        }
        items.removeLast(items.count - write)
        return repeated.count
    }
}

/// `YYYY-MM-DD` → days since 1970.
func parseDay(_ text: String, option: String) throws -> Int64 {
    let bytes = Array(text.utf8)
    let value: (seconds: Int64, hasTime: Bool)? = bytes.withUnsafeBufferPointer {
        ByteParsing.localDateTime($0, 0, $0.count)
    }
    guard let value, !value.hasTime else {
        throw WalletError.usage(
            en: "\(option) needs a date like 2024-03-01, not '\(text)'",
            zh: "\(option) 需要形如 2024-03-01 的日期，而不是“\(text)”")
    }
    return value.seconds / 86400
}

/// Reports malformed rows on stderr (human mode): never silently dropped.
func warnSkipped(_ input: StatementInput, language: Language) {
    guard input.skippedCount > 0 else { return }
    let zh = language == .zh
    Terminal.err(
        zh
            ? "walletsec: 跳过 \(input.skippedCount) 行格式错误的记录（--strict 可使其报错）："
            : "walletsec: skipped \(input.skippedCount) malformed row(s) (--strict makes this fatal):")
    for row in input.skippedRows.prefix(10) { Terminal.err("  " + row.description) }
    if input.skippedCount > 10 { Terminal.err(zh ? "  ……" : "  ...") }
}
