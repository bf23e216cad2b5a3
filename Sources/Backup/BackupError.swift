// Everything that can go wrong writing, verifying or restoring a backup, as cases a caller can match.
// Decryption failures stay `AgeError`s; the command line maps both to exit statuses and text.

/// A failure of the backup library (age-level failures are thrown as `AgeError`).
///
/// ```swift
/// do {
///     _ = try Restore.run(backup, into: vault, key: key, mode: .fresh, keys: keys)
/// } catch BackupError.vaultHoldsData {
///     // ask for .merge or .replace
/// }
/// ```
public enum BackupError: Error, Sendable, Equatable {
    /// The decrypted payload is not a valid walletsec backup; nothing was installed.
    case invalidContents(ContentProblem)
    /// The backup's format version is not the one this library reads.
    case unsupportedVersion(found: Int, supported: Int)
    /// A fresh restore met a vault that already holds data.
    case vaultHoldsData
    /// The backup file to create already exists.
    case destinationExists(path: String)
    /// The backup is encrypted to keys, and there is neither a device key nor an explicit identity.
    case noIdentityAvailable
    /// The vault produced no table list, so no header could be written.
    case nothingToWrite

    /// What is wrong with the backup's records.
    public enum ContentProblem: Sendable, Equatable {
        /// The last record has no newline.
        case unterminatedLastRecord
        /// A record is longer than the format allows.
        case recordTooLong
        /// The payload is empty.
        case empty
        /// The first record is not a header.
        case noHeader
        /// The header names another format.
        case notABackup
        /// The header's table list is inconsistent.
        case malformedTableList
        /// The payload ends before the trailer.
        case missingTrailer
        /// Record `record` (1-based, the header is 1) is not JSON.
        case recordNotJSON(record: Int)
        /// The trailer record is malformed.
        case malformedTrailer
        /// The SHA-256 over the records does not match the trailer.
        case digestMismatch
        /// Row counts differ between header, trailer and rows.
        case countMismatch
        /// Bytes follow the trailer.
        case dataAfterTrailer
        /// Record `record` is not a row of a table the header lists.
        case notARowOfListedTable(record: Int)
        /// Record `record` (1-based, the header is record 1) holds a value that does not fit its
        /// column: the wrong type, or out of the column's range (RowLimits, docs/backup.md).
        case badValue(record: Int, table: String, column: String)
        /// More rows of `table` than the header announced.
        case tooManyRows(table: String)
    }
}
