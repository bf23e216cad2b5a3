// QIF bank files: `!Type:` header, one field per line (D date, T/U amount, P payee, M memo,
// N number, L category), `^` ends a record. Only cash sections (Bank, Cash, CCard, Oth A, Oth L)
// make transactions; investment and list sections are counted as not cash. Numeric dates are
// ambiguous (03/04 = 3 April or March 4): we infer the order from the file, take --date-order, or
// stop with a clear error.
import Foundation
import WalletCore

enum QIFReader {
    static func looksLikeQIF(_ bytes: Bytes) -> Bool {
        var i = 0
        while i < bytes.count, CSVReader.isPad(bytes[i]) { i += 1 }
        guard i + 5 < bytes.count, bytes[i] == 0x21 else { return false }
        let head = String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<min(bytes.count, i + 16)]), as: UTF8.self)
        return head.hasPrefix("!Type:") || head.hasPrefix("!Account") || head.hasPrefix("!Option")
            || head.hasPrefix("!Clear")
    }

    struct Record {
        var line = 0
        var fields: [UInt8: String] = [:]
    }

    /// `!Type:` names whose records are cash transactions; every other section (Invst, Cat, Class,
    /// Memorized, Prices, Security…) and `!Account` lists are passed over and counted as not cash.
    static let cashSections: Set<String> = ["bank", "cash", "ccard", "oth a", "oth l"]

    /// Reads the cash records; returns them and how many records were in non-cash sections.
    /// `currency` is the code for every amount (QIF has none; the caller defaults to CNY).
    static func read(
        _ bytes: Bytes, file: String, dateOrder: DateOrder?, currency: String, issues: inout RowIssues
    ) throws -> (transactions: [Transaction], notCash: Int) {
        var records: [Record] = []
        var current = Record()
        var reader = CSVReader(bytes: bytes, separator: 0x00)
        var fields: [FieldRange] = []
        // Records before any `!Type:` header are read as cash (as before sections were told apart).
        var inCashSection = true
        var notCash = 0
        while reader.next(into: &fields) {
            let text = fields.isEmpty ? "" : reader.string(fields[0])
            guard let code = text.utf8.first else { continue }
            if code == 0x21 {  // '!'
                let header = text.lowercased()
                // `!Option:AutoSwitch` / `!Clear:AutoSwitch` switch Quicken's account-list mode; they
                // start no section of their own.
                if header.hasPrefix("!option") || header.hasPrefix("!clear") { continue }
                if !current.fields.isEmpty {
                    if inCashSection {
                        try issues.add(line: current.line, .recordNotEnded(before: String(text.prefix(40))))
                    } else {
                        notCash += 1
                    }
                    current = Record()
                }
                if header.hasPrefix("!type:") {
                    let name = header.dropFirst(6).trimmingCharacters(in: .whitespaces)
                    inCashSection = cashSections.contains(name)
                } else {
                    inCashSection = false  // `!Account` and anything unknown
                }
                continue
            }
            if code == 0x5e {  // '^' (and Quicken's `^^`)
                if !current.fields.isEmpty {
                    if inCashSection { records.append(current) } else { notCash += 1 }
                }
                current = Record()
                continue
            }
            if current.fields.isEmpty { current.line = reader.rowLine }
            // Split lines (S, E, $) are kept under their own codes: they belong to this record and
            // never make rows of their own; the record's amount is its T.
            if current.fields[code] == nil { current.fields[code] = String(text.dropFirst()) }
        }
        if !current.fields.isEmpty {
            if inCashSection {
                try issues.add(line: current.line, .recordNotEndedAtEnd)
            } else {
                notCash += 1
            }
        }
        let order = try resolveDateOrder(records.compactMap { $0.fields[0x44] }, given: dateOrder, file: file)
        let scale = ByteParsing.scale(ofCurrency: currency)
        var result: [Transaction] = []
        result.reserveCapacity(records.count)
        for record in records {
            guard let dateText = record.fields[0x44], let days = parseDate(dateText, order: order) else {
                try issues.add(
                    line: record.line, .unreadable(column: "D", kind: .date, text: record.fields[0x44] ?? ""))
                continue
            }
            guard let amountText = record.fields[0x54] ?? record.fields[0x55],
                let amount = ExactAmount.parse(amountText, scale: scale, grouping: true)
            else {
                try issues.add(
                    line: record.line, .unreadable(column: "T", kind: .amount, text: record.fields[0x54] ?? ""))
                continue
            }
            let payee = record.fields[0x50] ?? ""
            let memo = record.fields[0x4d] ?? ""
            let number = record.fields[0x4e] ?? ""
            result.append(
                Transaction(
                    sourceID: nil, merchantOrderID: number, timestamp: days * 86400, utcOffsetSeconds: 0,
                    hasTime: false, amountMinor: amount.minor,
                    direction: amount.isZero ? .neutral : amount.negative ? .outflow : .inflow,
                    currency: currency, counterparty: payee.isEmpty ? memo : payee,
                    category: record.fields[0x4c] ?? "", note: memo, source: .qif,
                    line: Int32(truncatingIfNeeded: record.line), amountSubMinor: amount.subMinor))
        }
        return (result, notCash)
    }

    /// Splits `3/4/2024`, `03/04'24`, `2024-03-04` into three numbers (and the first one's width).
    static func components(_ text: String) -> (Int, Int, Int, firstWidth: Int)? {
        var parts: [Int] = []
        var widths: [Int] = []
        var value = 0
        var width = 0
        for byte in text.utf8 {
            if ByteParsing.isDigit(byte) {
                value = value * 10 + Int(byte - 0x30)
                width += 1
                guard width <= 4 else { return nil }
            } else if byte == 0x2f || byte == 0x2d || byte == 0x2e || byte == 0x27 {
                guard width > 0 else { return nil }
                parts.append(value)
                widths.append(width)
                value = 0
                width = 0
            } else if byte == 0x20 {
                continue
            } else {
                return nil
            }
        }
        guard width > 0 else { return nil }
        parts.append(value)
        widths.append(width)
        guard parts.count == 3 else { return nil }
        return (parts[0], parts[1], parts[2], widths[0])
    }

    static func resolveDateOrder(_ dates: [String], given: DateOrder?, file: String) throws -> DateOrder {
        if let given { return given }
        var dayFirst = false
        var monthFirst = false
        var yearFirst = false
        for text in dates {
            guard let (a, b, _, width) = components(text) else { continue }
            if width == 4 {
                yearFirst = true
                continue
            }
            if a > 12 { dayFirst = true }
            if b > 12 { monthFirst = true }
        }
        if yearFirst && !dayFirst && !monthFirst { return .ymd }
        if dayFirst && !monthFirst { return .dmy }
        if monthFirst && !dayFirst { return .mdy }
        if dayFirst && monthFirst {
            throw StatementError.dateOrderNeeded(file: file, example: nil)
        }
        if dates.isEmpty { return .mdy }
        throw StatementError.dateOrderNeeded(file: file, example: dates[0])
    }

    /// Days since the epoch; two-digit years are 19xx above 70, else 20xx.
    static func parseDate(_ text: String, order: DateOrder) -> Int64? {
        guard let (a, b, c, width) = components(text) else { return nil }
        var year: Int
        var month: Int
        var day: Int
        if width == 4 {
            (year, month, day) = (a, b, c)
        } else {
            switch order {
            case .dmy: (day, month, year) = (a, b, c)
            case .mdy: (month, day, year) = (a, b, c)
            case .ymd: (year, month, day) = (a, b, c)
            }
        }
        // Quicken writes years from 2000 on as `'yy` (`2/14' 5`); otherwise 19xx above 70, else 20xx.
        if year < 100 { year += text.utf8.contains(0x27) ? 2000 : year > 70 ? 1900 : 2000 }
        guard (1...12).contains(month), day >= 1, day <= ByteParsing.daysInMonth(year, month) else { return nil }
        return ByteParsing.daysFromCivil(year: year, month: month, day: day)
    }
}
