// Restoring a backup into a vault: decrypt, validate and stage everything aside first; only a backup
// that verified to its trailer is installed (rename for fresh/replace, one transaction for merge).
import AgeFormat
import Foundation
import Vault
import WalletCore
import WalletCrypto

/// What a restore does with the vault's existing data.
public enum RestoreMode: String, Sendable, Codable {
    /// The vault holds no data yet (device identities aside).
    case fresh
    /// Add what is missing, report conflicts, change nothing that cannot merge.
    case merge
    /// Install the backup in place of the vault's data, keeping the old vault as a dated copy.
    case replace
}

/// What a restore did.
public struct RestoreOutcome: Sendable {
    /// What the backup held.
    public var summary: BackupSummary
    /// The mode that ran.
    public var mode: RestoreMode
    /// For a merge: rows added, rows already present, and conflicts left alone.
    public var merge: MergeReport?
    /// Where the previous vault database was kept (replace).
    public var previousCopy: String?
    /// The vault as it is now (a new object after a rename).
    public var vault: Vault

    /// Rows that arrived per table: the merge's additions, or everything the backup held.
    public var restoredCounts: [String: Int] { merge?.added ?? summary.counts }
    /// True when a merge left conflicting rows alone.
    public var hasConflicts: Bool { !(merge?.conflicts.isEmpty ?? true) }
}

/// Restores a backup into a vault: decrypt, validate and stage everything aside first; only a backup
/// that verified to its trailer is installed.
///
/// ```swift
/// try Restore.checkMode(.fresh, vault: vault)  // before asking for any passphrase
/// let backup = try BackupFile(reading: "phone.age")
/// let keys = BackupKeys(passphrase: askPassphrase, deviceIdentities: { try DeviceKeys.identities(in: vault, key: key) })
/// let outcome = try Restore.run(backup, into: vault, key: key, mode: .fresh, keys: keys)
/// print(outcome.restoredCounts)
/// ```
public enum Restore {
    /// Refuses early, before any passphrase or decryption, when a fresh restore would meet data
    /// (`BackupError.vaultHoldsData`).
    public static func checkMode(_ mode: RestoreMode, vault: Vault) throws {
        if mode == .fresh, try vault.holdsData() {
            throw BackupError.vaultHoldsData
        }
    }

    /// Decrypts `backup` with `keys`, validates it completely, then installs it in `vault` by `mode`
    /// (rename for fresh/replace, one transaction for merge). A failure leaves the vault untouched.
    public static func run(
        _ backup: BackupFile, into vault: Vault, key: VaultKey, mode: RestoreMode, keys: BackupKeys,
        progress: ProgressHandler? = nil
    ) throws -> RestoreOutcome {
        try run(payload: try backup.payload(keys: keys), vault: vault, key: key, mode: mode, progress: progress)
    }

    static func run(
        payload: ByteSource, vault: Vault, key: VaultKey, mode: RestoreMode, progress: ProgressHandler? = nil
    ) throws -> RestoreOutcome {
        try checkMode(mode, vault: vault)
        let staged = try StagedRestore(vault: vault, key: key, keepDeviceIdentities: mode != .merge)
        defer { staged.discard() }
        let summary = try BackupReader.read(
            payload, begin: { tables in for table in tables { try staged.accept(table) } },
            row: { table, values in try staged.insert(table, values: values) }, progress: progress)
        try staged.finish()
        switch mode {
        case .merge:
            let report = try staged.merge()
            return RestoreOutcome(summary: summary, mode: mode, merge: report, previousCopy: nil, vault: vault)
        case .fresh, .replace:
            // Check again right before the swap: data may have arrived while we decrypted.
            try checkMode(mode, vault: vault)
            var copy: String?
            if mode == .replace {
                let stamp = ISO8601.string(Date()).replacingOccurrences(of: "-", with: "")
                    .replacingOccurrences(of: ":", with: "")
                copy = "\(vault.databasePath).before-restore-\(stamp)"
            }
            let installed = try staged.installReplacing(keepCopyAt: copy)
            return RestoreOutcome(summary: summary, mode: mode, merge: nil, previousCopy: copy, vault: installed)
        }
    }

    /// Decrypts and validates without installing anything.
    static func verify(payload: ByteSource, progress: ProgressHandler? = nil) throws -> BackupSummary {
        try BackupReader.read(payload, begin: { _ in }, row: { _, _ in }, progress: progress)
    }
}
