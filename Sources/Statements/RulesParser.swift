// Parses hledger CSV rules text into CSVRules: `include` is expanded first (relative to the
// including file, with cycle, depth and size caps), then directives, field assignments and if-blocks
// are read line by line. Every refusal names the file and line.
import WalletCore

#if canImport(Glibc)
    import Glibc
#endif

extension CSVRules {
    /// Largest rules file (and each included file) read.
    public static let maxFileBytes = 1 << 20
    /// Deepest `include` nesting followed.
    public static let maxIncludeDepth = 8
    /// Most lines, includes expanded.
    public static let maxLines = 100_000
    /// Longest regular expression in an `if` matcher.
    public static let maxPatternLength = 1000

    /// Reads and parses the rules file at `path`, following its `include`s.
    public static func load(path: String) throws -> CSVRules {
        let bytes = try FileSystem.readAll(path, limit: maxFileBytes)
        return try parse(String(decoding: bytes, as: UTF8.self), file: path)
    }

    /// Parses rules text; `file` names it in errors and anchors relative `include` paths.
    public static func parse(_ text: String, file: String) throws -> CSVRules {
        var lines: [RulesLine] = []
        try expand(text, file: file, stack: [file], into: &lines)
        var parser = RulesParser(lines: lines, rules: CSVRules(file: file))
        try parser.run()
        let rules = parser.rules
        let assigned = Set(rules.assignments.map(\.field) + rules.blocks.flatMap { $0.assignments.map(\.field) })
        guard assigned.contains("date") else { throw StatementError.rulesWithoutDate(file: file) }
        guard assigned.contains(where: { $0.hasPrefix("amount") }) else {
            throw StatementError.rulesWithoutAmount(file: file)
        }
        return rules
    }

    /// Appends the lines of `text`, replacing each `include PATH` line by the lines of that file.
    private static func expand(_ text: String, file: String, stack: [String], into lines: inout [RulesLine]) throws {
        var body = Substring(text)
        if body.hasPrefix("\u{feff}") { body = body.dropFirst() }
        for (index, raw) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = raw
            if line.hasSuffix("\r") { line = line.dropLast() }
            guard lines.count < maxLines else {
                throw StatementError.invalidRule(file: file, line: index + 1, problem: .tooManyLines)
            }
            let trimmed = String(line).trimmingSpaces()
            if trimmed.hasPrefix("include"), trimmed.dropFirst(7).first == " " || trimmed.dropFirst(7).first == "\t",
                line.first != " " && line.first != "\t"
            {
                func bad(_ problem: RulesProblem) -> StatementError {
                    .invalidRule(file: file, line: index + 1, problem: problem)
                }
                let target = String(trimmed.dropFirst(7)).trimmingSpaces()
                // Relative to the including file, as hledger does (not to the working directory).
                let path =
                    target.hasPrefix("/") || !file.contains("/")
                    ? target : FileSystem.directoryName(file) + "/" + target
                guard stack.count < maxIncludeDepth else { throw bad(.includeTooDeep) }
                guard !stack.contains(path) else { throw bad(.includeCycle(path)) }
                guard FileSystem.exists(path), !FileSystem.isDirectory(path) else { throw bad(.includeNotFound(path)) }
                let bytes = try FileSystem.readAll(path, limit: maxFileBytes)
                try expand(String(decoding: bytes, as: UTF8.self), file: path, stack: stack + [path], into: &lines)
                continue
            }
            lines.append(RulesLine(file: file, number: index + 1, text: String(line)))
        }
    }
}

/// One physical line, with the file it came from (includes keep their own names and numbers).
struct RulesLine {
    var file: String
    var number: Int
    var text: String

    var isBlank: Bool { text.trimmingSpaces().isEmpty }
    var isComment: Bool {
        let trimmed = text.trimmingSpaces()
        return trimmed.hasPrefix("#") || trimmed.hasPrefix(";") || trimmed.hasPrefix("*")
    }
    var isIndented: Bool { text.first == " " || text.first == "\t" }
}

struct RulesParser {
    let lines: [RulesLine]
    var rules: CSVRules
    private var index = 0
    /// `%name` matchers, checked against the `fields` line once the whole file is read (it may come later).
    private var fieldChecks: [(String, RulesLine)] = []

    init(lines: [RulesLine], rules: CSVRules) {
        self.lines = lines
        self.rules = rules
    }

    private func bad(_ problem: RulesProblem, _ line: RulesLine) -> StatementError {
        .invalidRule(file: line.file, line: line.number, problem: problem)
    }

    mutating func run() throws {
        while index < lines.count {
            let line = lines[index]
            index += 1
            if line.isBlank || line.isComment { continue }
            let (keyword, value) = Self.split(line.text)
            let trimmedValue = value.trimmingSpaces()
            switch keyword {
            case "if":
                try parseIf(firstMatcher: trimmedValue, line)
            case _ where keyword.hasPrefix("if") && keyword.count > 2 && !keyword.dropFirst(2).first!.isLetter:
                try parseTable(header: String(line.text.trimmingSpaces().dropFirst(2)), line)
            case "skip":
                rules.skip = try Self.count(trimmedValue, line)
            case "separator":
                rules.separator = try separator(trimmedValue, line)
            case "fields":
                try parseFields(trimmedValue, line)
            case "date-format":
                guard !trimmedValue.isEmpty else { throw bad(.emptyDateFormat, line) }
                rules.dateFormat = trimmedValue
            case "timezone":
                guard let offset = ByteParsing.utcOffset(trimmedValue) else { throw bad(.badTimezone, line) }
                rules.timezone = offset
            case "decimal-mark":
                guard trimmedValue == "," || trimmedValue == "." else { throw bad(.badDecimalMark, line) }
                rules.decimalComma = trimmedValue == ","
            case "encoding":
                rules.encoding = try encoding(trimmedValue, line)
            case "newest-first":
                rules.newestFirst = true
            case "intra-day-reversed":
                rules.intraDayReversed = true
            case "balance-type", "source", "archive":
                // Journal and import bookkeeping: no effect on cash direction or amount.
                break
            case _ where CSVRules.isHledgerField(keyword):
                let assignment = try self.assignment(keyword, value, line)
                if keyword == "currency", let code = Self.constantCurrency(assignment.value) {
                    rules.accountCurrency = code
                }
                rules.assignments.append(assignment)
            default:
                throw bad(.unknownDirective(keyword), line)
            }
        }
        for (name, line) in fieldChecks where !rules.fieldNames.contains(name) {
            throw bad(.unknownField(name), line)
        }
    }

    /// `keyword rest`, where the keyword ends at white space or a colon (`FIELD: value`).
    static func split(_ text: String) -> (String, String) {
        let body = text.drop { $0 == " " || $0 == "\t" }
        let keyword = body.prefix { $0 != " " && $0 != "\t" && $0 != ":" }
        var rest = body.dropFirst(keyword.count)
        if rest.first == ":" { rest = rest.dropFirst() }
        rest = rest.drop { $0 == " " || $0 == "\t" }
        return (keyword.lowercased(), String(rest))
    }

    private static func count(_ value: String, _ line: RulesLine) throws -> Int {
        guard let count = Int(value.isEmpty ? "1" : value), (0...1_000_000).contains(count) else {
            throw StatementError.invalidRule(file: line.file, line: line.number, problem: .skipNeedsNumber)
        }
        return count
    }

    private func separator(_ value: String, _ line: RulesLine) throws -> UInt8 {
        switch value.lowercased() {
        case "tab", "\\t", "tsv": return 0x09
        case "space": return 0x20
        case "ssv": return 0x3b
        case "csv": return 0x2c
        default:
            let bytes = Array(value.utf8)
            guard bytes.count == 1, bytes[0] >= 0x20, bytes[0] < 0x7f, bytes[0] != 0x22 else {
                throw bad(.badSeparator, line)
            }
            return bytes[0]
        }
    }

    private func encoding(_ value: String, _ line: RulesLine) throws -> String? {
        let name = value.lowercased()
        if name == "utf-8" || name == "utf8" || name == "ascii" || name == "us-ascii" { return nil }
        var iconvName = value.uppercased()
        // hledger spells ISO 8859 parts `iso8859-1`; iconv wants `ISO-8859-1`.
        if name.hasPrefix("iso8859") {
            iconvName = "ISO-8859-" + name.dropFirst(7).drop { $0 == "-" || $0 == "_" }
        }
        let allowed = iconvName.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
        guard iconvName.utf8.count < 40, allowed else { throw bad(.badEncoding(value), line) }
        let handle = iconv_open("UTF-8", iconvName)
        guard handle != iconv_t(bitPattern: -1) else { throw bad(.badEncoding(value), line) }
        iconv_close(handle)
        return iconvName
    }

    private mutating func parseFields(_ value: String, _ line: RulesLine) throws {
        var names: [String] = []
        var current = ""
        var quoted = false
        for character in value {
            if character == "\"" {
                quoted.toggle()
            } else if character == ",", !quoted {
                names.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        names.append(current)
        rules.fieldNames = names.map { name in
            let trimmed = name.trimmingSpaces().lowercased()
            return trimmed == "_" ? "" : trimmed
        }
        for (position, name) in rules.fieldNames.enumerated() where CSVRules.isHledgerField(name) {
            rules.assignments.append(
                RulesAssignment(field: name, value: RulesTemplate(parts: [.field(String(position + 1))])))
        }
    }

    /// A field assignment; the value keeps trailing spaces, as hledger does (`currency %c ` = "usd 1").
    /// A constant currency must be one walletsec can name (a symbol or a code).
    private func assignment(_ field: String, _ value: String, _ line: RulesLine) throws -> RulesAssignment {
        let template = Self.template(value)
        if field.hasPrefix("currency"), template.parts.count == 1, case .text(let text) = template.parts[0],
            !text.trimmingSpaces().isEmpty, RulesAmount.currencyCode(text.trimmingSpaces()) == nil
        {
            throw bad(.badCurrency, line)
        }
        return RulesAssignment(field: field, value: template)
    }

    /// The ISO code of a `currency` rule that is a constant (`$`, `EUR`), else nil.
    static func constantCurrency(_ template: RulesTemplate) -> String? {
        guard template.parts.count == 1, case .text(let text) = template.parts[0] else { return nil }
        return RulesAmount.currencyCode(text.trimmingSpaces())
    }

    static func template(_ value: String) -> RulesTemplate {
        var parts: [RulesTemplate.Part] = []
        var text = ""
        var characters = Substring(value)
        func flush() {
            if !text.isEmpty { parts.append(.text(text)) }
            text = ""
        }
        while let character = characters.first {
            characters = characters.dropFirst()
            if character == "%" {
                let name = characters.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
                if name.isEmpty {
                    text.append(character)
                    continue
                }
                characters = characters.dropFirst(name.count)
                flush()
                parts.append(.field(name.lowercased()))
            } else if character == "\\", let next = characters.first, let digit = next.wholeNumberValue, next.isASCII {
                characters = characters.dropFirst()
                flush()
                parts.append(.group(digit))
            } else {
                text.append(character)
            }
        }
        flush()
        return RulesTemplate(parts: parts)
    }

    private mutating func matcher(_ text: String, _ line: RulesLine) throws -> RulesMatcher {
        var body = Substring(text.trimmingSpaces())
        var matcher = RulesMatcher(pattern: "")
        if body.hasPrefix("&") {
            matcher.andWithPrevious = true
            body = body.drop { $0 == "&" }.drop { $0 == " " || $0 == "\t" }
        }
        if body.hasPrefix("!") {
            matcher.negated = true
            body = body.dropFirst().drop { $0 == " " || $0 == "\t" }
        }
        if body.hasPrefix("%") {
            let name = body.dropFirst().prefix { $0 != " " && $0 != "\t" }
            guard !name.isEmpty else { throw bad(.unknownField("%"), line) }
            matcher.field = name.lowercased()
            body = body.dropFirst(name.count + 1).drop { $0 == " " || $0 == "\t" }
            if let field = matcher.field, Int(field) == nil { fieldChecks.append((field, line)) }
        }
        matcher.pattern = String(body).trimmingSpaces()
        try checkPattern(matcher.pattern, line)
        return matcher
    }

    private func checkPattern(_ pattern: String, _ line: RulesLine) throws {
        guard pattern.utf8.count <= CSVRules.maxPatternLength else { throw bad(.regexTooLong, line) }
        guard !pattern.isEmpty else { throw bad(.badRegex(pattern), line) }
        do {
            _ = try RulesRegex(pattern)
        } catch .tooComplex {
            throw bad(.regexTooLong, line)
        } catch {
            throw bad(.badRegex(pattern), line)
        }
    }

    private mutating func parseIf(firstMatcher: String, _ start: RulesLine) throws {
        var block = RulesBlock(matchers: [])
        if !firstMatcher.isEmpty { block.matchers.append(try matcher(firstMatcher, start)) }
        // Matcher lines: unindented, up to the first indented line.
        while index < lines.count, !lines[index].isBlank, !lines[index].isIndented {
            if !lines[index].isComment { block.matchers.append(try matcher(lines[index].text, lines[index])) }
            index += 1
        }
        guard !block.matchers.isEmpty else { throw bad(.ifWithoutMatcher, start) }
        while index < lines.count, lines[index].isIndented || lines[index].isComment, !lines[index].isBlank {
            let line = lines[index]
            index += 1
            if line.isComment { continue }
            let (keyword, value) = Self.split(line.text)
            switch keyword {
            case "skip": block.skip = try Self.count(value.trimmingSpaces(), line)
            case "end": block.end = true
            case _ where CSVRules.isHledgerField(keyword):
                block.assignments.append(try assignment(keyword, value, line))
            default: throw bad(.unknownDirective(keyword), line)
            }
        }
        guard !block.assignments.isEmpty || block.skip != nil || block.end else { throw bad(.ifWithoutRules, start) }
        rules.blocks.append(block)
    }

    /// `if,field1,field2` then rows `MATCHER,value1,value2` up to a blank line.
    private mutating func parseTable(header: String, _ start: RulesLine) throws {
        guard let separator = header.first else { throw bad(.badTableRow, start) }
        let names = header.dropFirst().split(separator: separator, omittingEmptySubsequences: false).map {
            String($0).trimmingSpaces().lowercased()
        }
        for name in names where !CSVRules.isHledgerField(name) { throw bad(.unknownDirective(name), start) }
        while index < lines.count, !lines[index].isBlank {
            let line = lines[index]
            index += 1
            if line.isComment { continue }
            let cells = line.text.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
            guard cells.count == names.count + 1 else { throw bad(.badTableRow, line) }
            var block = RulesBlock(matchers: [try matcher(cells[0], line)])
            for (name, value) in zip(names, cells.dropFirst()) {
                block.assignments.append(RulesAssignment(field: name, value: Self.template(value)))
            }
            rules.blocks.append(block)
        }
    }
}

extension CSVRules {
    /// The CSV text as UTF-8 when the rules name an `encoding` (nil: the usual UTF-8/GBK detection).
    func decodeText(_ raw: Bytes, file: String) throws -> ([UInt8]?, Int, TextEncoding)? {
        guard let encoding else { return nil }
        var start = 0
        if raw.count >= 3, raw[0] == 0xef, raw[1] == 0xbb, raw[2] == 0xbf { start = 3 }
        guard
            let converted = TextEncoding.convert(
                UnsafeBufferPointer(rebasing: raw[start...]), from: encoding, to: "UTF-8", maxExpansion: 4)
        else {
            throw StatementError.unsupportedEncoding(file: file)
        }
        // TextEncoding names only UTF-8 and GB18030; the text is UTF-8 from here on.
        return (converted, 0, .utf8)
    }
}
