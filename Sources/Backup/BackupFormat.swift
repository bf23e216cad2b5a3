// The backup payload inside the age file: versioned JSON Lines (docs/backup.md). A header record with
// the format version, table layouts and row counts; one record per row; a trailer with the counts and
// the SHA-256 of every byte before it. `age -d backup.age` alone gives a user their data back.
import Foundation
import Vault
import WalletCore
import WalletCrypto

/// The backup payload format's identity.
public enum BackupFormat {
    /// The `format` field of every header record.
    public static let name = "walletsec-backup"
    /// The format version this library writes and reads.
    public static let version = 1
    /// The most rows a header may announce for one table (checked before any arithmetic on counts).
    static let maxRowsPerTable = Int(Int32.max)
    static let maxLineLength = 64 << 20

    static func invalid(_ problem: BackupError.ContentProblem) -> BackupError {
        .invalidContents(problem)
    }
}

/// What a backup holds, from its header and verified trailer.
public struct BackupSummary: Sendable, Equatable, Codable {
    /// The payload format version.
    public var formatVersion: Int
    /// When the backup was made (ISO 8601, UTC).
    public var createdAt: String
    /// The program that wrote it.
    public var generator: String
    /// The id of the vault it was made from.
    public var sourceVaultId: String
    /// The vault schema version at the time.
    public var schemaVersion: Int
    /// Whether device identities (secret keys) are inside.
    public var includesIdentities: Bool
    /// Rows per table.
    public var counts: [String: Int]
    /// Row records in total.
    public var records: Int
    /// SHA-256 (hex) over every record before the trailer.
    public var recordsSha256: String
}

struct TableRecord: Codable, Equatable {
    var name: String
    var columns: [String]
    var primaryKey: String?
    var sealedColumns: [String]

    enum CodingKeys: String, CodingKey {
        case name, columns
        case primaryKey = "primary_key"
        case sealedColumns = "sealed_columns"
    }

    init(_ table: DumpTable) {
        name = table.name
        columns = table.columns
        primaryKey = table.primaryKey
        sealedColumns = table.sealedColumns
    }

    var dumpTable: DumpTable {
        DumpTable(name: name, columns: columns, primaryKey: primaryKey, sealedColumns: sealedColumns)
    }
}

struct HeaderRecord: Codable {
    var type = "header"
    var format: String
    var version: Int
    var createdAt: String
    var generator: String
    var sourceVaultId: String
    var schemaVersion: Int
    var includesIdentities: Bool
    var tables: [TableRecord]
    var counts: [String: Int]

    enum CodingKeys: String, CodingKey {
        case type, format, version, generator, tables, counts
        case createdAt = "created_at"
        case sourceVaultId = "source_vault_id"
        case schemaVersion = "schema_version"
        case includesIdentities = "includes_identities"
    }
}

struct TrailerRecord: Codable {
    var type = "trailer"
    var counts: [String: Int]
    var records: Int
    var recordsSha256: String

    enum CodingKeys: String, CodingKey {
        case type, counts, records
        case recordsSha256 = "records_sha256"
    }
}
