// This phone's X25519 device identities (phone migration): the secret scalar sealed per row in
// device_identities.identity_sealed, the recipient in clear so it can be shown without the passphrase.
import Foundation
import GRDB
import WalletCore
import WalletCrypto

/// A stored device identity, without its secret.
public struct DeviceIdentityRecord: Sendable, Equatable, Codable {
    /// Random row id.
    public var id: String
    /// The user's name for the device.
    public var label: String
    /// The public `age1…` recipient text.
    public var recipient: String
    /// When it was added (ISO 8601, UTC).
    public var createdAt: String
}

extension Vault {
    static let deviceTable = "device_identities"

    /// Seals and stores a new identity; `recipient` is its `age1…` text.
    ///
    /// ```swift
    /// let identity = try X25519Identity.generate()
    /// let record = try vault.addDeviceIdentity(
    ///     secretKey: identity.secretKeyBytes(), recipient: identity.recipient.text, label: "phone", key: key)
    /// ```
    public func addDeviceIdentity(secretKey: [UInt8], recipient: String, label: String, key: VaultKey) throws
        -> DeviceIdentityRecord
    {
        try addDeviceIdentity(secretKey: SecureBytes(secretKey), recipient: recipient, label: label, key: key)
    }

    /// Seals and stores a new identity whose secret scalar is held in secure memory.
    public func addDeviceIdentity(secretKey: SecureBytes, recipient: String, label: String, key: VaultKey) throws
        -> DeviceIdentityRecord
    {
        let id = Vault.randomHex(byteCount: 8)
        let sealed = try seal(
            secretKey, key: key, row: RowIdentity(table: Self.deviceTable, rowID: id, field: "identity_sealed"))
        let record = DeviceIdentityRecord(id: id, label: label, recipient: recipient, createdAt: ISO8601.string(Date()))
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO device_identities (id, label, recipient, identity_sealed, created_at)
                    VALUES (?, ?, ?, ?, ?)
                    """,
                arguments: [record.id, record.label, record.recipient, Data(sealed), record.createdAt])
        }
        return record
    }

    /// The stored identities, oldest first (no passphrase needed).
    public func deviceIdentities() throws -> [DeviceIdentityRecord] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT id, label, recipient, created_at FROM device_identities ORDER BY created_at, id"
            )
            .map { row in
                DeviceIdentityRecord(
                    id: row["id"], label: row["label"], recipient: row["recipient"], createdAt: row["created_at"])
            }
        }
    }

    /// The opened secret scalars, newest first, for trying a backup's stanzas.
    public func deviceIdentitySecrets(key: VaultKey) throws -> [(record: DeviceIdentityRecord, secretKey: SecureBytes)]
    {
        let rows = try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM device_identities ORDER BY created_at DESC, id")
        }
        return try rows.map { row in
            let record = DeviceIdentityRecord(
                id: row["id"], label: row["label"], recipient: row["recipient"], createdAt: row["created_at"])
            let sealed: Data = row["identity_sealed"]
            let secret = try openSealed(
                Array(sealed), key: key,
                row: RowIdentity(table: Self.deviceTable, rowID: record.id, field: "identity_sealed"))
            return (record, secret)
        }
    }
}
