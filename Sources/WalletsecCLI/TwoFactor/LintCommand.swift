// walletsec 2fa lint: checks otpauth:// URIs (from stdin, since they hold secrets) without storing anything.
import ArgumentParser
import OneTimePassword
import WalletCore
import WalletCrypto

struct TwoFactorLint: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "lint",
            abstract: L(
                "Check otpauth:// URIs read from standard input; exit 1 if any has an error.",
                "检查从标准输入读到的 otpauth:// URI；有错误时退出码为 1。"),
            discussion: L(
                """
                Reports issuer mismatches and secrets under 128 bits as warnings; unknown algorithms, digits outside
                6-8, bad Base32 and other malformed parts as errors. Nothing is stored; no vault is needed.

                Example:
                  walletsec 2fa lint < uris.txt
                """,
                """
                服务名称不一致、密钥短于 128 位报为警告；未知算法、位数不在 6 到 8 之间、Base32 有误及其他格式问题报为错误。不保存任何内容，也不需要保险库。

                示例：
                  walletsec 2fa lint < uris.txt
                """))
    }

    @OptionGroup var globals: GlobalOptions

    struct Finding: Encodable {
        var line: Int
        var severity: String
        var message: String
    }

    func run() throws {
        var input = try StandardInput.readAll(limit: 16 << 20)
        defer { Memory.zero(&input) }
        let findings = KeyURI.lint(lines: String(decoding: input, as: UTF8.self))
        for finding in findings {
            let line = finding.line ?? 0
            let message = finding.problem.text.text(globals.language)
            if globals.json {
                try Terminal.json(Finding(line: line, severity: finding.severity.rawValue, message: message))
            } else {
                Terminal.out("line \(line): \(finding.severity.rawValue): \(message)")
            }
        }
        if findings.isEmpty && !globals.json {
            Terminal.out(globals.language == .zh ? "未发现问题" : "No problems found")
        }
        if findings.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
    }
}
