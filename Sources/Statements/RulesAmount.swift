// Amount text as hledger rules build it (`currency` prepended to the CSV value): a commodity symbol
// or code before or after the number, signs on either side of it, `(x)` and `--x`, a cost (`@@ £10`)
// that is cut off. Commodity symbols map to ISO 4217 codes; minor units follow the currency.

enum RulesAmount {
    struct Value: Equatable {
        /// Signed, in minor units of `currency`.
        var minor: Int64
        var currency: String
    }

    enum Failure: Error, Equatable {
        case unreadable
        case tooManyDecimals(currency: String, scale: Int)
        case unknownCurrency(String)
    }

    /// hledger's sign clean-up of a CSV value before the currency is prepended: `+x` → x, `(x)` → -x,
    /// `--x` → x.
    static func simplifySign(_ value: String) -> String {
        var text = Substring(value)
        if text.hasPrefix("("), text.hasSuffix(")") { text = "-" + text.dropFirst().dropLast() }
        if text.hasPrefix("--") { text = text.dropFirst(2) }
        if text.hasPrefix("+") { text = text.dropFirst() }
        return String(text)
    }

    /// Parses `text` (currency already prepended); a missing commodity means `defaultCurrency`.
    static func parse(_ text: String, defaultCurrency: String, decimalComma: Bool) -> Result<Value, Failure> {
        // A cost (`@ unit` or `@@ total`) is the price paid in another commodity: not the cash amount.
        var body = Substring(text)
        if let at = body.firstIndex(of: "@") { body = body[..<at] }
        let scalars = Array(body.unicodeScalars)
        guard let first = scalars.firstIndex(where: { $0.properties.numericType != nil && $0.isASCII }) else {
            return .failure(.unreadable)
        }
        var last = first
        var i = first
        while i < scalars.count, scalars[i].isASCII,
            scalars[i].properties.numericType != nil || scalars[i] == "." || scalars[i] == ","
        {
            last = i
            i += 1
        }
        var negative = false
        var prefix = ""
        for scalar in scalars[..<first] {
            if scalar == "-" {
                negative.toggle()
            } else if scalar == "+" || scalar == " " || scalar == "\t" || scalar == "\u{a0}" || scalar == "\"" {
                continue
            } else {
                prefix.unicodeScalars.append(scalar)
            }
        }
        var suffix = ""
        for scalar in scalars[(last + 1)...]
        where !(scalar == " " || scalar == "\t" || scalar == "\u{a0}" || scalar == "\"") {
            suffix.unicodeScalars.append(scalar)
        }
        guard prefix.isEmpty || suffix.isEmpty else { return .failure(.unreadable) }
        let symbol = prefix.isEmpty ? suffix : prefix
        let currency: String
        if symbol.isEmpty {
            currency = defaultCurrency
        } else if let code = currencyCode(symbol) {
            currency = code
        } else {
            return .failure(.unknownCurrency(symbol))
        }
        let number = Array(String(String.UnicodeScalarView(scalars[first...last])).utf8)
        let scale = ByteParsing.scale(ofCurrency: currency)
        let parsed = number.withUnsafeBufferPointer {
            ByteParsing.amount($0, 0, $0.count, scale: scale, decimalComma: decimalComma)
        }
        guard let magnitude = parsed else {
            // Tell "more decimals than the currency has" apart from an unreadable number.
            let mark: UInt8 = decimalComma ? 0x2c : 0x2e
            if let dot = number.lastIndex(of: mark),
                number[(dot + 1)...].reversed().drop(while: { $0 == 0x30 }).count > scale,
                number[(dot + 1)...].allSatisfy(ByteParsing.isDigit)
            {
                return .failure(.tooManyDecimals(currency: currency, scale: scale))
            }
            return .failure(.unreadable)
        }
        return .success(Value(minor: negative ? -magnitude : magnitude, currency: currency))
    }

    /// The ISO 4217 code for a commodity symbol (`$` `¥` `€` `£`...) or code (`usd`, `CNY`); nil when
    /// it is neither.
    static func currencyCode(_ symbol: String) -> String? {
        switch symbol {
        case "": return nil
        case "$", "US$", "USD$": return "USD"
        case "¥", "￥", "CN¥", "元", "RMB", "rmb": return "CNY"
        case "JP¥", "円": return "JPY"
        case "€": return "EUR"
        case "£": return "GBP"
        case "HK$": return "HKD"
        case "C$", "CA$": return "CAD"
        case "A$", "AU$": return "AUD"
        case "NT$": return "TWD"
        case "S$": return "SGD"
        case "₩": return "KRW"
        case "₹": return "INR"
        case "₽": return "RUB"
        case "₺": return "TRY"
        case "฿": return "THB"
        case "₫": return "VND"
        case "CHF", "Fr.": return "CHF"
        default:
            // A code: ASCII letters, as ISO 4217 (3) or a commodity name hledger accepts (BTC, ETH...).
            guard (3...5).contains(symbol.count), symbol.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
            return symbol.uppercased()
        }
    }
}
