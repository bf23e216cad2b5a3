// Shared pieces of the 2fa commands: finding an account by name, turning vault rows into code-ready
// accounts, the vault as the verifier's replay store, the import/export password channels, and stdin.
import ArgumentParser
import Foundation
import OneTimePassword
import Vault
import WalletCore
import WalletCrypto

enum AccountLookup {
    /// The help of the NAME argument every 2FA command that finds one account takes. Computed, so it is
    /// read in the language resolved at start-up.
    static var nameHelp: ArgumentHelp {
        ArgumentHelp(
            L(
                "Account (issuer:account or a unique part of it).",
                "账户（“服务名称:账户”或其中能唯一确定账户的一部分）。"))
    }

    /// NAME is `issuer:account` exactly, or a case-insensitive part of exactly one account's name.
    static func find(_ query: String, in accounts: [StoredOTPAccount]) throws -> StoredOTPAccount {
        if let exact = accounts.first(where: { $0.name == query }) { return exact }
        let lower = query.lowercased()
        let same = accounts.filter { $0.name.lowercased() == lower }
        if same.count == 1 { return same[0] }
        let matches = accounts.filter { $0.name.lowercased().contains(lower) }
        if matches.count == 1 { return matches[0] }
        if matches.isEmpty {
            throw CLIFailure.usage(
                en: "no 2FA account matches '\(query)' (see 'walletsec 2fa list')",
                zh: "没有与“\(query)”匹配的双重验证账户（见“walletsec 2fa list”）")
        }
        let names = matches.prefix(5).map(\.name).joined(separator: ", ")
        throw CLIFailure.usage(
            en: "'\(query)' matches \(matches.count) accounts (\(names)); give more of the name",
            zh: "“\(query)”匹配到 \(matches.count) 个账户（\(names)），请给出更完整的名称")
    }

    /// NAME is `issuer:account` exactly (case-insensitive only when that picks one account); for commands
    /// that destroy, where a part of a name must never pick an account.
    static func findExact(_ query: String, in accounts: [StoredOTPAccount]) throws -> StoredOTPAccount {
        if let exact = accounts.first(where: { $0.name == query }) { return exact }
        let same = accounts.filter { $0.name.lowercased() == query.lowercased() }
        if same.count == 1 { return same[0] }
        let lower = query.lowercased()
        let partial = accounts.filter { $0.name.lowercased().contains(lower) }.prefix(5).map(\.name)
        let hint = partial.isEmpty ? "" : " (did you mean \(partial.joined(separator: ", "))?)"
        let zhHint = partial.isEmpty ? "" : "（是否指 \(partial.joined(separator: "、"))？）"
        throw CLIFailure.usage(
            en:
                "no 2FA account is named exactly '\(query)'\(hint); give the full name as 'walletsec 2fa list' prints it",
            zh: "没有名称恰好为“\(query)”的双重验证账户\(zhHint)；请给出 'walletsec 2fa list' 显示的完整名称")
    }

    /// Opens the vault and finds NAME before asking for the passphrase (a typo fails without a prompt).
    static func unlock(_ name: String, _ globals: GlobalOptions, passphrase: PassphraseOptions) throws -> (
        vault: Vault, stored: StoredOTPAccount, key: VaultKey
    ) {
        let vault = try VaultAccess.open(globals)
        let stored = try find(name, in: try vault.otpAccounts())
        return (vault, stored, try VaultAccess.unlock(vault, globals, passphrase: passphrase))
    }

    /// A stored row plus its unsealed secret as the generator's account type.
    static func codeAccount(_ stored: StoredOTPAccount, vault: Vault, key: VaultKey) throws -> OTPAccount {
        let secret = try vault.otpSecret(stored, key: key)
        return OTPAccount(
            kind: OTPKind(rawValue: stored.kind) ?? .totp, issuer: stored.issuer, account: stored.account,
            secret: secret, algorithm: HashAlgorithm(rawValue: stored.algorithm) ?? .sha1,
            digits: stored.digits, period: stored.period, counter: UInt64(max(0, stored.counter)))
    }

    /// The vault row of `stored` as the place replay-safe verification reads and records its state.
    static func replayStore(_ stored: StoredOTPAccount, vault: Vault) -> VaultReplayStore {
        VaultReplayStore(vault: vault, account: stored)
    }

    /// Stores `accounts` (all or none), `lastAcceptedStep` marking a code already used.
    static func insert(
        _ accounts: [OTPAccount], lastAcceptedStep: Int64? = nil, into vault: Vault, key: VaultKey
    ) throws -> (added: Int, skipped: Int) {
        let rows = accounts.map { account in
            NewOTPAccount(
                issuer: account.issuer, account: account.account, kind: account.kind.rawValue,
                algorithm: account.algorithm.rawValue, digits: account.digits, period: account.period,
                counter: Int64(account.counter), secret: account.secret,
                lastAcceptedStep: lastAcceptedStep)
        }
        return try vault.insertOTPAccounts(rows, key: key)
    }

    /// Splits a NEW-NAME argument `issuer:account` (or just `account`).
    static func splitName(_ text: String) throws -> (issuer: String, account: String) {
        guard !text.isEmpty else { throw CLIFailure.usage(en: "the name is empty", zh: "名称为空") }
        if let colon = text.firstIndex(of: ":") {
            return (String(text[..<colon]), String(text[text.index(after: colon)...]))
        }
        return ("", text)
    }
}

/// An account's replay state in the vault: `Vault.updateOTPState` re-reads the row and stores the change in one
/// IMMEDIATE transaction, which is what `OTPVerifier.verify(_:account:unixTime:window:store:)` needs.
struct VaultReplayStore: ReplayStateStore {
    let vault: Vault
    let account: StoredOTPAccount

    func updateReplayState(_ decide: (ReplayState) throws -> ReplayState?) throws {
        try vault.updateOTPState(account) { fresh in
            let state = ReplayState(counter: UInt64(max(0, fresh.counter)), lastAcceptedStep: fresh.lastAcceptedStep)
            guard let next = try decide(state), let step = next.lastAcceptedStep else { return ((), nil) }
            return ((), OTPStateChange(lastAcceptedStep: step, counter: Int64(clamping: next.counter)))
        }
    }
}

enum StandardInput {
    /// Reads stdin to the end (bounded), for URIs and recovery codes that must not be on argv.
    static func readAll(limit: Int = 16 << 20) throws -> [UInt8] {
        do {
            return try FileSystem.readAll(descriptor: 0, limit: limit)
        } catch .tooLarge {
            throw CLIFailure.usage(en: "standard input is too large", zh: "标准输入过大")
        } catch .failed {
            throw CLIFailure.usage(en: "cannot read standard input", zh: "无法读取标准输入")
        }
    }
}

/// `--import-password-file` and `WALLETSEC_IMPORT_PASSWORD`: the password of another app's encrypted export.
struct ImportPasswordOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            L(
                "Password of an encrypted import, from the first line of this file (else $WALLETSEC_IMPORT_PASSWORD, else a prompt).",
                "加密的导出文件的密码，从这个文件的第一行读取（否则用 $WALLETSEC_IMPORT_PASSWORD，再否则在终端输入）。"),
            valueName: "file"))
    var importPasswordFile: String?

    func source() -> SecretSource {
        SecretSource(
            file: importPasswordFile, environmentVariable: "WALLETSEC_IMPORT_PASSWORD",
            prompt: LocalizedText(en: "Import password", zh: "导出文件的密码"), confirmPrompt: nil,
            fileOption: "--import-password-file")
    }
}

/// `--export-password-file` and `WALLETSEC_EXPORT_PASSWORD`: the password an encrypted export is sealed with.
struct ExportPasswordOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            L(
                "Password for an encrypted export, from the first line of this file (else $WALLETSEC_EXPORT_PASSWORD, else a prompt).",
                "给导出文件加密用的密码，从这个文件的第一行读取（否则用 $WALLETSEC_EXPORT_PASSWORD，再否则在终端输入）。"),
            valueName: "file"))
    var exportPasswordFile: String?

    func source() -> SecretSource {
        SecretSource(
            file: exportPasswordFile, environmentVariable: "WALLETSEC_EXPORT_PASSWORD",
            prompt: LocalizedText(en: "Export password", zh: "导出文件的密码"),
            confirmPrompt: LocalizedText(en: "Repeat the export password", zh: "再次输入导出文件的密码"),
            fileOption: "--export-password-file")
    }
}

enum Warnings {
    static func print(_ findings: [LintFinding], language: Language) {
        for finding in findings {
            Terminal.err((language == .zh ? "警告：" : "warning: ") + finding.text.text(language))
        }
    }
}

extension OTPKind: ExpressibleByArgument {}

enum OTPAlgorithmOption: String, ExpressibleByArgument, CaseIterable {
    case SHA1, SHA256, SHA512

    init?(argument: String) {
        self.init(rawValue: argument.uppercased())
    }

    var algorithm: HashAlgorithm { HashAlgorithm(rawValue: rawValue) ?? .sha1 }
}
