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
        let secret = try passphrase.current().read(language: globals.language)
        return (vault, try vault.unlock(passphrase: secret))
    }
}
