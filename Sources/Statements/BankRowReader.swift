// Reads the data rows of a built-in bank/platform layout (BankLayouts.swift) into transactions:
// dates in the layout's form (CMB credit's year-less MM/DD take the year from the title), the
// amount and direction by the layout's rule, the currency from a column or the amount cell.
// Bank statements are small (a month of rows), so this favours clarity over the wallet path's speed.

struct BankRowReader {
    let layout: BankLayout
    let columns: ColumnMap
    let file: String
    /// Statement year and month named in the preamble (`2024年01月`), for year-less dates.
    let statementMonth: (year: Int, month: Int)?

    init(layout: BankLayout, columns: ColumnMap, file: String, preamble: Bytes) {
        self.layout = layout
        self.columns = columns
        self.file = file
        statementMonth = Self.statementMonth(in: String(decoding: preamble, as: UTF8.self))
    }

    /// The first `YYYY年MM月` in the text (CMB: `招商银行信用卡对账单（个人消费卡账户 2024年01月）`).
    static func statementMonth(in text: String) -> (year: Int, month: Int)? {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index + 5 < scalars.count {
            defer { index += 1 }
            guard scalars[index..<index + 4].allSatisfy({ ("0"..."9").contains($0) }), scalars[index + 4] == "年"
            else { continue }
            var cursor = index + 5
            var month = 0
            var digits = 0
            while cursor < scalars.count, digits < 2, ("0"..."9").contains(scalars[cursor]) {
                month = month * 10 + Int(scalars[cursor].value - 48)
                digits += 1
                cursor += 1
            }
            guard digits > 0, cursor < scalars.count, scalars[cursor] == "月", (1...12).contains(month) else {
                continue
            }
            let year = scalars[index..<index + 4].reduce(0) { $0 * 10 + Int($1.value - 48) }
            return (year, month)
        }
        return nil
    }

    func read(bytes: Bytes, start: Int, startLine: Int, issues: inout RowIssues) throws -> [Transaction] {
        var reader = CSVReader(bytes: bytes, start: start, startLine: startLine)
        var fields: [FieldRange] = []
        var result: [Transaction] = []
        let dateColumn = columns.column(layout.date)
        while reader.next(into: &fields) {
            let first = reader.string(fields[0])
            if fields.allSatisfy({ reader.trimmed($0).0 == reader.trimmed($0).1 }) { continue }
            // Footers: a dashed rule, or totals (ICBC 合计金额 / 人民币合计).
            if first.hasPrefix("--") || first.contains("合计") { break }
            guard dateColumn < fields.count else {
                try issues.add(
                    line: reader.rowLine,
                    .tooFewFields(expected: columns.count, found: fields.count, truncatedHint: false))
                continue
            }
            do {
                result.append(try convert(reader, fields))
            } catch let failure as RowFailure {
                try issues.add(line: reader.rowLine, failure.problem)
            }
        }
        return result
    }

    private func text(_ reader: CSVReader, _ fields: [FieldRange], _ name: String?) -> String {
        guard let name else { return "" }
        let position = columns.column(name)
        guard position >= 0, position < fields.count else { return "" }
        return reader.string(fields[position])
    }

    private func bounds(_ reader: CSVReader, _ fields: [FieldRange], _ name: String) -> (Int, Int)? {
        let position = columns.column(name)
        guard position >= 0, position < fields.count else { return nil }
        return reader.trimmed(fields[position])
    }

    /// Local seconds of the row's date (midnight), or a problem.
    private func date(_ reader: CSVReader, _ fields: [FieldRange]) throws -> (Int64, Int64?) {
        var name = layout.date
        var cell = bounds(reader, fields, name) ?? (0, 0)
        if cell.0 == cell.1, let fallback = layout.dateFallback, let other = bounds(reader, fields, fallback) {
            name = fallback
            cell = other
        }
        let bytes = reader.bytes
        switch layout.dateForm {
        case .dayFirst:
            if let day = ByteParsing.dayFirstDate(bytes, cell.0, cell.1) { return (day, nil) }
        case .yearFirst:
            if let local = ByteParsing.localDateTime(bytes, cell.0, cell.1) {
                let midnight = local.seconds - ((local.seconds % 86400) + 86400) % 86400
                return (midnight, local.hasTime ? local.seconds - midnight : nil)
            }
            if let day = ByteParsing.compactDate(bytes, cell.0, cell.1) { return (day, nil) }
            if let (month, day) = ByteParsing.monthDay(bytes, cell.0, cell.1) {
                guard let statement = statementMonth else {
                    throw StatementError.yearUnknown(file: file, line: reader.rowLine)
                }
                // A January statement lists December's rows: months after the statement's month
                // belong to the year before.
                let year = month > statement.month ? statement.year - 1 : statement.year
                guard day <= ByteParsing.daysInMonth(year, month) else { break }
                return (ByteParsing.daysFromCivil(year: year, month: month, day: day) * 86400, nil)
            }
        }
        throw RowFailure(.unreadable(column: name, kind: .date, text: nil))
    }

    /// Minor units and the text before the number; an empty cell is nil.
    private func amount(_ reader: CSVReader, _ fields: [FieldRange], _ name: String, scale: Int) throws
        -> (value: Int64, prefix: String, note: String)?
    {
        guard let (start, end) = bounds(reader, fields, name), start < end else { return nil }
        let bytes = reader.bytes
        // ICBC writes "-" for an empty amount.
        if end - start == 1, bytes[start] == 0x2d { return nil }
        if let value = ByteParsing.amount(bytes, start, end, scale: scale) { return (value, "", "") }
        guard let found = ByteParsing.amountWithText(bytes, start, end, scale: scale) else {
            throw RowFailure(.unreadable(column: name, kind: .amount, text: nil))
        }
        func string(_ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self).trimmingSpaces()
        }
        return (found.value, string(found.prefix), string(found.suffix))
    }

    /// ISO code for a currency cell: codes as written, Chinese names mapped.
    static func currencyCode(_ text: String, default fallback: String) -> String {
        let trimmed = text.trimmingSpaces()
        switch trimmed {
        case "": return fallback
        case "人民币", "人民币元", "RMB", "¥", "￥": return "CNY"
        case "美元": return "USD"
        case "港币", "港元": return "HKD"
        case "日元": return "JPY"
        case "欧元": return "EUR"
        case "英镑": return "GBP"
        default:
            let upper = trimmed.uppercased()
            return upper.count == 3 && upper.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) }) ? upper : fallback
        }
    }

    /// 收/支, 借贷 and Credit/Debit values.
    static func labelDirection(_ label: String) -> Direction? {
        switch label.uppercased() {
        case "支出", "借", "借 DR", "DR", "DEBIT": return .outflow
        case "收入", "贷", "贷 CR", "CR", "CREDIT": return .inflow
        case "不计收支", "其他", "/", "": return .neutral
        default: return nil
        }
    }

    /// BOCOM credit's 交易说明 starts with what happened.
    static func describedDirection(_ description: String) -> Direction? {
        let word = description.split(separator: " ", maxSplits: 1).first.map(String.init) ?? ""
        if word.hasPrefix("消费") || word.hasPrefix("取现") || word.hasPrefix("年费") { return .outflow }
        if word.hasPrefix("退货") || word.hasPrefix("退款") || word.contains("还款") { return .inflow }
        return nil
    }

    private func convert(_ reader: CSVReader, _ fields: [FieldRange]) throws -> Transaction {
        let (day, timeInDate) = try date(reader, fields)
        var seconds = timeInDate
        if let timeColumn = layout.time, let (start, end) = bounds(reader, fields, timeColumn), start < end {
            guard let time = ByteParsing.timeCell(reader.bytes, start, end) else {
                throw RowFailure(.unreadable(column: timeColumn, kind: .time, text: nil))
            }
            seconds = time
        }
        var currency: String
        switch layout.currency {
        case .fixed(let code): currency = code
        case .column(let name, let fallback):
            currency = Self.currencyCode(text(reader, fields, name), default: fallback)
        case .amountPrefix(let fallback): currency = fallback
        }
        let scale = ByteParsing.scale(ofCurrency: currency)
        var magnitude: Int64
        var direction: Direction
        var amountNote = ""
        switch layout.amount {
        case .signed(let name, let positive):
            guard let found = try amount(reader, fields, name, scale: scale) else {
                throw RowFailure(.emptyAmount(column: name))
            }
            magnitude = abs(found.value)
            direction = found.value >= 0 ? positive : (positive == .inflow ? .outflow : .inflow)
            amountNote = found.note
        case .split(let inflowName, let outflowName):
            let inflow = try amount(reader, fields, inflowName, scale: scale)
            let outflow = try amount(reader, fields, outflowName, scale: scale)
            guard inflow != nil || outflow != nil else {
                throw RowFailure(.noAmount(inflow: inflowName, outflow: outflowName))
            }
            let inValue = inflow?.value ?? 0
            let outValue = outflow?.value ?? 0
            guard inValue == 0 || outValue == 0 else {
                throw RowFailure(.bothAmounts(inflow: inflowName, outflow: outflowName))
            }
            // A negative value in one column is money the other way (a reversal).
            if inValue != 0 {
                magnitude = abs(inValue)
                direction = inValue > 0 ? .inflow : .outflow
            } else {
                magnitude = abs(outValue)
                direction = outValue >= 0 ? .outflow : .inflow
            }
        case .labelled(let name, let labelColumn):
            guard let found = try amount(reader, fields, name, scale: scale), found.value >= 0 else {
                throw RowFailure(.unreadable(column: name, kind: .amount, text: nil))
            }
            let label = text(reader, fields, labelColumn)
            guard let labelled = Self.labelDirection(label) else {
                throw RowFailure(.unknownDirection(column: labelColumn, value: label))
            }
            magnitude = found.value
            direction = labelled
            amountNote = found.note
        case .described(let name, let descriptionColumn):
            var found = try amount(reader, fields, name, scale: scale)
            if case .amountPrefix(let fallback) = layout.currency, let prefix = found?.prefix {
                // `CNY 123.18`: the cell names its currency; re-read at that currency's minor unit.
                currency = Self.currencyCode(prefix, default: fallback)
                let own = ByteParsing.scale(ofCurrency: currency)
                if own != scale { found = try amount(reader, fields, name, scale: own) }
            }
            guard let found, found.value >= 0 else {
                throw RowFailure(.unreadable(column: name, kind: .amount, text: nil))
            }
            let description = text(reader, fields, descriptionColumn)
            guard let described = Self.describedDirection(description) else {
                throw RowFailure(.unknownDescription(column: descriptionColumn, text: description))
            }
            magnitude = found.value
            direction = described
        }
        // A zero amount moves nothing, whatever the row's label says.
        if magnitude == 0 { direction = .neutral }
        return build(
            reader, fields, day: day, seconds: seconds, magnitude: magnitude, direction: direction,
            currency: currency, amountNote: amountNote)
    }

    private func build(
        _ reader: CSVReader, _ fields: [FieldRange], day: Int64, seconds: Int64?, magnitude: Int64,
        direction: Direction, currency: String, amountNote: String
    ) -> Transaction {
        func first(_ names: [String]) -> String {
            for name in names {
                let value = text(reader, fields, name)
                if !value.isEmpty && value != "--" { return value }
            }
            return ""
        }
        var note = layout.note.map { text(reader, fields, $0) }.filter { !$0.isEmpty }.joined(separator: " ")
        // JD's `131.77(已退款89.84)`: the amount is what was charged; the refund stays readable.
        if !amountNote.isEmpty { note += note.isEmpty ? amountNote : " " + amountNote }
        let status = text(reader, fields, layout.status)
        let category = text(reader, fields, layout.category)
        let id = text(reader, fields, layout.id)
        let refund =
            status.contains("退款") || category.contains("退款") || note.hasPrefix("退款")
            || amountNote.contains("退款")
        var balance: Int64? = nil
        if let name = layout.balance, let (start, end) = bounds(reader, fields, name), start < end {
            balance = ByteParsing.amount(reader.bytes, start, end, scale: ByteParsing.scale(ofCurrency: currency))
        }
        let local = day + (seconds ?? 0)
        return Transaction(
            sourceID: id.isEmpty ? nil : id, merchantOrderID: text(reader, fields, layout.merchantOrder),
            timestamp: local - Int64(layout.utcOffset), utcOffsetSeconds: layout.utcOffset, hasTime: seconds != nil,
            amountMinor: magnitude, direction: direction, currency: currency, counterparty: first(layout.counterparty),
            counterpartyAccount: text(reader, fields, layout.counterpartyAccount), category: category, note: note,
            status: status, method: text(reader, fields, layout.method), balanceMinor: balance,
            isRefund: refund && direction != .outflow, source: layout.format,
            line: Int32(truncatingIfNeeded: reader.rowLine))
    }
}
