// Android shared preferences XML (<map> of <string name="…">text</string>, <int name value/>, …), the
// layout Authy, Battle.net, TOTP Authenticator and FreeOTP keep their accounts in. Read by hand: the files
// are small and flat, and FoundationXML would need libxml2 at run time. Only the five entities and numeric
// character references are decoded; anything else that is not this flat layout makes the parse fail.

/// The name → value pairs of one shared-preferences file (a `<set>` is kept as its strings joined by "\n").
struct SharedPreferences {
    var values: [String: String] = [:]
    /// Names in file order (some apps' entries are in that order).
    var names: [String] = []

    subscript(_ name: String) -> String? { values[name] }

    /// A file up to this size is parsed; real ones are a few kilobytes.
    static let maxLength = 4 << 20

    static func parse(_ text: String) -> SharedPreferences? {
        guard text.utf8.count <= maxLength else { return nil }
        var scanner = XMLScanner(Array(text.utf8)[...])
        scanner.skipProlog()
        guard scanner.openTag()?.name == "map" else { return nil }
        var result = SharedPreferences()
        while true {
            scanner.skipSpaceAndComments()
            if scanner.consume("</map>") { return result }
            guard let tag = scanner.openTag(), let name = tag.attributes["name"] else { return nil }
            var value: String
            if tag.selfClosing {
                value = tag.attributes["value"] ?? ""
            } else if tag.name == "set" {
                var items: [String] = []
                while true {
                    scanner.skipSpaceAndComments()
                    if scanner.consume("</set>") { break }
                    guard let item = scanner.openTag(), item.name == "string", !item.selfClosing,
                        let text = scanner.text(until: "</string>")
                    else { return nil }
                    items.append(text)
                }
                value = items.joined(separator: "\n")
            } else {
                guard let text = scanner.text(until: "</\(tag.name)>") else { return nil }
                value = text
            }
            if result.values[name] == nil { result.names.append(name) }
            result.values[name] = value
        }
    }
}

/// A cursor over the bytes of a small, flat XML document.
private struct XMLScanner {
    var bytes: ArraySlice<UInt8>

    init(_ bytes: ArraySlice<UInt8>) { self.bytes = bytes }

    mutating func skipSpace() {
        while let byte = bytes.first, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
            bytes = bytes.dropFirst()
        }
    }

    mutating func consume(_ literal: String) -> Bool {
        let literal = Array(literal.utf8)
        guard bytes.starts(with: literal) else { return false }
        bytes = bytes.dropFirst(literal.count)
        return true
    }

    /// Skips to just past `end`; false when it never comes.
    mutating func skip(past end: String) -> Bool {
        let end = Array(end.utf8)
        while !bytes.isEmpty {
            if bytes.starts(with: end) {
                bytes = bytes.dropFirst(end.count)
                return true
            }
            bytes = bytes.dropFirst()
        }
        return false
    }

    mutating func skipSpaceAndComments() {
        skipSpace()
        while bytes.starts(with: Array("<!--".utf8)) {
            guard skip(past: "-->") else { return }
            skipSpace()
        }
    }

    /// The XML declaration and comments before the root element. Android writes no DTD: a file with one is not
    /// shared preferences (and entity declarations never come into play).
    mutating func skipProlog() {
        skipSpaceAndComments()
        while bytes.starts(with: Array("<?".utf8)) {
            guard skip(past: ">") else { return }
            skipSpaceAndComments()
        }
    }

    /// `<name a="v" …>` or `<name … />`.
    mutating func openTag() -> (name: String, attributes: [String: String], selfClosing: Bool)? {
        skipSpaceAndComments()
        guard consume("<") else { return nil }
        let name = word()
        guard !name.isEmpty else { return nil }
        var attributes: [String: String] = [:]
        while true {
            skipSpace()
            if consume("/>") { return (name, attributes, true) }
            if consume(">") { return (name, attributes, false) }
            let key = word()
            skipSpace()
            guard !key.isEmpty, consume("=") else { return nil }
            skipSpace()
            guard let quote = bytes.first, quote == 0x22 || quote == 0x27 else { return nil }
            bytes = bytes.dropFirst()
            guard let end = bytes.firstIndex(of: quote), let value = Self.unescape(bytes[..<end]) else { return nil }
            bytes = bytes[(end + 1)...]
            attributes[key] = value
        }
    }

    mutating func word() -> String {
        var out: [UInt8] = []
        while let byte = bytes.first,
            (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                || byte == 0x2D || byte == 0x5F || byte == 0x2E || byte == 0x3A
        {
            out.append(byte)
            bytes = bytes.dropFirst()
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The character data up to `end` (consumed), entities decoded.
    mutating func text(until end: String) -> String? {
        let endBytes = Array(end.utf8)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index...].starts(with: endBytes) {
                let raw = bytes[..<index]
                bytes = bytes[(index + endBytes.count)...]
                return Self.unescape(raw)
            }
            if bytes[index] == 0x3C { return nil }  // an element inside a value: not shared preferences
            index += 1
        }
        return nil
    }

    static func unescape(_ raw: ArraySlice<UInt8>) -> String? {
        guard raw.contains(0x26) else { return String(validating: raw, as: UTF8.self) }
        var out: [UInt8] = []
        var rest = raw
        while let byte = rest.popFirst() {
            guard byte == 0x26 else {
                out.append(byte)
                continue
            }
            guard let semicolon = rest.prefix(12).firstIndex(of: 0x3B) else { return nil }
            let entity = String(decoding: rest[..<semicolon], as: UTF8.self)
            rest = rest[(semicolon + 1)...]
            switch entity {
            case "amp": out.append(0x26)
            case "lt": out.append(0x3C)
            case "gt": out.append(0x3E)
            case "quot": out.append(0x22)
            case "apos": out.append(0x27)
            default:
                let scalar: UInt32?
                if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
                    scalar = UInt32(entity.dropFirst(2), radix: 16)
                } else if entity.hasPrefix("#") {
                    scalar = UInt32(entity.dropFirst())
                } else {
                    scalar = nil
                }
                guard let scalar, let character = Unicode.Scalar(scalar) else { return nil }
                out += Array(String(character).utf8)
            }
        }
        return String(validating: out, as: UTF8.self)
    }
}
