// Opening and unlocking the vault the way every command does it.
import Vault
import WalletCore
import WalletCrypto

enum VaultAccess {
    static func open(_ globals: GlobalOptions) throws -> Vault {
        try Vault.open(at: globals.vaultFolder)
    }

    static func unlock(_ globals: GlobalOptions, passphrase: PassphraseOptions) throws -> (Vault, VaultKey) {
        let vault = try open(globals)
        return (vault, try unlock(vault, globals, passphrase: passphrase))
    }

    /// Unlocks a vault the command already opened (to look something up first) without opening it again.
    static func unlock(_ vault: Vault, _ globals: GlobalOptions, passphrase: PassphraseOptions) throws -> VaultKey {
        let secret = try passphrase.current().read(language: globals.language)
        return try vault.unlock(passphrase: secret)
    }
}
