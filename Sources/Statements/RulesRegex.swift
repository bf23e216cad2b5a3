// The regular expressions of `if` matchers: POSIX-extended-style syntax (what hledger's matchers use)
// compiled to a Thompson NFA and run as a Pike VM, so matching time is linear in the text for every
// pattern: a rules file cannot make a scan hang the way a backtracking engine can (`(a+)+$`).
// Case-insensitive, searched anywhere in the text, with capture groups for `\N` in assignments.

struct RulesRegex: Sendable {
    enum Failure: Error, Equatable {
        case invalid
        case tooComplex
    }

    /// Most instructions a pattern may compile to (counted repetitions are expanded).
    static let maxProgram = 20_000

    private struct CharSet: Sendable {
        var ranges: [(UInt32, UInt32)] = []
        var classes: [(RulesCharacterClass, Bool)] = []
        var negated = false

        func contains(_ scalar: Unicode.Scalar) -> Bool {
            func test(_ value: Unicode.Scalar) -> Bool {
                for (low, high) in ranges where value.value >= low && value.value <= high { return true }
                for (kind, negated) in classes where kind.contains(value) != negated { return true }
                return false
            }
            let found = test(scalar) || test(RulesRegex.upper(scalar))
            return found != negated
        }
    }

    private indirect enum Node {
        case empty
        case scalar(Unicode.Scalar)
        case any
        case set(CharSet)
        case start, end
        case wordBoundary(Bool)
        case group(Node, Int?)
        case concat([Node])
        case alternation([Node])
        case repetition(Node, min: Int, max: Int?)
    }

    private enum Instruction: Sendable {
        case scalar(Unicode.Scalar)
        case any
        case set(CharSet)
        case split(Int, Int)
        case jump(Int)
        case save(Int)
        case start, end
        case wordBoundary(Bool)
        case match
    }

    private var program: [Instruction] = []
    /// Capture groups, not counting the whole match.
    private(set) var groupCount = 0
    /// The lowercased text of a pattern that is plain text (most matchers): searched directly.
    private var literal: [Unicode.Scalar]?
    /// The pattern starts with `^`: only a match at the start counts.
    private var anchored = false
    /// The plain text every match starts with (lowercased; may be empty): a thread starts only where
    /// the text holds it, and a text without it is refused before any work. Hundreds of matchers
    /// such as `2024-07-02,23:15,…-38.67` (a `.` keeps them from being plain text) would otherwise each
    /// run the whole automaton over every row.
    private var prefix: [Unicode.Scalar] = []

    init(_ pattern: String) throws(Failure) {
        var parser = Parser(scalars: Array(pattern.unicodeScalars))
        let node = try parser.parseAlternation()
        guard parser.index == parser.scalars.count else { throw .invalid }
        groupCount = parser.groups
        switch node {
        case .scalar(let scalar): literal = [Self.lower(scalar)]
        case .concat(let nodes):
            var scalars: [Unicode.Scalar] = []
            for inner in nodes {
                guard case .scalar(let scalar) = inner else { break }
                scalars.append(Self.lower(scalar))
            }
            if scalars.count == nodes.count { literal = scalars } else { prefix = scalars }
            if case .start = nodes.first { anchored = true }
        case .start: anchored = true
        default: break
        }
        program.append(.save(0))
        try compile(node)
        program.append(.save(1))
        program.append(.match)
    }

    // MARK: Matching

    /// Does the pattern occur in `text`? (No groups: the fast path for blocks that do not use `\N`.)
    func matches(_ text: String) -> Bool { matches(lowered: Self.lowered(text)) }

    /// `text` as matching sees it (lowercased scalars): a row's field is lowered once for all matchers.
    static func lowered(_ text: String) -> [Unicode.Scalar] { text.unicodeScalars.map(lower) }

    /// `matches` on text already passed through `lowered`.
    func matches(lowered input: [Unicode.Scalar]) -> Bool {
        if let literal { return Self.firstOccurrence(of: literal, in: input) != nil }
        // No match starts before the first place the plain-text start occurs (0 when there is none).
        guard let first = prefix.isEmpty ? 0 : Self.firstOccurrence(of: prefix, in: input) else { return false }
        var current: [Int] = []
        var next: [Int] = []
        var stack: [Int] = []
        var seen = [Int](repeating: -1, count: program.count)
        var step = 0
        var found = false
        func add(_ list: inout [Int], _ start: Int, at position: Int) {
            stack.append(start)
            while let pc = stack.popLast() {
                guard seen[pc] != step else { continue }
                seen[pc] = step
                switch program[pc] {
                case .jump(let target): stack.append(target)
                case .split(let first, let second):
                    stack.append(second)
                    stack.append(first)
                case .save: stack.append(pc + 1)
                case .start: if position == 0 { stack.append(pc + 1) }
                case .end: if position == input.count { stack.append(pc + 1) }
                case .wordBoundary(let wanted):
                    let before = position > 0 && Self.isWord(input[position - 1])
                    let after = position < input.count && Self.isWord(input[position])
                    if (before != after) == wanted { stack.append(pc + 1) }
                case .match: found = true
                default: list.append(pc)
                }
            }
        }
        for position in first...input.count {
            step += 1
            if (!anchored || position == 0) && (prefix.isEmpty || Self.prefix(prefix, startsAt: position, in: input)) {
                add(&current, 0, at: position)
            }
            if found { return true }
            if current.isEmpty {
                if anchored { return false }
                continue
            }
            step += 1
            next.removeAll(keepingCapacity: true)
            let scalar = position < input.count ? input[position] : nil
            for pc in current {
                switch program[pc] {
                case .scalar(let wanted): if scalar == wanted { add(&next, pc + 1, at: position + 1) }
                case .any: if let scalar, scalar != "\n" { add(&next, pc + 1, at: position + 1) }
                case .set(let set): if let scalar, set.contains(scalar) { add(&next, pc + 1, at: position + 1) }
                default: break
                }
            }
            if found { return true }
            swap(&current, &next)
        }
        return false
    }

    /// Where `needle` first occurs in `input`, if it does.
    private static func firstOccurrence(of needle: [Unicode.Scalar], in input: [Unicode.Scalar]) -> Int? {
        guard needle.count <= input.count else { return nil }
        for start in 0...(input.count - needle.count) where prefix(needle, startsAt: start, in: input) {
            return start
        }
        return nil
    }

    /// Whether `input` holds `prefix` at `start` (a plain loop: this runs for every position of every row).
    private static func prefix(_ prefix: [Unicode.Scalar], startsAt start: Int, in input: [Unicode.Scalar]) -> Bool {
        guard start + prefix.count <= input.count else { return false }
        var index = 0
        while index < prefix.count {
            if input[start + index] != prefix[index] { return false }
            index += 1
        }
        return true
    }

    /// The first (leftmost) match: the whole match then each group ("" when a group did not take part);
    /// nil when nothing matches.
    func firstMatch(in text: String) -> [String]? {
        let original = Array(text.unicodeScalars)
        let input = original.map(Self.lower)
        let slots = 2 * (groupCount + 1)
        var current: [(Int, [Int])] = []
        var next: [(Int, [Int])] = []
        var seen = [Int](repeating: -1, count: program.count)
        var matched: [Int]?

        func add(_ list: inout [(Int, [Int])], _ pc: Int, _ captures: [Int], at position: Int, step: Int) {
            // Follows empty transitions with an explicit stack, highest priority first.
            var stack: [(Int, [Int])] = [(pc, captures)]
            while let (pc, captures) = stack.popLast() {
                guard seen[pc] != step else { continue }
                seen[pc] = step
                switch program[pc] {
                case .jump(let target):
                    stack.append((target, captures))
                case .split(let first, let second):
                    stack.append((second, captures))
                    stack.append((first, captures))
                case .save(let slot):
                    var updated = captures
                    updated[slot] = position
                    stack.append((pc + 1, updated))
                case .start:
                    if position == 0 { stack.append((pc + 1, captures)) }
                case .end:
                    if position == input.count { stack.append((pc + 1, captures)) }
                case .wordBoundary(let wanted):
                    let before = position > 0 && Self.isWord(input[position - 1])
                    let after = position < input.count && Self.isWord(input[position])
                    if (before != after) == wanted { stack.append((pc + 1, captures)) }
                default:
                    list.append((pc, captures))
                }
            }
        }

        var step = 0
        for position in 0...input.count {
            step += 1
            if matched == nil {
                add(&current, 0, [Int](repeating: -1, count: slots), at: position, step: step)
            }
            if current.isEmpty {
                // Nothing alive: done once a match is found, else try from the next position.
                if matched != nil { break }
                continue
            }
            step += 1
            next.removeAll(keepingCapacity: true)
            threads: for (pc, captures) in current {
                let scalar = position < input.count ? input[position] : nil
                switch program[pc] {
                case .scalar(let wanted):
                    if scalar == wanted { add(&next, pc + 1, captures, at: position + 1, step: step) }
                case .any:
                    if let scalar, scalar != "\n" { add(&next, pc + 1, captures, at: position + 1, step: step) }
                case .set(let set):
                    if let scalar, set.contains(scalar) { add(&next, pc + 1, captures, at: position + 1, step: step) }
                case .match:
                    // Leftmost-first: threads after this one have lower priority.
                    matched = captures
                    break threads
                default:
                    break
                }
            }
            swap(&current, &next)
        }
        guard let matched else { return nil }
        return (0...groupCount).map { group in
            let start = matched[2 * group]
            let end = matched[2 * group + 1]
            guard start >= 0, end >= start else { return "" }
            var text = String.UnicodeScalarView()
            text.append(contentsOf: original[start..<end])
            return String(text)
        }
    }

    static func lower(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar.isASCII {
            return scalar.value >= 0x41 && scalar.value <= 0x5a ? Unicode.Scalar(scalar.value + 32)! : scalar
        }
        // Most non-ASCII text in statements (Chinese) has no case: a property lookup, not a String.
        guard scalar.properties.changesWhenLowercased else { return scalar }
        let mapping = scalar.properties.lowercaseMapping.unicodeScalars
        return mapping.count == 1 ? mapping.first! : scalar
    }

    static func upper(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar.isASCII {
            return scalar.value >= 0x61 && scalar.value <= 0x7a ? Unicode.Scalar(scalar.value - 32)! : scalar
        }
        let mapping = scalar.properties.uppercaseMapping.unicodeScalars
        return mapping.count == 1 ? mapping.first! : scalar
    }

    static func isWord(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    // MARK: Compiling

    private mutating func emit(_ instruction: Instruction) throws(Failure) -> Int {
        guard program.count < Self.maxProgram else { throw .tooComplex }
        program.append(instruction)
        return program.count - 1
    }

    private mutating func compile(_ node: Node) throws(Failure) {
        switch node {
        case .empty: break
        case .scalar(let scalar): _ = try emit(.scalar(Self.lower(scalar)))
        case .any: _ = try emit(.any)
        case .set(let set): _ = try emit(.set(set))
        case .start: _ = try emit(.start)
        case .end: _ = try emit(.end)
        case .wordBoundary(let wanted): _ = try emit(.wordBoundary(wanted))
        case .group(let inner, let number):
            if let number { _ = try emit(.save(2 * number)) }
            try compile(inner)
            if let number { _ = try emit(.save(2 * number + 1)) }
        case .concat(let nodes):
            for inner in nodes { try compile(inner) }
        case .alternation(let branches):
            var jumps: [Int] = []
            for (index, branch) in branches.enumerated() {
                if index < branches.count - 1 {
                    let split = try emit(.split(0, 0))
                    try compile(branch)
                    jumps.append(try emit(.jump(0)))
                    program[split] = .split(split + 1, program.count)
                } else {
                    try compile(branch)
                }
            }
            for jump in jumps { program[jump] = .jump(program.count) }
        case .repetition(let inner, let min, let max):
            for _ in 0..<min { try compile(inner) }
            if let max {
                // Optional copies, each skipping to the end when not taken.
                var splits: [Int] = []
                for _ in min..<max {
                    splits.append(try emit(.split(0, 0)))
                    try compile(inner)
                }
                for split in splits { program[split] = .split(split + 1, program.count) }
            } else {
                let split = try emit(.split(0, 0))
                try compile(inner)
                _ = try emit(.jump(split))
                program[split] = .split(split + 1, program.count)
            }
        }
    }

    // MARK: Parsing

    private struct Parser {
        let scalars: [Unicode.Scalar]
        var index = 0
        var groups = 0
        var depth = 0

        var peek: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

        mutating func parseAlternation() throws(Failure) -> Node {
            depth += 1
            defer { depth -= 1 }
            guard depth < 100 else { throw .tooComplex }
            var branches = [try parseConcat()]
            while peek == "|" {
                index += 1
                branches.append(try parseConcat())
            }
            return branches.count == 1 ? branches[0] : .alternation(branches)
        }

        mutating func parseConcat() throws(Failure) -> Node {
            var nodes: [Node] = []
            while let scalar = peek, scalar != "|", scalar != ")" {
                var atom = try parseAtom()
                while let quantifier = peek {
                    let bounds: (Int, Int?)
                    if quantifier == "*" {
                        bounds = (0, nil)
                        index += 1
                    } else if quantifier == "+" {
                        bounds = (1, nil)
                        index += 1
                    } else if quantifier == "?" {
                        bounds = (0, 1)
                        index += 1
                    } else if quantifier == "{", let counted = countedBounds() {
                        bounds = counted
                    } else {
                        break
                    }
                    if peek == "?" || peek == "+" { index += 1 }  // lazy/possessive: the same matches here
                    atom = .repetition(atom, min: bounds.0, max: bounds.1)
                }
                nodes.append(atom)
            }
            return nodes.count == 1 ? nodes[0] : nodes.isEmpty ? .empty : .concat(nodes)
        }

        /// `{m}`, `{m,}`, `{m,n}` (at most 100); nil leaves `{` as a literal.
        mutating func countedBounds() -> (Int, Int?)? {
            var cursor = index + 1
            func number() -> Int? {
                var value = 0
                var digits = 0
                while cursor < scalars.count, let digit = Int(String(scalars[cursor])), digits < 4 {
                    value = value * 10 + digit
                    digits += 1
                    cursor += 1
                }
                return digits > 0 ? value : nil
            }
            guard let low = number() else { return nil }
            var high: Int? = low
            if cursor < scalars.count, scalars[cursor] == "," {
                cursor += 1
                high = number()
            }
            guard cursor < scalars.count, scalars[cursor] == "}", low <= 100, (high ?? low) <= 100, low <= (high ?? low)
            else { return nil }
            index = cursor + 1
            return (low, high)
        }

        mutating func parseAtom() throws(Failure) -> Node {
            let scalar = scalars[index]
            index += 1
            switch scalar {
            case "*", "+", "?": throw .invalid
            case ".": return .any
            case "^": return .start
            case "$": return .end
            case "[": return .set(try parseSet())
            case "(":
                var number: Int?
                if peek == "?" {
                    // (?:...) groups without capturing; (?i) is the default here.
                    guard index + 1 < scalars.count else { throw .invalid }
                    if scalars[index + 1] == ":" {
                        index += 2
                    } else if scalars[index + 1] == "i", index + 2 < scalars.count, scalars[index + 2] == ")" {
                        index += 3
                        return .empty
                    } else {
                        throw .invalid
                    }
                } else {
                    groups += 1
                    number = groups
                }
                let inner = try parseAlternation()
                guard peek == ")" else { throw .invalid }
                index += 1
                return .group(inner, number)
            case ")": throw .invalid
            case "\\":
                guard let escaped = peek else { throw .invalid }
                index += 1
                switch escaped {
                case "d", "D", "w", "W", "s", "S":
                    var set = CharSet()
                    set.classes.append(Self.shorthand(escaped))
                    return .set(set)
                case "b": return .wordBoundary(true)
                case "B": return .wordBoundary(false)
                case "t": return .scalar("\t")
                case "n": return .scalar("\n")
                case "r": return .scalar("\r")
                default:
                    // Back-references (\1) are not regular: refused rather than matched wrongly.
                    guard !(escaped.properties.numericType != nil && escaped.isASCII) else { throw .invalid }
                    return .scalar(escaped)
                }
            default:
                return .scalar(scalar)
            }
        }

        static func shorthand(_ letter: Unicode.Scalar) -> (RulesCharacterClass, Bool) {
            switch letter {
            case "d": return (.digit, false)
            case "D": return (.digit, true)
            case "w": return (.word, false)
            case "W": return (.word, true)
            case "s": return (.space, false)
            default: return (.space, true)
            }
        }

        mutating func parseSet() throws(Failure) -> CharSet {
            var set = CharSet()
            if peek == "^" {
                set.negated = true
                index += 1
            }
            var first = true
            while let scalar = peek, scalar != "]" || first {
                first = false
                index += 1
                var low = scalar
                if scalar == "[", peek == ":" {
                    // [:alpha:] and friends.
                    guard let close = (index..<scalars.count).first(where: { scalars[$0] == "]" }), close > index + 1
                    else { throw .invalid }
                    let name = String(String.UnicodeScalarView(scalars[(index + 1)..<(close - 1)]))
                    guard let kind = RulesCharacterClass(posix: name) else { throw .invalid }
                    set.classes.append((kind, false))
                    index = close + 1
                    continue
                }
                if scalar == "\\" {
                    guard let escaped = peek else { throw .invalid }
                    index += 1
                    if "dDwWsS".unicodeScalars.contains(escaped) {
                        set.classes.append(Self.shorthand(escaped))
                        continue
                    }
                    low = escaped == "t" ? "\t" : escaped == "n" ? "\n" : escaped
                }
                var high = low
                if peek == "-", index + 1 < scalars.count, scalars[index + 1] != "]" {
                    index += 1
                    high = scalars[index]
                    index += 1
                    if high == "\\" {
                        guard let escaped = peek else { throw .invalid }
                        index += 1
                        high = escaped
                    }
                    guard high.value >= low.value else { throw .invalid }
                }
                set.ranges.append((low.value, high.value))
                set.ranges.append((RulesRegex.lower(low).value, RulesRegex.lower(high).value))
            }
            guard peek == "]" else { throw .invalid }
            index += 1
            return set
        }
    }
}

/// The character classes `\d \w \s` and POSIX bracket names.
enum RulesCharacterClass: Sendable {
    case digit, word, space, alpha, alnum, upper, lower, punct, xdigit, cntrl, print, graph, blank

    init?(posix name: String) {
        switch name {
        case "digit": self = .digit
        case "alpha": self = .alpha
        case "alnum": self = .alnum
        case "space": self = .space
        case "upper": self = .upper
        case "lower": self = .lower
        case "punct": self = .punct
        case "xdigit": self = .xdigit
        case "cntrl": self = .cntrl
        case "print": self = .print
        case "graph": self = .graph
        case "blank": self = .blank
        case "word": self = .word
        default: return nil
        }
    }

    func contains(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        switch self {
        case .digit: return scalar.isASCII && properties.numericType != nil
        case .word: return RulesRegex.isWord(scalar)
        case .space: return properties.isWhitespace
        case .alpha: return properties.isAlphabetic
        case .alnum: return properties.isAlphabetic || properties.numericType != nil
        case .upper: return properties.isUppercase || properties.isLowercase  // case-insensitive matching
        case .lower: return properties.isLowercase || properties.isUppercase
        case .punct:
            return scalar.isASCII && !properties.isAlphabetic && properties.numericType == nil && scalar.value > 0x20
                && scalar.value < 0x7f
        case .xdigit:
            return scalar.isASCII && (properties.numericType != nil || "abcdefABCDEF".unicodeScalars.contains(scalar))
        case .cntrl: return scalar.value < 0x20 || scalar.value == 0x7f
        case .print: return scalar.value >= 0x20 && scalar.value != 0x7f
        case .graph: return scalar.value > 0x20 && scalar.value != 0x7f && !properties.isWhitespace
        case .blank: return scalar == " " || scalar == "\t"
        }
    }
}
