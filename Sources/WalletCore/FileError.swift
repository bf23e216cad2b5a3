// What can go wrong with files and folders, as values a caller can match; the CLI words them.

/// A file-system failure from ``FileSystem`` or ``AtomicFileWriter``. Paths are included so the
/// message can name the file; no case ever carries file contents.
///
/// ```swift
/// do {
///     try AtomicFile.write(bytes, to: path, overwrite: false)
/// } catch FileError.alreadyExists(let path) {
///     print("\(path) is in the way")
/// }
/// ```
public enum FileError: Error, Sendable, Equatable {
    /// `path` exists but is not a folder.
    case notAFolder(path: String)
    /// `path` is a folder where a file was expected.
    case isAFolder(path: String)
    /// A private folder is owned by another user.
    case ownedByAnotherUser(path: String)
    /// A private folder is writable by group or others; `mode` is its permission bits.
    case unsafePermissions(path: String, mode: UInt32)
    /// The file is larger than the caller's limit.
    case tooLarge(path: String)
    /// The destination exists and overwriting was not asked for.
    case alreadyExists(path: String)
    /// A system call failed with `errno` `code` while doing `action` ("read", "open", "write", "create",
    /// "create folder", "rename", "sync") on `path`.
    case posix(code: Int32, path: String, action: String)
}
