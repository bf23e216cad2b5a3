// The passphrase key slot: the master key sealed under an Argon2id-derived key-encryption key.
import Foundation
import GRDB
import WalletCore
import WalletCrypto

/// One row of `key_slots`. The associated data binds the wrapped key to the vault and to its KDF
/// parameters, so editing a parameter breaks the unwrap instead of silently weakening the slot.
struct KeySlot {
    static let passphraseSlotID: Int64 = 1

    var id: Int64
    var kdf: KDFParameters
    var salt: [UInt8]
    var wrappedKey: [UInt8]
    var checksum: [UInt8]

    static func associatedData(vaultID: String, slotID: Int64, kdf: KDFParameters, salt: [UInt8]) -> [UInt8] {
        let saltHex = hex(salt)
        return Array(
            "walletsec/keyslot/v1|\(vaultID)|\(slotID)|\(KDFParameters.algorithmName)|\(kdf.opsLimit)|\(kdf.memLimit)|\(saltHex)"
                .utf8)
    }

    /// An unkeyed checksum: it cannot stop an attacker (the AEAD tag does that) but lets us tell
    /// a corrupted slot (exit 4) from a wrong passphrase (exit 3).
    static func checksum(associatedData: [UInt8], wrappedKey: [UInt8]) -> [UInt8] {
        Digest.sha256(associatedData + wrappedKey)
    }

    static func make(vaultID: String, masterKey: SecureBytes, passphrase: SecureBytes, kdf: KDFParameters) throws
        -> KeySlot
    {
        try kdf.validate()
        guard passphrase.count > 0 else { throw VaultError.emptyPassphrase }
        let salt = Random.bytes(Argon2id.saltLength)
        let kek = try Argon2id.deriveKey(
            passphrase: passphrase, salt: salt, opsLimit: kdf.opsLimit, memLimit: kdf.memLimit)
        let ad = associatedData(vaultID: vaultID, slotID: passphraseSlotID, kdf: kdf, salt: salt)
        // Sealed straight from secure memory: the master key never passes through an ordinary array.
        let wrapped = try XChaCha20Poly1305.seal(masterKey, key: kek, associatedData: ad)
        return KeySlot(
            id: passphraseSlotID, kdf: kdf, salt: salt, wrappedKey: wrapped,
            checksum: checksum(associatedData: ad, wrappedKey: wrapped))
    }

    func unwrap(vaultID: String, passphrase: SecureBytes) throws -> SecureBytes {
        let ad = Self.associatedData(vaultID: vaultID, slotID: id, kdf: kdf, salt: salt)
        guard Memory.constantTimeEquals(Self.checksum(associatedData: ad, wrappedKey: wrappedKey), checksum),
            salt.count == Argon2id.saltLength, (try? kdf.validate()) != nil
        else {
            throw VaultError.corruptKeySlot
        }
        let kek = try Argon2id.deriveKey(
            passphrase: passphrase, salt: salt, opsLimit: kdf.opsLimit, memLimit: kdf.memLimit)
        do {
            let key = try XChaCha20Poly1305.open(wrappedKey, key: kek, associatedData: ad)
            guard key.count == XChaCha20Poly1305.keyLength else { throw VaultError.corruptKeySlot }
            return key
        } catch is CryptoError {
            throw VaultError.wrongPassphrase
        }
    }

    static func load(_ db: Database) throws -> KeySlot {
        guard
            let row = try Row.fetchOne(
                db, sql: "SELECT * FROM key_slots WHERE id = ? AND kind = 'passphrase'", arguments: [passphraseSlotID])
        else {
            throw VaultError.corruptKeySlot
        }
        let kdfName: String = row["kdf"]
        let ops: Int64 = row["ops_limit"]
        let mem: Int64 = row["mem_limit"]
        guard kdfName == KDFParameters.algorithmName, ops > 0, mem > 0 else { throw VaultError.corruptKeySlot }
        let salt: [UInt8]? = (row["salt"] as Data?).map { Array($0) }
        let wrapped: [UInt8]? = (row["wrapped_key"] as Data?).map { Array($0) }
        let sum: [UInt8]? = (row["checksum"] as Data?).map { Array($0) }
        guard let salt, let wrapped, let sum else { throw VaultError.corruptKeySlot }
        return KeySlot(
            id: row["id"], kdf: KDFParameters(opsLimit: UInt64(ops), memLimit: UInt64(mem)), salt: salt,
            wrappedKey: wrapped, checksum: sum)
    }

    func save(_ db: Database, now: String) throws {
        try db.execute(
            sql: """
                INSERT INTO key_slots (id, kind, kdf, ops_limit, mem_limit, salt, wrapped_key, checksum, updated_at)
                VALUES (?, 'passphrase', ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET kdf = excluded.kdf, ops_limit = excluded.ops_limit,
                    mem_limit = excluded.mem_limit, salt = excluded.salt, wrapped_key = excluded.wrapped_key,
                    checksum = excluded.checksum, updated_at = excluded.updated_at
                """,
            arguments: [
                id, KDFParameters.algorithmName, Int64(kdf.opsLimit), Int64(kdf.memLimit), Data(salt), Data(wrappedKey),
                Data(checksum), now,
            ])
    }
}

/// Lower-case hex, two digits per byte: ids, and the salt inside a key slot's associated data.
func hex(_ bytes: [UInt8]) -> String {
    bytes.map { $0 < 16 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
}

extension Vault {
    /// A fresh random identifier (vault ids, row ids).
    static func randomHex(byteCount: Int) -> String {
        hex(Random.bytes(byteCount))
    }
}
