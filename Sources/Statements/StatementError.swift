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
    /// The rules assign no `date` (no `date` column in `fields`, no `date` rule).
    case rulesWithoutDate(file: String)
    /// The rules assign no amount (`amount`, `amount-in`/`amount-out`, `amount1`...).
    case rulesWithoutAmount(file: String)
    /// The rules' `date-format` has no year and none was given (``CSVRules/year``, `--year`).
    case rulesDateNeedsYear(file: String, format: String)
    /// A ZIP file that is not a readable XLSX workbook.
    case notAWorkbook(file: String)
    /// A workbook entry that inflates beyond the 512 MiB limit.
    case workbookEntryTooLarge(file: String, entry: String)
}

/// What is wrong with one line of a rules file.
public enum RulesProblem: Sendable, Equatable {
    /// `skip` with something other than a count.
    case skipNeedsNumber
    /// `separator` that is not one printable ASCII character (other than `"`), `TAB` or `SPACE`.
    case badSeparator
    /// A matcher `%name` that names no column of the `fields` line.
    case unknownField(String)
    /// `date-format` without a pattern.
    case emptyDateFormat
    /// `timezone` not like `+08:00`, `-0500` or `UTC`.
    case badTimezone
    /// A currency that is neither a known symbol nor a code.
    case badCurrency
    /// `decimal-mark` other than `,` or `.`.
    case badDecimalMark
    /// A keyword the rules language does not have (nor an hledger field name).
    case unknownDirective(String)
    /// `include` names a file that does not exist (the path as resolved).
    case includeNotFound(String)
    /// `include` of a file that is already being included.
    case includeCycle(String)
    /// `include` nested deeper than ``CSVRules/maxIncludeDepth``.
    case includeTooDeep
    /// More lines than ``CSVRules/maxLines``, includes expanded.
    case tooManyLines
    /// An `if` matcher that is not a valid regular expression.
    case badRegex(String)
    /// An `if` matcher longer than ``CSVRules/maxPatternLength``, or compiling to more than
    /// 20,000 instructions (large counted repetitions).
    case regexTooLong
    /// `encoding` that the system cannot convert from.
    case badEncoding(String)
    /// `if` with no matcher.
    case ifWithoutMatcher
    /// `if` with matchers but no indented rule under them.
    case ifWithoutRules
    /// An `if` table row whose cell count differs from the header's.
    case badTableRow
}
