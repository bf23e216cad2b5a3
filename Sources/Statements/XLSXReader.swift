// WeChat Pay's XLSX bill: unzip (libzip, as for ZIP bills), read the shared strings and the first
// worksheet with a minimal streaming scanner for the small XML subset SpreadsheetML uses, and turn the
// sheet into CSV bytes (one line per sheet row, so line numbers are row numbers) for the CSV layouts.
// FoundationXML is avoided: it needs libxml2 at run time and is slow on large sheets. ZIPFoundation
// was dropped: a malformed archive trapped inside it (fuzzing, issue #11); libzip reports an error.
import CLibZip
import WalletCore

enum XLSXReader {
    static let maxEntryBytes = 512 << 20
    /// A workbook has a handful of parts; more entries than this is not a statement.
    static let maxEntries: Int64 = 10_000

    static func looksLikeZIP(_ raw: Bytes) -> Bool {
        raw.count >= 4 && raw[0] == 0x50 && raw[1] == 0x4b && raw[2] == 0x03 && raw[3] == 0x04
    }

    static func sheetAsCSV(_ raw: [UInt8], file: String) throws -> [UInt8] {
        let notWorkbook = StatementError.notAWorkbook(file: file)
        return try raw.withUnsafeBufferPointer { buffer in
            let archive: ZipBill.Archive
            do {
                archive = try ZipBill.Archive(buffer, file: file)
            } catch {
                throw notWorkbook
            }
            defer { archive.close() }
            let count = archive.entryCount
            guard count <= maxEntries else { throw notWorkbook }
            var entries: [String: zip_stat_t] = [:]
            for index in 0..<UInt64(count) {
                var info = zip_stat_t()
                zip_stat_init(&info)
                guard zip_stat_index(archive.handle, index, 0, &info) == 0, let name = info.name,
                    info.valid & UInt64(ZIP_STAT_SIZE) != 0
                else { throw notWorkbook }
                let path = String(cString: name)
                guard info.size <= UInt64(maxEntryBytes) else {
                    throw StatementError.workbookEntryTooLarge(file: file, entry: path)
                }
                entries[path] = info
            }
            func entryBytes(_ path: String) throws -> [UInt8]? {
                guard let entry = entries[path] else { return nil }
                do {
                    return try archive.read(entry, name: path, password: nil, limit: maxEntryBytes)
                } catch ZipBillError.entryTooLarge {
                    throw StatementError.workbookEntryTooLarge(file: file, entry: path)
                } catch {
                    throw notWorkbook
                }
            }
            let sheetPaths = entries.keys.filter { $0.hasPrefix("xl/worksheets/") && $0.hasSuffix(".xml") }.sorted()
            guard !sheetPaths.isEmpty else { throw notWorkbook }
            let shared = try entryBytes("xl/sharedStrings.xml").map(sharedStrings) ?? []
            // A WeChat workbook re-saved through Power Query gains a table sheet whose first row is
            // `Column1,Column2,…`; the plain sheet holds the same rows as WeChat wrote them: prefer it.
            var first: [UInt8]?
            for path in sheetPaths {
                guard let sheet = try entryBytes(path) else { continue }
                guard let converted = csv(fromSheet: sheet, shared: shared) else {
                    throw StatementError.workbookEntryTooLarge(file: file, entry: path)
                }
                if !isPowerQueryTable(converted) { return converted }
                if first == nil { first = converted }
            }
            guard let first else { throw notWorkbook }
            return first
        }
    }

    /// The converted sheet starts with the cell `Column1`.
    static func isPowerQueryTable(_ csv: [UInt8]) -> Bool {
        csv.starts(with: Array("\"Column1\"".utf8))
    }

    /// A numeric cell as Excel shows it: the stored double's text (`548.58000000000004`,
    /// `7.0000000000000007E-2`) rounded half-up to 15 significant digits with trailing zeros
    /// dropped (`548.58`, `0.07`). Pure decimal-string work, no floating point; anything that is
    /// not a plain number is returned unchanged.
    static func displayedNumber(_ text: String) -> String {
        var body = Substring(text)
        var negative = false
        if body.first == "-" {
            negative = true
            body = body.dropFirst()
        }
        var exponent = 0
        if let e = body.firstIndex(where: { $0 == "E" || $0 == "e" }) {
            guard let value = Int(body[body.index(after: e)...]), abs(value) < 400 else { return text }
            exponent = value
            body = body[..<e]
        }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, !parts[0].isEmpty || parts.count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } })
        else { return text }
        // digits × 10^(point - digits.count)
        var digits = Array((parts[0] + (parts.count == 2 ? parts[1] : "")).utf8.map { Int($0) - 48 })
        var point = parts[0].count + exponent
        while digits.count > 1, digits.first == 0 {
            digits.removeFirst()
            point -= 1
        }
        guard digits.contains(where: { $0 != 0 }) else { return "0" }
        if digits.count > 15 {
            let roundUp = digits[15] >= 5
            digits.removeSubrange(15...)
            if roundUp {
                var index = 14
                while index >= 0 {
                    if digits[index] == 9 {
                        digits[index] = 0
                        index -= 1
                    } else {
                        digits[index] += 1
                        break
                    }
                }
                if index < 0 {
                    digits.insert(1, at: 0)
                    digits.removeLast()
                    point += 1
                }
            }
        }
        while digits.count > max(point, 1), digits.last == 0 { digits.removeLast() }
        var result = negative ? "-" : ""
        if point <= 0 {
            result += "0." + String(repeating: "0", count: -point) + digits.map(String.init).joined()
        } else if point >= digits.count {
            result += digits.map(String.init).joined() + String(repeating: "0", count: point - digits.count)
        } else {
            result += digits[..<point].map(String.init).joined() + "." + digits[point...].map(String.init).joined()
        }
        return result
    }

    /// The text of each `<si>`: all `<t>` runs concatenated.
    static func sharedStrings(_ xml: [UInt8]) -> [String] {
        var result: [String] = []
        var scanner = XMLScanner(xml)
        var current: [UInt8] = []
        var inItem = false
        while let tag = scanner.nextTag() {
            switch tag.name {
            case "si":
                if tag.closing {
                    result.append(XMLScanner.unescape(current))
                    inItem = false
                } else if tag.selfClosing {
                    result.append("")
                } else {
                    inItem = true
                    current.removeAll(keepingCapacity: true)
                }
            case "t" where inItem && !tag.closing && !tag.selfClosing:
                current.append(contentsOf: scanner.textUntilNextTag())
            case "rPh" where !tag.closing && !tag.selfClosing:
                scanner.skip(until: "rPh")  // phonetic guides are not cell text
            default: break
            }
        }
        return result
    }

    /// Excel's limits: 1,048,576 rows, 16,384 columns (XFD). A reference past them is not Excel's
    /// and is read as "the next row/column", so a crafted `r="A2147483648"` cannot ask for 2^31 lines.
    static let maxRows = 1 << 20
    static let maxColumns = 1 << 14

    /// Sheet rows as CSV lines; every field quoted. Nil when the CSV would grow past four times the
    /// XML plus 1 MiB: row gaps and sparse wide rows are the only way to get there, and a crafted
    /// sheet could otherwise turn a few bytes into gigabytes of empty fields.
    static func csv(fromSheet xml: [UInt8], shared: [String]) -> [UInt8]? {
        let outputLimit = xml.count * 4 + (1 << 20)
        var output: [UInt8] = []
        output.reserveCapacity(xml.count / 2)
        var scanner = XMLScanner(xml)
        var lastRow = 0
        var cells: [Int: String] = [:]
        var rowNumber = 0
        var cellColumn = 0
        var cellType = ""
        var cellValue: String?
        func flushRow() {
            guard rowNumber > 0 else { return }
            while lastRow + 1 < rowNumber {
                output.append(0x0a)
                lastRow += 1
            }
            let width = (cells.keys.max() ?? -1) + 1
            for column in 0..<width {
                if column > 0 { output.append(0x2c) }
                output.append(0x22)
                for byte in (cells[column] ?? "").utf8 {
                    if byte == 0x22 { output.append(0x22) }
                    output.append(byte)
                }
                output.append(0x22)
            }
            output.append(0x0a)
            lastRow = rowNumber
            cells.removeAll(keepingCapacity: true)
        }
        while let tag = scanner.nextTag() {
            guard output.count <= outputLimit else { return nil }
            switch tag.name {
            case "row" where !tag.closing:
                flushRow()
                rowNumber = Int(tag.attribute("r") ?? "").flatMap { 1...maxRows ~= $0 ? $0 : nil } ?? (lastRow + 1)
                if tag.selfClosing { flushRow() }
            case "c" where !tag.closing:
                cellColumn = columnIndex(tag.attribute("r")) ?? ((cells.keys.max() ?? -1) + 1)
                cellType = tag.attribute("t") ?? ""
                cellValue = nil
                if tag.selfClosing { cells[cellColumn] = "" }
            case "v" where !tag.closing && !tag.selfClosing:
                let text = XMLScanner.unescape(scanner.textUntilNextTag())
                if cellType == "s", let index = Int(text), index >= 0, index < shared.count {
                    cellValue = shared[index]
                } else if cellType == "" || cellType == "n" {
                    cellValue = displayedNumber(text)
                } else {
                    cellValue = text
                }
            case "t" where !tag.closing && !tag.selfClosing && cellType == "inlineStr":
                cellValue = (cellValue ?? "") + XMLScanner.unescape(scanner.textUntilNextTag())
            case "c" where tag.closing:
                cells[cellColumn] = cellValue ?? ""
            case "sheetData" where tag.closing:
                flushRow()
                rowNumber = 0
            default: break
            }
        }
        flushRow()
        return output.count <= outputLimit ? output : nil
    }

    /// "AB12" → 27 (0-based column); nil without letters or past column XFD (``maxColumns``).
    static func columnIndex(_ reference: String?) -> Int? {
        guard let reference else { return nil }
        var value = 0
        var letters = 0
        for byte in reference.utf8 {
            guard byte >= 0x41 && byte <= 0x5a else { break }
            value = value * 26 + Int(byte - 0x40)
            letters += 1
            guard value <= maxColumns else { return nil }
        }
        return letters == 0 ? nil : value - 1
    }
}

/// Streams the tags of an XML document; enough for SpreadsheetML (no DTDs, no CDATA needed).
struct XMLScanner {
    struct Tag {
        var name: String
        var closing: Bool
        var selfClosing: Bool
        var rawAttributes: Substring

        func attribute(_ key: String) -> String? {
            var rest = rawAttributes
            while let range = rest.range(of: key + "=") {
                let before = range.lowerBound == rest.startIndex ? " " : rest[rest.index(before: range.lowerBound)]
                let afterEquals = rest[range.upperBound...]
                guard let quote = afterEquals.first, quote == "\"" || quote == "'" else { return nil }
                let body = afterEquals.dropFirst()
                guard let end = body.firstIndex(of: quote) else { return nil }
                if before == " " || before == "\t" || before == "\n" { return String(body[..<end]) }
                rest = body[end...]
            }
            return nil
        }
    }

    let bytes: [UInt8]
    var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func nextTag() -> Tag? {
        while position < bytes.count {
            guard let open = bytes[position...].firstIndex(of: 0x3c) else {
                position = bytes.count
                return nil
            }
            guard let close = bytes[open...].firstIndex(of: 0x3e) else {
                position = bytes.count
                return nil
            }
            position = close + 1
            var inner = bytes[(open + 1)..<close]
            if inner.first == 0x3f || inner.first == 0x21 { continue }  // <?xml ...?>, <!-- -->
            let closing = inner.first == 0x2f
            if closing { inner = inner.dropFirst() }
            let selfClosing = inner.last == 0x2f
            if selfClosing { inner = inner.dropLast() }
            let text = String(decoding: inner, as: UTF8.self)
            let nameEnd =
                text.firstIndex(where: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }) ?? text.endIndex
            var name = Substring(text[..<nameEnd])
            if let colon = name.lastIndex(of: ":") { name = name[name.index(after: colon)...] }  // namespace prefix
            return Tag(name: String(name), closing: closing, selfClosing: selfClosing, rawAttributes: text[nameEnd...])
        }
        return nil
    }

    mutating func textUntilNextTag() -> ArraySlice<UInt8> {
        let end = bytes[position...].firstIndex(of: 0x3c) ?? bytes.count
        defer { position = end }
        return bytes[position..<end]
    }

    mutating func skip(until closingName: String) {
        while let tag = nextTag() {
            if tag.closing && tag.name == closingName { return }
        }
    }

    static func unescape<C: Collection>(_ raw: C) -> String where C.Element == UInt8 {
        let text = String(decoding: raw, as: UTF8.self)
        guard text.utf8.contains(0x26) else { return text }
        var result = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            guard let semicolon = rest[amp...].firstIndex(of: ";"), rest.distance(from: amp, to: semicolon) <= 10 else {
                result += "&"
                rest = rest[rest.index(after: amp)...]
                continue
            }
            let entity = rest[rest.index(after: amp)..<semicolon]
            switch entity {
            case "lt": result += "<"
            case "gt": result += ">"
            case "amp": result += "&"
            case "quot": result += "\""
            case "apos": result += "'"
            default:
                var scalar: Unicode.Scalar?
                if entity.hasPrefix("#x") {
                    scalar = UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
                } else if entity.hasPrefix("#") {
                    scalar = UInt32(entity.dropFirst()).flatMap(Unicode.Scalar.init)
                }
                if let scalar { result.unicodeScalars.append(scalar) } else { result += "&" + entity + ";" }
            }
            rest = rest[rest.index(after: semicolon)...]
        }
        return result + rest
    }
}
