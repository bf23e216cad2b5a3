// walletsec 2fa add (one otpauth URI from stdin) and 2fa import (a file from another authenticator app).
import ArgumentParser
import OneTimePassword
import Vault
import WalletCore
import WalletCrypto

/// `--json` of add and import (docs/2fa.md): `skipped_duplicates` counts accounts already in the vault;
/// `skipped` lists the file's entries that were not imported (import exits 1 when it is not empty).
struct ImportSummary: Encodable {
    var format: String
    var added: Int
    var skippedDuplicates: Int
    var skipped: [SkippedEntryJSON] = []
}

/// One entry of an import file left out: its names, a reason code, the type for `unsupported_type` or the
/// URI problem for `malformed_uri` (`detail`), and its line in line-based files.
struct SkippedEntryJSON: Encodable {
    var issuer: String
    var account: String
    var reason: String
    var detail: String?
    var line: Int?

    init(_ entry: SkippedEntry, language: Language) {
        issuer = entry.issuer
        account = entry.account
        reason = entry.reason.code
        line = entry.line
        switch entry.reason {
        case .unsupportedType(let type): detail = type
        case .malformedURI(let problem): detail = problem.text.text(language)
        default: detail = nil
        }
    }
}

struct TwoFactorAdd: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "add",
            abstract: L(
                "Add one account from an otpauth:// URI read on standard input.",
                "从标准输入读取一个 otpauth:// URI，添加一个账户。"),
            discussion: L(
                """
                The URI holds the secret, so it is read from stdin (without echo at a terminal), never from the
                command line.

                Example:
                  printf '%s\\n' "$URI" | walletsec 2fa add
                """,
                """
                URI 里含有密钥，所以从标准输入读取（在终端输入时不回显），绝不从命令行读取。

                示例：
                  printf '%s\\n' "$URI" | walletsec 2fa add
                """))
    }

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
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "import",
            abstract: L(
                "Import accounts from another authenticator app's export or a list of otpauth URIs.",
                "从其他验证器应用的导出文件或 otpauth URI 列表导入账户。"),
            discussion: L(
                """
                The format is recognised from the content, never the file name (docs/2fa.md lists every app and
                version): otpauth:// lines (also Ente Auth, WinAuth), otpauth-migration:// lines (every part of one
                or more Google Authenticator exports; zbarimg output as is), Aegis, 2FAS and andOTP (plain or
                encrypted), Authy, Authenticator Plus, Battle.net, Bitwarden (JSON, CSV), Duo, FreeOTP (v1, v2
                encrypted) / FreeOTP+, Proton Authenticator, Steam maFile, Stratum / Authenticator Pro (JSON, legacy
                encrypted, database), TOTP Authenticator (backup, preferences), and the Google and Microsoft
                Authenticator databases. PNG and JPEG images (screenshots of a transfer screen, photos of a screen)
                are read for their QR codes, several per image; give all the pictures of one transfer in one call.
                An entry that cannot be imported (unsupported type such as Yandex or mOTP, broken secret, duplicate
                in the file) is skipped and named on stderr while the rest import; the exit status is then 1.
                Accounts already present with the same secret are skipped quietly (exit 0).

                Example:
                  walletsec 2fa import aegis-export.json --import-password-file pw.txt
                  walletsec 2fa import transfer-1.png transfer-2.jpg
                """,
                """
                格式根据内容识别，与文件名无关（docs/2fa.md 列出了所有应用和版本）：otpauth:// 行（也包括 Ente Auth、WinAuth），otpauth-migration:// 行（一个或多个 Google Authenticator 导出的所有部分；zbarimg 的输出可以直接用），Aegis、2FAS 和 andOTP（明文或加密），Authy、Authenticator Plus、Battle.net、Bitwarden（JSON、CSV）、Duo、FreeOTP（v1、v2 加密）/ FreeOTP+、Proton Authenticator、Steam maFile、Stratum / Authenticator Pro（JSON、旧版加密、数据库）、TOTP Authenticator（备份、偏好设置），以及 Google 和 Microsoft Authenticator 的数据库。PNG 和 JPEG 图片（转移页面的截图、屏幕照片）会读取其中的二维码，一张图可以有多个；同一次转移的所有图片请在一次命令中给出。无法导入的条目（不支持的类型如 Yandex 或 mOTP、密钥损坏、文件内重复）会被跳过并在标准错误列出，其余照常导入，此时退出码为 1。已有相同密钥的账户会直接跳过（退出码 0）。

                示例：
                  walletsec 2fa import aegis-export.json --import-password-file pw.txt
                  walletsec 2fa import transfer-1.png transfer-2.jpg
                """))
    }

    @OptionGroup var globals: GlobalOptions
    @OptionGroup var passphrase: PassphraseOptions
    @OptionGroup var importPassword: ImportPasswordOptions

    @Argument(
        help: ArgumentHelp(
            L(
                "Export files or QR images (PNG/JPEG), or - for standard input.",
                "导出文件或二维码图片（PNG、JPEG），- 表示标准输入。"), valueName: "file"))
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
                ImportSummary(
                    format: formatName, added: result.added, skippedDuplicates: result.skipped,
                    skipped: imported.skipped.map { SkippedEntryJSON($0, language: language) }))
        } else {
            for entry in imported.skipped {
                Terminal.err((language == .zh ? "已跳过 " : "skipped ") + entry.text.text(language))
            }
            Terminal.out(
                language == .zh
                    ? "从 \(formatName) 导入 \(result.added) 个账户，跳过 \(result.skipped) 个重复账户"
                    : "Imported \(result.added) account(s) from \(formatName); skipped \(result.skipped) duplicate(s)"
            )
            if !imported.skipped.isEmpty {
                Terminal.out(
                    language == .zh
                        ? "\(imported.skipped.count) 个条目无法导入（见上）"
                        : "\(imported.skipped.count) entr\(imported.skipped.count == 1 ? "y" : "ies") could not be imported (listed above)"
                )
            }
        }
        // The accounts that could be read are stored; what was left out makes the check fail.
        if !imported.skipped.isEmpty { throw ExitCode(ExitStatus.checkFailed.rawValue) }
    }
}
