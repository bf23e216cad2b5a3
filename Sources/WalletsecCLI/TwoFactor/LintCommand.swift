// walletsec 2fa lint: checks otpauth:// URIs (from stdin, since they hold secrets) without storing anything.
import ArgumentParser
import OneTimePassword
import WalletCore
import WalletCrypto

struct TwoFactorLint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check otpauth:// URIs read from standard input; exit 1 if any has an error.",
        discussion: """
            Reports issuer mismatches and secrets under 128 bits as warnings; unknown algorithms, digits outside
            6-8, bad Base32 and other malformed parts as errors. Nothing is stored; no vault is needed.

            Example:
              walletsec 2fa lint < uris.txt
            """)

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
