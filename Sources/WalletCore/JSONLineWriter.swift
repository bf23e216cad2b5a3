// The one hand-written JSON writer, for the outputs where JSONEncoder costs more than the work itself:
// `password check --json` streaming a million passwords, and the rows of a backup. Everything else goes
// through JSONOutput's encoder. Keys are written as given (snake_case) and in the order given: callers
// keep them sorted, as JSONOutput's encoder does, so both produce the same text for the same object.

/// Builds one compact JSON object as UTF-8 bytes.
package struct JSONLineWriter {
    package private(set) var bytes: [UInt8] = [0x7b]
    private var first = true

    package init() {}

    private mutating func key(_ name: String) {
        if !first { bytes.append(0x2c) }
        first = false
        bytes.append(0x22)
        bytes += name.utf8
        bytes += [0x22, 0x3a]
    }

    /// A string field, or null.
    package mutating func string(_ name: String, _ value: String?) {
        key(name)
        if let value { Self.appendQuoted(value, to: &bytes) } else { bytes += "null".utf8 }
    }

    /// A number field; non-finite values become null (JSON has no infinity).
    package mutating func number(_ name: String, _ value: Double) {
        key(name)
        Self.appendNumber(value, to: &bytes)
    }

    /// An integer field.
    package mutating func number(_ name: String, _ value: Int) {
        key(name)
        bytes += String(value).utf8
    }

    /// A boolean field, or null.
    package mutating func bool(_ name: String, _ value: Bool?) {
        key(name)
        bytes += (value.map { $0 ? "true" : "false" } ?? "null").utf8
    }

    /// An array of strings.
    package mutating func strings(_ name: String, _ values: [String]) {
        key(name)
        bytes.append(0x5b)
        for (index, value) in values.enumerated() {
            if index > 0 { bytes.append(0x2c) }
            Self.appendQuoted(value, to: &bytes)
        }
        bytes.append(0x5d)
    }

    /// A nested object.
    package mutating func object(_ name: String, _ value: JSONLineWriter) {
        key(name)
        bytes += value.finished
    }

    /// An array of nested objects.
    package mutating func objects(_ name: String, _ values: [JSONLineWriter]) {
        key(name)
        bytes.append(0x5b)
        for (index, value) in values.enumerated() {
            if index > 0 { bytes.append(0x2c) }
            bytes += value.finished
        }
        bytes.append(0x5d)
    }

    /// The object with its closing brace.
    package var finished: [UInt8] { bytes + [0x7d] }

    /// The object as a String.
    package var text: String { String(decoding: finished, as: UTF8.self) }

    /// Integral values below 2^53 print without a fraction (`10000`, as JSONEncoder writes them);
    /// others in Swift's shortest round-trip form.
    package static func appendNumber(_ value: Double, to out: inout [UInt8]) {
        guard value.isFinite else {
            out += "null".utf8
            return
        }
        if value == value.rounded(), abs(value) < 9_007_199_254_740_992 {
            out += String(Int64(value)).utf8
        } else {
            out += "\(value)".utf8
        }
    }

    /// A JSON string literal with the escapes RFC 8259 requires (control characters, quote, backslash).
    package static func appendQuoted(_ text: String, to out: inout [UInt8]) {
        out.append(0x22)
        for byte in text.utf8 {
            switch byte {
            case 0x22: out += [0x5c, 0x22]
            case 0x5c: out += [0x5c, 0x5c]
            case 0x0a: out += [0x5c, 0x6e]
            case 0x0d: out += [0x5c, 0x72]
            case 0x09: out += [0x5c, 0x74]
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out += [0x5c, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 15)]]
            default: out.append(byte)
            }
        }
        out.append(0x22)
    }
}
