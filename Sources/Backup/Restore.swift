// Restoring a backup into a vault: decrypt, validate and stage everything aside first; only a backup
// that verified to its trailer is installed (rename for fresh/replace, one transaction for merge).
import AgeFormat
import Foundation
import Vault
import WalletCore
import WalletCrypto

public enum RestoreMode: String, Sendable, Codable {
    /// The vault holds no data yet (device identities aside).
    case fresh
    /// Add what is missing, report conflicts, change nothing that cannot merge.
    case merge
    /// Install the backup in place of the vault's data, keeping the old vault as a dated copy.
    case replace
}

public struct RestoreOutcome: Sendable {
    public var summary: BackupSummary
    public var mode: RestoreMode
    public var merge: MergeReport?
    /// Where the previous vault database was kept (replace).
    public var previousCopy: String?
    /// The vault as it is now (a new object after a rename).
    public var vault: Vault
}

public enum Restore {
    /// Refuses early, before any passphrase or decryption, when a fresh restore would meet data.
    public static func checkMode(_ mode: RestoreMode, vault: Vault) throws {
        if mode == .fresh, try vault.holdsData() {
            throw WalletError.conflict(
                en: "the vault already holds data; use --merge to add what is missing or --replace to replace it",
                zh: "保险库中已有数据；使用 --merge 合并缺少的内容，或 --replace 替换")
        }
    }

    /// The vault's own device identities as age identities.
    public static func deviceIdentities(vault: Vault, key: VaultKey) throws -> [Identity] {
        try vault.deviceIdentitySecrets(key: key).map { try X25519Identity(secretKey: $0.secretKey) }
    }

    public static func run(
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
    public static func verify(payload: ByteSource, progress: ProgressHandler? = nil) throws -> BackupSummary {
        try BackupReader.read(payload, begin: { _ in }, row: { _, _ in }, progress: progress)
    }
}
