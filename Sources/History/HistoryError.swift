// Why a history operation failed, as values a caller can match (the CLI owns the words).

/// A failure reading or writing the statement history stored in the vault.
public enum HistoryError: Error, Sendable, Equatable {
    /// Another process holds the vault's write lock; trying again later may work.
    case busy
    /// SQLite refused the operation; `detail` is its message when it gave one.
    case storageFailed(detail: String?)
    /// Not an alert id as scans print them (`dup-1a2b3c4d`: a kind prefix and eight hex digits).
    case notAnAlertID(String)
    /// An alert id no scan of this vault printed (and the stored history does not produce).
    case unknownAlert(String)
    /// Not a profile name: 1–64 ASCII letters, digits, `-`, `_` or CJK ideographs.
    case invalidProfile(String)
}
