// Why a statement (or a rules file) could not be read, as values a caller can match. The words a
// person reads live with the caller (the CLI's StatementMessages); nothing here chooses a text.

/// A statement file or a `--rules` file that cannot be read.
///
/// ```swift
/// do {
///     _ = try StatementReader.read(path: "bill.csv", options: ReadOptions())
/// } catch StatementError.unknownLayout(let file, let expected) {
///     print("\(file) is not a \(expected) statement")
/// }
/// ```
public enum StatementError: Error, Sendable, Equatable {
    /// The file holds nothing but white space.
    case emptyFile(file: String)
    /// The path names a folder.
    case notAFile(path: String)
    /// The file is larger than ``StatementReader/maxFileBytes``.
    case tooLarge(path: String)
    /// UTF-16 text (a byte-order mark says so); statements must be UTF-8 or GBK/GB18030.
    case utf16(file: String)
    /// The bytes are neither UTF-8 nor GBK/GB18030.
    case unsupportedEncoding(file: String)
    /// No known layout was found; `expected` is the format that was asked for (`.auto`: any).
    case unknownLayout(file: String, expected: StatementFormat)
    /// An XLSX workbook whose sheet has no WeChat Pay header row.
    case unknownWorkbookLayout(file: String)
    /// A wallet header was recognised (`layout`) but lacks the column `name`.
    case missingColumn(file: String, line: Int, name: String, layout: SourceFormat)
    /// Dates without a year (CMB credit `MM/DD`) in a file whose title names no statement month
    /// (`2024年01月`) to take the year from; `line` is the first such row.
    case yearUnknown(file: String, line: Int)
    /// A malformed row in strict mode (`ReadOptions.strict`).
    case malformedRow(MalformedRow)
    /// An OFX file ends before `</OFX>` and holds no transaction.
    case truncated(file: String)
    /// QIF dates that could be day/month or month/day: `example` is one of them, or nil when the
    /// file mixes both forms. Pass ``ReadOptions/dateOrder``.
    case dateOrderNeeded(file: String, example: String?)
    /// `StatementFormat.csv` without ``ReadOptions/rules``.
    case rulesRequired
    /// A line of a rules file that cannot be used (1-based `line`).
    case invalidRule(file: String, line: Int, problem: RulesProblem)
    /// The rules name no `date` column.
    case rulesWithoutDate(file: String)
    /// The rules name no amount column (`amount`, `amount-in` or `amount-out`).
    case rulesWithoutAmount(file: String)
    /// A ZIP file that is not a readable XLSX workbook.
    case notAWorkbook(file: String)
    /// A workbook entry that inflates beyond the 512 MiB limit.
    case workbookEntryTooLarge(file: String, entry: String)
}

/// What is wrong with one line of a rules file.
public enum RulesProblem: Sendable, Equatable {
    /// `skip` with something other than a count.
    case skipNeedsNumber
    /// `separator` other than `,` `;` `|` or `TAB`.
    case badSeparator
    /// A `fields` entry that names no ``CSVRules/Field``.
    case unknownField(String)
    /// `date-format` without a pattern.
    case emptyDateFormat
    /// `timezone` not like `+08:00`.
    case badTimezone
    /// `currency` not a three-letter code.
    case badCurrency
    /// `decimal-mark` other than `,` or `.`.
    case badDecimalMark
    /// A keyword the rules language does not have.
    case unknownDirective(String)
}
