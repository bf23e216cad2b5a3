// walletsec 2fa enroll: make a secret, show it as an otpauth URI and QR code, and store it only once the
// phone proves it scanned it by returning a valid code.
import ArgumentParser
import OneTimePassword
import QRCode
import Vault
import WalletCore
import WalletCrypto

#if canImport(Glibc)
    import Glibc
#endif

struct TwoFactorEnroll: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enroll",
        abstract: "Create a new TOTP secret, show its QR code, and store it once a code from the phone verifies.",
        discussion: """
            The secret comes from libsodium's randombytes: 160 bits for SHA1, 256 for SHA256, 512 for SHA512.
            The URI and QR code hold the secret: do not screenshot or share them.

            Example:
              walletsec 2fa enroll --issuer Wallet --account alice@example.com --qr-png wallet-2fa.png
              walletsec 2fa enroll --issuer Wallet --account bob --confirm 123456   # for scripts
            """)

    @OptionGroup var globals: GlobalOptions
    @OptionGroup var passphrase: PassphraseOptions

    @Option(help: "Who issues the account (the service name).") var issuer: String
    @Option(help: "The account name at the issuer (e.g. an e-mail address).") var account: String
    @Option(help: "HMAC algorithm: SHA1, SHA256 or SHA512.") var algorithm: OTPAlgorithmOption = .SHA1
    @Option(help: "Code length: 6, 7 or 8.") var digits: Int = 6
    @Option(help: "Seconds per code.") var period: Int = 30
    @Option(help: ArgumentHelp("Also write the QR code as a PNG file (mode 0600).", valueName: "file"))
    var qrPng: String?
    @Option(
        help: ArgumentHelp("The current code from the phone, instead of a prompt (for scripts).", valueName: "code"))
    var confirm: String?
    @Option(help: ArgumentHelp("Use the Base32 secret in this file instead of a new random one.", valueName: "file"))
    var secretFile: String?

    func run() throws {
        let language = globals.language
        guard (6...8).contains(digits) else {
            throw CLIFailure.usage(en: "--digits must be 6, 7 or 8", zh: "--digits 必须是 6、7 或 8")
        }
        guard period > 0, period <= 86_400 else {
            throw CLIFailure.usage(en: "--period must be 1 to 86400 seconds", zh: "--period 必须在 1 到 86400 秒之间")
        }
        guard !account.isEmpty, !account.contains(":"), !issuer.contains(":") else {
            throw CLIFailure.usage(
                en: "--account must be non-empty and neither name may contain ':'", zh: "--account 不能为空，且名称不能包含“:”")
        }
        let (vault, key) = try VaultAccess.unlock(globals, passphrase: passphrase)
        if try vault.otpAccounts().contains(where: { $0.issuer == issuer && $0.account == account }) {
            throw CLIFailure.conflict(
                en: "\(OTPAccount.displayName(issuer: issuer, account: account)) is already enrolled",
                zh: "\(OTPAccount.displayName(issuer: issuer, account: account)) 已经注册")
        }
        var secretText: [UInt8] = try secretFile.map { try FileSystem.readAll($0, limit: 4096) } ?? []
        defer { Memory.zero(&secretText) }
        let candidate = try OTPAccount.enrolling(
            issuer: issuer, account: account, algorithm: algorithm.algorithm, digits: digits, period: period,
            base32Secret: secretFile == nil ? nil : String(decoding: secretText, as: UTF8.self).trimmingCharacters())
        let uri = KeyURI.build(candidate)
        let matrix = try QRMatrix.encode(uri)
        if let qrPng {
            try AtomicFile.write(PNGWriter.png(matrix), to: qrPng, overwrite: false)
        }
        if !globals.json {
            Terminal.out(matrix.terminalText())
            Terminal.out(uri)
            Terminal.err(
                language == .zh
                    ? "用手机验证器扫描二维码（或输入上面的 URI）。二维码和 URI 含有密钥，请勿截图或分享。"
                    : "Scan the QR code with the phone's authenticator (or enter the URI). It holds the secret: do not screenshot or share it."
            )
        }
        let code: String
        if let confirm {
            code = confirm
        } else {
            let prompt = language == .zh ? "手机上显示的当前验证码：" : "Current code shown by the phone: "
            guard var typed = Terminal.readSecretLine(prompt: prompt) else {
                throw CLIFailure.usage(
                    en: "no terminal to ask for the code; pass --confirm CODE", zh: "没有终端可输入验证码，请使用 --confirm CODE")
            }
            code = String(decoding: typed, as: UTF8.self)
            Memory.zero(&typed)
        }
        guard case .accepted(let step) = candidate.confirmEnrollment(code: code, unixTime: Clock.now(nil)) else {
            // The PNG holds a secret that is now discarded: do not leave it behind.
            if let qrPng { unlink(qrPng) }
            throw CLIFailure(
                .checkFailed, en: "the code did not verify; nothing was stored (check the phone's clock and try again)",
                zh: "验证码不正确，未保存任何内容（请检查手机时间后重试）")
        }
        // The confirming code counts as used: it cannot be replayed to `verify` afterwards.
        _ = try AccountLookup.insert([candidate], lastAcceptedStep: Int64(step), into: vault, key: key)
        if globals.json {
            struct Enrolled: Encodable {
                var name, issuer, account, type, algorithm: String
                var digits, period: Int
                var uri: String
                var qrPng: String?
            }
            try Terminal.json(
                Enrolled(
                    name: candidate.name, issuer: issuer, account: account, type: "totp", algorithm: algorithm.rawValue,
                    digits: digits, period: period, uri: uri, qrPng: qrPng))
        } else {
            Terminal.out(language == .zh ? "已注册 \(candidate.name)" : "Enrolled \(candidate.name)")
        }
    }
}

extension String {
    func trimmingCharacters() -> String {
        split(whereSeparator: { $0.isWhitespace }).joined()
    }
}
