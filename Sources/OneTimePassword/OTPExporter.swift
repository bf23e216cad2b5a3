// What `2fa export` writes: otpauth URIs, an Aegis vault (optionally encrypted), or GA migration URIs.
import WalletCrypto

/// What `OTPExporter` can write.
public enum ExportFormat: String, Sendable, CaseIterable, Codable {
    /// One otpauth:// URI a line.
    case uris
    /// An Aegis vault (encrypted when a password is given).
    case aegis
    /// Google Authenticator `otpauth-migration://` URIs, one per QR code.
    case migration
}

/// An export, ready to write.
public struct ExportedFile: Sendable {
    /// The file's content. It holds secrets: zero it when written.
    public var bytes: [UInt8]
    /// For `migration`: one URI per QR code, in batch order.
    public var migrationURIs: [String]
    /// Accounts the format cannot hold (GA: Steam, 7 digits, periods other than 30 s).
    public var skipped: [String]
}

/// Writes accounts in a format other authenticator apps import.
///
/// ```swift
/// let file = try OTPExporter.export(accounts, format: .aegis, password: password)
/// try AtomicFile.write(file.bytes, to: "aegis.json", overwrite: false)
/// ```
public enum OTPExporter {
    /// The export of `accounts`; `password` encrypts an Aegis export and is ignored by the other formats.
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
