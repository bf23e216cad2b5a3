// What reading one statement file produces, the options that steer it, and malformed-row bookkeeping.
import WalletCore

/// `--format`: auto-detect, or insist on one family.
public enum StatementFormat: String, Sendable, CaseIterable {
    case auto, alipay, wechat, ofx, qif, csv
}

/// How to read ambiguous numeric dates (QIF, rules CSV with `%d/%m`-less formats).
public enum DateOrder: String, Sendable, CaseIterable {
    case dmy, mdy, ymd
}

/// A row that could not be read: where it is and why. Never silently dropped.
public struct MalformedRow: Sendable, Codable, Equatable {
    public var file: String
    public var line: Int
    public var reason: String

    public init(file: String, line: Int, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    public var description: String { "\(file):\(line): \(reason)" }
}

public struct ReadOptions: Sendable {
    public var format: StatementFormat
    public var rules: CSVRules?
    public var dateOrder: DateOrder?
    /// A malformed row stops the read instead of being skipped and counted.
    public var strict: Bool
    public var progress: ProgressHandler?

    public init(
        format: StatementFormat = .auto, rules: CSVRules? = nil, dateOrder: DateOrder? = nil, strict: Bool = false,
        progress: ProgressHandler? = nil
    ) {
        self.format = format
        self.rules = rules
        self.dateOrder = dateOrder
        self.strict = strict
        self.progress = progress
    }
}

public struct Statement: Sendable {
    public var file: String
    public var format: SourceFormat
    public var encoding: TextEncoding
    public var transactions: [Transaction]
    /// How many rows were skipped as malformed.
    public var skippedCount: Int
    /// The first skipped rows (at most `RowIssues.keep`), each with file:line and reason.
    public var skipped: [MalformedRow]
    /// The final balance the source reports (OFX LEDGERBAL), when any.
    public var reportedFinalBalanceMinor: Int64?
}

/// Collects malformed rows with bounded memory; in strict mode the first one is an error.
struct RowIssues {
    static let keep = 1000
    let file: String
    let strict: Bool
    var count = 0
    var rows: [MalformedRow] = []

    mutating func add(line: Int, _ reason: String) throws {
        if strict {
            throw StatementError.malformedRow(MalformedRow(file: file, line: line, reason: reason))
        }
        count += 1
        if rows.count < Self.keep { rows.append(MalformedRow(file: file, line: line, reason: reason)) }
    }
}
