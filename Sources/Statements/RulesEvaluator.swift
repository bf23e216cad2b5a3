// Reads a CSV with hledger rules: each record's hledger fields (date, amount, currency, code,
// description...) are worked out from the top-level assignments and the matching if-blocks, then
// posting 1's amount (hledger's "account1" side, inflow positive) becomes our direction and amount.
// A short, truncated or unreadable record is a malformed row with file:line, never a crash.
import WalletCore

enum RulesCSVReader {
    /// A template with its field references resolved to column indexes for this file.
    private struct Compiled {
        enum Part {
            case text(String)
            case column(Int)
            case group(Int)
        }
        var parts: [Part]

        init(_ template: RulesTemplate, columns: [String: Int]) {
            parts = template.parts.map { part in
                switch part {
                case .text(let text): return .text(text)
                case .group(let number): return .group(number)
                case .field(let name):
                    if let number = Int(name), number >= 1 { return .column(number - 1) }
                    if let column = columns[name] { return .column(column) }
                    // hledger leaves a reference to an unknown name as written.
                    return .text("%" + name)
                }
            }
        }

        func render(_ values: [String], groups: [String]) -> String {
            var result = ""
            for part in parts {
                switch part {
                case .text(let text): result += text
                case .column(let index): if index < values.count { result += values[index] }
                case .group(let number): if number < groups.count { result += groups[number] }
                }
            }
            return result
        }
    }

    private struct Matcher {
        var column: Int?
        var regex: RulesRegex
        var negated: Bool
        var andWithPrevious: Bool
    }

    private struct Block {
        var matchers: [Matcher]
        /// An assignment uses `\N`: the matchers must report their groups.
        var needsGroups: Bool
        var assignments: [String: Compiled]
        var skip: Int?
        var end: Bool
    }

    static func read(_ bytes: Bytes, rules: CSVRules, file: String, issues: inout RowIssues) throws -> [Transaction] {
        if let format = rules.dateFormat, !RulesDateFormat.hasYear(format), rules.year == nil {
            throw StatementError.rulesDateNeedsYear(file: rules.file, format: format)
        }
        var columns: [String: Int] = [:]
        for (index, name) in rules.fieldNames.enumerated() where !name.isEmpty && columns[name] == nil {
            columns[name] = index
        }
        var topLevel: [String: Compiled] = [:]
        for assignment in rules.assignments {
            topLevel[assignment.field] = Compiled(assignment.value, columns: columns)
        }
        let blocks = try rules.blocks.map { block in
            Block(
                matchers: try block.matchers.map { matcher in
                    let column = matcher.field.map { Int($0).map { $0 - 1 } ?? columns[$0] ?? -1 }
                    return Matcher(
                        column: column, regex: try RulesRegex(matcher.pattern), negated: matcher.negated,
                        andWithPrevious: matcher.andWithPrevious)
                },
                needsGroups: block.assignments.contains { assignment in
                    assignment.value.parts.contains { if case .group = $0 { return true } else { return false } }
                },
                assignments: Dictionary(
                    block.assignments.map { ($0.field, Compiled($0.value, columns: columns)) },
                    uniquingKeysWith: { _, last in last }),
                skip: block.skip, end: block.end)
        }
        let lowerFile = file.lowercased()
        let separator =
            rules.separator ?? (lowerFile.hasSuffix(".ssv") ? 0x3b : lowerFile.hasSuffix(".tsv") ? 0x09 : 0x2c)
        var reader = CSVReader(bytes: bytes, separator: separator)
        var fields: [FieldRange] = []
        func isBlank() -> Bool { fields.count == 1 && reader.trimmed(fields[0]).0 == reader.trimmed(fields[0]).1 }
        var skipped = 0
        while skipped < rules.skip, reader.next(into: &fields) {
            if !isBlank() { skipped += 1 }
        }

        let timeColumn = columns["time"]
        let idColumn = columns["id"]
        let counterpartyColumn = columns["counterparty"] ?? columns["payee"]
        let noteColumn = columns["note"] ?? columns["memo"]
        let categoryColumn = columns["category"]
        let needsRecord = blocks.contains { $0.matchers.contains { $0.column == nil } }
        var result: [Transaction] = []
        var skipRecords = 0
        var values: [String] = []
        var matched: [(Int, [String])] = []
        rows: while reader.next(into: &fields) {
            if isBlank() { continue }
            if skipRecords > 0 {
                skipRecords -= 1
                continue
            }
            let line = reader.rowLine
            values.removeAll(keepingCapacity: true)
            for field in fields { values.append(reader.string(field)) }
            // Which blocks apply: matcher lines are or-ed, `&` lines and-ed to the line before.
            matched.removeAll(keepingCapacity: true)
            // The whole record as text, only when a matcher looks at it (most rules match fields).
            let record = needsRecord ? values.joined(separator: ",") : ""
            // Each field (and the record, last slot) lowercased once per row for every matcher that reads
            // it: a rules file with hundreds of matchers lowered the same text hundreds of times.
            var loweredTexts = [[Unicode.Scalar]?](repeating: nil, count: values.count + 1)
            for (index, block) in blocks.enumerated() {
                var anyGroup = false
                var groupsFound: [String] = []
                var chain = true
                var chainGroups: [String] = []
                for (position, matcher) in block.matchers.enumerated() {
                    if position > 0, !matcher.andWithPrevious {
                        if chain {
                            anyGroup = true
                            groupsFound = chainGroups
                            break
                        }
                        chain = true
                        chainGroups = []
                    }
                    guard chain else { continue }
                    // What the matcher reads: a field, the whole record (the last slot of `loweredTexts`),
                    // or nothing ("") for a column the row lacks.
                    let slot: Int?
                    if let column = matcher.column {
                        slot = column >= 0 && column < values.count ? column : nil
                    } else {
                        slot = values.count
                    }
                    let text = slot.map { $0 == values.count ? record : values[$0] } ?? ""
                    if block.needsGroups {
                        let match = matcher.regex.firstMatch(in: text)
                        if (match != nil) == matcher.negated {
                            chain = false
                        } else if let match, chainGroups.isEmpty {
                            chainGroups = match
                        }
                    } else {
                        let lowered: [Unicode.Scalar]
                        if let slot, let cached = loweredTexts[slot] {
                            lowered = cached
                        } else {
                            lowered = RulesRegex.lowered(text)
                            if let slot { loweredTexts[slot] = lowered }
                        }
                        if matcher.regex.matches(lowered: lowered) == matcher.negated { chain = false }
                    }
                }
                if !anyGroup, chain {
                    anyGroup = true
                    groupsFound = chainGroups
                }
                if anyGroup { matched.append((index, groupsFound)) }
            }
            for (index, _) in matched {
                if blocks[index].end { break rows }
                if let count = blocks[index].skip {
                    skipRecords = max(count - 1, 0)
                    continue rows
                }
            }
            if !rules.fieldNames.isEmpty, values.count < rules.fieldNames.count {
                try issues.add(
                    line: line,
                    .tooFewFields(expected: rules.fieldNames.count, found: values.count, truncatedHint: true))
                continue
            }
            /// The value of an hledger field: the last matching block's assignment, else the top level.
            func field(_ name: String) -> String? {
                for (index, groups) in matched.reversed() {
                    if let template = blocks[index].assignments[name] { return template.render(values, groups: groups) }
                }
                return topLevel[name]?.render(values, groups: [])
            }
            func text(_ column: Int?) -> String {
                guard let column, column < values.count else { return "" }
                return values[column]
            }

            // Posting 1's amount: numbered fields win over unnumbered ones; a zero is dropped unless all
            // are zero; more than one non-zero is an error (as in hledger); `-out` is negated.
            let currencyText = field("currency1") ?? field("currency") ?? ""
            var candidates: [(String, RulesAmount.Value)] = []
            var numbered = false
            for name in ["amount1", "amount1-in", "amount1-out", "amount", "amount-in", "amount-out"] {
                if numbered, !name.hasPrefix("amount1") { break }
                guard let raw = field(name)?.trimmingSpaces(), !raw.isEmpty else { continue }
                if name.hasPrefix("amount1") { numbered = true }
                let amountText = currencyText + RulesAmount.simplifySign(raw)
                switch RulesAmount.parse(
                    amountText, defaultCurrency: rules.accountCurrency ?? "CNY", decimalComma: rules.decimalComma)
                {
                case .success(var value):
                    if name.hasSuffix("-out") { value.minor = -value.minor }
                    candidates.append((name, value))
                case .failure(let failure):
                    try issues.add(line: line, reason(failure, name: name, text: amountText))
                    continue rows
                }
            }
            let nonZero = candidates.filter { $0.1.minor != 0 }
            guard nonZero.count <= 1 else {
                try issues.add(line: line, .severalAmounts(fields: nonZero.map(\.0)))
                continue
            }
            // A record without any amount (a fee line hledger posts without one) moves no cash.
            guard let (_, amount) = nonZero.first ?? candidates.first else { continue }

            // The balance is the account's, in its currency: a per-row `currency` (the currency of this
            // payment) is not prepended to it as hledger would, so a JPY purchase keeps a CNY balance.
            var balance: Int64?
            if let raw = (field("balance1") ?? field("balance"))?.trimmingSpaces(), !raw.isEmpty {
                let balanceText = RulesAmount.simplifySign(raw)
                switch RulesAmount.parse(
                    balanceText, defaultCurrency: rules.accountCurrency ?? amount.currency,
                    decimalComma: rules.decimalComma)
                {
                case .success(let value): balance = value.minor
                case .failure(let failure):
                    try issues.add(line: line, reason(failure, name: "balance", text: balanceText))
                    continue
                }
            }

            let dateText = (field("date") ?? "").trimmingSpaces()
            guard !dateText.isEmpty else {
                try issues.add(line: line, .noDate)
                continue
            }
            guard var date = RulesDateFormat.parse(dateText, format: rules.dateFormat, year: rules.year) else {
                try issues.add(line: line, .unreadableRulesDate(text: dateText, format: rules.dateFormat))
                continue
            }
            if !date.hasTime, let seconds = RulesDateFormat.timeOfDay(text(timeColumn)) {
                date.localSeconds += seconds
                date.hasTime = true
            }
            let offset = date.offset ?? rules.timezone
            let code = (field("code") ?? "").trimmingSpaces()
            let sourceID = code.isEmpty ? text(idColumn) : code
            let description = (field("description") ?? "").trimmingSpaces()
            let named = text(counterpartyColumn)
            let comment = (field("comment") ?? "").replacing("\\n", with: " ").trimmingSpaces()
            result.append(
                Transaction(
                    sourceID: sourceID.isEmpty ? nil : sourceID, timestamp: date.localSeconds - Int64(offset),
                    utcOffsetSeconds: offset, hasTime: date.hasTime, amountMinor: abs(amount.minor),
                    direction: amount.minor > 0 ? .inflow : amount.minor < 0 ? .outflow : .neutral,
                    currency: amount.currency, counterparty: named.isEmpty ? description : named,
                    category: text(categoryColumn), note: comment.isEmpty ? text(noteColumn) : comment,
                    balanceMinor: balance, crossBorder: rules.accountCurrency.map { $0 != amount.currency } ?? false,
                    source: .csv,
                    line: Int32(truncatingIfNeeded: line)))
        }
        return result
    }

    private static func reason(_ failure: RulesAmount.Failure, name: String, text: String) -> RowProblem {
        switch failure {
        case .unreadable: return .unreadableRulesAmount(field: name, text: text)
        case .tooManyDecimals(let currency, let scale):
            return .moreDecimalsThanCurrency(field: name, text: text, currency: currency, scale: scale)
        case .unknownCurrency(let symbol): return .unknownCurrency(field: name, text: text, symbol: symbol)
        }
    }
}
