// The scan pipeline as one call: read the statement files, merge rows repeated across overlapping
// exports, take the stored history as baseline, scope reporting by date, detect, and leave out the
// alerts the user acknowledged. `walletsec scan` and `walletsec history import` both run on it.
import Anomaly
import Statements
import Vault
import WalletCore
import WalletCrypto

/// What to scan and how.
public struct ScanRequest: Sendable {
    /// Statement files, read in order. A ZIP bill adds each statement inside it, so a row's
    /// `fileIndex` is its statement's position in ``ScanResult/files`` (the same as here without ZIPs).
    public var files: [String]
    /// Format, rules, date order and strictness for every file (`progress` is set per file from
    /// ``progress``).
    public var options: ReadOptions
    /// Only rows on or after this local day (days since 1970-01-01) are reported; earlier rows
    /// still serve as baseline. Nil: all rows.
    public var sinceDay: Int64?
    /// Use the vault's stored history as baseline and its acknowledgements as filter.
    public var useHistory: Bool
    /// Keep alerts the user acknowledged in ``ScanResult/alerts``.
    public var includeAcknowledged: Bool
    /// Told as each file is read; nil for silence.
    public var progress: (@Sendable (ScanProgress) -> Void)?
    /// Whose history is the baseline (and receives an import); acknowledgements are the profile's too.
    public var profile: HistoryProfile = .defaultProfile
    /// Gives the password of encrypted ZIP bills; asked at most once, only when one is met. Nil (or nil
    /// from it) makes an encrypted archive fail with `ZipBillError.passwordRequired`.
    public var zipPassword: (@Sendable () throws -> SecureBytes?)?

    /// A request with the defaults: auto-detected format, all rows reported, history used.
    public init(
        files: [String], options: ReadOptions = ReadOptions(), sinceDay: Int64? = nil, useHistory: Bool = true,
        includeAcknowledged: Bool = false, progress: (@Sendable (ScanProgress) -> Void)? = nil
    ) {
        self.files = files
        self.options = options
        self.sinceDay = sinceDay
        self.useHistory = useHistory
        self.includeAcknowledged = includeAcknowledged
        self.progress = progress
    }
}

/// Progress of a scan or import, file by file.
public enum ScanProgress: Sendable, Equatable {
    /// Reading `file` (position `index` in the request) begins.
    case fileStarted(index: Int, file: String)
    /// Part of the current file is read.
    case reading(index: Int, ProgressUpdate)
    /// The file is read (or failed).
    case fileFinished(index: Int)
}

/// One file as read: its format and counts (its rows are in the ledger).
public struct ScannedFile: Sendable, Equatable {
    /// The file as named in the request.
    public var file: String
    /// The layout found.
    public var format: SourceFormat
    /// The text encoding found.
    public var encoding: TextEncoding
    /// Rows read (before rows repeated from an earlier file were merged; identical repeats of a row
    /// with the same source id within the file counted once).
    public var rows: Int
    /// Malformed rows skipped.
    public var skipped: Int
    /// The final balance the file reports (OFX), when any.
    public var reportedFinalBalanceMinor: Int64?
    /// Rows left out as identical repeats of an earlier row with the same source id in this file.
    public var identicalRows = 0
    /// QIF records in non-cash sections (investment, category and account lists), passed over.
    public var notCashRecords = 0
    /// QIF read without a currency: CNY assumed.
    public var currencyAssumed = false
}

/// Wall-clock seconds of the two phases (for `scripts/bench-scan`).
public struct ScanTimings: Sendable, Equatable {
    /// Reading and parsing the files.
    public var parseSeconds: Double
    /// Merging, loading history, building the ledger and detecting.
    public var detectSeconds: Double
}

/// Everything a scan found.
public struct ScanResult {
    /// The scanned rows (merged across files) followed by the history baseline; `inScope` marks
    /// the reportable ones. Alerts index into it.
    public let ledger: Ledger
    /// Each file as read, in request order.
    public let files: [ScannedFile]
    /// Scanned rows after merging overlaps.
    public let scannedRows: Int
    /// Rows that appeared in an earlier file too and were merged.
    public let overlappingRows: Int
    /// Stored rows used as baseline (those not also in the files).
    public let historyRows: Int
    /// Malformed rows skipped in all files, and the first ones with file, line and reason.
    public let skippedCount: Int
    /// The first skipped rows (up to 1,000 per file).
    public let skippedRows: [MalformedRow]
    /// Every alert detected, acknowledged or not.
    public let detected: [Alert]
    /// The alerts to report: ``detected`` without acknowledged ones (unless asked to include them).
    public let alerts: [Alert]
    /// How many detected alerts the user had acknowledged.
    public let acknowledgedCount: Int
    /// How long reading and detecting took.
    public let timings: ScanTimings

    /// The detected alert with this id, acknowledged or not (for `--explain`).
    public func alert(id: String) -> Alert? { detected.first { $0.id == id } }
}

/// One file of an import: counts of rows read, skipped, stored and already present.
public struct ImportedFile: Sendable, Equatable {
    /// The file as named in the request.
    public var file: String
    /// The layout found.
    public var format: SourceFormat
    /// Rows read.
    public var rows: Int
    /// Malformed rows skipped.
    public var skipped: Int
    /// Rows stored now.
    public var added: Int
    /// Rows already stored before.
    public var alreadyPresent: Int
    /// Rows left out as identical repeats of an earlier row with the same source id in this file.
    public var identicalRows = 0
    /// QIF records in non-cash sections, passed over.
    public var notCashRecords = 0
    /// QIF read without a currency: CNY assumed.
    public var currencyAssumed = false
}

/// What ``StatementScan/importFiles(_:into:)`` did.
public struct ImportReport {
    /// Each file's counts, in request order.
    public let files: [ImportedFile]
    /// Malformed rows skipped in all files, and the first ones with file, line and reason.
    public let skippedCount: Int
    /// The first skipped rows (up to 1,000 per file).
    public let skippedRows: [MalformedRow]
    /// The whole stored history after the import; the added rows are in scope.
    public let ledger: Ledger
    /// Rows the history holds now.
    public var historyRows: Int { ledger.items.count }
    /// Alerts involving the rows just added, judged against the whole history, acknowledged ones left out.
    public let alerts: [Alert]
}

/// The scan pipeline.
///
/// Scan two overlapping exports against the vault's history, reporting only June on:
/// ```swift
/// let vault = try Vault.open(at: folder)
/// var request = ScanRequest(files: ["alipay_may_jun.csv", "alipay_jun_jul.csv"])
/// request.sinceDay = 19875  // 2024-06-01
/// let result = try StatementScan.run(request, history: vault)
/// for alert in result.alerts { print(alert.id, alert.explanation.en) }
/// ```
/// Store statements in the history and see alerts on the new rows:
/// ```swift
/// let report = try StatementScan.importFiles(ScanRequest(files: ["wechat_2024.xlsx"]), into: vault)
/// ```
public enum StatementScan {
    /// Reads, merges, baselines, detects and filters. `history` is evaluated (say, the vault opened)
    /// only after every file was read, and only when the request uses history; it may give nil when
    /// there is no vault. Throws `StatementError` for an unreadable file (nothing is scanned),
    /// `HistoryError` when the history cannot be read.
    public static func run(_ request: ScanRequest, history: @autoclosure () throws -> Vault?) throws -> ScanResult {
        let started = ContinuousClock.now
        var batch = try StatementBatch.read(request)
        let parsed = ContinuousClock.now
        let overlapping = batch.mergeOverlaps()
        let files = batch.files
        let skippedCount = batch.skippedCount
        let skippedRows = batch.skippedRows
        // Take the rows out of the batch so this function holds the only reference (appends do not copy).
        var items = batch.takeItems()
        let scannedCount = items.count
        var acknowledged = Set<String>()
        var historyRows = 0
        var scannedVault: Vault?
        if request.useHistory, let vault = try history() {
            scannedVault = vault
            let keys = Set(items.map(\.key))
            let history = try vault.historyTransactions(profile: request.profile).filter { !keys.contains($0.key) }
            historyRows = history.count
            items.append(contentsOf: history)
            acknowledged = Set(try vault.acknowledgements(profile: request.profile).map(\.id))
        }
        let sinceDay = request.sinceDay
        let inScope = items.enumerated().map { position, item in
            guard position < scannedCount else { return false }
            guard let sinceDay else { return true }
            return item.transaction.localSeconds / 86400 >= sinceDay
        }
        let ledger = Ledger(items: consume items, inScope: inScope)
        let detected = Detection.run(ledger)
        try scannedVault?.recordScanAlerts(detected, profile: request.profile)
        let detectedAt = ContinuousClock.now
        let isAcknowledged = { (alert: Alert) in acknowledged.contains(alert.id) }
        return ScanResult(
            ledger: ledger, files: files, scannedRows: scannedCount, overlappingRows: overlapping,
            historyRows: historyRows, skippedCount: skippedCount, skippedRows: skippedRows, detected: detected,
            alerts: request.includeAcknowledged ? detected : detected.filter { !isAcknowledged($0) },
            acknowledgedCount: detected.filter(isAcknowledged).count,
            timings: ScanTimings(
                parseSeconds: seconds(parsed - started), detectSeconds: seconds(detectedAt - parsed)))
    }

    /// Reads every file first (a bad file stores nothing), stores each file's rows, then detects on
    /// the whole history with the newly added rows in scope. `sinceDay`, `useHistory` and
    /// `includeAcknowledged` of the request are not used: acknowledged alerts are always left out.
    public static func importFiles(_ request: ScanRequest, into vault: Vault) throws -> ImportReport {
        var batch = try StatementBatch.read(request)
        let items = batch.takeItems()
        var files: [ImportedFile] = []
        var addedKeys = Set<String>()
        var start = 0
        for file in batch.files {
            let rows = items[start..<(start + file.rows)]
            start += file.rows
            let result = try vault.importTransactions(rows, sourceFile: file.file, profile: request.profile)
            addedKeys.formUnion(result.addedKeys)
            files.append(
                ImportedFile(
                    file: file.file, format: file.format, rows: file.rows, skipped: file.skipped,
                    added: result.added, alreadyPresent: result.alreadyPresent, identicalRows: file.identicalRows,
                    notCashRecords: file.notCashRecords, currencyAssumed: file.currencyAssumed))
        }
        let history = try vault.historyTransactions(profile: request.profile)
        let ledger = Ledger(items: history, inScope: history.map { addedKeys.contains($0.key) })
        var alerts: [Alert] = []
        if !addedKeys.isEmpty {
            let acknowledged = Set(try vault.acknowledgements(profile: request.profile).map(\.id))
            alerts = Detection.run(ledger).filter { !acknowledged.contains($0.id) }
        }
        return ImportReport(
            files: files, skippedCount: batch.skippedCount, skippedRows: batch.skippedRows, ledger: ledger,
            alerts: alerts)
    }

    private static func seconds(_ duration: Duration) -> Double {
        let (whole, attoseconds) = duration.components
        return Double(whole) + Double(attoseconds) / 1e18
    }
}
