// OFX 1.x (SGML, leaf tags left open) and 2.x (XML): one tag scanner reads both. Every STMTTRN is a
// cash row (bank and card BANKTRANLIST, investment INVBANKTRAN); BUYSTOCK, INCOME and other
// securities aggregates hold none and are passed over. Keeps DTPOSTED's own offset, TRNAMT exactly
// (ExactAmount), marks ORIGCURRENCY rows cross-border, and reports LEDGERBAL. A STMTTRN that cannot
// be read (no or impossible DTPOSTED, unreadable TRNAMT) is a malformed row, never the whole file.
import Foundation
import WalletCore

enum OFXReader {
    static func looksLikeOFX(_ bytes: Bytes) -> Bool {
        var start = 0
        while start < bytes.count, CSVReader.isPad(bytes[start]) || bytes[start] == 0x0a || bytes[start] == 0x0d {
            start += 1
        }
        let head = String(
            decoding: UnsafeBufferPointer(rebasing: bytes[start..<min(bytes.count, start + 4096)]), as: UTF8.self)
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
                try issues.add(line: rowLine, problem.problem)
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
                try issues.add(line: line, .unterminatedTag)
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
                    try issues.add(line: currentLine, .transactionNotClosed)
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
            case (_, false):
                if name == "CURDEF" && !value.isEmpty { defaultCurrency = value.uppercased() }
                if inLedger && name == "BALAMT" && !value.isEmpty { ledgerBalance = value }
                // Empty values are kept inside a STMTTRN: `<DTPOSTED></DTPOSTED>` is reported as empty.
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
            try issues.add(line: currentLine, .transactionNeverClosed)
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

    /// One STMTTRN's fields to a transaction, or every reason it cannot be one (a row with both a
    /// broken date and a broken amount reports both).
    static func transaction(from fields: [String: String], defaultCurrency: String) -> Result<Transaction, RowFailure> {
        var problems: [OFXFieldProblem] = []
        var posted: (Int64, Int32, Bool)?
        switch fields["DTPOSTED"] {
        case nil: problems.append(.missing(tag: "DTPOSTED"))
        case let text? where text.isEmpty: problems.append(.empty(tag: "DTPOSTED"))
        case let text?:
            posted = parseOFXDate(text)
            if posted == nil { problems.append(.invalidDate(tag: "DTPOSTED", text: String(text.prefix(40)))) }
        }
        let currency = (fields["CURSYM"].flatMap { $0.isEmpty ? nil : $0 } ?? defaultCurrency).uppercased()
        var amount: ExactAmount?
        switch fields["TRNAMT"] {
        case nil, ""?: problems.append(.missing(tag: "TRNAMT"))
        case let text?:
            amount = ExactAmount.parse(text, scale: ByteParsing.scale(ofCurrency: currency), grouping: false)
            if amount == nil { problems.append(.notANumber(tag: "TRNAMT", text: String(text.prefix(40)))) }
        }
        guard let (timestamp, offset, hasTime) = posted, let amount, problems.isEmpty else {
            return .failure(RowFailure(.ofxFields(problems)))
        }
        let name = fields["NAME"] ?? fields["PAYEE"] ?? ""
        let memo = fields["MEMO"] ?? ""
        let original = fields["ORIGCURRENCY"]?.uppercased() ?? ""
        let type = fields["TRNTYPE"] ?? ""
        return .success(
            Transaction(
                sourceID: fields["FITID"].flatMap { $0.isEmpty ? nil : $0 }, merchantOrderID: fields["CHECKNUM"] ?? "",
                timestamp: timestamp, utcOffsetSeconds: offset, hasTime: hasTime, amountMinor: amount.minor,
                direction: amount.isZero ? .neutral : amount.negative ? .outflow : .inflow, currency: currency,
                counterparty: name.isEmpty ? memo : name, category: type, note: memo,
                isRefund: type == "CREDIT" && TextSearch.contains(memo.uppercased(), "REFUND"),
                crossBorder: !original.isEmpty && original != currency, originalCurrency: original, source: .ofx,
                amountSubMinor: amount.subMinor))
    }

    /// A statement-level amount (LEDGERBAL) in minor units; digits beyond them are dropped (a balance is
    /// only compared, never stored).
    static func parseAmount(_ text: String, scale: Int) -> Int64? {
        guard let amount = ExactAmount.parse(text, scale: scale, grouping: false) else { return nil }
        return amount.negative ? -amount.minor : amount.minor
    }

    /// `YYYYMMDD[HHMM[SS[.XXX]]][[±H[.MM|.T]][:TZ]]`; no zone means UTC (OFX spec). The zone is
    /// bounded to ±14 h and parsed from at most two digits per part, so nothing can overflow; any
    /// other shape is nil (the row is malformed).
    static func parseOFXDate(_ text: String) -> (Int64, Int32, Bool)? {
        let bytes = Array(text.utf8)
        var i = 0
        func number(_ length: Int) -> Int? {
            guard i + length <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[i..<(i + length)] {
                guard ByteParsing.isDigit(byte) else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            i += length
            return value
        }
        func atDigit() -> Bool { i < bytes.count && ByteParsing.isDigit(bytes[i]) }
        guard let year = number(4), let month = number(2), let day = number(2), (1...12).contains(month),
            day >= 1, day <= ByteParsing.daysInMonth(year, month)
        else { return nil }
        var seconds = ByteParsing.daysFromCivil(year: year, month: month, day: day) * 86400
        var hasTime = false
        if atDigit() {
            guard let hour = number(2), let minute = number(2), hour < 24, minute < 60 else { return nil }
            var second = 0
            if atDigit() {
                guard let value = number(2), value <= 60 else { return nil }
                second = min(value, 59)
            }
            seconds += Int64(hour * 3600 + minute * 60 + second)
            hasTime = true
            if i < bytes.count, bytes[i] == 0x2e {
                i += 1
                var fractionDigits = 0
                while atDigit() {
                    i += 1
                    fractionDigits += 1
                }
                guard fractionDigits > 0, fractionDigits <= 6 else { return nil }
            }
        }
        while i < bytes.count, bytes[i] == 0x20 { i += 1 }
        var offset: Int32 = 0
        if i < bytes.count {
            guard bytes[i] == 0x5b, let zone = parseZone(bytes[(i + 1)...]) else { return nil }
            offset = zone
        }
        return (seconds - Int64(offset), offset, hasTime)
    }

    /// The inside of `[-5:EST]`, `[0:GMT]`, `[+5.30:IST]`, `[-3.5:NST]` (one digit = tenths of an
    /// hour, two = minutes) up to `]`: seconds east of UTC, within ±14 h.
    static func parseZone(_ bytes: ArraySlice<UInt8>) -> Int32? {
        guard let close = bytes.firstIndex(of: 0x5d), bytes.index(after: close) == bytes.endIndex else { return nil }
        let colon = bytes[..<close].firstIndex(of: 0x3a) ?? close
        var numeric = bytes[bytes.startIndex..<colon]
        var negative = false
        if let first = numeric.first, first == 0x2d || first == 0x2b {
            negative = first == 0x2d
            numeric = numeric.dropFirst()
        }
        let dot = numeric.firstIndex(of: 0x2e)
        let hourDigits = numeric[numeric.startIndex..<(dot ?? numeric.endIndex)]
        guard (1...2).contains(hourDigits.count), hourDigits.allSatisfy(ByteParsing.isDigit) else { return nil }
        let hours = hourDigits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        var minutes = 0
        if let dot {
            let fraction = numeric[numeric.index(after: dot)...]
            guard (1...2).contains(fraction.count), fraction.allSatisfy(ByteParsing.isDigit) else { return nil }
            let value = fraction.reduce(0) { $0 * 10 + Int($1 - 0x30) }
            minutes = fraction.count == 1 ? value * 6 : value
            guard minutes < 60 else { return nil }
        }
        let total = hours * 3600 + minutes * 60
        guard total <= 14 * 3600 else { return nil }
        return Int32(negative ? -total : total)
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
