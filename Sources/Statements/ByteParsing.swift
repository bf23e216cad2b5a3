// Hand-written parsers for the hot path: dates, times and amounts straight from UTF-8 bytes.
// Foundation's DateFormatter and Decimal are far too slow for a million rows, and floating point
// must never touch money.

package typealias Bytes = UnsafeBufferPointer<UInt8>

package enum ByteParsing {
    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

    /// Days from 1970-01-01 to the civil date (proleptic Gregorian; Howard Hinnant's algorithm).
    package static func daysFromCivil(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let m = Int64(month)
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The civil date of a day count (inverse of `daysFromCivil`).
    package static func civil(fromDays days: Int64) -> (year: Int, month: Int, day: Int) {
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (Int(m <= 2 ? y + 1 : y), Int(m), Int(d))
    }

    static func daysInMonth(_ year: Int, _ month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Reads an unsigned run of digits at `index`; returns value and digit count.
    @inline(__always) static func digits(_ bytes: Bytes, _ index: inout Int, end: Int, max: Int = 9) -> (Int, Int) {
        var value = 0
        var count = 0
        while index < end, count < max, isDigit(bytes[index]) {
            value = value * 10 + Int(bytes[index] &- 0x30)
            index += 1
            count += 1
        }
        return (value, count)
    }

    /// `YYYY-MM-DD[ T]HH:MM[:SS]`, separators `-`, `/` or `.`, one- or two-digit month/day/hour.
    /// Returns local seconds since the epoch (no offset applied) and whether a time was present.
    package static func localDateTime(_ bytes: Bytes, _ start: Int, _ end: Int) -> (seconds: Int64, hasTime: Bool)? {
        var i = start
        let (year, yearDigits) = digits(bytes, &i, end: end, max: 4)
        guard yearDigits == 4, i < end, bytes[i] == 0x2d || bytes[i] == 0x2f || bytes[i] == 0x2e else { return nil }
        let separator = bytes[i]
        i += 1
        let (month, monthDigits) = digits(bytes, &i, end: end, max: 2)
        guard monthDigits > 0, i < end, bytes[i] == separator else { return nil }
        i += 1
        let (day, dayDigits) = digits(bytes, &i, end: end, max: 2)
        guard dayDigits > 0, (1...12).contains(month), day >= 1, day <= daysInMonth(year, month) else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        if i == end { return (days * 86400, false) }
        guard bytes[i] == 0x20 || bytes[i] == 0x54 else { return nil }
        while i < end, bytes[i] == 0x20 || bytes[i] == 0x54 { i += 1 }
        guard let time = timeOfDay(bytes, &i, end) else { return nil }
        guard i == end else { return nil }
        return (days * 86400 + time, true)
    }

    /// `H:MM[:SS]` at `index`; leaves `index` after it.
    static func timeOfDay(_ bytes: Bytes, _ i: inout Int, _ end: Int) -> Int64? {
        let (hour, hourDigits) = digits(bytes, &i, end: end, max: 2)
        guard hourDigits > 0, hour < 24, i < end, bytes[i] == 0x3a else { return nil }
        i += 1
        let (minute, minuteDigits) = digits(bytes, &i, end: end, max: 2)
        guard minuteDigits == 2, minute < 60 else { return nil }
        var second = 0
        if i < end, bytes[i] == 0x3a {
            i += 1
            let (value, count) = digits(bytes, &i, end: end, max: 2)
            guard count == 2, value < 61 else { return nil }
            second = min(value, 59)
        }
        return Int64(hour * 3600 + minute * 60 + second)
    }

    /// A decimal amount as minor units with `scale` digits: optional sign, optional currency sign
    /// (¥ ￥ $), thousands commas, a dot and at most `scale` significant decimals (extra zeros allowed).
    /// `decimalComma` swaps the roles of `,` and `.`. Returns nil for anything else.
    package static func amount(_ bytes: Bytes, _ start: Int, _ end: Int, scale: Int = 2, decimalComma: Bool = false)
        -> Int64?
    {
        var i = start
        var negative = false
        let decimalMark: UInt8 = decimalComma ? 0x2c : 0x2e
        let groupMark: UInt8 = decimalComma ? 0x2e : 0x2c
        // Sign and currency symbols in either order.
        var guardCount = 0
        while i < end, guardCount < 4 {
            guardCount += 1
            let byte = bytes[i]
            if byte == 0x2d {
                negative.toggle()
                i += 1
            } else if byte == 0x2b || byte == 0x20 || byte == 0x24 {
                i += 1
            } else if byte == 0xc2, i + 1 < end, bytes[i + 1] == 0xa5 {  // ¥ U+00A5
                i += 2
            } else if byte == 0xef, i + 2 < end, bytes[i + 1] == 0xbf, bytes[i + 2] == 0xa5 {  // ￥ U+FFE5
                i += 3
            } else {
                break
            }
        }
        var whole: Int64 = 0
        var wholeDigits = 0
        while i < end {
            let byte = bytes[i]
            if isDigit(byte) {
                guard wholeDigits < 15 else { return nil }
                whole = whole * 10 + Int64(byte &- 0x30)
                wholeDigits += 1
            } else if byte == groupMark, wholeDigits > 0 {
                // A group separator must be followed by exactly three digits.
                guard i + 3 < end, isDigit(bytes[i + 1]), isDigit(bytes[i + 2]), isDigit(bytes[i + 3]) else {
                    return nil
                }
            } else {
                break
            }
            i += 1
        }
        var fraction: Int64 = 0
        var fractionDigits = 0
        if i < end, bytes[i] == decimalMark {
            i += 1
            while i < end, isDigit(bytes[i]) {
                let digit = Int64(bytes[i] &- 0x30)
                if fractionDigits < scale {
                    fraction = fraction * 10 + digit
                } else if digit != 0 {
                    return nil
                }
                fractionDigits += 1
                i += 1
            }
        }
        guard wholeDigits + fractionDigits > 0, i == end else { return nil }
        var factor: Int64 = 1
        for _ in 0..<scale { factor *= 10 }
        var used = min(fractionDigits, scale)
        while used < scale {
            fraction *= 10
            used += 1
        }
        let value = whole * factor + fraction
        return negative ? -value : value
    }

    /// The slow path for an amount cell the plain parse refused: text around the number is kept
    /// apart instead of failing the row. Reads `CNY 123.18`, `CNY13.50`, `¥22.30`, `-3.90(CN)`,
    /// `131.77(已退款89.84)` and right-to-left symbols such as `د.ا.‏4.750`: `prefix` is the text
    /// before the number (a currency code or symbol, no digits), `suffix` a note after it (it must
    /// start with `(`, `（` or a space). The number itself obeys `amount`'s rules.
    package static func amountWithText(_ bytes: Bytes, _ start: Int, _ end: Int, scale: Int = 2)
        -> (value: Int64, prefix: Range<Int>, suffix: Range<Int>)?
    {
        var i = start
        // The prefix: everything before the first digit or sign (never a digit itself).
        while i < end, !isDigit(bytes[i]), bytes[i] != 0x2d, bytes[i] != 0x2b { i += 1 }
        guard i < end else { return nil }
        let numberStart = i
        if bytes[i] == 0x2d || bytes[i] == 0x2b { i += 1 }
        while i < end, isDigit(bytes[i]) || bytes[i] == 0x2c || bytes[i] == 0x2e { i += 1 }
        let numberEnd = i
        if numberEnd < end {
            let next = bytes[numberEnd]
            let fullWidthParen =
                next == 0xef && numberEnd + 2 < end && bytes[numberEnd + 1] == 0xbc
                && bytes[numberEnd + 2] == 0x88
            guard next == 0x28 || next == 0x20 || fullWidthParen else { return nil }
        }
        var prefixEnd = numberStart
        while prefixEnd > start, bytes[prefixEnd - 1] == 0x20 { prefixEnd -= 1 }
        guard let value = amount(bytes, numberStart, numberEnd, scale: scale) else { return nil }
        return (value, start..<prefixEnd, numberEnd..<end)
    }

    /// `YYYYMMDD` (ABC, BMO, CMB short exports): local seconds of midnight.
    package static func compactDate(_ bytes: Bytes, _ start: Int, _ end: Int) -> Int64? {
        guard end - start == 8 else { return nil }
        var i = start
        let (value, count) = digits(bytes, &i, end: end, max: 8)
        guard count == 8 else { return nil }
        let year = value / 10000
        let month = value / 100 % 100
        let day = value % 100
        guard (1...12).contains(month), day >= 1, day <= daysInMonth(year, month) else { return nil }
        return daysFromCivil(year: year, month: month, day: day) * 86400
    }

    /// `DD/MM/YYYY` (HSBC Hong Kong): local seconds of midnight.
    package static func dayFirstDate(_ bytes: Bytes, _ start: Int, _ end: Int) -> Int64? {
        var i = start
        let (day, dayDigits) = digits(bytes, &i, end: end, max: 2)
        guard dayDigits > 0, i < end, bytes[i] == 0x2f else { return nil }
        i += 1
        let (month, monthDigits) = digits(bytes, &i, end: end, max: 2)
        guard monthDigits > 0, i < end, bytes[i] == 0x2f else { return nil }
        i += 1
        let (year, yearDigits) = digits(bytes, &i, end: end, max: 4)
        guard yearDigits == 4, i == end, (1...12).contains(month), day >= 1, day <= daysInMonth(year, month) else {
            return nil
        }
        return daysFromCivil(year: year, month: month, day: day) * 86400
    }

    /// `MM/DD` without a year (CMB credit): month and day, or nil.
    package static func monthDay(_ bytes: Bytes, _ start: Int, _ end: Int) -> (month: Int, day: Int)? {
        var i = start
        let (month, monthDigits) = digits(bytes, &i, end: end, max: 2)
        guard monthDigits == 2, i < end, bytes[i] == 0x2f else { return nil }
        i += 1
        let (day, dayDigits) = digits(bytes, &i, end: end, max: 2)
        guard dayDigits == 2, i == end, (1...12).contains(month), day >= 1, day <= daysInMonth(2000, month) else {
            return nil
        }
        return (month, day)
    }

    /// A separate time cell: `HH:MM[:SS]` or `HHMMSS` (ABC). Seconds after midnight.
    package static func timeCell(_ bytes: Bytes, _ start: Int, _ end: Int) -> Int64? {
        if end - start == 6, (start..<end).allSatisfy({ isDigit(bytes[$0]) }) {
            var i = start
            let (value, _) = digits(bytes, &i, end: end, max: 6)
            let (hour, minute, second) = (value / 10000, value / 100 % 100, value % 100)
            guard hour < 24, minute < 60, second < 61 else { return nil }
            return Int64(hour * 3600 + minute * 60 + min(second, 59))
        }
        var i = start
        guard let time = timeOfDay(bytes, &i, end), i == end else { return nil }
        return time
    }

    /// Digits of a number in minor units for display: 123456 → "1234.56".
    package static func formatMinor(_ minor: Int64, scale: Int = 2) -> String {
        let negative = minor < 0
        let magnitude = minor.magnitude
        var factor: UInt64 = 1
        for _ in 0..<scale { factor *= 10 }
        var text = String(magnitude / factor)
        if scale > 0 {
            let fraction = String(magnitude % factor)
            text += "." + String(repeating: "0", count: scale - fraction.count) + fraction
        }
        return negative ? "-" + text : text
    }

    /// ISO-like local time with offset: `2024-03-01 12:30:00 +08:00`.
    package static func formatLocal(timestamp: Int64, offsetSeconds: Int32, withTime: Bool = true) -> String {
        let local = timestamp + Int64(offsetSeconds)
        let days = local >= 0 ? local / 86400 : (local - 86399) / 86400
        let seconds = local - days * 86400
        let (year, month, day) = civil(fromDays: days)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        var text = "\(year)-\(two(month))-\(two(day))"
        guard withTime else { return text }
        text += " \(two(Int(seconds / 3600))):\(two(Int(seconds % 3600 / 60))):\(two(Int(seconds % 60)))"
        let sign = offsetSeconds < 0 ? "-" : "+"
        let magnitude = Int(offsetSeconds.magnitude)
        text += " \(sign)\(two(magnitude / 3600)):\(two(magnitude % 3600 / 60))"
        return text
    }

    /// Minor-unit digits per currency (ISO 4217 exponents: the common zero-decimal ones and every
    /// three-decimal one, so `4.750` JOD is 4750 fils, exact).
    package static func scale(ofCurrency code: String) -> Int {
        switch code {
        case "JPY", "KRW", "VND", "CLP", "ISK": return 0
        case "BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND": return 3
        // Not ISO 4217, but exchanges export it (hledger's coinbase sample): satoshis keep 8 decimals exact.
        case "BTC", "XBT": return 8
        default: return 2
        }
    }

    /// `+08:00`, `+0800`, `-5`, `Z`: seconds east of UTC.
    package static func utcOffset(_ text: String) -> Int32? {
        var body = Substring(text.trimmingSpaces())
        if body == "Z" || body == "UTC" || body == "GMT" { return 0 }
        guard let sign = body.first, sign == "+" || sign == "-" else { return nil }
        body = body.dropFirst()
        let digitsOnly = body.replacingColon()
        guard !digitsOnly.isEmpty, digitsOnly.allSatisfy(\.isASCII), let value = Int(digitsOnly) else { return nil }
        var hours = value
        var minutes = 0
        if digitsOnly.count > 2 {
            hours = value / 100
            minutes = value % 100
        }
        guard hours <= 14, minutes < 60 else { return nil }
        let seconds = Int32(hours * 3600 + minutes * 60)
        return sign == "-" ? -seconds : seconds
    }
}

extension Substring {
    fileprivate func replacingColon() -> String { String(self.filter { $0 != ":" }) }
}

extension String {
    /// Trims ASCII spaces, tabs, CR/LF and ideographic spaces (exports pad values with them).
    package func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        func blank(_ scalar: Unicode.Scalar) -> Bool {
            scalar == " " || scalar == "\t" || scalar == "\r" || scalar == "\n" || scalar == "\u{3000}"
                || scalar == "\u{feff}" || scalar == "\u{a0}"
        }
        while start < end, blank(scalars[start]) { start = scalars.index(after: start) }
        while end > start, blank(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        return String(scalars[start..<end])
    }
}
