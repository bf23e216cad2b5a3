// walletsec 2fa add (one otpauth URI from stdin) and 2fa import (a file from another authenticator app).
import ArgumentParser
import OneTimePassword
import Vault
import WalletCore
import WalletCrypto

struct ImportSummary: Encodable {
    var format: String
    var added: Int
    var skippedDuplicates: Int
}

struct TwoFactorAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add one account from an otpauth:// URI read on standard input.",
        discussion: """
            The URI holds the secret, so it is read from stdin (without echo at a terminal), never from the
            command line.

            Example:
              printf '%s\\n' "$URI" | walletsec 2fa add
            """)

    @OptionGroup var globals: GlobalOptions
    @OptionGroup var passphrase: PassphraseOptions

    func run() throws {
        // At a terminal, ask without echo so the secret does not stay on screen; otherwise read the pipe.
        var input: [UInt8]
        if Terminal.stdinIsTTY, let typed = Terminal.readSecretLine(prompt: "otpauth URI: ") {
            input = typed
        } else {
            input = try StandardInput.readAll(limit: 1 << 16)
        }
        defer { Memory.zero(&input) }
        let lines = String(decoding: input, as: UTF8.self).split(whereSeparator: \.isNewline).map(String.init)
            .filter { !$0.trimmingCharacters().isEmpty }
        guard lines.count == 1 else {
            throw CLIFailure.usage(
                en: "expected exactly one otpauth URI on standard input (use 'import' for several)",
                zh: "标准输入应只包含一个 otpauth URI（多个请使用 import）")
        }
        let parsed = try KeyURI.parse(lines[0])
        Warnings.print(parsed.warnings, language: globals.language)
        let (vault, key) = try VaultAccess.unlock(globals, passphrase: passphrase)
        let result = try AccountLookup.insert([parsed.account], into: vault, key: key)
        if globals.json {
            try Terminal.json(ImportSummary(format: "uri", added: result.added, skippedDuplicates: result.skipped))
        } else if result.added == 1 {
            Terminal.out(globals.language == .zh ? "已添加 \(parsed.account.name)" : "Added \(parsed.account.name)")
        } else {
            Terminal.out(
                globals.language == .zh
                    ? "\(parsed.account.name) 已存在（相同密钥），跳过"
                    : "\(parsed.account.name) is already present (same secret); skipped")
        }
    }
}

struct TwoFactorImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import accounts from Google Authenticator, Aegis, 2FAS, andOTP or a list of otpauth URIs.",
        discussion: """
            The format is recognised from the content: otpauth:// lines, otpauth-migration:// lines (all parts of
            one Google Authenticator export), Aegis vault JSON (plain or encrypted), 2FAS backups (plain or
            encrypted), andOTP backups (plain or encrypted). All or nothing: one bad entry imports none.
            Accounts already present with the same secret are skipped.
            PNG and JPEG images (screenshots of a transfer screen, photos of a screen) are read for their QR
            codes, several per image; give all the pictures of one transfer in one call.

            Example:
              walletsec 2fa import aegis-export.json --import-password-file pw.txt
              walletsec 2fa import transfer-1.png transfer-2.jpg
            """)

    @OptionGroup var globals: GlobalOptions
    @OptionGroup var passphrase: PassphraseOptions
    @OptionGroup var importPassword: ImportPasswordOptions

    @Argument(help: ArgumentHelp("Export files or QR images (PNG/JPEG), or - for standard input.", valueName: "file"))
    var files: [String]

    func run() throws {
        let language = globals.language
        let source = importPassword.source()
        let (formatName, imported) = try ImportInputs.read(files) { try source.read(language: language) }
        Warnings.print(imported.warnings, language: language)
        let (vault, key) = try VaultAccess.unlock(globals, passphrase: passphrase)
        let result = try AccountLookup.insert(imported.accounts, into: vault, key: key)
        if globals.json {
            try Terminal.json(
                ImportSummary(format: formatName, added: result.added, skippedDuplicates: result.skipped))
        } else {
            Terminal.out(
                language == .zh
                    ? "从 \(formatName) 导入 \(result.added) 个账户，跳过 \(result.skipped) 个重复账户"
                    : "Imported \(result.added) account(s) from \(formatName); skipped \(result.skipped) duplicate(s)"
            )
        }
    }
}
