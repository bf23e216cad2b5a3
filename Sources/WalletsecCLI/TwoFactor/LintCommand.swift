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
        var errors = 0
        var total = 0
        let lines = String(decoding: input, as: UTF8.self).split(
            omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        for (index, raw) in lines.enumerated() {
            let line = String(raw).trimmingSpaces()
            if line.isEmpty || line.hasPrefix("#") { continue }
            for finding in KeyURI.lint(line) {
                total += 1
                if finding.severity == .error { errors += 1 }
                let message = finding.message.text(globals.language)
                if globals.json {
                    try Terminal.json(Finding(line: index + 1, severity: finding.severity.rawValue, message: message))
                } else {
                    Terminal.out("line \(index + 1): \(finding.severity.rawValue): \(message)")
                }
            }
        }
        if total == 0 && !globals.json {
            Terminal.out(globals.language == .zh ? "未发现问题" : "No problems found")
        }
        if errors > 0 { throw ExitCode(1) }
    }
}
