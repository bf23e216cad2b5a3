// Argument-parser output in the user's language: its error lines (unknown option, missing argument, bad value,
// unknown command) with a "did you mean …" suggestion, and the section headers of help pages.
// ArgumentParser's errors are internal types, so the English first line it produces is matched here; a line
// no pattern knows stays English rather than being guessed at.
import ArgumentParser
import Foundation
import WalletCore

#if canImport(Glibc)
    import Glibc
#endif

enum ParserMessages {
    /// The one-line usage error for `englishLine` (ArgumentParser's first line) in `language`, with a suggestion.
    static func usageLine(_ englishLine: String, arguments: [String], language: Language) -> String {
        let zh = language == .zh
        let (command, unknownWord) = CommandLookup.walk(arguments)
        // `walletsec --json 2fa lsit`: the lifted --json reaches the 2fa group first; the mistyped word is the news.
        if let word = unknownWord, let option = capture(englishLine, #"^Unknown option '([^']+)'"#),
            GlobalOptionLifting.flags.contains(option[0]) || GlobalOptionLifting.valued.contains(option[0])
        {
            return unknownCommand(word, command: command, zh: zh)
        }
        if let match = capture(englishLine, #"^Unknown option '([^']+)'"#) {
            let name = match[0]
            let suggestion = closest(to: name, among: CommandLookup.optionNames(of: command))
            return zh
                ? "未知选项“\(name)”" + (suggestion.map { "。您是不是想输入“\($0)”？" } ?? "")
                : "Unknown option '\(name)'" + (suggestion.map { ". Did you mean '\($0)'?" } ?? "")
        }
        if let match = capture(englishLine, #"^Unexpected argument '([^']+)'"#) {
            if let word = unknownWord, word == match[0] {
                return unknownCommand(word, command: command, zh: zh)
            }
            return zh ? "多余的参数“\(match[0])”" : englishLine
        }
        guard zh else { return englishLine }
        if let match = capture(englishLine, #"^Missing value for '([^']+)'"#) {
            return "选项“\(match[0])”缺少取值"
        }
        if let match = capture(englishLine, #"^Missing expected argument '([^']+)'"#) {
            return "缺少参数“\(match[0])”"
        }
        if let match = capture(englishLine, #"^Missing one of: (.+)$"#) {
            return "缺少以下参数之一：\(match[0].replacingOccurrences(of: "'", with: ""))"
        }
        if let match = capture(englishLine, #"^(\d+) unexpected arguments: (.+)$"#) {
            return "多余的参数（\(match[0]) 个）：\(match[1].replacingOccurrences(of: "'", with: ""))"
        }
        if let match = capture(englishLine, #"^The value '([^']*)' is invalid for '([^']+)'(.*)$"#) {
            var line = "“\(match[0])”不是“\(match[1])”的有效取值"
            if let values = capture(match[2], #"Please provide one of (.+)\.$"#) {
                let list = values[0].replacingOccurrences(of: "'", with: "")
                    .replacingOccurrences(of: " and ", with: "、").replacingOccurrences(of: " or ", with: "、")
                    .replacingOccurrences(of: ", ", with: "、")
                line += "（可选：\(list)）"
            }
            return line
        }
        if let match = capture(englishLine, #"^The option '([^']+)' does not take any value, but '([^']*)' was"#) {
            return "选项“\(match[0])”不带取值，但给了“\(match[1])”"
        }
        if englishLine.hasPrefix("Missing required subcommand") {
            return "缺少子命令"
        }
        if let match = capture(englishLine, #"^Invalid option: (.+)$"#) {
            return "无效选项：\(match[0])"
        }
        if englishLine.hasPrefix("Value to be set with") {
            return "同一个选项给了两次"
        }
        return englishLine
    }

    private static func unknownCommand(_ word: String, command: ParsableCommand.Type, zh: Bool) -> String {
        let suggestion = closest(to: word, among: CommandLookup.subcommandNames(of: command))
        let path = CommandLookup.path(of: command)
        return zh
            ? "\(path) 没有“\(word)”这个命令" + (suggestion.map { "。您是不是想输入“\($0)”？" } ?? "")
            : "Unknown command '\(word)' for '\(path)'" + (suggestion.map { ". Did you mean '\($0)'?" } ?? "")
    }

    /// A help page with ArgumentParser's own words (section headers, the help/version lines, defaults) in Chinese.
    static func help(_ page: String, language: Language) -> String {
        guard language == .zh else { return page }
        var text = page
        let replacements: [(String, String)] = [
            ("OVERVIEW: ", "概述："), ("USAGE: ", "用法："), ("OVERVIEW:", "概述："), ("USAGE:", "用法："), ("ARGUMENTS:", "参数："),
            ("OPTIONS:", "选项："),
            ("SUBCOMMANDS:", "子命令："), ("Show help information.", "显示帮助信息。"),
            ("Show the version.", "显示版本号。"),
            ("See 'walletsec help <subcommand>' for detailed help.", "用“walletsec help <子命令>”查看详细帮助。"),
        ]
        for (english, chinese) in replacements {
            text = text.replacingOccurrences(of: english, with: chinese)
        }
        text = replaceAll(text, #" *\(values: ([^;)]*); default: ([^)]*)\)"#, "（可选：$1；默认：$2）")
        text = replaceAll(text, #" *\(values: ([^)]*)\)"#, "（可选：$1）")
        text = replaceAll(text, #" *\(default: ([^)]*)\)"#, "（默认：$1）")
        text = text.replacingOccurrences(of: "(default)", with: "（默认）")
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            // Value lists read "en、zh"; example command lines are never broken.
            var line = String(line)
            if let range = line.range(of: "（可选：") {
                line = line[..<range.upperBound] + line[range.upperBound...].replacingOccurrences(of: ", ", with: "、")
            }
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasPrefix("walletsec ") || trimmed.hasPrefix("printf ") { return line }
            return wrap(line, width: width)
        }.joined(separator: "\n")
    }

    /// The width help pages are wrapped to: the terminal's, else $COLUMNS, else 80.
    static var width: Int {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col >= 40 { return Int(size.ws_col) }
        if let columns = Environment.value("COLUMNS").flatMap(Int.init), columns >= 40 { return columns }
        return 80
    }

    /// Wraps one help line to `width` display columns (a CJK character takes two), continuing an option's help
    /// under its help column. ArgumentParser wraps at spaces only, which Chinese sentences do not have, so the
    /// Chinese page is produced unwrapped and wrapped here; no line starts with closing punctuation (，。、）…).
    static func wrap(_ line: String, width: Int) -> String {
        guard DisplayWidth.of(line) > width else { return line }
        let leading = line.prefix { $0 == " " }.count
        var indent = leading
        // An option or argument line ("  --name <value>  help"): continue under ArgumentParser's help column.
        let body = line.dropFirst(leading)
        // A subcommand line ("  status   help") likewise: its name column ends in spaces.
        let label = line.prefix(helpColumn)
        if leading == 2, line.count > helpColumn, label.allSatisfy(\.isASCII),
            body.hasPrefix("-") || body.hasPrefix("<") || label.hasSuffix("  ")
        {
            indent = helpColumn
        }
        if indent > width / 2 { indent = leading }
        var units: [String] = []
        var ascii = ""
        for character in line.dropFirst(leading) {
            if character.isASCII && character != " " {
                ascii.append(character)
                continue
            }
            if !ascii.isEmpty {
                units.append(ascii)
                ascii = ""
            }
            if closing.contains(character), let last = units.popLast() {
                units.append(last + String(character))
            } else {
                units.append(String(character))
            }
        }
        if !ascii.isEmpty { units.append(ascii) }
        // An opening bracket or quote stays with what follows it.
        var merged: [String] = []
        var pending = ""
        for unit in units {
            if unit.count == 1, let first = unit.first, opening.contains(first) {
                pending += unit
            } else {
                merged.append(pending + unit)
                pending = ""
            }
        }
        if !pending.isEmpty { merged.append(pending) }
        var lines: [String] = []
        var current = String(repeating: " ", count: leading)
        var currentWidth = leading
        let base = current.count
        for unit in merged {
            let unitWidth = DisplayWidth.of(unit)
            if currentWidth + unitWidth > width && currentWidth > base {
                lines.append(String(current.reversed().drop { $0 == " " }.reversed()))
                current = String(repeating: " ", count: indent)
                currentWidth = indent
                if unit == " " { continue }
            }
            current += unit
            currentWidth += unitWidth
        }
        lines.append(current)
        return lines.joined(separator: "\n")
    }

    /// Where ArgumentParser starts an option's help text (two spaces, then a 24-column label).
    private static let helpColumn = 26
    private static let closing: Set<Character> = ["，", "。", "、", "；", "：", "）", "」", "”", "！", "？", "》"]
    private static let opening: Set<Character> = ["（", "「", "“", "《"]

    /// The closest name within an edit distance of 3 (and less than the word's own length), if any.
    static func closest(to word: String, among names: [String]) -> String? {
        let limit = min(3, max(1, word.count - 1))
        let scored = names.map { ($0, editDistance(word, $0)) }.filter { $0.1 <= limit }
        return scored.min { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }?.0
    }

    /// Edit distance counting a swap of two neighbours as one edit (`lsit` → `list`), over at most 64 characters.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.prefix(64))
        let b = Array(b.prefix(64))
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }

    private static func capture(_ text: String, _ pattern: String) -> [String]? {
        guard let regex = try? NSRegularExpression(pattern: pattern),
            let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text))
        else { return nil }
        return (1..<match.numberOfRanges).map { index in
            Range(match.range(at: index), in: text).map { String(text[$0]) } ?? ""
        }
    }

    private static func replaceAll(_ text: String, _ pattern: String, _ template: String) -> String {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return text }
        return regex.stringByReplacingMatches(
            in: text, range: NSRange(text.startIndex..., in: text), withTemplate: template)
    }
}

/// Finds which command a command line names, for suggestions: its subcommands and its options.
enum CommandLookup {
    /// The deepest command the words name, and the first word that names no subcommand of a command group.
    static func walk(_ arguments: [String]) -> (ParsableCommand.Type, String?) {
        var command: ParsableCommand.Type = Walletsec.self
        for argument in arguments {
            if argument == "--" { break }
            if argument.hasPrefix("-") { continue }
            let subcommands = command.configuration.subcommands
            if subcommands.isEmpty { break }
            guard let next = subcommands.first(where: { $0._commandName == argument }) else {
                return (command, argument)
            }
            command = next
        }
        return (command, nil)
    }

    static func subcommandNames(of command: ParsableCommand.Type) -> [String] {
        command.configuration.subcommands.map { $0._commandName } + ["help"]
    }

    /// Long option names as the help page lists them (the only public view of a command's options).
    static func optionNames(of command: ParsableCommand.Type) -> [String] {
        let page = Walletsec.helpMessage(for: command, includeHidden: false, columns: 200)
        guard let regex = try? NSRegularExpression(pattern: #"--[a-z0-9][a-z0-9-]*"#) else { return [] }
        let names = regex.matches(in: page, range: NSRange(page.startIndex..., in: page)).compactMap {
            Range($0.range, in: page).map { String(page[$0]) }
        }
        return Array(Set(names)).sorted()
    }

    /// "walletsec 2fa" for the 2fa group.
    static func path(of command: ParsableCommand.Type) -> String {
        var names: [String] = []
        func find(_ node: ParsableCommand.Type, _ trail: [String]) -> Bool {
            let trail = trail + [node._commandName]
            if ObjectIdentifier(node) == ObjectIdentifier(command) {
                names = trail
                return true
            }
            return node.configuration.subcommands.contains { find($0, trail) }
        }
        _ = find(Walletsec.self, [])
        return names.joined(separator: " ")
    }
}
