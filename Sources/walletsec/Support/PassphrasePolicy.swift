// The strength rule for passphrases that protect a vault or a backup.
import WalletCore
import WalletCrypto

enum PassphrasePolicy {
    static let minimumLength = 10

    /// Refuses weak passphrases unless the user explicitly allowed it.
    static func check(_ passphrase: SecureBytes, allowWeak: Bool, language: Language) throws {
        if allowWeak { return }
        let text = passphrase.withUnsafeBytes { String(decoding: $0, as: UTF8.self) }
        if text.count < minimumLength {
            throw WalletError(
                .checkFailed,
                en: "passphrase too weak: use at least \(minimumLength) characters (or --allow-weak)",
                zh: "口令太弱：至少需要 \(minimumLength) 个字符（或使用 --allow-weak）")
        }
    }
}
