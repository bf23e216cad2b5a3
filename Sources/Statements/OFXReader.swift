// OFX 1.x (SGML, leaf tags left open) and 2.x (XML): one tag scanner reads both. Keeps DTPOSTED's
// own offset, marks ORIGCURRENCY rows cross-border, and reports LEDGERBAL.
import Foundation
import WalletCore

enum OFXReader {
    static func looksLikeOFX(_ bytes: Bytes) -> Bool {
        let head = String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<min(bytes.count, 4096)]), as: UTF8.self)
        return head.hasPrefix("OFXHEADER") || head.contains("<OFX>") || head.contains("<?OFX")
    }

    static func read(_ bytes: Bytes, file: String, issues: inout RowIssues) throws -> (
        [Transaction], finalBalance: Int64?
    ) {
        var transactions: [Transaction] = []
        var line = 1
        var i = 0
        let count = bytes.count
        var sawOFX = false
        var sawEnd = false
        var defaultCurrency = "USD"
        var current: [String: String]? = nil
        var currentLine = 0
        var inOriginalCurrency = false
        var inLedger = false
        var ledgerBalance: String?

        func finish(_ fields: [String: String], at rowLine: Int) throws {
            switch transaction(from: fields, defaultCurrency: defaultCurrency) {
            case .success(var value):
                value.line = Int32(truncatingIfNeeded: rowLine)
                transactions.append(value)
            case .failure(let problem):
                try issues.add(line: rowLine, problem.reason)
            }
        }

        while i < count {
            let byte = bytes[i]
            if byte == 0x0a { line += 1 }
            guard byte == 0x3c else {
                i += 1
                continue
            }
            // A tag: <NAME> or </NAME> (attributes and processing instructions skipped).
            var j = i + 1
            while j < count, bytes[j] != 0x3e, bytes[j] != 0x3c {
                if bytes[j] == 0x0a { line += 1 }
                j += 1
            }
            guard j < count, bytes[j] == 0x3e else {
                try issues.add(line: line, "unterminated tag (truncated file?)")
                break
            }
            let rawTag = String(decoding: UnsafeBufferPointer(rebasing: bytes[(i + 1)..<j]), as: UTF8.self)
            i = j + 1
            if rawTag.hasPrefix("?") || rawTag.hasPrefix("!") { continue }
            let closing = rawTag.hasPrefix("/")
            let name = String((closing ? rawTag.dropFirst() : Substring(rawTag)).prefix { $0 != " " }).uppercased()
            // The value runs to the next '<'.
            var k = i
            while k < count, bytes[k] != 0x3c { k += 1 }
            let value = decodeEntities(
                String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<k]), as: UTF8.self).trimmingSpaces())
            switch (name, closing) {
            case ("OFX", false): sawOFX = true
            case ("OFX", true): sawEnd = true
            case ("STMTTRN", false):
                if let open = current {
                    try issues.add(line: currentLine, "<STMTTRN> not closed before the next one")
                    _ = open
                }
                current = [:]
                currentLine = line
            case ("STMTTRN", true):
                if let fields = current { try finish(fields, at: currentLine) }
                current = nil
            case ("ORIGCURRENCY", false): inOriginalCurrency = true
            case ("ORIGCURRENCY", true): inOriginalCurrency = false
            case ("LEDGERBAL", false): inLedger = true
            case ("LEDGERBAL", true): inLedger = false
            case (_, false) where !value.isEmpty:
                if name == "CURDEF" { defaultCurrency = value.uppercased() }
                if inLedger && name == "BALAMT" { ledgerBalance = value }
                if current != nil {
                    let key = inOriginalCurrency && name == "CURSYM" ? "ORIGCURRENCY" : name
                    current?[key] = value
                }
            default: break
            }
        }
        guard sawOFX else {
            throw StatementError.unknownLayout(file: file, expected: .ofx)
        }
        if let fields = current {
            try issues.add(line: currentLine, "<STMTTRN> never closed (truncated file?)")
            _ = fields
        }
        if !sawEnd && transactions.isEmpty && issues.count == 0 {
            throw StatementError.truncated(file: file)
        }
        var balance: Int64?
        if let ledgerBalance {
            balance = parseAmount(ledgerBalance, scale: ByteParsing.scale(ofCurrency: defaultCurrency))
        }
        return (transactions, balance)
    }

    struct RowProblem: Error { var reason: String }

    static func transaction(from fields: [String: String], defaultCurrency: String) -> Result<Transaction, RowProblem> {
        guard let posted = fields["DTPOSTED"], let (timestamp, offset, hasTime) = parseOFXDate(posted) else {
            return .failure(RowProblem(reason: "STMTTRN without a readable DTPOSTED"))
        }
        let currency = (fields["CURSYM"] ?? defaultCurrency).uppercased()
        guard let text = fields["TRNAMT"],
            let amount = parseAmount(text, scale: ByteParsing.scale(ofCurrency: currency))
        else {
            return .failure(RowProblem(reason: "STMTTRN without a readable TRNAMT"))
        }
        let name = fields["NAME"] ?? fields["PAYEE"] ?? ""
        let memo = fields["MEMO"] ?? ""
        let original = fields["ORIGCURRENCY"]?.uppercased() ?? ""
        let type = fields["TRNTYPE"] ?? ""
        return .success(
            Transaction(
                sourceID: fields["FITID"].flatMap { $0.isEmpty ? nil : $0 }, merchantOrderID: fields["CHECKNUM"] ?? "",
                timestamp: timestamp, utcOffsetSeconds: offset, hasTime: hasTime, amountMinor: abs(amount),
                direction: amount < 0 ? .outflow : .inflow, currency: currency,
                counterparty: name.isEmpty ? memo : name, category: type, note: memo,
                isRefund: type == "CREDIT" && TextSearch.contains(memo.uppercased(), "REFUND"),
                crossBorder: !original.isEmpty && original != currency, originalCurrency: original, source: .ofx))
    }

    static func parseAmount(_ text: String, scale: Int) -> Int64? {
        var bytes = Array(text.utf8)
        let decimalComma = bytes.contains(0x2c) && !bytes.contains(0x2e)
        if bytes.isEmpty { bytes = [0x78] }
        return bytes.withUnsafeBufferPointer {
            ByteParsing.amount($0, 0, $0.count, scale: scale, decimalComma: decimalComma)
        }
    }

    /// `YYYYMMDD[HHMMSS[.XXX]][[+|-]H[.MM][:TZ]]`; no zone means UTC (OFX spec).
    static func parseOFXDate(_ text: String) -> (Int64, Int32, Bool)? {
        let bytes = Array(text.utf8)
        func number(_ from: Int, _ length: Int) -> Int? {
            guard from + length <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[from..<(from + length)] {
                guard ByteParsing.isDigit(byte) else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard let year = number(0, 4), let month = number(4, 2), let day = number(6, 2), (1...12).contains(month),
            day >= 1, day <= ByteParsing.daysInMonth(year, month)
        else { return nil }
        var seconds = ByteParsing.daysFromCivil(year: year, month: month, day: day) * 86400
        var hasTime = false
        if let hour = number(8, 2), let minute = number(10, 2), hour < 24, minute < 60 {
            seconds += Int64(hour * 3600 + minute * 60 + min(number(12, 2) ?? 0, 59))
            hasTime = true
        }
        var offset: Int32 = 0
        if let open = bytes.firstIndex(of: 0x5b) {
            let inside = bytes[(open + 1)...].prefix { $0 != 0x3a && $0 != 0x5d }
            let zone = String(decoding: inside, as: UTF8.self)
            let parts = zone.split(separator: ".")
            guard let hours = Double(parts.first.map(String.init) ?? ""), abs(hours) <= 14 else { return nil }
            var total = Int32(hours) * 3600
            if parts.count > 1, let minutes = Int32(parts[1]) { total += (hours < 0 ? -1 : 1) * minutes * 60 }
            offset = total
        }
        return (seconds - Int64(offset), offset, hasTime)
    }

    static func decodeEntities(_ text: String) -> String {
        guard text.utf8.contains(0x26) else { return text }
        return text.replacingAll("&lt;", "<").replacingAll("&gt;", ">").replacingAll("&quot;", "\"")
            .replacingAll("&apos;", "'").replacingAll("&amp;", "&")
    }
}

extension String {
    func replacingAll(_ target: String, _ replacement: String) -> String {
        replacingOccurrences(of: target, with: replacement)
    }
}
