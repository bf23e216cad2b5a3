// What a parsed hledger CSV rules file holds: layout directives (skip, separator, fields, date-format,
// encoding...), field assignments as templates (`description %2 %3`), and if-blocks. Parsing lives in
// RulesParser.swift, reading a CSV with the rules in RulesEvaluator.swift.
//   skip 1
//   fields date, description, amount-in, amount-out
//   date-format %d/%m/%Y
//   currency $
//   if %description SALARY
//    comment salary
import WalletCore

/// How to read a bank CSV the wallet layouts do not cover, written in hledger's CSV rules language
/// (docs/statements.md lists what is accepted). Load a rules file with ``load(path:)`` (which follows
/// `include`) or parse text with ``parse(_:file:)``, and pass it as ``ReadOptions/rules``.
///
/// ```swift
/// let rules = try CSVRules.parse("skip 1\nfields date, description, amount\n", file: "bank.rules")
/// let statement = try StatementReader.read(path: "bank.csv", options: ReadOptions(rules: rules))
/// ```
public struct CSVRules: Sendable, Equatable {
    /// The rules file, as named to the parser (errors name it).
    public var file: String
    /// Non-blank lines to skip before the first record (a header line counts).
    public var skip = 0
    /// The field separator byte; nil = by the CSV file's extension (`.ssv` `;`, `.tsv` TAB), else `,`.
    public var separator: UInt8?
    /// Names of the CSV columns, lowercased, in order (`""` for `_` or an empty name).
    public var fieldNames: [String] = []
    /// strftime-style pattern of the `date` value; nil = `YYYY-MM-DD`, `YYYY/MM/DD` or `YYYY.MM.DD`.
    public var dateFormat: String?
    /// The UTC offset of dates and times that carry none, in seconds (`timezone`; default +08:00).
    public var timezone: Int32 = 8 * 3600
    /// Amounts use `,` as the decimal mark (and `.` to group thousands).
    public var decimalComma = false
    /// The `encoding` of the CSV text (iconv name); nil = UTF-8, or GBK/GB18030 detected.
    public var encoding: String?
    /// `newest-first` / `intra-day-reversed`: accepted; rows keep file order (each has its timestamp).
    public var newestFirst = false
    /// See ``newestFirst``.
    public var intraDayReversed = false
    /// The year for a `date-format` without one (the CLI's `--year`); nil = such rules fail.
    public var year: Int?
    /// The account's currency: the last constant top-level `currency` rule (`currency $` = USD). Amounts
    /// naming no currency are in it (nil: CNY); a row in another currency is marked cross-border.
    public var accountCurrency: String?

    /// Field assignments outside if-blocks, in file order (the last one of a name wins); the
    /// `fields` line adds `name %N` for every column named like an hledger field.
    var assignments: [RulesAssignment] = []
    /// `if` blocks and table rows, in file order.
    var blocks: [RulesBlock] = []

    /// Rules with every default and nothing assigned yet.
    public init(file: String = "") {
        self.file = file
    }
}

/// `FIELD VALUE`: one hledger field set from a template.
struct RulesAssignment: Sendable, Equatable {
    var field: String
    var value: RulesTemplate
}

/// A value with `%name` / `%N` (CSV field) and `\N` (regex group) references.
struct RulesTemplate: Sendable, Equatable {
    enum Part: Sendable, Equatable {
        case text(String)
        /// A CSV field by lowercased name or 1-based number (as written).
        case field(String)
        /// A capture group of the enclosing if-block's matching matcher.
        case group(Int)
    }
    var parts: [Part]
}

/// One matcher line of an if-block.
struct RulesMatcher: Sendable, Equatable {
    /// `%name` / `%N` to match one CSV field; nil = the whole record joined with commas.
    var field: String?
    /// Case-insensitive regular expression, searched anywhere in the text.
    var pattern: String
    var negated = false
    /// `&` at the start: and-ed with the matcher before it (lines are otherwise or-ed).
    var andWithPrevious = false
}

/// An `if` block (or one row of an `if` table): when its matchers match a record, its assignments
/// override the top-level ones, and `skip` / `end` drop records.
struct RulesBlock: Sendable, Equatable {
    var matchers: [RulesMatcher]
    var assignments: [RulesAssignment] = []
    /// `skip` / `skip N` in the block: drop this record (and N-1 after it).
    var skip: Int?
    /// `end`: stop reading at this record.
    var end = false
}

extension CSVRules {
    /// Is `name` a field hledger assigns (as opposed to a name that only labels a CSV column)?
    static func isHledgerField(_ name: String) -> Bool {
        switch name {
        case "date", "date2", "status", "code", "description", "comment", "precomment", "amount", "amount-in",
            "amount-out", "currency", "balance":
            return true
        default:
            break
        }
        for prefix in ["account", "amount", "currency", "balance", "comment"] where name.hasPrefix(prefix) {
            var rest = Substring(name.dropFirst(prefix.count))
            if prefix == "amount" {
                if rest.hasSuffix("-in") {
                    rest = rest.dropLast(3)
                } else if rest.hasSuffix("-out") {
                    rest = rest.dropLast(4)
                }
            }
            if let number = Int(rest), (1...99).contains(number), rest.allSatisfy(\.isASCII), rest.first != "0" {
                return true
            }
        }
        return false
    }
}
