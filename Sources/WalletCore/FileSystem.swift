// Small POSIX helpers: private folders, permission checks, whole-file reads; failures are FileError values.
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// POSIX file helpers shared by the libraries. Failures throw ``FileError``.
///
/// ```swift
/// try FileSystem.createPrivateDirectory(folder)
/// try FileSystem.checkPrivateDirectory(folder)
/// let bytes = try FileSystem.readAll(folder + "/notes.txt", limit: 1 << 20)
/// ```
public enum FileSystem {
    /// True when something (even a dangling symlink) is at `path`.
    public static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// True when `path` is a folder (following symlinks).
    public static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// What is at a path, following symlinks.
    public enum Kind: Sendable, Equatable {
        /// Nothing (or a dangling symlink).
        case missing
        /// A regular file.
        case regular
        /// A folder.
        case directory
        /// A device, FIFO or socket (`/dev/null`, `/dev/stdout` on a terminal, a named pipe).
        case special
    }

    /// What is at `path`, following symlinks.
    public static func kind(_ path: String) -> Kind {
        var info = stat()
        guard stat(path, &info) == 0 else { return exists(path) ? .regular : .missing }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .directory
        case S_IFREG: return .regular
        default: return .special
        }
    }

    /// True when a new file can not be written at `path` without replacing something: it exists and
    /// is not a special file such as /dev/null (which takes writes without being replaced).
    public static func isOccupied(_ path: String) -> Bool {
        switch kind(path) {
        case .missing, .special: return false
        case .regular, .directory: return true
        }
    }

    /// The folder part of `path` (`.` when there is none).
    public static func directoryName(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    /// The last component of `path`.
    public static func baseName(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// Creates `path` and missing parents with mode 0700. An existing folder keeps its mode: changing
    /// a shared folder such as /tmp would break other programs; `checkPrivateDirectory` judges it instead.
    public static func createPrivateDirectory(_ path: String) throws {
        var prefix = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            prefix += "/" + component
            if mkdir(prefix, 0o700) != 0 && errno != EEXIST {
                throw error(errno, path: prefix, action: "create folder")
            }
        }
        guard isDirectory(path) else { throw FileError.notAFolder(path: path) }
    }

    /// A folder holding secrets must be owned by us and writable by nobody else: anyone who can write
    /// into it can swap the files we are about to trust.
    public static func checkPrivateDirectory(_ path: String) throws {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw error(errno, path: path, action: "open")
        }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { throw FileError.notAFolder(path: path) }
        if info.st_uid != geteuid() { throw FileError.ownedByAnotherUser(path: path) }
        if info.st_mode & 0o022 != 0 {
            throw FileError.unsafePermissions(path: path, mode: UInt32(info.st_mode & 0o777))
        }
    }

    /// The permission bits of `path`, or nil when it cannot be read.
    public static func permissions(_ path: String) -> mode_t? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return info.st_mode & 0o7777
    }

    /// The size of `path` in bytes, or nil when it cannot be read.
    public static func fileSize(_ path: String) -> Int64? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Int64(info.st_size)
    }

    /// Reads a whole (small) file. Large inputs should be streamed instead.
    public static func readAll(_ path: String, limit: Int = 1 << 30) throws -> [UInt8] {
        if isDirectory(path) { throw FileError.isAFolder(path: path) }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw error(errno, path: path, action: "read") }
        defer { close(fd) }
        do {
            return try readAll(descriptor: fd, limit: limit)
        } catch .tooLarge {
            throw FileError.tooLarge(path: path)
        } catch .failed(let code) {
            throw error(code, path: path, action: "read")
        }
    }

    /// Why ``readAll(descriptor:limit:)`` stopped; callers name the source in their own words.
    package enum ReadFailure: Error {
        /// `read` failed with this errno.
        case failed(Int32)
        /// More than the limit.
        case tooLarge
    }

    /// Reads an open descriptor to its end (a file, standard input), at most `limit` bytes. What is
    /// read is often a secret (passphrase, identity, an export): sized up front when the size is
    /// known and grown by hand, so no copy is left behind unwiped in freed memory; on failure
    /// everything read so far is wiped.
    package static func readAll(descriptor fd: Int32, limit: Int) throws(ReadFailure) -> [UInt8] {
        var result: [UInt8] = []
        var info = stat()
        if fstat(fd, &info) == 0, info.st_size > 0 { result.reserveCapacity(min(Int(info.st_size), limit) + 1) }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        defer { wipe(&buffer) }
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                let code = errno
                wipe(&result)
                throw .failed(code)
            }
            if count == 0 { break }
            appendWiping(buffer[0..<count], to: &result)
            if result.count > limit {
                wipe(&result)
                throw .tooLarge
            }
        }
        return result
    }

    /// Appends, moving to a larger buffer by hand when full so the old one is wiped, not just freed.
    private static func appendWiping(_ bytes: ArraySlice<UInt8>, to result: inout [UInt8]) {
        if result.count + bytes.count > result.capacity {
            var larger: [UInt8] = []
            larger.reserveCapacity(max(result.capacity * 2, result.count + bytes.count, 4096))
            larger.append(contentsOf: result)
            wipe(&result)
            result = larger
        }
        result.append(contentsOf: bytes)
    }

    /// Overwrites `bytes` with zeros in a way the compiler keeps (explicit_bzero). WalletCore sits below
    /// libsodium, so this is its own copy of WalletCrypto's `Memory.zero`, kept private to the reader above.
    private static func wipe(_ bytes: inout [UInt8]) {
        bytes.withUnsafeMutableBytes { buffer in
            if let base = buffer.baseAddress, buffer.count > 0 { explicit_bzero(base, buffer.count) }
        }
    }

    /// Writes all of `bytes` to `fd`, retrying short writes and EINTR; `path` names the file in errors.
    public static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw error(errno, path: path, action: "write")
            }
            offset += written
        }
    }

    /// fsyncs a folder so renames and links in it are durable; best effort.
    public static func syncDirectory(_ path: String) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 {
            fsync(fd)
            close(fd)
        }
    }

    /// The typed error for a failed system call: `code` is `errno`, `action` says what was being done
    /// ("read", "open", "write", "create", "create folder", "rename", "sync").
    public static func error(_ code: Int32, path: String, action: String) -> FileError {
        .posix(code: code, path: path, action: action)
    }
}
