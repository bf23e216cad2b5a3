// Rules for any other bank's CSV, in the hledger tradition: a small text file naming the columns.
//   skip 1
//   separator ;
//   fields date, time, id, counterparty, note, amount, balance
//   date-format %d/%m/%Y
//   timezone +08:00
//   currency EUR
//   decimal-mark ,
import WalletCore

/// How to read a bank CSV the wallet layouts do not cover: parse a rules file with ``parse(_:file:)``
/// and pass it as ``ReadOptions/rules``.
///
/// ```swift
/// let rules = try CSVRules.parse("skip 1\nfields date, counterparty, amount\n", file: "bank.rules")
/// let statement = try StatementReader.read(path: "bank.csv", options: ReadOptions(rules: rules))
/// ```
public struct CSVRules: Sendable, Equatable {
    /// A column name in the `fields` line (`_` skips a column).
    public enum Field: String, Sendable, CaseIterable {
        /// The transaction's date, time, id, counterparty, note, category and signed amount.
        case date, time, id, counterparty, note, category, amount
        /// Money in, and money out, in separate columns.
        case amountIn = "amount-in"
        case amountOut = "amount-out"
        /// The balance after the row, and a per-row currency code.
        case balance, currency
        /// A column to skip.
        case ignored = "_"
    }

    /// Lines to skip before the first row (a header line counts).
    public var skip = 0
    /// The field separator byte (`,` `;` `|` or TAB).
    public var separator: UInt8 = 0x2c
    /// What each column holds, in order.
    public var fields: [Field] = []
    /// strftime subset: %Y %y %m %d %H %M %S (and %-m, %-d); nil = ISO `YYYY-MM-DD[ HH:MM[:SS]]`.
    public var dateFormat: String?
    /// The UTC offset of the dates, in seconds (default +08:00).
    public var timezone: Int32 = 8 * 3600
    /// ISO 4217 code of the amounts.
    public var currency = "CNY"
    /// Amounts use `,` as the decimal mark (and `.` to group thousands).
    public var decimalComma = false

    /// Rules with every default: no skip, comma separator, no fields yet.
    public init() {}

    static let synonyms: [String: Field] = [
        "payee": .counterparty, "description": .counterparty, "memo": .note, "comment": .note,
        "datetime": .date, "code": .id, "": .ignored,
    ]

    /// Parses a rules file; errors name the line.
    public static func parse(_ text: String, file: String) throws -> CSVRules {
        var rules = CSVRules()
        for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(rawLine).trimmingSpaces()
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            let keyword = String(line.prefix { $0 != " " && $0 != "\t" })
            let value = String(line.dropFirst(keyword.count)).trimmingSpaces()
            func bad(_ problem: RulesProblem) -> StatementError {
                StatementError.invalidRule(file: file, line: number + 1, problem: problem)
            }
            switch keyword {
            case "skip":
                guard let count = Int(value.isEmpty ? "1" : value), count >= 0 else { throw bad(.skipNeedsNumber) }
                rules.skip = count
            case "separator":
                switch value {
                case ",": rules.separator = 0x2c
                case ";": rules.separator = 0x3b
                case "TAB", "\\t", "tab": rules.separator = 0x09
                case "|": rules.separator = 0x7c
                default: throw bad(.badSeparator)
                }
            case "fields":
                rules.fields = try value.split(separator: ",", omittingEmptySubsequences: false).map { part in
                    let name = String(part).trimmingSpaces().lowercased()
                    if let field = Field(rawValue: name) ?? synonyms[name] { return field }
                    throw bad(.unknownField(name))
                }
            case "date-format":
                guard !value.isEmpty else { throw bad(.emptyDateFormat) }
                rules.dateFormat = value
            case "timezone":
                guard let offset = ByteParsing.utcOffset(value) else { throw bad(.badTimezone) }
                rules.timezone = offset
            case "currency":
                guard value.count == 3, value.allSatisfy({ $0.isLetter && $0.isASCII }) else {
                    throw bad(.badCurrency)
                }
                rules.currency = value.uppercased()
            case "decimal-mark":
                guard value == "," || value == "." else { throw bad(.badDecimalMark) }
                rules.decimalComma = value == ","
            default:
                throw bad(.unknownDirective(keyword))
            }
        }
        guard rules.fields.contains(.date) else {
            throw StatementError.rulesWithoutDate(file: file)
        }
        guard rules.fields.contains(.amount) || rules.fields.contains(.amountIn) || rules.fields.contains(.amountOut)
        else {
            throw StatementError.rulesWithoutAmount(file: file)
        }
        return rules
    }

    /// Local seconds for a date (and optional separate time) under `dateFormat`.
    func localSeconds(_ bytes: Bytes, _ start: Int, _ end: Int) -> (Int64, Bool)? {
        guard let format = dateFormat else {
            return ByteParsing.localDateTime(bytes, start, end).map { ($0.seconds, $0.hasTime) }
        }
        var year = 1970
        var month = 1
        var day = 1
        var seconds: Int64 = 0
        var hasTime = false
        var i = start
        var pattern = Array(format.utf8)[...]
        while let token = pattern.first {
            pattern = pattern.dropFirst()
            if token == 0x25, var code = pattern.first {  // '%'
                pattern = pattern.dropFirst()
                if code == 0x2d, let next = pattern.first {  // %-d
                    code = next
                    pattern = pattern.dropFirst()
                }
                let width = code == 0x59 ? 4 : 2
                let (value, count) = ByteParsing.digits(bytes, &i, end: end, max: width)
                guard count > 0 else { return nil }
                switch code {
                case 0x59: year = value
                case 0x79: year = value + (value > 70 ? 1900 : 2000)
                case 0x6d: month = value
                case 0x64: day = value
                case 0x48:
                    seconds += Int64(value * 3600)
                    hasTime = true
                case 0x4d: seconds += Int64(value * 60)
                case 0x53: seconds += Int64(min(value, 59))
                default: return nil
                }
            } else {
                guard i < end, bytes[i] == token else { return nil }
                i += 1
            }
        }
        guard i == end, (1...12).contains(month), day >= 1, day <= ByteParsing.daysInMonth(year, month) else {
            return nil
        }
        return (ByteParsing.daysFromCivil(year: year, month: month, day: day) * 86400 + seconds, hasTime)
    }
}

enum RulesCSVReader {
    static func read(_ bytes: Bytes, rules: CSVRules, file: String, issues: inout RowIssues) throws -> [Transaction] {
        var reader = CSVReader(bytes: bytes, separator: rules.separator)
        var fields: [FieldRange] = []
        var skipped = 0
        while skipped < rules.skip, reader.next(into: &fields) { skipped += 1 }
        func column(_ field: CSVRules.Field) -> Int { rules.fields.firstIndex(of: field) ?? -1 }
        let date = column(.date)
        let time = column(.time)
        let id = column(.id)
        let counterparty = column(.counterparty)
        let note = column(.note)
        let category = column(.category)
        let amount = column(.amount)
        let amountIn = column(.amountIn)
        let amountOut = column(.amountOut)
        let balance = column(.balance)
        let currency = column(.currency)
        let needed = [date, time, amount, amountIn, amountOut].max() ?? 0
        var result: [Transaction] = []
        while reader.next(into: &fields) {
            if fields.count == 1 && reader.trimmed(fields[0]).0 == reader.trimmed(fields[0]).1 { continue }
            guard fields.count > needed else {
                try issues.add(
                    line: reader.rowLine,
                    "expected \(rules.fields.count) fields, found \(fields.count) (truncated row?)")
                continue
            }
            func text(_ index: Int) -> String { index >= 0 && index < fields.count ? reader.string(fields[index]) : "" }
            let (dateStart, dateEnd) = reader.trimmed(fields[date])
            guard var (local, hasTime) = rules.localSeconds(reader.bytes, dateStart, dateEnd) else {
                try issues.add(line: reader.rowLine, "unreadable date '\(text(date))'")
                continue
            }
            if time >= 0 {
                var (timeStart, timeEnd) = reader.trimmed(fields[time])
                guard let seconds = ByteParsing.timeOfDay(reader.bytes, &timeStart, timeEnd), timeStart == timeEnd
                else {
                    try issues.add(line: reader.rowLine, "unreadable time '\(text(time))'")
                    continue
                }
                local += seconds
                hasTime = true
            }
            let code = currency >= 0 && !text(currency).isEmpty ? text(currency).uppercased() : rules.currency
            let scale = ByteParsing.scale(ofCurrency: code)
            // Balances are in the account's currency; amounts in the row's.
            let accountScale = ByteParsing.scale(ofCurrency: rules.currency)
            func money(_ index: Int, _ digits: Int) -> Int64?? {
                guard index >= 0 else { return .some(nil) }
                let (start, end) = reader.trimmed(fields[index])
                if start == end { return .some(nil) }
                guard
                    let value = ByteParsing.amount(
                        reader.bytes, start, end, scale: digits, decimalComma: rules.decimalComma)
                else { return nil }
                return .some(value)
            }
            guard let single = money(amount, scale), let incoming = money(amountIn, scale),
                let outgoing = money(amountOut, scale), let reported = money(balance, accountScale)
            else {
                try issues.add(line: reader.rowLine, "unreadable amount or balance")
                continue
            }
            var signed: Int64
            if let single {
                signed = single
            } else if let incoming, incoming != 0 {
                signed = abs(incoming)
            } else if let outgoing {
                signed = -abs(outgoing)
            } else {
                try issues.add(line: reader.rowLine, "no amount")
                continue
            }
            let sourceID = text(id)
            let name = text(counterparty)
            let memo = text(note)
            result.append(
                Transaction(
                    sourceID: sourceID.isEmpty ? nil : sourceID, timestamp: local - Int64(rules.timezone),
                    utcOffsetSeconds: rules.timezone, hasTime: hasTime, amountMinor: abs(signed),
                    direction: signed < 0 ? .outflow : .inflow, currency: code,
                    counterparty: name.isEmpty ? memo : name,
                    category: text(category), note: memo, balanceMinor: reported,
                    crossBorder: code != rules.currency, source: .csv, line: Int32(truncatingIfNeeded: reader.rowLine)))
        }
        return result
    }
}
