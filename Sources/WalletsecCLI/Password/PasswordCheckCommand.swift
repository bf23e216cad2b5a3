// walletsec password check: score passwords from a no-echo prompt or stdin, optionally against a breach list.
import ArgumentParser
import PasswordStrength
import WalletCore
import WalletCrypto

#if canImport(Glibc)
    import Glibc
#endif

struct PasswordCheckCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "check",
            abstract: L(
                "Estimate how guessable passwords are (score 0–4, guesses, crack times, feedback).",
                "估算密码有多容易被猜中（0–4 分、猜测次数、破解时间、改进建议）。"),
            discussion: L(
                """
                By default asks for one password on the terminal without echo. With --stdin, checks one password per line and prints one result per line in input order (JSON Lines with --json).

                The password is never printed unless --show is given. Exits 1 when any password scores below --min-score.

                Example:
                  walletsec password check --user-input alice 13812345678
                  walletsec password check --stdin --json --breach-list pwned-sha1.txt < list.txt
                """,
                """
                默认在终端输入一个密码（不回显）。带 --stdin 时每行检查一个密码，按输入顺序每行输出一个结果（带 --json 时为 JSON Lines）。

                除非指定 --show，否则绝不显示密码本身。有任何密码低于 --min-score 时退出码为 1。

                示例：
                  walletsec password check --user-input alice 13812345678
                  walletsec password check --stdin --json --breach-list pwned-sha1.txt < list.txt
                """))
    }

    @OptionGroup var globals: GlobalOptions

    @Flag(
        name: .long,
        help: ArgumentHelp(
            L(
                "Read passwords from standard input, one per line.",
                "从标准输入读取密码，每行一个。")))
    var stdin = false

    @Option(
        name: .customLong("user-input"), parsing: .upToNextOption,
        help: ArgumentHelp(
            L(
                "Words the password should not contain (account name, phone, e-mail).",
                "密码里不应包含的词（账户名、手机号、邮箱）。"), valueName: "word"))
    var userInputs: [String] = []

    @Option(
        name: .long,
        help: ArgumentHelp(
            L(
                "A Have I Been Pwned SHA-1 file (sorted SHA1:count lines) or a k-anonymity range file (PREFIX.txt).",
                "Have I Been Pwned 的 SHA-1 文件（已排序的“SHA1:次数”行）或 k-匿名范围文件（前缀.txt）。"),
            valueName: "file"))
    var breachList: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            L(
                "Exit 1 when any password scores below this (0–4).",
                "有任何密码低于这个分数（0–4）时退出码为 1。"), valueName: "n"))
    var minScore: Int = 0

    @Flag(
        name: .long,
        help: ArgumentHelp(
            L(
                "Include the password and the matched pieces of it in the output.",
                "在输出中包含密码本身以及匹配到的片段。")))
    var show = false

    @Flag(
        name: .long,
        help: ArgumentHelp(
            L(
                "Print per-password timing figures on stderr (for scripts/bench-password).",
                "在标准错误输出每个密码的耗时（供 scripts/bench-password 使用）。"), visibility: .hidden))
    var timing = false

    /// Option checks, run first in run(): thrown from validate(), ArgumentParser would wrap the CLIFailure and
    /// print its debug description instead of its message.
    func checkOptions() throws {
        guard (0...4).contains(minScore) else {
            throw CLIFailure.usage(en: "--min-score must be between 0 and 4", zh: "--min-score 必须在 0 到 4 之间")
        }
    }

    func run() throws {
        try checkOptions()
        let language = globals.language
        let breaches = try breachList.map { try BreachList(path: $0) }
        let estimator = Estimator()
        // Load the dictionaries before the first password, so that per-password timings measure checking only.
        Estimator.warmUp()
        var anyBelow = false
        var timings = TimingLog(enabled: timing)

        func check(_ password: String) throws {
            let started = TimingLog.now()
            defer { timings.record(length: password.unicodeScalars.count, since: started) }
            let result = estimator.estimate(password, userInputs: userInputs, breaches: breaches)
            if result.score < minScore { anyBelow = true }
            if globals.json {
                Terminal.jsonLine(StrengthReport.json(result, password: show ? password : nil, language: language))
            } else {
                Terminal.out(StrengthReport.text(result, password: show ? password : nil, language: language))
            }
        }

        if stdin {
            let progress = ProgressBar(label: language == .zh ? "检查密码" : "Checking passwords")
            var done: Int64 = 0
            try PasswordLines.forEach(fd: STDIN_FILENO) { password in
                try check(password)
                done += 1
                if done % 256 == 0 { progress.draw(ProgressUpdate(done: done, total: nil, unit: "passwords")) }
            }
            progress.finish()
        } else {
            guard var secret = Terminal.readSecretLine(prompt: language == .zh ? "要检查的密码：" : "Password to check: ")
            else {
                throw CLIFailure.usage(
                    en: "no terminal to ask for the password; use --stdin", zh: "没有终端可输入密码；请使用 --stdin")
            }
            defer { Memory.zero(&secret) }
            guard !secret.isEmpty else {
                throw CLIFailure.usage(en: "the password is empty", zh: "密码为空")
            }
            try check(String(decoding: secret, as: UTF8.self))
        }
        timings.report()
        if anyBelow { throw ExitCode(ExitStatus.checkFailed.rawValue) }
    }
}

/// Reads stdin line by line (LF or CRLF), in chunks, so huge lists stream instead of loading whole.
enum PasswordLines {
    static func forEach(fd: Int32, _ body: (String) throws -> Void) throws {
        var pending: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        defer { Memory.zero(&buffer) }
        defer { Memory.zero(&pending) }
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw CLIFailure.usage(en: "cannot read standard input", zh: "无法读取标准输入")
            }
            if count == 0 { break }
            var start = 0
            for index in 0..<count where buffer[index] == 0x0a {
                pending.append(contentsOf: buffer[start..<index])
                try emit(&pending, body)
                start = index + 1
            }
            pending.append(contentsOf: buffer[start..<count])
        }
        if !pending.isEmpty { try emit(&pending, body) }
    }

    private static func emit(_ line: inout [UInt8], _ body: (String) throws -> Void) throws {
        if line.last == 0x0d { line.removeLast() }
        let text = String(decoding: line, as: UTF8.self)
        Memory.zero(&line)
        line.removeAll(keepingCapacity: true)
        try body(text)
    }
}
