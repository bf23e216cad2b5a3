// Everything the vault can refuse or fail at, as values a caller can match. No message text lives
// here: the command line words each case (Sources/WalletsecCLI/Messages/VaultMessages.swift).

/// A failure of a ``Vault`` operation. File-system failures (creating the folder, unsafe folder
/// permissions) arrive as `FileError` from WalletCore instead.
///
/// ```swift
/// do {
///     let key = try vault.unlock(passphrase: passphrase)
/// } catch VaultError.wrongPassphrase {
///     // ask again
/// }
/// ```
public enum VaultError: Error, Sendable, Equatable {
    /// Which step was talking to SQLite when it failed unexpectedly.
    public enum Step: Sendable, Equatable {
        case create
        case open
        case restore
    }

    // MARK: Finding and opening

    /// There is no vault in this folder.
    case notFound(path: String)
    /// A vault already exists in this folder; creating one would overwrite it.
    case alreadyExists(path: String)
    /// The file is not a walletsec vault, or is damaged beyond opening.
    case foreignFile(path: String)
    /// The database file is writable by other users.
    case unsafePermissions(path: String)
    /// The vault was written by a newer walletsec (schema `found`, this build knows `supported`).
    case newerSchema(found: Int, supported: Int)
    /// Another process holds the vault locked past the busy timeout.
    case busy
    /// The vault is on read-only media (opened as immutable): it can be read, not changed.
    case readOnlyMedia(path: String)
    /// The vault was not closed cleanly (a write cut off, or committed changes still only in SQLite's
    /// log) and is on read-only media, where SQLite cannot bring the file up to date. Nothing was read:
    /// what the file alone holds may be half-written or out of date.
    case needsRecoveryOnReadOnlyMedia(path: String)
    /// SQLite failed in a way none of the other cases describe; `detail` is SQLite's own message.
    case storage(Step, detail: String?)

    // MARK: Keys

    /// The passphrase is empty.
    case emptyPassphrase
    /// The passphrase does not open the key slot.
    case wrongPassphrase
    /// The key slot is damaged or was edited (checksum, parameters or key length wrong).
    case corruptKeySlot
    /// The Argon2id parameters are outside 8 MiB–4 GiB of memory or 1–64 passes.
    case kdfOutOfRange
    /// Another process changed the passphrase between unlock and change; nothing was changed.
    case passphraseChangedConcurrently
    /// A ``VaultKey`` of another vault was passed in (a programming error, caught before any crypto).
    case keyOfAnotherVault
    /// A sealed value in `table` does not open: altered, or moved from another row, table or vault.
    case sealedValueRejected(table: String)

    // MARK: Two-factor accounts

    /// The account was removed by another process meanwhile.
    case accountVanished(name: String)
    /// An account of this name exists with a different secret; the whole batch was refused.
    case accountNameTaken(name: String)
    /// Renaming would give the account a name another account has.
    case renameTaken(name: String)

    // MARK: Backups and restores

    /// A table has `*_sealed` columns but no single-column primary key to bind them to.
    case sealedColumnsWithoutKey(table: String)
    /// The live vault's schema differs from this build's, so a restore cannot stage it.
    case schemaMismatch(found: Int, expected: Int)
    /// The backup holds a table this build does not know.
    case unknownTable(name: String)
    /// The backup's table has columns this build does not know.
    case unknownColumns(table: String, columns: [String])
    /// The backup's table lacks the primary key its sealed columns are bound to.
    case missingPrimaryKey(table: String)
    /// A row was inserted into a table the restore had not accepted (a caller bug).
    case tableNotPrepared(table: String)
    /// A backup row breaks a constraint of the vault; `detail` is SQLite's message.
    case rowsDoNotFit(table: String, detail: String?)
    /// Backup rows refer to rows that are not there (foreign keys).
    case danglingReferences
    /// The copy of the replaced vault would overwrite an existing file.
    case copyExists(path: String)
    /// Another process is using the vault, so the restore did not replace it; nothing changed.
    case busyNothingChanged
}
