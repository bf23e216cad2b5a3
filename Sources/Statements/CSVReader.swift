// A CSV tokenizer over raw UTF-8 bytes: fields are byte ranges into the buffer, so a row costs no
// allocation until a field is actually turned into a String. Handles quotes, doubled quotes,
// CRLF, and newlines inside quoted fields (line numbers stay right).

package struct FieldRange: Sendable {
    package var start: Int
    package var end: Int
    /// The field was quoted and contains doubled quotes that need unescaping.
    package var escaped: Bool
}

package struct CSVReader {
    package let bytes: Bytes
    package let separator: UInt8
    package private(set) var position: Int
    /// 1-based line number where the current row started.
    package private(set) var rowLine: Int = 0
    private var line: Int = 1

    package init(bytes: Bytes, separator: UInt8 = 0x2c, start: Int = 0, startLine: Int = 1) {
        self.bytes = bytes
        self.separator = separator
        self.position = start
        self.line = startLine
    }

    package var atEnd: Bool { position >= bytes.count }

    /// Reads the next row's fields; false at the end of input. A blank line yields one empty field.
    package mutating func next(into fields: inout [FieldRange]) -> Bool {
        fields.removeAll(keepingCapacity: true)
        let count = bytes.count
        guard position < count else { return false }
        rowLine = line
        var i = position
        while true {
            // One field.
            if i < count, bytes[i] == 0x22 {
                i += 1
                let start = i
                var escaped = false
                while i < count {
                    let byte = bytes[i]
                    if byte == 0x22 {
                        if i + 1 < count, bytes[i + 1] == 0x22 {
                            escaped = true
                            i += 2
                            continue
                        }
                        break
                    }
                    if byte == 0x0a { line += 1 }
                    i += 1
                }
                let end = i
                if i < count { i += 1 }  // closing quote
                // Anything after the closing quote up to the separator is kept (lenient, like Excel),
                // except padding: WeChat (since 2025-04) and HSBC HK write `"3985734"\t,`, and the
                // value is what is inside the quotes.
                var tailEnd = i
                var padOnly = true
                while tailEnd < count, bytes[tailEnd] != separator, bytes[tailEnd] != 0x0a, bytes[tailEnd] != 0x0d {
                    if bytes[tailEnd] != 0x09, bytes[tailEnd] != 0x20 { padOnly = false }
                    tailEnd += 1
                }
                fields.append(FieldRange(start: start, end: tailEnd > i && !padOnly ? tailEnd : end, escaped: escaped))
                i = tailEnd
            } else {
                let start = i
                while i < count {
                    let byte = bytes[i]
                    if byte == separator || byte == 0x0a || byte == 0x0d { break }
                    i += 1
                }
                fields.append(FieldRange(start: start, end: i, escaped: false))
            }
            if i < count, bytes[i] == separator {
                i += 1
                continue
            }
            // End of row.
            if i < count, bytes[i] == 0x0d { i += 1 }
            if i < count, bytes[i] == 0x0a {
                i += 1
                line += 1
            }
            break
        }
        position = i
        return true
    }

    /// The field as a String, trimmed of padding spaces, tabs and the `\t` suffix exports add to ids.
    @inline(__always)
    package func string(_ field: FieldRange) -> String {
        var start = field.start
        var end = field.end
        while start < end, Self.isPad(bytes[start]) { start += 1 }
        while end > start, Self.isPad(bytes[end - 1]) { end -= 1 }
        if field.escaped {
            var unescaped: [UInt8] = []
            unescaped.reserveCapacity(end - start)
            var i = start
            while i < end {
                unescaped.append(bytes[i])
                i += bytes[i] == 0x22 && i + 1 < end && bytes[i + 1] == 0x22 ? 2 : 1
            }
            return String(decoding: unescaped, as: UTF8.self)
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    /// Trimmed byte bounds of a field (for parsing numbers and dates without a String).
    @inline(__always)
    package func trimmed(_ field: FieldRange) -> (Int, Int) {
        var start = field.start
        var end = field.end
        while start < end, Self.isPad(bytes[start]) { start += 1 }
        while end > start, Self.isPad(bytes[end - 1]) { end -= 1 }
        return (start, end)
    }

    @inline(__always) static func isPad(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0d || byte == 0x0a
    }
}
