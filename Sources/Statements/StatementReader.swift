// Entry point: read a statement file, detect (or check) its format by content, decode its text,
// and hand it to the right reader. Libraries never print: progress goes through the handler.
import WalletCore

#if canImport(Glibc)
    import Glibc
#endif

/// Reads statement files: Alipay (CSV, legacy CSV, account log), WeChat Pay (CSV, XLSX), OFX, QIF
/// and rules-described bank CSVs, detected by content. Malformed rows are skipped and counted
/// (or, with `strict`, thrown); anything unreadable throws a ``StatementError``.
///
/// ```swift
/// let statement = try StatementReader.read(path: "alipay_record_20240601.csv", options: ReadOptions())
/// print(statement.format, statement.transactions.count, statement.skippedCount)
/// ```
public enum StatementReader {
    /// Statements larger than this are refused rather than exhausting memory.
    public static let maxFileBytes = 2 << 30

    /// Reads the file at `path` (mapped, not copied, when it is a regular file).
    public static func read(path: String, options: ReadOptions) throws -> Statement {
        // Map regular files instead of copying them: a large statement is read once, lazily.
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FileSystem.error(errno, path: path, action: "read") }
        var info = stat()
        let mappable = fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG && info.st_size > 0
        if mappable, Int(info.st_size) <= maxFileBytes,
            let address = mmap(nil, Int(info.st_size), PROT_READ, MAP_PRIVATE, fd, 0), address != MAP_FAILED
        {
            close(fd)
            defer { munmap(address, Int(info.st_size)) }
            madvise(address, Int(info.st_size), MADV_SEQUENTIAL)
            let bytes = UnsafeBufferPointer(
                start: address.assumingMemoryBound(to: UInt8.self), count: Int(info.st_size))
            // Once converted from GBK the mapped bytes are no longer read: drop their pages so the
            // file and its UTF-8 copy are not both resident (they fault back in from the file if read).
            return try parse(bytes: bytes, file: path, options: options) {
                madvise(address, Int(info.st_size), MADV_DONTNEED)
            }
        }
        close(fd)
        let raw = try readFile(path)
        return try parse(raw, file: path, options: options)
    }

    /// Reads statement bytes already in memory; `file` names them in errors and skipped rows.
    public static func parse(_ raw: [UInt8], file: String, options: ReadOptions) throws -> Statement {
        try raw.withUnsafeBufferPointer { try parse(bytes: $0, file: file, options: options) }
    }

    package static func parse(bytes raw: Bytes, file: String, options: ReadOptions) throws -> Statement {
        try parse(bytes: raw, file: file, options: options, convertedFromRaw: {})
    }

    /// `convertedFromRaw` runs when the text was converted to a separate UTF-8 buffer, after which
    /// `raw` is not read again.
    static func parse(
        bytes raw: Bytes, file: String, options: ReadOptions, convertedFromRaw: () -> Void
    ) throws -> Statement {
        var issues = RowIssues(file: file, strict: options.strict)
        guard raw.contains(where: { !($0 == 0x20 || $0 == 0x0a || $0 == 0x0d || $0 == 0x09) }) else {
            throw StatementError.emptyFile(file: file)
        }
        if XLSXReader.looksLikeZIP(raw) {
            guard options.format == .auto || options.format == .wechat else {
                throw StatementError.unknownLayout(file: file, expected: options.format)
            }
            let csv = try XLSXReader.sheetAsCSV(Array(raw), file: file)
            return try csv.withUnsafeBufferPointer { bytes in
                guard let found = try HeaderSearch.find(in: bytes, kinds: [.wechat], file: file),
                    let kind = found.kind
                else {
                    throw StatementError.unknownWorkbookLayout(file: file)
                }
                let rows = WalletRowReader(kind: kind, columns: found.columns, file: file)
                var transactions = try rows.read(
                    bytes: bytes, start: found.dataStart, startLine: found.dataLine, issues: &issues,
                    progress: options.progress)
                for index in transactions.indices { transactions[index].source = .wechatXLSX }
                return Statement(
                    file: file, format: .wechatXLSX, encoding: .utf8, transactions: transactions,
                    skippedCount: issues.count, skipped: issues.rows)
            }
        }
        let (converted, start, encoding) =
            try options.rules?.decodeText(raw, file: file) ?? TextEncoding.decode(raw, file: file)
        if converted != nil { convertedFromRaw() }
        func withText<T>(_ body: (Bytes) throws -> T) rethrows -> T {
            if let converted { return try converted.withUnsafeBufferPointer(body) }
            return try body(UnsafeBufferPointer(rebasing: raw[start...]))
        }
        return try withText { bytes in
            func statement(_ format: SourceFormat, _ transactions: [Transaction], balance: Int64? = nil) -> Statement {
                Statement(
                    file: file, format: format, encoding: encoding, transactions: transactions,
                    skippedCount: issues.count, skipped: issues.rows, reportedFinalBalanceMinor: balance)
            }
            func qif(_ bytes: Bytes) throws -> Statement {
                let read = try QIFReader.read(
                    bytes, file: file, dateOrder: options.dateOrder, currency: options.currency?.uppercased() ?? "CNY",
                    issues: &issues)
                var result = statement(.qif, read.transactions)
                result.notCashRecords = read.notCash
                result.currencyAssumed = options.currency == nil
                return result
            }
            switch options.format {
            case .csv:
                guard let rules = options.rules else {
                    throw StatementError.rulesRequired
                }
                return statement(.csv, try RulesCSVReader.read(bytes, rules: rules, file: file, issues: &issues))
            case .ofx:
                let (transactions, balance) = try OFXReader.read(bytes, file: file, issues: &issues)
                return statement(.ofx, transactions, balance: balance)
            case .qif:
                guard QIFReader.looksLikeQIF(bytes) else {
                    throw StatementError.unknownLayout(file: file, expected: .qif)
                }
                return try qif(bytes)
            case .auto:
                if let rules = options.rules {
                    return statement(.csv, try RulesCSVReader.read(bytes, rules: rules, file: file, issues: &issues))
                }
                if OFXReader.looksLikeOFX(bytes) {
                    let (transactions, balance) = try OFXReader.read(bytes, file: file, issues: &issues)
                    return statement(.ofx, transactions, balance: balance)
                }
                if QIFReader.looksLikeQIF(bytes) { return try qif(bytes) }
                fallthrough
            case .alipay, .wechat:
                // Bank and platform layouts only when auto-detecting (`--format alipay` means Alipay).
                guard
                    let found = try HeaderSearch.find(
                        in: bytes, kinds: WalletLayoutKind.forFormat(options.format),
                        banks: options.format == .auto ? BankLayout.all : [], file: file)
                else {
                    throw StatementError.unknownLayout(file: file, expected: options.format)
                }
                if let bank = found.bank {
                    let rows = BankRowReader(
                        layout: bank, columns: found.columns, file: file,
                        preamble: UnsafeBufferPointer(rebasing: bytes[0..<found.headerStart]))
                    let transactions = try rows.read(
                        bytes: bytes, start: found.dataStart, startLine: found.dataLine, issues: &issues)
                    return statement(bank.format, transactions)
                }
                guard let kind = found.kind else { throw StatementError.unknownLayout(file: file, expected: .auto) }
                let rows = WalletRowReader(kind: kind, columns: found.columns, file: file)
                let transactions = try rows.read(
                    bytes: bytes, start: found.dataStart, startLine: found.dataLine, issues: &issues,
                    progress: options.progress)
                return statement(kind.format, transactions)
            }
        }
    }

    /// Reads a whole file in one allocation sized from fstat.
    static func readFile(_ path: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FileSystem.error(errno, path: path, action: "read") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw FileSystem.error(errno, path: path, action: "read") }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw StatementError.notAFile(path: path)
        }
        let size = Int(info.st_size)
        if size > maxFileBytes {
            throw StatementError.tooLarge(path: path)
        }
        var result = [UInt8](repeating: 0, count: max(size, 0))
        var filled = 0
        while filled < result.count {
            let count = result.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileSystem.error(errno, path: path, action: "read")
            }
            if count == 0 { break }
            filled += count
        }
        result.removeSubrange(filled...)
        // Pipes and special files report no size: read the rest in chunks.
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileSystem.error(errno, path: path, action: "read")
            }
            if count == 0 { break }
            result.append(contentsOf: chunk[0..<count])
            if result.count > maxFileBytes {
                throw StatementError.tooLarge(path: path)
            }
        }
        return result
    }
}
