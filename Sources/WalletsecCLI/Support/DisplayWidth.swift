// Terminal display width (East Asian wide characters take two columns, combining marks none), the
// padding, truncation and word wrapping built on it, and the terminal's own width. Like wcwidth,
// from the Unicode East Asian Width ranges that matter for wallet statements; no locale needed.
import WalletCore

#if canImport(Glibc)
    import Glibc
#endif

enum DisplayWidth {
    /// Columns one scalar takes: 0 for controls, combining marks and joiners, 2 for wide/fullwidth.
    static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x20 || (0x7f...0x9f).contains(value) { return 0 }
        if value < 0x300 { return 1 }
        switch value {
        case 0x0300...0x036F, 0x0483...0x0489, 0x0591...0x05BD, 0x0610...0x061A, 0x064B...0x065F,
            0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x2064,
            0x20D0...0x20FF, 0xFE00...0xFE0F, 0xFE20...0xFE2F, 0xFEFF, 0xE0100...0xE01EF:
            return 0
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3,
            0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1, 0x26AA...0x26AB,
            0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA, 0x26F2...0x26F3, 0x26F5, 0x26FA,
            0x26FD, 0x2705, 0x270A...0x270B, 0x2728, 0x274C, 0x274E, 0x2753...0x2755, 0x2757,
            0x2795...0x2797, 0x27B0, 0x27BF, 0x2B1B...0x2B1C, 0x2B50, 0x2B55,
            0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
            0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1B000...0x1B2FF,
            0x1F004, 0x1F0CF, 0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F251, 0x1F300...0x1F64F,
            0x1F680...0x1F6FF, 0x1F7E0...0x1F7EB, 0x1F90C...0x1F9FF, 0x1FA70...0x1FAFF,
            0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }

    /// Columns a string takes on a terminal.
    static func of(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + of($1) }
    }

    /// Text safe to print on one line (PrintableText.oneLine).
    static func printable(_ text: String) -> String { PrintableText.oneLine(text) }

    /// `text` padded with spaces to `width` columns (right-aligned when `right`); never cut.
    static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - of(text)))
        return right ? fill + text : text + fill
    }

    /// `text` cut to at most `width` columns, ending in `…` when cut.
    static func truncate(_ text: String, _ width: Int) -> String {
        guard of(text) > width else { return text }
        guard width > 0 else { return "" }
        var out = ""
        var used = 0
        for character in text {
            let columns = of(String(character))
            if used + columns > width - 1 { break }
            out.append(character)
            used += columns
        }
        return out + "…"
    }

    /// Lines of at most `width` columns: breaks at spaces in Latin text and between any two wide
    /// characters, never before closing punctuation (，。）…), and cuts a word longer than a line.
    static func wrap(_ text: String, width: Int) -> [String] {
        let width = max(width, 4)
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        for token in tokens(text) {
            if token == " " {
                if lineWidth > 0 && lineWidth < width {
                    line.append(" ")
                    lineWidth += 1
                }
                continue
            }
            var piece = token
            var pieceWidth = of(piece)
            if lineWidth + pieceWidth > width && lineWidth > 0 {
                lines.append(trimTrailing(line))
                line = ""
                lineWidth = 0
            }
            while pieceWidth > width {
                // A word longer than a line (an order number): cut it.
                var head = ""
                var headWidth = 0
                var rest = Substring(piece)
                while let character = rest.first, headWidth + of(String(character)) <= width {
                    head.append(character)
                    headWidth += of(String(character))
                    rest = rest.dropFirst()
                }
                if head.isEmpty { break }
                lines.append(head)
                piece = String(rest)
                pieceWidth = of(piece)
            }
            line += piece
            lineWidth += pieceWidth
        }
        if !line.isEmpty { lines.append(trimTrailing(line)) }
        return lines
    }

    /// Words, single wide characters (each a break opportunity) and single spaces; closing
    /// punctuation sticks to what precedes it so a line never starts with it, and opening
    /// punctuation (（「《) to what follows so a line never ends with it.
    private static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var word = ""
        var opening = ""
        func emit(_ token: String) {
            tokens.append(opening + token)
            opening = ""
        }
        func flush() {
            if !word.isEmpty { emit(word) }
            word = ""
        }
        for character in printable(text) {
            if character == " " {
                flush()
                if !opening.isEmpty { emit("") }
                tokens.append(" ")
            } else if closing.contains(character) {
                if word.isEmpty && opening.isEmpty, let last = tokens.last, last != " " {
                    tokens[tokens.count - 1] = last + String(character)
                } else {
                    word.append(character)
                }
            } else if openingPunctuation.contains(character) {
                flush()
                opening.append(character)
            } else if of(String(character)) == 2 {
                flush()
                emit(String(character))
            } else {
                if let last = word.last, of(String(last)) == 2 { flush() }
                word.append(character)
            }
        }
        flush()
        if !opening.isEmpty { emit("") }
        return tokens
    }

    private static let openingPunctuation: Set<Character> = ["（", "「", "『", "【", "《", "("]

    private static let closing: Set<Character> = [
        "，", "。", "、", "；", "：", "！", "？", "）", "」", "』", "】", "》", "…", ",", ".", ";", ":", "!", "?", ")",
    ]

    private static func trimTrailing(_ text: String) -> String {
        var text = text
        while text.last == " " { text.removeLast() }
        return text
    }

    /// The width to wrap to: the terminal's (TIOCGWINSZ on stdout), else $COLUMNS, else 100.
    static func terminalColumns(environment: [String: String]) -> Int {
        #if canImport(Glibc)
            var size = winsize()
            if isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col >= 20 {
                return Int(size.ws_col)
            }
        #endif
        if let text = environment["COLUMNS"], let columns = Int(text), columns >= 20, columns <= 1000 {
            return columns
        }
        return 100
    }
}
