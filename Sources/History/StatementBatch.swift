// The statement files of one scan or import, read in order, with their rows identified and kept in
// one array (file by file), and the merge of rows repeated across overlapping exports.
import Statements
import WalletCore
import WalletCrypto

struct StatementBatch {
    var files: [ScannedFile] = []
    var skippedCount = 0
    var skippedRows: [MalformedRow] = []
    /// Every file's rows in file order; `files[i].rows` of them belong to file i.
    private var items: [IdentifiedTransaction] = []

    /// Reads every file; each gets its transactions identified (source id or fingerprint). A ZIP bill
    /// adds one file per statement inside it, named `bill.zip/entry.csv`.
    static func read(_ request: ScanRequest) throws -> StatementBatch {
        var batch = StatementBatch()
        var options = request.options
        let password = ZipPasswordOnce(request.zipPassword)
        for (index, file) in request.files.enumerated() {
            if let progress = request.progress {
                progress(.fileStarted(index: index, file: file))
                options.progress = { update in progress(.reading(index: index, update)) }
            }
            defer { request.progress?(.fileFinished(index: index)) }
            var statements = try StatementReader.readAll(path: file, options: options, zipPassword: password.get)
            for position in statements.indices {
                // Move the rows out of the statement (and the array holding it) so identify owns the
                // only reference (no copies).
                let rows = statements[position].transactions
                statements[position].transactions = []
                let statement = statements[position]
                let fileIndex = Int32(batch.files.count)
                var identical = 0
                let identified = IdentifiedTransaction.identify(
                    consume rows, fileIndex: fileIndex, identicalRepeats: &identical)
                batch.files.append(
                    ScannedFile(
                        file: statement.file, format: statement.format, encoding: statement.encoding,
                        rows: identified.count, skipped: statement.skippedCount,
                        reportedFinalBalanceMinor: statement.reportedFinalBalanceMinor, identicalRows: identical,
                        notCashRecords: statement.notCashRecords, currencyAssumed: statement.currencyAssumed))
                batch.skippedCount += statement.skippedCount
                batch.skippedRows.append(contentsOf: statement.skipped)
                if batch.items.isEmpty { batch.items = identified } else { batch.items.append(contentsOf: identified) }
            }
        }
        return batch
    }

    /// Hands over the rows, leaving the batch empty (so the caller's array is uniquely referenced).
    mutating func takeItems() -> [IdentifiedTransaction] {
        let taken = items
        items = []
        return taken
    }

    /// Removes rows that appear in an earlier file (overlapping exports); returns how many.
    /// Ids are unique within a file by now (``IdentifiedTransaction/identify(_:fileIndex:)`` folded
    /// identical repeats and numbered distinct rows sharing an id), so only rows of earlier files match.
    mutating func mergeOverlaps() -> Int {
        guard files.count > 1 else { return 0 }
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

/// Asks the request's ZIP password source at most once per scan, however many archives need it.
private final class ZipPasswordOnce {
    private let source: (@Sendable () throws -> SecureBytes?)?
    private var asked = false
    private var password: SecureBytes?

    init(_ source: (@Sendable () throws -> SecureBytes?)?) { self.source = source }

    func get() throws -> SecureBytes? {
        if !asked {
            password = try source?()
            asked = true
        }
        return password
    }
}
