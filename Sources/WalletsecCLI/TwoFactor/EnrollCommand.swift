// walletsec 2fa enroll: make a secret, show it as a QR code, an otpauth URI and a key to type by hand, and
// store it only once the phone proves it holds it by returning a valid code. The code is typed visibly
// (it is not a secret), three tries are allowed, and a new secret that did not verify is kept sealed for
// ten minutes, so `--resume` can finish with the entry already on the phone instead of leaving it dead.
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
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "enroll",
            abstract: L(
                "Create a new TOTP secret, show its QR code, and store it once a code from the phone verifies.",
                "生成新的 TOTP 密钥并显示二维码，手机上的验证码核对通过后保存。"),
            discussion: L(
                """
                The secret comes from libsodium's randombytes: 160 bits for SHA1, 256 for SHA256, 512 for SHA512.
                The QR code, the URI and the key shown for typing by hand hold the secret: do not screenshot or
                share them. The code from the phone is asked up to three times. When none verifies, the new secret
                is kept (sealed in the vault) for ten minutes: 'walletsec 2fa enroll --resume' shows it again and
                asks for a code, so the entry already added on the phone still works.

                Example:
                  walletsec 2fa enroll --issuer Wallet --account alice@example.com --qr-png wallet-2fa.png
                  walletsec 2fa enroll --issuer Wallet --account bob --confirm 123456   # for scripts
                  walletsec 2fa enroll --resume
                """,
                """
                密钥来自 libsodium 的 randombytes：SHA1 为 160 位，SHA256 为 256 位，SHA512 为 512 位。二维码、URI 和供手动输入的密钥都含有密钥本身：请不要截图或分享。手机上的验证码最多询问三次。都没有通过时，新密钥会在保险库里加密保留十分钟：`walletsec 2fa enroll --resume` 会再次显示它并询问验证码，手机上已添加的条目仍然可用。

                示例：
                  walletsec 2fa enroll --issuer Wallet --account alice@example.com --qr-png wallet-2fa.png
                  walletsec 2fa enroll --issuer Wallet --account bob --confirm 123456   # for scripts
                  walletsec 2fa enroll --resume
                """))
    }

    /// How long a secret that did not verify is kept for `--resume`.
    static let resumeSeconds: Int64 = 600
    /// Codes asked at the terminal before giving up.
    static let tries = 3

    @OptionGroup var globals: GlobalOptions
    @OptionGroup var passphrase: PassphraseOptions

    @Option(
        help: ArgumentHelp(
            L(
                "Who issues the account (the service name).",
                "账户所属的服务（服务名称）。"))) var issuer: String?
    @Option(
        help: ArgumentHelp(
            L(
                "The account name at the issuer (e.g. an e-mail address).",
                "在该服务上的账户名（例如邮箱地址）。"))) var account: String?
    @Option(
        help: ArgumentHelp(
            L(
                "HMAC algorithm: SHA1, SHA256 or SHA512.",
                "HMAC 算法：SHA1、SHA256 或 SHA512。"))) var algorithm: OTPAlgorithmOption = .SHA1
    @Option(
        help: ArgumentHelp(
            L(
                "Code length: 6, 7 or 8.",
                "验证码位数：6、7 或 8。"))) var digits: Int = 6
    @Option(
        help: ArgumentHelp(
            L(
                "Seconds per code.",
                "每个验证码的有效秒数。"))) var period: Int = 30
    @Option(
        help: ArgumentHelp(
            L(
                "Also write the QR code as a PNG file (mode 0600).",
                "同时把二维码写成 PNG 文件（权限 0600）。"), valueName: "file"))
    var qrPng: String?
    @Option(
        help: ArgumentHelp(
            L(
                "The current code from the phone, instead of a prompt (for scripts).",
                "手机上当前的验证码，代替终端输入（供脚本使用）。"), valueName: "code"))
    var confirm: String?
    @Option(
        help: ArgumentHelp(
            L(
                "Use the Base32 secret in this file instead of a new random one.",
                "使用这个文件里的 Base32 密钥，而不是新生成一个随机密钥。"), valueName: "file"))
    var secretFile: String?
    @Flag(
        help: ArgumentHelp(
            L(
                "Finish the enrollment of the last ten minutes whose code did not verify, with the same secret.",
                "用同一个密钥完成最近十分钟内验证码未通过的添加。")))
    var resume = false
    @Option(help: .hidden) var at: Int64?

    func validate() throws {
        if resume {
            guard issuer == nil, account == nil, secretFile == nil, qrPng == nil else {
                throw CLIFailure.usage(
                    en: "--resume continues the pending enrollment as it was; give only --confirm with it",
                    zh: "--resume 按原样继续未完成的添加；只能与 --confirm 一起使用")
            }
            return
        }
        guard let issuer, let account else {
            throw CLIFailure.usage(en: "--issuer and --account are required", zh: "需要 --issuer 和 --account")
        }
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
    }

    func run() throws {
        let language = globals.language
        // Decide how the code will arrive before anything is made or stored.
        if confirm == nil && !Terminal.hasTerminal {
            throw CLIFailure.usage(
                en: "no terminal to ask for the code; pass --confirm CODE", zh: "没有终端可输入验证码，请使用 --confirm <验证码>")
        }
        let (vault, key) = try VaultAccess.unlock(globals, passphrase: passphrase)
        let now = Clock.now(at)
        let candidate =
            try resume ? pendingCandidate(vault, key: key, now: now) : newCandidate(vault, key: key, now: now)
        try refuseIfEnrolled(candidate, vault: vault)
        let uri = KeyURI.build(candidate)
        let matrix = try QRMatrix.encode(uri)
        if let qrPng {
            try AtomicFile.write(PNGWriter.png(matrix), to: qrPng, overwrite: false)
        }
        if !globals.json {
            show(candidate, uri: uri, matrix: matrix)
        }
        guard let step = try askForCode(candidate) else {
            // The PNG holds the secret: the pending enrollment keeps it, sealed, for --resume instead.
            if let qrPng { unlink(qrPng) }
            throw CLIFailure(
                .checkFailed,
                en:
                    "the code did not verify; nothing was stored. The new key is kept for 10 minutes: run 'walletsec 2fa enroll --resume' to try again with the same key (check the phone's clock)",
                zh: "验证码不正确，未保存账户。新密钥保留 10 分钟：运行“walletsec 2fa enroll --resume”用同一密钥重试（请检查手机时间）")
        }
        // The confirming code counts as used: it cannot be replayed to `verify` afterwards.
        _ = try AccountLookup.insert([candidate], lastAcceptedStep: Int64(step), into: vault, key: key)
        try vault.removePendingEnrollment()
        if globals.json {
            struct Enrolled: Encodable {
                var name, issuer, account, type, algorithm: String
                var digits, period: Int
                var uri: String
                var qrPng: String?
                var resumed: Bool
            }
            try Terminal.json(
                Enrolled(
                    name: candidate.name, issuer: candidate.issuer, account: candidate.account, type: "totp",
                    algorithm: candidate.algorithm.rawValue, digits: candidate.digits, period: candidate.period,
                    uri: uri,
                    qrPng: qrPng, resumed: resume))
        } else {
            Terminal.out(language == .zh ? "已添加 \(candidate.name)" : "Enrolled \(candidate.name)")
        }
    }

    /// A new secret (or the one in --secret-file), kept sealed for --resume from the moment it is shown.
    func newCandidate(_ vault: Vault, key: VaultKey, now: Int64) throws -> OTPAccount {
        var secretText: [UInt8] = try secretFile.map { try FileSystem.readAll($0, limit: 4096) } ?? []
        defer { Memory.zero(&secretText) }
        let candidate = try OTPAccount.enrolling(
            issuer: issuer ?? "", account: account ?? "", algorithm: algorithm.algorithm, digits: digits,
            period: period,
            base32Secret: secretFile == nil ? nil : String(decoding: secretText, as: UTF8.self).trimmingCharacters())
        try refuseIfEnrolled(candidate, vault: vault)
        var uri = Array(KeyURI.build(candidate).utf8)
        defer { Memory.zero(&uri) }
        try vault.savePendingEnrollment(SecureBytes(uri), expiresAt: now + Self.resumeSeconds, key: key)
        return candidate
    }

    /// The enrollment kept by an earlier run whose code did not verify.
    func pendingCandidate(_ vault: Vault, key: VaultKey, now: Int64) throws -> OTPAccount {
        guard let pending = try vault.pendingEnrollment(now: now, key: key) else {
            throw CLIFailure.usage(
                en: "no enrollment to resume (one is kept for 10 minutes after its code fails); start again",
                zh: "没有可继续的添加（验证码未通过后只保留 10 分钟）；请重新开始添加")
        }
        let uri = pending.payload.withUnsafeBytes { String(decoding: $0, as: UTF8.self) }
        return try KeyURI.parse(uri).account
    }

    func refuseIfEnrolled(_ candidate: OTPAccount, vault: Vault) throws {
        if try vault.otpAccounts().contains(where: { $0.issuer == candidate.issuer && $0.account == candidate.account })
        {
            if resume { try vault.removePendingEnrollment() }
            throw CLIFailure.conflict(
                en: "\(candidate.name) is already enrolled", zh: "\(candidate.name) 已经添加过了")
        }
    }

    /// The QR code, the URI, and the key to type by hand (grouped in fours) with issuer and account, for
    /// apps that cannot scan, or cannot scan an issuer name in Chinese.
    func show(_ candidate: OTPAccount, uri: String, matrix: QRMatrix) {
        let language = globals.language
        Terminal.out(matrix.terminalText())
        Terminal.out(uri)
        let key = ManualKey.grouped(Base32.encode(candidate.secret))
        let defaults = candidate.algorithm == .sha1 && candidate.digits == 6 && candidate.period == 30
        let settings =
            defaults
            ? (language == .zh ? "基于时间，6 位，30 秒" : "time-based, 6 digits, 30 seconds")
            : (language == .zh
                ? "\(candidate.algorithm.rawValue)，\(candidate.digits) 位，\(candidate.period) 秒"
                : "\(candidate.algorithm.rawValue), \(candidate.digits) digits, \(candidate.period) seconds")
        if language == .zh {
            Terminal.out("手动输入：服务名称 \(candidate.issuer)，账户 \(candidate.account)")
            Terminal.out("密钥：\(key)（\(settings)）")
        } else {
            Terminal.out("Enter by hand: issuer \(candidate.issuer)  account \(candidate.account)")
            Terminal.out("Key: \(key)  (\(settings))")
        }
        Terminal.err(
            language == .zh
                ? "用手机验证器扫描二维码，或手动输入上面的密钥。二维码、URI 和密钥都含有密钥，请勿截图或分享。"
                : "Scan the QR code with the phone's authenticator, or type the key above. They hold the secret: do not screenshot or share them."
        )
    }

    /// The accepted step, or nil when no code verified (one try with --confirm, three at the terminal).
    func askForCode(_ candidate: OTPAccount) throws -> UInt64? {
        let language = globals.language
        if let confirm {
            guard case .accepted(let step) = candidate.confirmEnrollment(code: confirm, unixTime: Clock.now(at))
            else { return nil }
            return step
        }
        for attempt in 1...Self.tries {
            let prompt = language == .zh ? "手机上显示的当前验证码：" : "Current code shown by the phone: "
            guard let typed = Terminal.readVisibleLine(prompt: prompt) else { return nil }
            switch candidate.confirmEnrollment(code: typed, unixTime: Clock.now(at)) {
            case .accepted(let step):
                return step
            case .rejected(let reason):
                let text = reason.text(digits: candidate.digits)
                let left = Self.tries - attempt
                if left > 0 {
                    Terminal.err(
                        language == .zh
                            ? "\(text.zh)。还可以再试 \(left) 次。" : "\(text.en). \(left) \(left == 1 ? "try" : "tries") left."
                    )
                } else {
                    Terminal.err(language == .zh ? "\(text.zh)。" : "\(text.en).")
                }
            }
        }
        return nil
    }
}

/// The secret as people type it: Base32 in groups of four.
enum ManualKey {
    static func grouped(_ base32: String) -> String {
        var groups: [Substring] = []
        var rest = Substring(base32)
        while !rest.isEmpty {
            groups.append(rest.prefix(4))
            rest = rest.dropFirst(4)
        }
        return groups.joined(separator: " ")
    }
}

extension String {
    func trimmingCharacters() -> String {
        split(whereSeparator: { $0.isWhitespace }).joined()
    }
}
