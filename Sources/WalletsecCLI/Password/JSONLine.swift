// A small hand-written JSON object writer for `password check --json`: JSONEncoder costs more than the
// estimate itself, and a list of a million passwords should stream at the estimator's speed.
// Keys are written as given (already snake_case) and in the order given (callers keep them sorted).

struct JSONLine {
    private(set) var text = "{"
    private var first = true

    private mutating func key(_ name: String) {
        if !first { text += "," }
        first = false
        text += "\""
        text += name
        text += "\":"
    }

    mutating func string(_ name: String, _ value: String?) {
        key(name)
        guard let value else {
            text += "null"
            return
        }
        JSONLine.appendQuoted(value, to: &text)
    }

    mutating func number(_ name: String, _ value: Double) {
        key(name)
        text += value.isFinite ? "\(value)" : "null"
    }

    mutating func number(_ name: String, _ value: Int) {
        key(name)
        text += String(value)
    }

    mutating func bool(_ name: String, _ value: Bool?) {
        key(name)
        text += value.map { $0 ? "true" : "false" } ?? "null"
    }

    mutating func strings(_ name: String, _ values: [String]) {
        key(name)
        text += "["
        for (index, value) in values.enumerated() {
            if index > 0 { text += "," }
            JSONLine.appendQuoted(value, to: &text)
        }
        text += "]"
    }

    mutating func object(_ name: String, _ value: JSONLine) {
        key(name)
        text += value.finished
    }

    mutating func objects(_ name: String, _ values: [JSONLine]) {
        key(name)
        text += "["
        text += values.map(\.finished).joined(separator: ",")
        text += "]"
    }

    var finished: String { text + "}" }

    static func appendQuoted(_ value: String, to text: inout String) {
        // Most strings need no escaping: append them whole.
        if !value.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5c || $0 == 0x7f || $0 == 0xe2 }) {
            text += "\""
            text += value
            text += "\""
            return
        }
        text += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7f || (0x2028...0x2029).contains(scalar.value) {
                    let hex = String(scalar.value, radix: 16)
                    text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    text.unicodeScalars.append(scalar)
                }
            }
        }
        text += "\""
    }
}
