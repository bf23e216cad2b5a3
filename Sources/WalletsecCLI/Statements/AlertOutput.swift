// Printing alerts: the human table, JSON Lines (one alert a line, then one summary object), and
// the full reasoning of one alert for --explain.
import Anomaly
import Statements
import WalletCore

struct TransactionSummary: Encodable {
    var id: String
    var time: String
    var amount: String
    var amountMinor: Int64
    var currency: String
    var direction: String
    var counterparty: String
    var merchantOrderId: String
    var file: String?
    var line: Int?

    init(ledger: Ledger, index: Int, files: [String]) {
        let item = ledger.items[index]
        let t = item.transaction
        id = item.id
        time = ByteParsing.formatLocal(timestamp: t.timestamp, offsetSeconds: t.utcOffsetSeconds, withTime: t.hasTime)
        // Exact: an OFX row's digits beyond the minor unit too (`115.8331`); amount_minor is truncated.
        amount = t.exactAmountText(scale: ByteParsing.scale(ofCurrency: t.currency))
        amountMinor = t.amountMinor
        currency = t.currency
        direction = t.direction.rawValue
        counterparty = t.counterparty
        merchantOrderId = t.merchantOrderID
        if item.fileIndex >= 0, Int(item.fileIndex) < files.count {
            file = files[Int(item.fileIndex)]
            line = Int(t.line)
        }
    }

    /// The object JSONOutput's encoder writes for this summary (same keys, order and escapes), written
    /// by hand: `history list --json` writes one per stored row, and the encoder cost ten times the
    /// rest of the work (`TransactionSummaryJSONTests` holds the two to the same text).
    var jsonLine: String {
        var writer = JSONLineWriter()
        writer.string("amount", amount)
        writer.number("amount_minor", Int(amountMinor))
        writer.string("counterparty", counterparty)
        writer.string("currency", currency)
        writer.string("direction", direction)
        if let file { writer.string("file", file) }
        writer.string("id", id)
        if let line { writer.number("line", line) }
        writer.string("merchant_order_id", merchantOrderId)
        writer.string("time", time)
        return writer.text
    }
}

struct AlertLine: Encodable {
    var type = "alert"
    var id: String
    var kind: String
    var severity: String
    var transactionIds: [String]
    var explanation: LocalizedText
    var numbers: [String: Double]
    var firstTime: String
    var transactions: [TransactionSummary]
    var reasoning: [LocalizedText]?

    init(_ alert: Alert, ledger: Ledger, files: [String], withReasoning: Bool) {
        id = alert.id
        kind = alert.kind.rawValue
        severity = alert.severity.rawValue
        transactionIds = alert.transactionIds
        explanation = alert.explanation
        numbers = alert.numbers
        firstTime = alert.firstTime
        transactions = alert.ledgerIndexes.map { TransactionSummary(ledger: ledger, index: $0, files: files) }
        reasoning = withReasoning ? alert.reasoning : nil
    }
}

enum AlertOutput {
    /// Prints the alert table to stdout: sized to the terminal, coloured only on a terminal.
    static func table(_ alerts: [Alert], ledger: Ledger? = nil, language: Language) {
        let environment = Environment.all
        let lines = tableLines(
            alerts, ledger: ledger, language: language,
            width: DisplayWidth.terminalColumns(environment: environment),
            colour: Colour.enabled(stdoutIsTTY: Terminal.stdoutIsTTY, environment: environment))
        for line in lines { Terminal.out(line) }
    }

    /// The table as lines: one row per alert (severity, kind, time, amount, counterparty, id; amount
    /// and counterparty only with a ledger), its explanation wrapped beneath it to `width` columns,
    /// rows sorted by severity (high first) then time. Columns are measured in display width. When
    /// the row would not fit `width` with a readable counterparty (10 columns), the counterparty and
    /// id move to the first line under the row.
    static func tableLines(_ alerts: [Alert], ledger: Ledger?, language: Language, width: Int, colour: Bool)
        -> [String]
    {
        let zh = language == .zh
        guard !alerts.isEmpty else { return [zh ? "未发现异常。" : "No alerts."] }
        let sorted = sortedForTable(alerts, ledger: ledger)
        let gap = 2
        var header = zh ? ["严重度", "类型", "时间"] : ["SEVERITY", "KIND", "TIME"]
        if ledger != nil { header.append(zh ? "金额" : "AMOUNT") }
        var rows: [[String]] = []
        var names: [(name: String, more: String)] = []
        for alert in sorted {
            var cells = [alert.severity.words.text(language), alert.kind.words.text(language)]
            if let ledger {
                let (time, amount, name, more) = cellsFromLedger(alert, ledger: ledger, language: language)
                cells += [time, amount]
                names.append((DisplayWidth.printable(name), more))
            } else {
                cells.append(String(alert.firstTime.prefix(19)))
            }
            rows.append(cells)
        }
        var widths = header.map { DisplayWidth.of($0) }
        for row in rows {
            for (column, cell) in row.enumerated() { widths[column] = max(widths[column], DisplayWidth.of(cell)) }
        }
        let idWidth = sorted.map { DisplayWidth.of($0.id) }.max() ?? 0
        let fixed = widths.reduce(0, +) + gap * widths.count + idWidth
        let wanted = names.map { DisplayWidth.of($0.name) + DisplayWidth.of($0.more) }.max() ?? 0
        let counterpartyHeader = zh ? "交易对方" : "COUNTERPARTY"
        // The counterparty column takes what is left, 10 to 24 columns.
        let counterpartyWidth =
            ledger == nil ? 0 : min(24, max(DisplayWidth.of(counterpartyHeader), wanted), width - fixed - gap)
        let inline = ledger == nil || counterpartyWidth >= 10
        if ledger != nil && inline {
            header.append(counterpartyHeader)
            widths.append(counterpartyWidth)
            for (row, name) in zip(rows.indices, names) {
                let room = counterpartyWidth - DisplayWidth.of(name.more)
                rows[row].append(DisplayWidth.truncate(name.name, max(1, room)) + name.more)
            }
        }
        if inline {
            header.append(zh ? "编号" : "ID")
            for (row, alert) in zip(rows.indices, sorted) { rows[row].append(alert.id) }
        }
        let amountColumn = ledger != nil ? 3 : -1
        func line(_ cells: [String], severity: Severity?) -> String {
            var parts: [String] = []
            for (column, cell) in cells.enumerated() {
                let last = column == cells.count - 1
                var text =
                    last && column != amountColumn
                    ? cell : DisplayWidth.pad(cell, widths[column], right: column == amountColumn)
                if column == 0, let severity, colour { text = Colour.severity(text, severity) }
                parts.append(text)
            }
            return parts.joined(separator: String(repeating: " ", count: gap))
        }
        var out = [line(header, severity: nil)]
        let indent = widths[0] + gap
        let textWidth = max(20, width - indent)
        let margin = String(repeating: " ", count: indent)
        for (position, alert) in sorted.enumerated() {
            out.append(line(rows[position], severity: alert.severity))
            if !inline {
                let more = names[position].more
                let room = textWidth - DisplayWidth.of(alert.id) - gap - DisplayWidth.of(more)
                out.append(margin + DisplayWidth.truncate(names[position].name, max(1, room)) + more + "  " + alert.id)
            }
            for wrapped in DisplayWidth.wrap(alert.explanation.text(language), width: textWidth) {
                out.append(margin + wrapped)
            }
        }
        return out
    }

    /// Severity (high first), then the first transaction's time, then id (a stable order).
    static func sortedForTable(_ alerts: [Alert], ledger: Ledger?) -> [Alert] {
        func time(_ alert: Alert) -> Int64 {
            guard let ledger else { return 0 }
            return alert.ledgerIndexes.filter { $0 >= 0 && $0 < ledger.items.count }
                .map { ledger.items[$0].transaction.timestamp }.min() ?? Int64.max
        }
        let keyed = alerts.map { (alert: $0, time: time($0)) }
        return keyed.sorted { left, right in
            if left.alert.severity != right.alert.severity { return left.alert.severity > right.alert.severity }
            if left.time != right.time { return left.time < right.time }
            if left.alert.firstTime != right.alert.firstTime { return left.alert.firstTime < right.alert.firstTime }
            return left.alert.id < right.alert.id
        }.map(\.alert)
    }

    /// Time of the first row as the wallet shows it, the amount (one row: its amount; equal rows:
    /// `2 × ¥140.87`; otherwise the total paid), the first counterparty and, when there are several,
    /// how many (` +2` / ` 等3个`, kept whole when the name is cut).
    static func cellsFromLedger(_ alert: Alert, ledger: Ledger, language: Language) -> (
        time: String, amount: String, name: String, more: String
    ) {
        let transactions = alert.ledgerIndexes.filter { $0 >= 0 && $0 < ledger.items.count }
            .map { ledger.items[$0].transaction }.sorted { $0.timestamp < $1.timestamp }
        guard let first = transactions.first else { return (String(alert.firstTime.prefix(19)), "", "", "") }
        let zh = language == .zh
        let time = AlertWords.walletTime(first)
        var amount = AlertWords.money(first.amountMinor, currency: first.currency, language: language)
        if transactions.count > 1 {
            let same = transactions.allSatisfy { $0.amountMinor == first.amountMinor && $0.currency == first.currency }
            if same {
                amount = "\(transactions.count) × " + amount
            } else if transactions.allSatisfy({ $0.currency == first.currency }),
                let total = AlertWords.paidTotals(transactions).first, total.minor > 0
            {
                amount =
                    (zh ? "共 " : "total ") + AlertWords.money(total.minor, currency: first.currency, language: language)
            }
        }
        var names: [String] = []
        for t in transactions where !names.contains(t.counterparty) { names.append(t.counterparty) }
        let more = names.count > 1 ? (zh ? " 等\(names.count)个" : " +\(names.count - 1)") : ""
        return (time, amount, names.first ?? "", more)
    }

    static func explain(_ alert: Alert, ledger: Ledger, language: Language, files: [String]) {
        let zh = language == .zh
        Terminal.out(
            "\(alert.id)  \(alert.kind.words.text(language))"
                + (zh ? "（\(alert.kind.rawValue)）  " : " (\(alert.kind.rawValue))  ")
                + (zh ? "严重度 " : "severity ") + alert.severity.words.text(language))
        Terminal.out(alert.explanation.text(language))
        Terminal.out("")
        Terminal.out(zh ? "推理过程：" : "Reasoning:")
        for (number, step) in alert.reasoning.enumerated() { Terminal.out("  \(number + 1). " + step.text(language)) }
        Terminal.out("")
        Terminal.out(zh ? "数值：" : "Numbers:")
        for key in alert.numbers.keys.sorted() {
            let value = alert.numbers[key] ?? 0
            let text = value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
            Terminal.out("  \(key) = \(text)")
        }
        Terminal.out("")
        Terminal.out(zh ? "交易：" : "Transactions:")
        for index in alert.ledgerIndexes where index >= 0 && index < ledger.items.count {
            let item = ledger.items[index]
            let t = item.transaction
            let time = AlertWords.walletTime(t) + (t.hasTime ? " (" + AlertWords.zone(t) + ")" : "")
            var line =
                "  \(time)  \(AlertWords.money(t.amountMinor, currency: t.currency, language: language)) \(AlertWords.direction(t, language: language))  \(DisplayWidth.printable(t.counterparty))  [\(item.id)]"
            if !t.merchantOrderID.isEmpty {
                line += " " + (zh ? "商家订单号 " : "merchant order ") + DisplayWidth.printable(t.merchantOrderID)
            }
            if item.fileIndex >= 0, Int(item.fileIndex) < files.count {
                line += "  (\(FileSystem.baseName(files[Int(item.fileIndex)])):\(t.line))"
            }
            Terminal.out(line)
        }
    }

    static func pad(_ text: String, _ width: Int) -> String {
        let padded = DisplayWidth.pad(text, width)
        return padded == text ? text + " " : padded
    }

    static func countsByKind(_ alerts: [Alert]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for kind in AlertKind.allCases { counts[kind.rawValue] = 0 }
        for alert in alerts { counts[alert.kind.rawValue, default: 0] += 1 }
        return counts
    }

    /// `3 alert(s): Possible double charge 1, ...` / `告警 3 条：可能重复扣款 1 条，...`; JSON keeps the raw kinds.
    static func summaryLine(_ counts: [String: Int], language: Language) -> String {
        let zh = language == .zh
        let shown = AlertKind.allCases.compactMap { kind -> String? in
            let count = counts[kind.rawValue] ?? 0
            guard count > 0 else { return nil }
            return kind.words.text(language) + (zh ? " \(count) 条" : " \(count)")
        }
        let total = counts.values.reduce(0, +)
        if zh { return "告警 \(total) 条" + (shown.isEmpty ? "" : "：" + shown.joined(separator: "，")) }
        return "\(total) alert(s)" + (shown.isEmpty ? "" : ": " + shown.joined(separator: ", "))
    }
}
