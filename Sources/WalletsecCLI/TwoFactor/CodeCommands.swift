// walletsec 2fa list / code / verify: listing needs no passphrase; codes and verification unseal secrets.
import ArgumentParser
import OneTimePassword
import Vault
import WalletCore
import WalletCrypto

struct TwoFactorList: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "list",
            abstract: L(
                "List two-factor accounts (no secrets, no passphrase needed).",
                "列出双重验证账户（不显示密钥，不需要主密码）。"),
            discussion: L(
                """
                Example:
                  walletsec 2fa list --json
                """,
                """
                示例：
                  walletsec 2fa list --json
                """))
    }

    @OptionGroup var globals: GlobalOptions

    struct Entry: Encodable {
        var name, issuer, account, type, algorithm: String
        var digits, period: Int
        var counter: Int64?
        var createdAt: String
    }

    func run() throws {
        let vault = try VaultAccess.open(globals)
        let accounts = try vault.otpAccounts()
        for stored in accounts {
            if globals.json {
                try Terminal.json(
                    Entry(
                        name: stored.name, issuer: stored.issuer, account: stored.account, type: stored.kind,
                        algorithm: stored.algorithm, digits: stored.digits, period: stored.period,
                        counter: stored.kind == "hotp" ? stored.counter : nil, createdAt: stored.createdAt))
            } else {
                let zh = globals.language == .zh
                let unit = stored.kind == "steam" ? (zh ? "个字符" : "chars") : (zh ? "位" : "digits")
                let detail =
                    stored.kind == "hotp"
                    ? (zh
                        ? "HOTP，\(stored.algorithm)，\(stored.digits) 位，计数器 \(stored.counter)"
                        : "hotp \(stored.algorithm) \(stored.digits) digits, counter \(stored.counter)")
                    : (zh
                        ? "\(stored.kind.uppercased())，\(stored.algorithm)，\(stored.digits) \(unit)，每 \(stored.period) 秒"
                        : "\(stored.kind) \(stored.algorithm) \(stored.digits) \(unit) / \(stored.period)s")
                Terminal.out("\(stored.name)\t\(detail)")
            }
        }
        if accounts.isEmpty && !globals.json {
            Terminal.err(globals.language == .zh ? "还没有双重验证账户" : "No two-factor accounts yet")
        }
    }
}

struct TwoFactorCode: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "code",
            abstract: L(
                "Show the current code of every account, or of one.",
                "显示所有账户或某一个账户当前的验证码。"),
            discussion: L(
                """
                NAME is issuer:account or a unique part of it. HOTP codes are shown for the stored counter
                (showing does not advance it; 'verify' does).

                Example:
                  walletsec 2fa code
                  walletsec 2fa code wallet --json
                """,
                """
                NAME 是“服务名称:账户”或其中能唯一确定账户的一部分。HOTP 验证码按保存的计数器显示（显示不会让计数器前进，`verify` 才会）。

                示例：
                  walletsec 2fa code
                  walletsec 2fa code wallet --json
                """))
    }

    @OptionGroup var globals: GlobalOptions
    @OptionGroup var passphrase: PassphraseOptions
    @Argument(
        help: ArgumentHelp(
            L(
                "Account (issuer:account or a unique part of it); all when omitted.",
                "账户（“服务名称:账户”或其中能唯一确定账户的一部分）；不写则显示全部。"))) var name: String?
    @Option(
        help: ArgumentHelp(
            L(
                "Show the codes at this Unix time instead of now.",
                "显示这个 Unix 时间的验证码，而不是现在的。"), valueName: "unix-time"))
    var at: Int64?

    struct Entry: Encodable {
        var name, issuer, account, type, code: String
        var secondsLeft: Int?
    }

    func run() throws {
        let vault = try VaultAccess.open(globals)
        let all = try vault.otpAccounts()
        let selected = try name.map { [try AccountLookup.find($0, in: all)] } ?? all
        let key = try VaultAccess.unlock(vault, globals, passphrase: passphrase)
        let now = Clock.now(at)
        if selected.isEmpty && !globals.json {
            Terminal.err(globals.language == .zh ? "还没有双重验证账户" : "No two-factor accounts yet")
        }
        for stored in selected {
            let account = try AccountLookup.codeAccount(stored, vault: vault, key: key)
            let code = OTPGenerator.currentCode(account, unixTime: now)
            let left = account.kind == .hotp ? nil : OTPGenerator.secondsLeft(unixTime: now, period: account.period)
            if globals.json {
                try Terminal.json(
                    Entry(
                        name: stored.name, issuer: stored.issuer, account: stored.account, type: stored.kind,
                        code: code,
                        secondsLeft: left))
            } else {
                let zh = globals.language == .zh
                let note =
                    left.map { zh ? "（还剩 \($0) 秒）" : "(\($0)s)" }
                    ?? (zh ? "（计数器 \(stored.counter)）" : "(counter \(stored.counter))")
                Terminal.out("\(stored.name)\t\(code)\t\(note)")
            }
        }
    }
}

struct TwoFactorVerify: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "verify",
            abstract: L(
                "Check a code; a code at or before the last accepted step is rejected as a replay.",
                "核对验证码；与上次通过的时间窗口相同或更早的验证码会被当作重放而拒绝。"),
            discussion: L(
                """
                Exit 0 when accepted, 1 when rejected (the reason is printed: wrong_code, replay, malformed).
                The accepted step is stored in the same transaction as the check, so one code passes once even
                when two processes verify it at the same moment.

                Example:
                  walletsec 2fa verify wallet 492039
                """,
                """
                通过时退出码为 0，被拒绝时为 1（并显示原因：wrong_code、replay、malformed）。通过的时间窗口与核对在同一个事务里保存，所以即使两个进程同时核对，同一个验证码也只能通过一次。

                示例：
                  walletsec 2fa verify wallet 492039
                """))
    }

    @OptionGroup var globals: GlobalOptions
    @OptionGroup var passphrase: PassphraseOptions
    @Argument(help: AccountLookup.nameHelp) var name: String
    @Argument(
        help: ArgumentHelp(
            L(
                "The code to check.",
                "要核对的验证码。"))) var code: String
    @Option(
        help: ArgumentHelp(
            L(
                "Steps accepted either side of now (TOTP) or ahead of the counter (HOTP).",
                "允许前后偏差的时间窗口数（TOTP），或计数器向前容许的次数（HOTP）。"))) var window: Int = 1
    @Option(
        help: ArgumentHelp(
            L(
                "Verify as if at this Unix time.",
                "按这个 Unix 时间核对。"), valueName: "unix-time")) var at: Int64?

    struct Outcome: Encodable {
        var name: String
        var accepted: Bool
        var step: UInt64?
        var reason: String?
    }

    func run() throws {
        guard (0...10).contains(window) else {
            throw CLIFailure.usage(en: "--window must be 0 to 10", zh: "--window 必须在 0 到 10 之间")
        }
        let (vault, stored, key) = try AccountLookup.unlock(name, globals, passphrase: passphrase)
        let account = try AccountLookup.codeAccount(stored, vault: vault, key: key)
        let result = try OTPVerifier.verify(
            code, account: account, unixTime: Clock.now(at), window: window,
            store: AccountLookup.replayStore(stored, vault: vault))
        let language = globals.language
        switch result {
        case .accepted(let step):
            if globals.json {
                try Terminal.json(Outcome(name: stored.name, accepted: true, step: step, reason: nil))
            } else {
                Terminal.out(language == .zh ? "已通过（时间窗口 \(step)）" : "accepted (step \(step))")
            }
        case .rejected(let reason):
            if globals.json {
                try Terminal.json(Outcome(name: stored.name, accepted: false, step: nil, reason: reason.rawValue))
            } else {
                let reasonText = reason.text(digits: stored.digits)
                let text = language == .zh ? "已拒绝：\(reasonText.zh)" : "rejected: \(reasonText.en)"
                Terminal.out(text)
            }
            throw ExitCode(1)
        }
    }
}
