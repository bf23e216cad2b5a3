// The strength rule for passphrases that protect a vault or a backup: the password-strength estimator
// must score them at least 3 ("safely unguessable" offline with a slow hash) unless --allow-weak.
import PasswordStrength
import WalletCore
import WalletCrypto

enum PassphrasePolicy {
    static let minimumScore = 3

    /// Refuses weak passphrases unless the user explicitly allowed it. The message names the weakness,
    /// never the passphrase.
    static func check(_ passphrase: SecureBytes, allowWeak: Bool, language: Language) throws {
        if allowWeak { return }
        let text = passphrase.withUnsafeBytes { String(decoding: $0, as: UTF8.self) }
        let result = Estimator().estimate(text)
        guard result.score < minimumScore else { return }
        let reason = result.feedback.warning ?? result.feedback.suggestions.first
        let en = reason.map { " (\($0.en.hasSuffix(".") ? String($0.en.dropLast()) : $0.en))" } ?? ""
        let zh = reason.map { "（\($0.zh.hasSuffix("。") ? String($0.zh.dropLast()) : $0.zh)）" } ?? ""
        throw CLIFailure(
            .checkFailed,
            en:
                "passphrase too weak: score \(result.score)/4, need \(minimumScore)\(en); choose a longer one (or --allow-weak)",
            zh: "密码太弱：评分 \(result.score)/4，至少需要 \(minimumScore)\(zh)；请换一个更长的密码（或使用 --allow-weak）")
    }
}
