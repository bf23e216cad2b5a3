// walletsec 2fa export: otpauth URIs, an Aegis vault (optionally encrypted), or Google Authenticator
// migration QR codes, for moving accounts back to a phone app. Files are 0600 and written atomically.
import ArgumentParser
import OneTimePassword
import QRCode
import Vault
import WalletCore
import WalletCrypto

extension ExportFormat: ExpressibleByArgument {}

struct TwoFactorExport: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "export",
            abstract: L(
                "Export every account as otpauth URIs, an Aegis vault, or Google Authenticator migration codes.",
                "把所有账户导出为 otpauth URI、Aegis 保险库文件或 Google Authenticator 迁移二维码。"),
            discussion: L(
                """
                The output holds every secret: it is written with mode 0600, and never over an existing file.
                --encrypt seals an Aegis export under a password slot (scrypt + AES-256-GCM), as Aegis does.
                --format migration writes one otpauth-migration:// URI per QR code (10 accounts each, as Google
                Authenticator batches them); --qr draws the codes in the terminal, --qr-png writes FILE-1.png...

                Example:
                  walletsec 2fa export --format aegis --encrypt --output aegis.json --export-password-file pw.txt
                  walletsec 2fa export --format migration --output ga.txt --qr
                """,
                """
                导出内容含有所有密钥：文件权限为 0600，且绝不覆盖已有文件。--encrypt 像 Aegis 一样用密码槽（scrypt + AES-256-GCM）加密 Aegis 导出。--format migration 每个二维码写一个 otpauth-migration:// URI（每个 10 个账户，与 Google Authenticator 的分批方式相同）；--qr 在终端显示二维码，--qr-png 写出 FILE-1.png 等文件。

                示例：
                  walletsec 2fa export --format aegis --encrypt --output aegis.json --export-password-file pw.txt
                  walletsec 2fa export --format migration --output ga.txt --qr
                """))
    }

    @OptionGroup var globals: GlobalOptions
    @OptionGroup var passphrase: PassphraseOptions
    @OptionGroup var exportPassword: ExportPasswordOptions

    @Flag(
        help: ArgumentHelp(
            L(
                "With --output -, write the secrets even when standard output is a terminal.",
                "与 --output - 一起使用时，即使标准输出是终端也写出密钥。"))) var force = false
    @Option(
        help: ArgumentHelp(
            L(
                "uris, aegis or migration.",
                "uris、aegis 或 migration。"))) var format: ExportFormat
    @Option(
        name: [.short, .long],
        help: ArgumentHelp(
            L(
                "Where to write the export.",
                "导出写到哪里。"), valueName: "file"))
    var output: String
    @Flag(
        help: ArgumentHelp(
            L(
                "Encrypt the export with a password (Aegis only).",
                "用密码加密导出内容（仅限 Aegis）。"))) var encrypt = false
    @Flag(
        help: ArgumentHelp(
            L(
                "Draw migration QR codes in the terminal.",
                "在终端显示迁移二维码。"))) var qr = false
    @Option(
        help: ArgumentHelp(
            L(
                "Write migration QR codes as PNG files PREFIX-1.png, PREFIX-2.png...",
                "把迁移二维码写成 PNG 文件 PREFIX-1.png、PREFIX-2.png 等。"), valueName: "prefix"))
    var qrPng: String?

    struct Summary: Encodable {
        var path: String
        var format: String
        var accounts: Int
        var encrypted: Bool
        var qrCodes: Int
        var skipped: [String]
    }

    func run() throws {
        let language = globals.language
        if encrypt && format != .aegis {
            throw CLIFailure.usage(
                en: "--encrypt is only available with --format aegis", zh: "--encrypt 仅适用于 --format aegis")
        }
        if (qr || qrPng != nil) && format != .migration {
            throw CLIFailure.usage(
                en: "--qr and --qr-png need --format migration", zh: "--qr 和 --qr-png 需要 --format migration")
        }
        let toStdout = output == "-"
        if toStdout && Terminal.stdoutIsTTY && !force {
            throw CLIFailure.usage(
                en: "refusing to print every 2FA secret on a terminal; redirect standard output or pass --force",
                zh: "拒绝在终端上显示全部双重验证密钥；请重定向标准输出，或加 --force")
        }
        if toStdout && (qr || qrPng != nil) {
            throw CLIFailure.usage(
                en: "--qr and --qr-png need --output FILE, not standard output",
                zh: "--qr 和 --qr-png 需要 --output FILE，而非标准输出")
        }
        if !toStdout && FileSystem.isDirectory(output) {
            throw FileError.isAFolder(path: output)
        }
        if !toStdout && FileSystem.isOccupied(output) {
            throw CLIFailure.conflict(
                en: "\(output) already exists; refusing to overwrite it", zh: "\(output) 已存在，拒绝覆盖")
        }
        let vault = try VaultAccess.open(globals)
        let key = try VaultAccess.unlock(vault, globals, passphrase: passphrase)
        let password = encrypt ? try exportPassword.source().read(language: language) : nil
        let accounts = try vault.otpAccounts().map { try AccountLookup.codeAccount($0, vault: vault, key: key) }
        var exported = try OTPExporter.export(accounts, format: format, password: password)
        defer { Memory.zero(&exported.bytes) }
        let matrices = try exported.migrationURIs.map { try QRMatrix.encode($0) }
        // Refuse before writing anything, so a clash never leaves half an export behind.
        let pngPaths = qrPng.map { prefix in matrices.indices.map { "\(prefix)-\($0 + 1).png" } } ?? []
        if let taken = pngPaths.first(where: FileSystem.exists) {
            throw CLIFailure.conflict(en: "\(taken) already exists; refusing to overwrite it", zh: "\(taken) 已存在，拒绝覆盖")
        }
        if toStdout {
            try exported.bytes.withUnsafeBytes { try FileSystem.writeAll(1, $0, path: "standard output") }
        } else {
            try AtomicFile.write(exported.bytes, to: output, overwrite: false)
        }
        if let qrPng {
            for (index, matrix) in matrices.enumerated() {
                try AtomicFile.write(PNGWriter.png(matrix), to: "\(qrPng)-\(index + 1).png", overwrite: false)
            }
        }
        for name in exported.skipped {
            Terminal.err(
                language == .zh
                    ? "警告：Google Authenticator 无法保存 \(name)（Steam、7 位或非 30 秒周期），已跳过"
                    : "warning: Google Authenticator cannot hold \(name) (Steam, 7 digits or a period other than 30 s); skipped"
            )
        }
        let shownOutput = toStdout ? (language == .zh ? "标准输出" : "standard output") : output
        Terminal.err(
            language == .zh
                ? "注意：\(shownOutput) 含有全部双重验证密钥\(encrypt ? "（已加密）" : "（未加密）")，请妥善保管，用完即删。"
                : "Warning: \(shownOutput) holds your two-factor secrets\(encrypt ? " (encrypted)" : " in the clear"); keep it safe and delete it after use."
        )
        if toStdout { return }  // standard output holds the export itself
        if globals.json {
            try Terminal.json(
                Summary(
                    path: output, format: format.rawValue, accounts: accounts.count - exported.skipped.count,
                    encrypted: encrypt, qrCodes: matrices.count, skipped: exported.skipped))
            return
        }
        if qr {
            for (index, matrix) in matrices.enumerated() {
                Terminal.out(
                    language == .zh
                        ? "二维码 \(index + 1)/\(matrices.count)：" : "QR code \(index + 1) of \(matrices.count):")
                Terminal.out(matrix.terminalText())
            }
        }
        Terminal.out(
            language == .zh
                ? "已导出 \(accounts.count - exported.skipped.count) 个账户到 \(output)"
                : "Exported \(accounts.count - exported.skipped.count) account(s) to \(output)")
    }
}
