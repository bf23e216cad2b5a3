// What `2fa export` writes: otpauth URIs, an Aegis vault (optionally encrypted), or GA migration URIs.
import WalletCore
import WalletCrypto

public enum ExportFormat: String, Sendable, CaseIterable, Codable {
    case uris
    case aegis
    case migration
}

public struct ExportedFile: Sendable {
    public var bytes: [UInt8]
    /// For `migration`: one URI per QR code, in batch order.
    public var migrationURIs: [String]
    /// Accounts the format cannot hold (GA: Steam, 7 digits, periods other than 30 s).
    public var skipped: [String]
}

public enum OTPExporter {
    public static func export(_ accounts: [OTPAccount], format: ExportFormat, password: SecureBytes?) throws
        -> ExportedFile
    {
        switch format {
        case .uris:
            let text = accounts.map { KeyURI.build($0) + "\n" }.joined()
            return ExportedFile(bytes: Array(text.utf8), migrationURIs: [], skipped: [])
        case .aegis:
            return ExportedFile(
                bytes: try AegisFormat.export(accounts, password: password), migrationURIs: [], skipped: [])
        case .migration:
            let kept = accounts.filter(GoogleMigration.canExport)
            let skipped = accounts.filter { !GoogleMigration.canExport($0) }.map(\.name)
            let batchID = Int32(Random.uniform(UInt32(Int32.max)))
            let uris = kept.isEmpty ? [] : GoogleMigration.encode(kept, batchID: batchID)
            let text = uris.map { $0 + "\n" }.joined()
            return ExportedFile(bytes: Array(text.utf8), migrationURIs: uris, skipped: skipped)
        }
    }
}
