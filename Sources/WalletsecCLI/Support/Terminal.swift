// Terminal I/O for the CLI: stdout/stderr lines, TTY detection, no-echo prompts, progress, exits.
import ArgumentParser
import WalletCore

#if canImport(Glibc)
    import Glibc
#endif

enum Terminal {
    /// One line (or block of lines) for a person. Every human line passes PrintableText.forTerminal
    /// here, so text from a statement, an export or a file name can never move the cursor, retitle
    /// the window or write the clipboard, whichever command prints it.
    static func out(_ line: String) {
        writeAll(STDOUT_FILENO, PrintableText.forTerminal(line) + "\n")
    }

    static func err(_ line: String) {
        writeAll(STDERR_FILENO, PrintableText.forTerminal(line) + "\n")
    }

    static func writeAll(_ fd: Int32, _ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if written <= 0 {
                if written < 0 && errno == EINTR { continue }
                return
            }
            offset += written
        }
        bytes.removeAll()
    }

    static var stdoutIsTTY: Bool { isatty(STDOUT_FILENO) == 1 }
    static var stderrIsTTY: Bool { isatty(STDERR_FILENO) == 1 }
    static var stdinIsTTY: Bool { isatty(STDIN_FILENO) == 1 }

    /// Prints an Encodable as one JSON line.
    static func json<T: Encodable>(_ value: T) throws {
        jsonLine(try JSONOutput.line(value))
    }

    /// A JSON line, written exactly: its writer escapes C0 controls, and the data must not be altered.
    static func jsonLine(_ line: String) {
        writeAll(STDOUT_FILENO, line + "\n")
    }

    /// Whether a controlling terminal can be opened for prompts.
    static var hasTerminal: Bool {
        let fd = open("/dev/tty", O_RDWR | O_CLOEXEC | O_NOCTTY)
        guard fd >= 0 else { return false }
        close(fd)
        return true
    }

    /// Reads one line from /dev/tty with echo on, for what is not a secret (a one-time code being
    /// confirmed: seeing it typed catches typos). Returns nil when there is no terminal or at end of input.
    static func readVisibleLine(prompt: String) -> String? {
        let fd = open("/dev/tty", O_RDWR | O_CLOEXEC | O_NOCTTY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var original = termios()
        guard tcgetattr(fd, &original) == 0 else { return nil }
        var visible = original
        visible.c_lflag |= tcflag_t(ECHO | ICANON)
        guard tcsetattr(fd, TCSANOW, &visible) == 0 else { return nil }
        defer { tcsetattr(fd, TCSANOW, &original) }
        writeAll(fd, prompt)
        var line: [UInt8] = []
        var byte: UInt8 = 0
        while line.count < 256 {
            let count = read(fd, &byte, 1)
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { return line.isEmpty ? nil : String(decoding: line, as: UTF8.self) }
            if byte == 0x0a || byte == 0x0d { break }
            line.append(byte)
        }
        return String(decoding: line, as: UTF8.self)
    }

    /// Reads one line from /dev/tty with echo off. Returns nil when there is no terminal.
    static func readSecretLine(prompt: String) -> [UInt8]? {
        let fd = open("/dev/tty", O_RDWR | O_CLOEXEC | O_NOCTTY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var original = termios()
        guard tcgetattr(fd, &original) == 0 else { return nil }
        var silent = original
        silent.c_lflag &= ~tcflag_t(ECHO | ECHONL)
        silent.c_lflag |= tcflag_t(ICANON)
        writeAll(fd, prompt)
        guard tcsetattr(fd, TCSAFLUSH, &silent) == 0 else { return nil }
        defer {
            tcsetattr(fd, TCSAFLUSH, &original)
            writeAll(fd, "\n")
        }
        // Reserved up front: growing the array would leave copies of the secret in freed memory.
        var line: [UInt8] = []
        line.reserveCapacity(4096)
        var byte: UInt8 = 0
        while true {
            let count = read(fd, &byte, 1)
            if count < 0 && errno == EINTR { continue }
            if count <= 0 || byte == 0x0a || byte == 0x0d { break }
            line.append(byte)
        }
        return line
    }

    /// Prints the error as one line on stderr (a JSON object with --json) and exits with its status.
    static func exit(with error: Error, context: ErrorContext) -> Never {
        if let code = error as? ExitCode {
            Glibc.exit(code.rawValue)
        }
        if let known = (error as? any UserFacingError) ?? wrappedUserFacing(error, depth: 0) {
            let message = known.userMessage
            report(status: message.status, message: message.text.text(context.language), context: context)
        }
        // Anything ArgumentParser recognises: help and --version exit 0, usage problems exit 2.
        let exitCode = Walletsec.exitCode(for: error)
        if exitCode == .success {
            // Help pages and --version: ArgumentParser's own words are put in the user's language too.
            // Chinese pages come unwrapped (ArgumentParser wraps only at spaces) and are wrapped by display width.
            let page = Walletsec.fullMessage(for: error, columns: context.language == .zh ? 100_000 : nil)
            if !page.isEmpty { out(ParserMessages.help(page, language: context.language)) }
            Glibc.exit(ExitCode.success.rawValue)
        }
        if exitCode == .validationFailure || isParserError(error) {
            let message = Walletsec.message(for: error)
            let englishLine = message.split(separator: "\n").first.map(String.init) ?? message
            let firstLine = ParserMessages.usageLine(
                englishLine, arguments: context.arguments, language: context.language)
            if context.json {
                report(status: .usage, message: firstLine, context: context)
            }
            err("walletsec: " + firstLine)
            // Point at the help of the command the line named, not the top-level list.
            let path = CommandLookup.path(of: CommandLookup.walk(context.arguments).0)
            err(context.language == .zh ? "查看用法：\(path) --help" : "See '\(path) --help'.")
            Glibc.exit(ExitStatus.usage.rawValue)
        }
        // Never print an unknown error's description: it might carry data. Name its type only.
        report(
            status: .internal,
            message: context.language == .zh ? "内部错误（\(type(of: error))）" : "internal error (\(type(of: error)))",
            context: context)
    }

    /// Our own error thrown from a command's validate(): ArgumentParser wraps it in its internal CommandError,
    /// whose text is the English debug description; found by reflection so it is printed in the user's language.
    private static func wrappedUserFacing(_ value: Any, depth: Int) -> (any UserFacingError)? {
        guard depth < 4 else { return nil }
        for child in Mirror(reflecting: value).children {
            if let known = child.value as? any UserFacingError { return known }
            if let found = wrappedUserFacing(child.value, depth: depth + 1) { return found }
        }
        return nil
    }

    private static func isParserError(_ error: Error) -> Bool {
        let name = String(describing: type(of: error))
        return name.contains("ParserError") || name.contains("ValidationError") || name.contains("CommandError")
    }

    static func report(status: ExitStatus, message: String, context: ErrorContext) -> Never {
        let oneLine = PrintableText.oneLine(message.replacingNewlines())
        if context.json {
            struct ErrorObject: Encodable {
                struct Detail: Encodable {
                    var status: String
                    var exitCode: Int32
                    var message: String
                }
                var error: Detail
            }
            let object = ErrorObject(error: .init(status: status.name, exitCode: status.rawValue, message: oneLine))
            err((try? JSONOutput.line(object)) ?? "{\"error\":{\"status\":\"internal\",\"exit_code\":70}}")
        } else {
            err("walletsec: " + oneLine)
        }
        Glibc.exit(status.rawValue)
    }
}

/// What the error printer needs to know before (or without) a successful parse.
struct ErrorContext {
    var json: Bool
    var language: Language
    /// The command line as parsed (global options already lifted), for "did you mean" suggestions.
    var arguments: [String]

    init(arguments: [String]) {
        json = arguments.contains("--json")
        language = HelpLanguage.resolve(arguments: arguments, environment: Environment.all)
        self.arguments = arguments
    }
}

extension String {
    func replacingNewlines() -> String {
        split(whereSeparator: { $0 == "\n" || $0 == "\r" }).joined(separator: " ")
    }
}
