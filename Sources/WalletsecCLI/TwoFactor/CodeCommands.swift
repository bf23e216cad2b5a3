// walletsec 2fa list / code / verify: listing needs no passphrase; codes and verification unseal secrets.
import ArgumentParser
import OneTimePassword
import Vault
import WalletCore
import WalletCrypto

struct TwoFactorList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List two-factor accounts (no secrets, no passphrase needed).",
        discussion: """
            Example:
              walletsec 2fa list --json
            """)

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
                let detail =
                    stored.kind == "hotp"
                    ? "hotp \(stored.algorithm) \(stored.digits) digits, counter \(stored.counter)"
                    : "\(stored.kind) \(stored.algorithm) \(stored.digits) \(stored.kind == "steam" ? "chars" : "digits") / \(stored.period)s"
                Terminal.out("\(stored.name)\t\(detail)")
            }
        }
        if accounts.isEmpty && !globals.json {
            Terminal.err(globals.language == .zh ? "还没有双重验证账户" : "No two-factor accounts yet")
        }
    }
}

struct TwoFactorCode: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "code",
        abstract: "Show the current code of every account, or of one.",
        discussion: """
            NAME is issuer:account or a unique part of it. HOTP codes are shown for the stored counter
            (showing does not advance it; 'verify' does).

            Example:
              walletsec 2fa code
              walletsec 2fa code wallet --json
            """)

    @OptionGroup var globals: GlobalOptions
    @OptionGroup var passphrase: PassphraseOptions
    @Argument(help: "Account (issuer:account or a unique part of it); all when omitted.") var name: String?
    @Option(help: ArgumentHelp("Show the codes at this Unix time instead of now.", valueName: "unix-time"))
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
                Terminal.out("\(stored.name)\t\(code)" + (left.map { "\t(\($0)s)" } ?? "\t(counter \(stored.counter))"))
            }
        }
    }
}

struct TwoFactorVerify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check a code; a code at or before the last accepted step is rejected as a replay.",
        discussion: """
            Exit 0 when accepted, 1 when rejected (the reason is printed: wrong_code, replay, malformed).
            The accepted step is stored in the same transaction as the check, so one code passes once even
            when two processes verify it at the same moment.

            Example:
              walletsec 2fa verify wallet 492039
            """)

    @OptionGroup var globals: GlobalOptions
    @OptionGroup var passphrase: PassphraseOptions
    @Argument(help: "Account (issuer:account or a unique part of it).") var name: String
    @Argument(help: "The code to check.") var code: String
    @Option(help: "Steps accepted either side of now (TOTP) or ahead of the counter (HOTP).") var window: Int = 1
    @Option(help: ArgumentHelp("Verify as if at this Unix time.", valueName: "unix-time")) var at: Int64?

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
                Terminal.out(language == .zh ? "已接受（步 \(step)）" : "accepted (step \(step))")
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
