// walletsec 2fa remove / rename / recovery: managing accounts and the one-time recovery codes services hand out.
import ArgumentParser
import OneTimePassword
import Vault
import WalletCore
import WalletCrypto

struct TwoFactorRemove: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "remove",
            abstract: L(
                "Remove an account and its recovery codes (asks for the vault passphrase).",
                "删除一个账户及其恢复码（需要输入主密码）。"),
            discussion: L(
                """
                Example:
                  walletsec 2fa remove "Old Exchange:alice"
                """,
                """
                示例：
                  walletsec 2fa remove "Old Exchange:alice"
                """))
    }

    @OptionGroup var globals: GlobalOptions
    @OptionGroup var passphrase: PassphraseOptions
    @Argument(
        help: ArgumentHelp(
            L(
                "Account (issuer:account exactly, as 2fa list prints it).",
                "账户（“服务名称:账户”，须与 2fa list 显示的完全一致）。"))) var name: String
    @Flag(
        name: .long,
        help: ArgumentHelp(
            L(
                "Remove without asking (for scripts).",
                "不经确认直接删除（供脚本使用）。"))) var yes = false

    func run() throws {
        let vault = try VaultAccess.open(globals)
        // Deleting is not undone: only the exact name counts, never a part of it.
        let stored = try AccountLookup.findExact(name, in: try vault.otpAccounts())
        let zh = globals.language == .zh
        if !yes {
            guard Terminal.stdinIsTTY, Terminal.hasTerminal else {
                throw CLIFailure.usage(
                    en: "removing \(stored.name) cannot be undone; pass --yes to remove it without a terminal",
                    zh: "删除 \(stored.name) 无法撤销；没有终端时请加 --yes")
            }
            let answer = Terminal.readVisibleLine(
                prompt: zh
                    ? "删除 \(stored.name) 及其恢复码？无法撤销。[y/N] "
                    : "Remove \(stored.name) and its recovery codes? This cannot be undone. [y/N] ")
            guard let answer, ["y", "yes", "是"].contains(answer.trimmingSpaces().lowercased()) else {
                throw CLIFailure.usage(en: "not removed", zh: "未删除")
            }
        }
        _ = try VaultAccess.unlock(vault, globals, passphrase: passphrase)
        try vault.removeOTPAccount(stored)
        if globals.json {
            struct Removed: Encodable { var removed: String }
            try Terminal.json(Removed(removed: stored.name))
        } else {
            Terminal.out(globals.language == .zh ? "已删除 \(stored.name)" : "Removed \(stored.name)")
        }
    }
}

struct TwoFactorRename: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "rename",
            abstract: L(
                "Rename an account: NEW-NAME is issuer:account (or account alone for no issuer).",
                "重命名账户：NEW-NAME 为“服务名称:账户”（没有服务名称时只写账户）。"),
            discussion: L(
                """
                Example:
                  walletsec 2fa rename "Wallet:alice" "Wallet:alice@example.com"
                """,
                """
                示例：
                  walletsec 2fa rename "Wallet:alice" "Wallet:alice@example.com"
                """))
    }

    @OptionGroup var globals: GlobalOptions
    @OptionGroup var passphrase: PassphraseOptions
    @Argument(help: AccountLookup.nameHelp) var name: String
    @Argument(
        help: ArgumentHelp(
            L(
                "New name, issuer:account.",
                "新名称，“服务名称:账户”。"))) var newName: String

    func run() throws {
        let vault = try VaultAccess.open(globals)
        let stored = try AccountLookup.find(name, in: try vault.otpAccounts())
        let (rawIssuer, rawAccount) = try AccountLookup.splitName(newName)
        // The vault drops control characters from names; show the name as it will be stored.
        let (issuer, account) = (PrintableText.oneLine(rawIssuer), PrintableText.oneLine(rawAccount))
        guard !account.isEmpty else { throw CLIFailure.usage(en: "the new account name is empty", zh: "新的账户名为空") }
        _ = try VaultAccess.unlock(vault, globals, passphrase: passphrase)
        try vault.renameOTPAccount(stored, issuer: issuer, name: account)
        let display = OTPAccount.displayName(issuer: issuer, account: account)
        if globals.json {
            struct Renamed: Encodable { var from, to: String }
            try Terminal.json(Renamed(from: stored.name, to: display))
        } else {
            Terminal.out(
                globals.language == .zh ? "已将 \(stored.name) 重命名为 \(display)" : "Renamed \(stored.name) to \(display)")
        }
    }
}

struct TwoFactorRecovery: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "recovery",
            abstract: L(
                "Recovery codes: the one-time backup codes a service gives at 2FA setup.",
                "恢复码：开通双重验证时服务给出的一次性登录码，手机丢失时用它登录。"),
            discussion: L(
                """
                Example:
                  walletsec 2fa recovery add wallet < codes.txt
                  walletsec 2fa recovery show wallet
                  walletsec 2fa recovery use wallet < code.txt
                """,
                """
                示例：
                  walletsec 2fa recovery add wallet < codes.txt
                  walletsec 2fa recovery show wallet
                  walletsec 2fa recovery use wallet < code.txt
                """),
            subcommands: [Add.self, Show.self, Use.self])
    }

    struct Add: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: L(
                    "Store recovery codes read from standard input, one a line (sealed in the vault).",
                    "保存从标准输入读取的恢复码，每行一个（加密保存在保险库里）。"),
                discussion: L(
                    """
                    Example:
                      walletsec 2fa recovery add wallet < codes.txt
                    """,
                    """
                    示例：
                      walletsec 2fa recovery add wallet < codes.txt
                    """))
        }
        @OptionGroup var globals: GlobalOptions
        @OptionGroup var passphrase: PassphraseOptions
        @Argument(help: AccountLookup.nameHelp) var name: String

        func run() throws {
            let vault = try VaultAccess.open(globals)
            let stored = try AccountLookup.find(name, in: try vault.otpAccounts())
            var input = try StandardInput.readAll(limit: 1 << 20)
            defer { Memory.zero(&input) }
            let codes = String(decoding: input, as: UTF8.self).split(whereSeparator: \.isNewline)
                .map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
            guard !codes.isEmpty else {
                throw CLIFailure.usage(en: "no recovery codes on standard input", zh: "标准输入中没有恢复码")
            }
            guard codes.allSatisfy({ $0.count <= 128 }) else {
                throw CLIFailure.usage(en: "a recovery code is longer than 128 characters", zh: "某个恢复码超过 128 个字符")
            }
            let key = try VaultAccess.unlock(vault, globals, passphrase: passphrase)
            let added = try vault.addRecoveryCodes(codes, to: stored, key: key)
            if globals.json {
                struct Added: Encodable {
                    var name: String
                    var added: Int
                }
                try Terminal.json(Added(name: stored.name, added: added))
            } else {
                Terminal.out(
                    globals.language == .zh
                        ? "为 \(stored.name) 保存了 \(added) 个恢复码" : "Stored \(added) recovery code(s) for \(stored.name)")
            }
        }
    }

    struct Show: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: L(
                    "List an account's recovery codes, used ones marked.",
                    "列出一个账户的恢复码，并标出已用过的。"),
                discussion: L(
                    """
                    Example:
                      walletsec 2fa recovery show wallet --json
                    """,
                    """
                    示例：
                      walletsec 2fa recovery show wallet --json
                    """))
        }
        @OptionGroup var globals: GlobalOptions
        @OptionGroup var passphrase: PassphraseOptions
        @Argument(help: AccountLookup.nameHelp) var name: String

        struct Entry: Encodable {
            var position: Int
            var code: String
            var used: Bool
            var usedAt: String?
        }

        func run() throws {
            let (vault, stored, key) = try AccountLookup.unlock(name, globals, passphrase: passphrase)
            for code in try vault.recoveryCodes(of: stored, key: key) {
                if globals.json {
                    try Terminal.json(
                        Entry(position: code.position, code: code.code, used: code.usedAt != nil, usedAt: code.usedAt))
                } else {
                    let mark =
                        code.usedAt.map { HumanText.localTime($0, globals.language) }.map {
                            globals.language == .zh ? "（已于 \($0) 使用）" : "  (used \($0))"
                        } ?? ""
                    Terminal.out("\(code.position). \(code.code)\(mark)")
                }
            }
        }
    }

    struct Use: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: L(
                    "Mark a recovery code used; exit 1 if it is unknown or already used.",
                    "把一个恢复码标记为已用；不存在或已用过时退出码为 1。"),
                discussion: L(
                    """
                    Example:
                      walletsec 2fa recovery use wallet < code.txt
                    """,
                    """
                    示例：
                      walletsec 2fa recovery use wallet < code.txt
                    """))
        }
        @OptionGroup var globals: GlobalOptions
        @OptionGroup var passphrase: PassphraseOptions
        @Argument(help: AccountLookup.nameHelp) var name: String
        // Accepted by the parser only to refuse it with a message saying how to pass the code instead.
        @Argument(help: ArgumentHelp(visibility: .hidden)) var code: String?

        func run() throws {
            if code != nil {
                throw CLIFailure.usage(
                    en:
                        "a recovery code on the command line ends up in shell history and 'ps'; run 'walletsec 2fa recovery use \(name)' to be asked for it, or pass it on standard input (< code.txt)",
                    zh:
                        "写在命令行里的恢复码会留在命令历史和进程列表中；请运行 walletsec 2fa recovery use \(name) 按提示输入，或从标准输入提供（< code.txt）"
                )
            }
            let vault = try VaultAccess.open(globals)
            let stored = try AccountLookup.find(name, in: try vault.otpAccounts())
            var secret = try RecoveryCodeInput.read(language: globals.language)
            defer { Memory.zero(&secret) }
            let key = try VaultAccess.unlock(vault, globals, passphrase: passphrase)
            let result = try vault.useRecoveryCode(
                String(decoding: secret, as: UTF8.self).trimmingSpaces(), of: stored, key: key)
            let zh = globals.language == .zh
            struct Outcome: Encodable {
                var name: String
                var used: Bool
                var reason: String?
            }
            switch result {
            case .used:
                if globals.json {
                    try Terminal.json(Outcome(name: stored.name, used: true, reason: nil))
                } else {
                    Terminal.out(zh ? "已标记为已用" : "Marked used")
                }
            case .alreadyUsed(let at):
                if globals.json {
                    try Terminal.json(Outcome(name: stored.name, used: false, reason: "already_used"))
                } else {
                    let when = HumanText.localTime(at, globals.language)
                    Terminal.out(
                        zh ? "已拒绝：这个恢复码已于 \(when) 用过" : "rejected: this recovery code was already used at \(when)")
                }
                throw ExitCode(1)
            case .unknown:
                if globals.json {
                    try Terminal.json(Outcome(name: stored.name, used: false, reason: "unknown_code"))
                } else {
                    Terminal.out(zh ? "已拒绝：不是这个账户的恢复码" : "rejected: not a recovery code of this account")
                }
                throw ExitCode(1)
            }
        }
    }
}

/// A recovery code to use: a no-echo prompt on a terminal, else the first line of standard input.
enum RecoveryCodeInput {
    static func read(language: Language) throws -> [UInt8] {
        var bytes: [UInt8]
        if Terminal.stdinIsTTY {
            bytes =
                Terminal.readSecretLine(prompt: language == .zh ? "恢复码：" : "Recovery code: ") ?? []
        } else {
            bytes = try StandardInput.readAll(limit: 1 << 12)
            if let newline = bytes.firstIndex(where: { $0 == 0x0a || $0 == 0x0d }) {
                for index in newline..<bytes.count { bytes[index] = 0 }
                bytes.removeSubrange(newline...)
            }
        }
        guard bytes.contains(where: { $0 != 0x20 && $0 != 0x09 }) else {
            Memory.zero(&bytes)
            throw CLIFailure.usage(
                en: "no recovery code given (type it at the prompt or pass it on standard input)",
                zh: "未提供恢复码（请在提示时输入，或从标准输入提供）")
        }
        return bytes
    }
}
