// Device keys for phone migration: the new phone makes an X25519 identity sealed in its vault and
// shows the recipient; the old phone backs up to that recipient.
import AgeFormat
import Vault
import WalletCrypto

/// The vault's device identities as age keys.
///
/// ```swift
/// let record = try DeviceKeys.create(in: vault, key: key, label: "new phone")
/// print(record.recipient)  // age1…, to give to `BackupFile.create` on the old phone
/// ```
public enum DeviceKeys {
    /// Generates an identity, seals its secret in the vault and returns the stored record.
    public static func create(in vault: Vault, key: VaultKey, label: String) throws -> DeviceIdentityRecord {
        let identity = X25519Identity.generate()
        // Vault takes the scalar as an array; the copy lives only for this call.
        var secret = identity.secretKeyBytes()
        defer { Memory.zero(&secret) }
        return try vault.addDeviceIdentity(
            secretKey: secret, recipient: identity.recipient.text, label: label, key: key)
    }

    /// The vault's device identities, to open backups made to them.
    public static func identities(in vault: Vault, key: VaultKey) throws -> [Identity] {
        try vault.deviceIdentitySecrets(key: key).map { try X25519Identity(secretKey: $0.secretKey) }
    }
}
