// Outside text (a counterparty name, an order id) made safe to show on one line: line breaks and tabs
// become spaces, other control characters are dropped (an escape sequence in a statement could
// rewrite the screen). The terminal table and every dispute-report layout use this one rule.

package enum PrintableText {
    /// `text` on one line, control characters dropped.
    package static func oneLine(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\r" || scalar == "\t" {
                out.append(" ")
            } else if scalar.value >= 0x20 && !(0x7f...0x9f).contains(scalar.value) {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
