// Exact decimal amounts for OFX TRNAMT and QIF T: brokerage OFX writes four decimals
// (`+00000000000115.8331`), Bank of America `-3.77000`. Rounding to cents would lose money, so the
// digits beyond the currency's minor unit are kept in `Transaction.amountSubMinor` (ten-thousandths
// of a minor unit). Integer arithmetic only; digit counts are capped, so nothing can overflow.

struct ExactAmount: Equatable {
    /// Magnitude in the currency's minor units, truncated (digits beyond are in `subMinor`).
    var minor: Int64
    /// The rest, in ten-thousandths of a minor unit (0...9999).
    var subMinor: UInt16
    /// A leading `-`.
    var negative: Bool

    var isZero: Bool { minor == 0 && subMinor == 0 }

    /// Digits beyond the minor unit that are kept exactly (more must be zeros).
    static let subMinorDigits = 4

    /// `[+-]digits[.digits]`. `grouping` allows thousands separators (QIF `-20,000.00`; a lone comma
    /// followed by exactly three digits is one), and the decimal mark is whichever of `.`/`,` comes
    /// last (`-200,00` in a European OFX). OFX forbids separators and currency symbols: `$120` is nil.
    static func parse(_ text: String, scale: Int, grouping: Bool) -> ExactAmount? {
        var bytes = Array(text.utf8)
        while let last = bytes.last, last == 0x20 || last == 0x09 || last == 0x0d { bytes.removeLast() }
        var i = 0
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
        var negative = false
        if i < bytes.count, bytes[i] == 0x2d || bytes[i] == 0x2b {
            negative = bytes[i] == 0x2d
            i += 1
        }
        let body = bytes[i...]
        let dots = body.filter { $0 == 0x2e }.count
        let commas = body.filter { $0 == 0x2c }.count
        var decimal: UInt8? = nil
        var group: UInt8? = nil
        if dots > 0 && commas > 0 {
            guard grouping || (dots + commas == 1) else { return nil }
            decimal = body.lastIndex(of: 0x2e)! > body.lastIndex(of: 0x2c)! ? 0x2e : 0x2c
            group = decimal == 0x2e ? 0x2c : 0x2e
        } else if dots == 1 {
            decimal = 0x2e
        } else if commas == 1 {
            let after = body.count - 1 - body.distance(from: body.startIndex, to: body.firstIndex(of: 0x2c)!)
            if grouping && after == 3 { group = 0x2c } else { decimal = 0x2c }
        } else if dots > 1 || commas > 1 {
            guard grouping else { return nil }
            group = dots > 1 ? 0x2e : 0x2c
        }
        // Whole part: leading zeros skipped, at most 15 significant digits (Int64 stays far from
        // overflow after scaling by 10^(scale+4)).
        var whole: Int64 = 0
        var significant = 0
        var wholeDigits = 0
        var j = body.startIndex
        while j < body.endIndex {
            let byte = body[j]
            if ByteParsing.isDigit(byte) {
                if whole > 0 || byte != 0x30 { significant += 1 }
                guard significant <= 15 else { return nil }
                whole = whole * 10 + Int64(byte &- 0x30)
                wholeDigits += 1
            } else if let group, byte == group, wholeDigits > 0 {
                // A separator must be followed by exactly three digits.
                guard j + 3 < body.endIndex, body[(j + 1)...(j + 3)].allSatisfy(ByteParsing.isDigit),
                    j + 4 == body.endIndex || !ByteParsing.isDigit(body[j + 4])
                else { return nil }
            } else {
                break
            }
            j += 1
        }
        var fraction: [UInt8] = []
        if j < body.endIndex, let decimal, body[j] == decimal {
            j += 1
            while j < body.endIndex, ByteParsing.isDigit(body[j]) {
                fraction.append(body[j] &- 0x30)
                j += 1
            }
        }
        guard j == body.endIndex, wholeDigits + fraction.count > 0 else { return nil }
        let kept = scale + subMinorDigits
        guard fraction.count <= kept || fraction[kept...].allSatisfy({ $0 == 0 }) else { return nil }
        var minor = whole
        for position in 0..<scale { minor = minor * 10 + Int64(position < fraction.count ? fraction[position] : 0) }
        var sub = 0
        for position in scale..<kept { sub = sub * 10 + Int(position < fraction.count ? fraction[position] : 0) }
        return ExactAmount(minor: minor, subMinor: UInt16(sub), negative: negative)
    }
}
