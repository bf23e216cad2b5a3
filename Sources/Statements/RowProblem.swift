// Why a statement row was skipped, as data: the CLI words it in the user's language
// (WalletsecCLI/Messages/RowProblemMessages.swift); `reason` is the English kept for JSON `skipped_rows[].reason`.
// Values are made only for bad rows, so building them costs the parsing loops nothing.

/// What kind of value a column was expected to hold (named in the reason).
public enum RowValueKind: String, Sendable, Equatable, CaseIterable {
    /// A date, a date and time, a time of day, an amount, a balance.
    case date
    case dateTime = "date/time"
    case time, amount, balance
}

/// One problem inside an OFX `<STMTTRN>` (a row reports every one it has).
public enum OFXFieldProblem: Sendable, Equatable {
    /// The tag is absent, or present with no value.
    case missing(tag: String)
    case empty(tag: String)
    /// The tag's value is not a valid date / not a number (the value quoted, at most 40 characters).
    case invalidDate(tag: String, text: String)
    case notANumber(tag: String, text: String)
}

/// Why a row could not be read. Column names are the source's own (e.g. `金额`, `D`, `amount1`).
public enum RowProblem: Sendable, Equatable {
    /// Fewer fields than the header; `truncatedHint` adds "(truncated row?)" to the English.
    case tooFewFields(expected: Int, found: Int, truncatedHint: Bool)
    /// A cell that does not read as its kind; `text` is quoted when the reader shows it.
    case unreadable(column: String, kind: RowValueKind, text: String?)
    /// An amount cell that is empty.
    case emptyAmount(column: String)
    /// A direction cell (收/支, 借贷) with a value the reader does not know.
    case unknownDirection(column: String, value: String)
    /// A description column that tells no direction (BOCOM credit 交易说明).
    case unknownDescription(column: String, text: String)
    /// Split inflow/outflow columns that are both empty, or both hold a non-zero amount.
    case noAmount(inflow: String, outflow: String)
    case bothAmounts(inflow: String, outflow: String)
    /// OFX: a tag without `>` (the file ends inside it).
    case unterminatedTag
    /// OFX: a `<STMTTRN>` followed by another before `</STMTTRN>`, or never closed.
    case transactionNotClosed, transactionNeverClosed
    /// OFX: what is wrong with a transaction's fields.
    case ofxFields([OFXFieldProblem])
    /// QIF: a record not ended by `^` before a `!` header (quoted, at most 40 characters), or at the end.
    case recordNotEnded(before: String)
    case recordNotEndedAtEnd
    /// Rules CSV: an amount or balance field that is not a number.
    case unreadableRulesAmount(field: String, text: String)
    /// Rules CSV: an amount with more decimals than the currency's minor units.
    case moreDecimalsThanCurrency(field: String, text: String, currency: String, scale: Int)
    /// Rules CSV: an amount whose currency symbol is unknown.
    case unknownCurrency(field: String, text: String, symbol: String)
    /// Rules CSV: more than one non-zero amount field.
    case severalAmounts(fields: [String])
    /// Rules CSV: the date is empty, or does not read (with the rules' `date-format`, if any).
    case noDate
    case unreadableRulesDate(text: String, format: String?)

    /// The English reason: the stable `skipped_rows[].reason` text of `--json` (docs/statements.md).
    public var reason: String {
        switch self {
        case .tooFewFields(let expected, let found, let hint):
            return "expected \(expected) fields, found \(found)" + (hint ? " (truncated row?)" : "")
        case .unreadable(let column, let kind, let text):
            return "unreadable \(column) (\(kind.rawValue))" + (text.map { " '\($0)'" } ?? "")
        case .emptyAmount(let column): return "empty \(column) (amount)"
        case .unknownDirection(let column, let value): return "unknown \(column) value '\(value)'"
        case .unknownDescription(let column, let text): return "unknown kind of \(column) '\(text)'"
        case .noAmount(let inflow, let outflow): return "neither \(inflow) nor \(outflow) holds an amount"
        case .bothAmounts(let inflow, let outflow): return "both \(inflow) and \(outflow) hold an amount"
        case .unterminatedTag: return "unterminated tag (truncated file?)"
        case .transactionNotClosed: return "<STMTTRN> not closed before the next one"
        case .transactionNeverClosed: return "<STMTTRN> never closed (truncated file?)"
        case .ofxFields(let problems):
            return problems.map { problem in
                switch problem {
                case .missing(let tag): return "\(tag) missing"
                case .empty(let tag): return "\(tag) empty"
                case .invalidDate(let tag, let text): return "\(tag) '\(text)' is not a valid date"
                case .notANumber(let tag, let text): return "\(tag) '\(text)' is not a number"
                }
            }.joined(separator: "; ")
        case .recordNotEnded(let before): return "record not ended by ^ before '\(before)'"
        case .recordNotEndedAtEnd: return "record not ended by ^ (truncated file?)"
        case .unreadableRulesAmount(let field, let text): return "unreadable \(field) '\(text)'"
        case .moreDecimalsThanCurrency(let field, let text, let currency, let scale):
            return "\(field) '\(text)' has more decimals than \(currency) minor units (\(scale))"
        case .unknownCurrency(let field, let text, let symbol):
            return "\(field) '\(text)': unknown currency '\(symbol)'"
        case .severalAmounts(let fields): return "more than one non-zero amount (\(fields.joined(separator: ", ")))"
        case .noDate: return "no date"
        case .unreadableRulesDate(let text, let format):
            return "unreadable date '\(text)'" + (format.map { " (date-format \($0))" } ?? "")
        }
    }
}

/// A row problem thrown out of a converter (the bank readers throw; the loop records it).
struct RowFailure: Error {
    var problem: RowProblem
    init(_ problem: RowProblem) { self.problem = problem }
}
