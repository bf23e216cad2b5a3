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
        amount = ByteParsing.formatMinor(t.amountMinor, scale: ByteParsing.scale(ofCurrency: t.currency))
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
    static func table(_ alerts: [Alert], language: Language) {
        let zh = language == .zh
        guard !alerts.isEmpty else {
            Terminal.out(zh ? "未发现异常。" : "No alerts.")
            return
        }
        Terminal.out(
            pad(zh ? "严重度" : "SEVERITY", 9) + pad(zh ? "类型" : "KIND", 17) + pad("ID", 15)
                + pad(zh ? "时间" : "TIME", 27) + (zh ? "说明" : "WHY"))
        for alert in alerts {
            Terminal.out(
                pad(alert.severity.rawValue, 9) + pad(alert.kind.rawValue, 17) + pad(alert.id, 15)
                    + pad(alert.firstTime, 27) + alert.explanation.text(language))
        }
    }

    static func explain(_ alert: Alert, ledger: Ledger, language: Language, files: [String]) {
        let zh = language == .zh
        Terminal.out("\(alert.id)  \(alert.kind.rawValue)  \(alert.severity.rawValue)")
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
        for index in alert.ledgerIndexes {
            let summary = TransactionSummary(ledger: ledger, index: index, files: files)
            var line =
                "  \(summary.time)  \(summary.amount) \(summary.currency) \(summary.direction)  \(summary.counterparty)  [\(summary.id)]"
            if !summary.merchantOrderId.isEmpty {
                line += " " + (zh ? "商家订单号 " : "merchant order ") + summary.merchantOrderId
            }
            if let file = summary.file, let row = summary.line { line += "  (\(FileSystem.baseName(file)):\(row))" }
            Terminal.out(line)
        }
    }

    static func pad(_ text: String, _ width: Int) -> String {
        // East Asian characters take two columns.
        let columns = text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 ? 2 : 1) }
        return text + String(repeating: " ", count: max(1, width - columns))
    }

    static func countsByKind(_ alerts: [Alert]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for kind in AlertKind.allCases { counts[kind.rawValue] = 0 }
        for alert in alerts { counts[alert.kind.rawValue, default: 0] += 1 }
        return counts
    }

    static func summaryLine(_ counts: [String: Int], language: Language) -> String {
        let shown = AlertKind.allCases.compactMap { kind -> String? in
            let count = counts[kind.rawValue] ?? 0
            return count > 0 ? "\(kind.rawValue) \(count)" : nil
        }
        let total = counts.values.reduce(0, +)
        if language == .zh { return "告警 \(total) 条" + (shown.isEmpty ? "" : "：" + shown.joined(separator: "，")) }
        return "\(total) alert(s)" + (shown.isEmpty ? "" : ": " + shown.joined(separator: ", "))
    }
}
