// Outside text (a counterparty name, an order id) made safe to show on one line: line breaks and tabs
// become spaces, other control characters are dropped (an escape sequence in a statement could
// rewrite the screen). The terminal table and every dispute-report layout use this one rule.

package enum PrintableText {
    /// `text` on one line, control characters dropped.
    package static func oneLine(_ text: String) -> String {
        if !containsControl(text, allowingLineBreaks: false) { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\r" || scalar == "\t" {
                out.append(" ")
            } else if isPlain(scalar.value) {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A scalar no terminal acts on: not a C0 control, DEL or a C1 control (both filters keep these).
    private static func isPlain(_ value: UInt32) -> Bool { value >= 0x20 && !(0x7f...0x9f).contains(value) }

    /// Whether `text` holds a C0 control (other than `\n` and `\t` when `allowingLineBreaks`), DEL
    /// or a C1 control: one pass over the UTF-8 bytes, so clean text (nearly all) costs no copy.
    static func containsControl(_ text: String, allowingLineBreaks: Bool) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte < 0x20 {
                if !(allowingLineBreaks && (byte == 0x0a || byte == 0x09)) { return true }
            } else if byte == 0x7f || (previous == 0xc2 && byte < 0xa0) {
                return true
            }
            previous = byte
        }
        return false
    }
}

extension PrintableText {
    /// A line the CLI is about to print for a person, stripped of every control character a
    /// terminal would act on, whatever text was put into it: line breaks and tabs stay, an SGR
    /// colour sequence (`ESC [ digits ; … m`, which only changes colours) stays, and any other
    /// escape loses its ESC, so what follows shows as plain characters. C1 controls (U+0080–U+009F,
    /// which some terminals obey like ESC sequences) and DEL are dropped. Text with none of them —
    /// nearly every line — is returned as it is after one pass over its bytes.
    package static func forTerminal(_ text: String) -> String {
        if !containsControl(text, allowingLineBreaks: true) { return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            let value = scalar.value
            if value == 0x1b {
                var end = index + 1
                if end < scalars.count && scalars[end] == "[" {
                    end += 1
                    while end < scalars.count && (("0"..."9").contains(scalars[end]) || scalars[end] == ";") {
                        end += 1
                    }
                    if end < scalars.count && scalars[end] == "m" {
                        out.append(contentsOf: scalars[index...end])
                        index = end + 1
                        continue
                    }
                }
            } else if value == 0x0a || value == 0x09 || isPlain(value) {
                out.append(scalar)
            }
            index += 1
        }
        return String(out)
    }
}
