// What reading one statement file produces, the options that steer it, and malformed-row bookkeeping.
import WalletCore

/// `--format`: auto-detect, or insist on one family.
public enum StatementFormat: String, Sendable, CaseIterable {
    /// `auto` detects by content; the others insist on one family (`csv` needs rules).
    case auto, alipay, wechat, ofx, qif, csv
}

/// How to read ambiguous numeric dates (QIF, rules CSV with `%d/%m`-less formats).
public enum DateOrder: String, Sendable, CaseIterable {
    /// Day/month/year, month/day/year, year/month/day.
    case dmy, mdy, ymd
}

/// A row that could not be read: where it is and why. Never silently dropped.
public struct MalformedRow: Sendable, Encodable, Equatable {
    /// The file, as named to the reader.
    public var file: String
    /// 1-based line (or sheet row).
    public var line: Int
    /// Why it was skipped, as data; the CLI words it in the user's language.
    public var problem: RowProblem
    /// Why it was skipped, in English (it quotes the source's own column names): JSON `reason`.
    public var reason: String { problem.reason }

    /// A skipped row at `file:line`.
    public init(file: String, line: Int, problem: RowProblem) {
        self.file = file
        self.line = line
        self.problem = problem
    }

    private enum CodingKeys: String, CodingKey { case file, line, reason }

    /// `file`, `line`, `reason` (English): the JSON shape `skipped_rows` has always had.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(line, forKey: .line)
        try container.encode(reason, forKey: .reason)
    }

    /// `file:line: reason`.
    public var description: String { "\(file):\(line): \(reason)" }
}

/// How to read a statement; the defaults detect the format from the content.
public struct ReadOptions: Sendable {
    /// The format to insist on, or `.auto`.
    public var format: StatementFormat
    /// Column rules for a bank CSV (implies `.csv` when the format is `.auto`).
    public var rules: CSVRules?
    /// How to read ambiguous numeric dates; nil infers it from the file or fails with `dateOrderNeeded`.
    public var dateOrder: DateOrder?
    /// A malformed row stops the read instead of being skipped and counted.
    public var strict: Bool
    /// Told every 65,536 rows of a wallet export (bytes read of the total).
    public var progress: ProgressHandler?
    /// The ISO 4217 code of a QIF file's amounts (QIF names no currency). Nil: CNY, and the
    /// statement says the currency was assumed (``Statement/currencyAssumed``).
    public var currency: String?

    /// Options for ``StatementReader``.
    public init(
        format: StatementFormat = .auto, rules: CSVRules? = nil, dateOrder: DateOrder? = nil, strict: Bool = false,
        progress: ProgressHandler? = nil, currency: String? = nil
    ) {
        self.currency = currency
        self.format = format
        self.rules = rules
        self.dateOrder = dateOrder
        self.strict = strict
        self.progress = progress
    }
}

/// One statement file as read.
public struct Statement: Sendable {
    /// The file, as named to the reader.
    public var file: String
    /// The layout found.
    public var format: SourceFormat
    /// The text encoding found (XLSX: UTF-8).
    public var encoding: TextEncoding
    /// The rows read, in file order.
    public var transactions: [Transaction]
    /// How many rows were skipped as malformed.
    public var skippedCount: Int
    /// The first skipped rows (at most `RowIssues.keep`), each with file:line and reason.
    public var skipped: [MalformedRow]
    /// The final balance the source reports (OFX LEDGERBAL), when any.
    public var reportedFinalBalanceMinor: Int64?
    /// QIF records in sections that hold no cash transactions (`!Type:Invst`, `!Type:Cat`,
    /// `!Type:Class`, `!Type:Memorized`, `!Account` lists): passed over, not malformed.
    public var notCashRecords = 0
    /// The currency was not in the file nor given (QIF without ``ReadOptions/currency``): CNY assumed.
    public var currencyAssumed = false
}

/// Collects malformed rows with bounded memory; in strict mode the first one is an error.
struct RowIssues {
    static let keep = 1000
    let file: String
    let strict: Bool
    var count = 0
    var rows: [MalformedRow] = []

    mutating func add(line: Int, _ problem: RowProblem) throws {
        if strict {
            throw StatementError.malformedRow(MalformedRow(file: file, line: line, problem: problem))
        }
        count += 1
        if rows.count < Self.keep { rows.append(MalformedRow(file: file, line: line, problem: problem)) }
    }
}
