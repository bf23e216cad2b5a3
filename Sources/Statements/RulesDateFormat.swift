// `date-format` patterns (the strftime subset hledger's parser accepts, see docs/statements.md) and
// hledger's default Y/M/D dates. A pattern without a year takes one from the caller (`--year`):
// never the 1970 a bare parser would assume.

enum RulesDateFormat {
    struct Parsed: Equatable {
        /// Seconds since 1970-01-01 in the date's own local time.
        var localSeconds: Int64
        var hasTime: Bool
        /// The offset written in the value (`%z`, `%Z`), if any.
        var offset: Int32?
    }

    /// Does the pattern say the year (`%Y`, `%y`, `%F`, `%D`)?
    static func hasYear(_ format: String) -> Bool {
        var previousPercent = false
        for character in format {
            if previousPercent {
                if "YyFDGC".contains(character) { return true }
                if "-_0^#".contains(character) { continue }
                previousPercent = false
            } else if character == "%" {
                previousPercent = true
            }
        }
        return false
    }

    static let monthNames = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december",
    ]

    /// Parses `value` with `format` (nil: hledger's default `Y-M-D`, `Y/M/D`, `Y.M.D`, padding optional,
    /// plus an optional ` HH:MM[:SS]`); `year` fills in a pattern without one.
    static func parse(_ value: String, format: String?, year defaultYear: Int?) -> Parsed? {
        let input = Array(value.utf8)
        var i = 0
        var year = defaultYear
        var month = 1
        var day = 1
        var hour = 0
        var minute = 0
        var second = 0
        var hasTime = false
        var offset: Int32?
        var pm: Bool?

        func number(max width: Int, allowSpace: Bool = false) -> Int? {
            if allowSpace { while i < input.count, input[i] == 0x20 { i += 1 } }
            var value = 0
            var count = 0
            while count < width, i < input.count, ByteParsing.isDigit(input[i]) {
                value = value * 10 + Int(input[i] &- 0x30)
                count += 1
                i += 1
            }
            return count > 0 ? value : nil
        }
        func skipSpaces() { while i < input.count, input[i] == 0x20 || input[i] == 0x09 { i += 1 } }
        func zone() -> Int32? {
            skipSpaces()
            let rest = String(decoding: input[i...].prefix { $0 != 0x20 }, as: UTF8.self)
            guard let parsed = ByteParsing.utcOffset(rest) else { return nil }
            i += rest.utf8.count
            return parsed
        }
        func monthName() -> Int? {
            let rest = String(decoding: input[i...].prefix(9), as: UTF8.self).lowercased()
            for (index, name) in monthNames.enumerated() {
                if rest.hasPrefix(name) {
                    i += name.utf8.count
                    return index + 1
                }
            }
            for (index, name) in monthNames.enumerated() where rest.hasPrefix(name.prefix(3)) {
                i += 3
                return index + 1
            }
            return nil
        }

        if let format {
            var pattern = Array(format.utf8)[...]
            // Shorthands first, so the loop below sees only single conversions.
            func expand(_ code: UInt8) -> [UInt8]? {
                switch code {
                case 0x46: return Array("%Y-%m-%d".utf8)  // F
                case 0x44: return Array("%m/%d/%y".utf8)  // D
                case 0x54: return Array("%H:%M:%S".utf8)  // T
                case 0x52: return Array("%H:%M".utf8)  // R
                default: return nil
                }
            }
            var steps = 0
            while let token = pattern.first {
                steps += 1
                guard steps < 512 else { return nil }
                pattern = pattern.dropFirst()
                if token == 0x20 || token == 0x09 {
                    skipSpaces()
                    continue
                }
                guard token == 0x25, var code = pattern.first else {
                    guard i < input.count, input[i] == token else { return nil }
                    i += 1
                    continue
                }
                pattern = pattern.dropFirst()
                while "-_0^#".utf8.contains(code), let next = pattern.first {
                    code = next
                    pattern = pattern.dropFirst()
                }
                if let expansion = expand(code) {
                    pattern = (expansion + Array(pattern))[...]
                    continue
                }
                switch UnicodeScalar(code) {
                case "Y":
                    guard let value = number(max: 4) else { return nil }
                    year = value
                case "y":
                    guard let value = number(max: 2) else { return nil }
                    // Haskell's %y: 69-99 are 19xx, 00-68 are 20xx.
                    year = value + (value >= 69 ? 1900 : 2000)
                case "m":
                    guard let value = number(max: 2) else { return nil }
                    month = value
                case "d":
                    guard let value = number(max: 2) else { return nil }
                    day = value
                case "e":
                    guard let value = number(max: 2, allowSpace: true) else { return nil }
                    day = value
                case "b", "h", "B":
                    guard let value = monthName() else { return nil }
                    month = value
                case "H", "k":
                    guard let value = number(max: 2, allowSpace: code == 0x6b) else { return nil }
                    hour = value
                    hasTime = true
                case "I", "l":
                    guard let value = number(max: 2, allowSpace: code == 0x6c), (1...12).contains(value) else {
                        return nil
                    }
                    hour = value % 12
                    hasTime = true
                case "p", "P":
                    let rest = String(decoding: input[i...].prefix(2), as: UTF8.self).lowercased()
                    guard rest == "am" || rest == "pm" else { return nil }
                    pm = rest == "pm"
                    i += 2
                case "M":
                    guard let value = number(max: 2) else { return nil }
                    minute = value
                case "S":
                    guard let value = number(max: 2) else { return nil }
                    second = value
                    // Fractions of a second (Haskell's %Q, often written after %S) are dropped.
                    if i + 1 < input.count, input[i] == 0x2e, ByteParsing.isDigit(input[i + 1]) {
                        i += 1
                        while i < input.count, ByteParsing.isDigit(input[i]) { i += 1 }
                    }
                case "Q":
                    if i < input.count, input[i] == 0x2e {
                        i += 1
                        while i < input.count, ByteParsing.isDigit(input[i]) { i += 1 }
                    }
                case "z", "Z":
                    guard let value = zone() else { return nil }
                    offset = value
                case "%":
                    guard i < input.count, input[i] == 0x25 else { return nil }
                    i += 1
                case "n", "t":
                    skipSpaces()
                default:
                    return nil
                }
            }
            skipSpaces()
            guard i == input.count else { return nil }
        } else {
            // hledger's default: Y-M-D, Y/M/D or Y.M.D, one separator throughout, padding optional.
            guard let y = number(max: 4), i < input.count else { return nil }
            let separator = input[i]
            guard separator == 0x2d || separator == 0x2f || separator == 0x2e else { return nil }
            i += 1
            guard let m = number(max: 2), i < input.count, input[i] == separator else { return nil }
            i += 1
            guard let d = number(max: 2) else { return nil }
            (year, month, day) = (y, m, d)
            if i < input.count {
                // A time after the date: a walletsec extension (hledger reads dates only).
                guard input[i] == 0x20 || input[i] == 0x54 else { return nil }
                i += 1
                guard let h = number(max: 2), i < input.count, input[i] == 0x3a else { return nil }
                i += 1
                guard let mm = number(max: 2) else { return nil }
                (hour, minute, hasTime) = (h, mm, true)
                if i < input.count, input[i] == 0x3a {
                    i += 1
                    guard let s = number(max: 2) else { return nil }
                    second = s
                }
                skipSpaces()
                guard i == input.count else { return nil }
            }
        }
        if let pm, pm { hour += 12 }
        guard let year, (1...9999).contains(year), (1...12).contains(month), day >= 1,
            day <= ByteParsing.daysInMonth(year, month), hour < 24, minute < 60, second <= 60
        else { return nil }
        let seconds = Int64(hour * 3600 + minute * 60 + min(second, 59))
        return Parsed(
            localSeconds: ByteParsing.daysFromCivil(year: year, month: month, day: day) * 86400 + seconds,
            hasTime: hasTime, offset: offset)
    }

    /// A separate time column (`fields ..., time, ...`, a walletsec extension): `HH:MM[:SS]` or `HHMMSS`.
    static func timeOfDay(_ value: String) -> Int64? {
        let digits = value.filter { $0 != ":" }
        guard value.count <= 8, digits.count == 4 || digits.count == 6,
            digits.allSatisfy({ $0.isASCII && $0.isNumber }),
            let number = Int(digits)
        else { return nil }
        let (hour, minute, second) =
            digits.count == 4 ? (number / 100, number % 100, 0) : (number / 10000, number / 100 % 100, number % 100)
        guard hour < 24, minute < 60, second < 60 else { return nil }
        return Int64(hour * 3600 + minute * 60 + second)
    }
}
