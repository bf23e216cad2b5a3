// An enrollment whose confirming code has not verified yet (`2fa enroll --resume`): the enrollment text
// (an otpauth URI, secret included) sealed in the `meta` table with its expiry, one at a time. `meta` is
// not part of backups, and the expiry is sealed with the text, so editing the file cannot extend it.
import Foundation
import GRDB
import WalletCore
import WalletCrypto

/// A sealed enrollment waiting for its code, as ``Vault/pendingEnrollment(now:key:)`` returns it.
public struct PendingEnrollment: Sendable {
    /// What the enroller stored (walletsec: the otpauth URI, which holds the secret).
    public var payload: SecureBytes
    /// Unix time after which it is gone.
    public var expiresAt: Int64
}

extension Vault {
    static let pendingEnrollmentKey = "pending_enrollment"

    var pendingEnrollmentRow: RowIdentity {
        RowIdentity(table: "meta", rowID: Vault.pendingEnrollmentKey, field: "value")
    }

    /// Seals and keeps `payload` until `expiresAt` (Unix seconds), replacing any earlier pending enrollment.
    ///
    /// ```swift
    /// try vault.savePendingEnrollment(SecureBytes(Array(uri.utf8)), expiresAt: now + 600, key: key)
    /// ```
    public func savePendingEnrollment(_ payload: SecureBytes, expiresAt: Int64, key: VaultKey) throws {
        var plain = withUnsafeBytes(of: UInt64(bitPattern: expiresAt).bigEndian) { Array($0) }
        payload.withUnsafeBytes { plain += $0 }
        defer { Memory.zero(&plain) }
        let sealed = try seal(plain, key: key, row: pendingEnrollmentRow)
        try setMeta(Vault.pendingEnrollmentKey, Base64.encode(sealed))
    }

    /// The pending enrollment if one is kept and `now` is not past its expiry; an expired one is removed.
    /// - Throws: ``VaultError/sealedValueRejected(table:)`` when the stored value was altered.
    public func pendingEnrollment(now: Int64, key: VaultKey) throws -> PendingEnrollment? {
        guard let stored = try meta(Vault.pendingEnrollmentKey) else { return nil }
        guard let sealed = Base64.decode(stored) else { throw VaultError.sealedValueRejected(table: "meta") }
        let plain = try openSealed(sealed, key: key, row: pendingEnrollmentRow)
        guard plain.count >= 8 else { throw VaultError.sealedValueRejected(table: "meta") }
        let expiresAt = plain.withUnsafeBytes { raw in
            Int64(bitPattern: raw.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) })
        }
        guard now <= expiresAt else {
            try removePendingEnrollment()
            return nil
        }
        let payload = plain.withUnsafeBytes { SecureBytes(UnsafeRawBufferPointer(rebasing: $0.dropFirst(8))) }
        return PendingEnrollment(payload: payload, expiresAt: expiresAt)
    }

    /// Forgets the pending enrollment (after it succeeded, or when it expired).
    public func removePendingEnrollment() throws {
        try write { db in
            try db.execute(sql: "DELETE FROM meta WHERE key = ?", arguments: [Vault.pendingEnrollmentKey])
        }
    }
}
