// Small POSIX helpers: private folders, permission checks, whole-file reads, errno to WalletError.
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

public enum FileSystem {
    public static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    public static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    public static func directoryName(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

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
        guard isDirectory(path) else {
            throw WalletError.usage(en: "\(path) is not a folder", zh: "\(path) 不是文件夹")
        }
    }

    /// A folder holding secrets must be owned by us and writable by nobody else: anyone who can write
    /// into it can swap the files we are about to trust.
    public static func checkPrivateDirectory(_ path: String) throws {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw error(errno, path: path, action: "open")
        }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            throw WalletError.usage(en: "\(path) is not a folder", zh: "\(path) 不是文件夹")
        }
        if info.st_uid != geteuid() {
            throw WalletError.integrity(
                en: "\(path) is owned by another user; refusing to use it",
                zh: "\(path) 属于其他用户，拒绝使用")
        }
        if info.st_mode & 0o022 != 0 {
            throw WalletError.integrity(
                en:
                    "\(path) is writable by other users (mode \(String(info.st_mode & 0o777, radix: 8))); run chmod 700 on it",
                zh: "\(path) 可被其他用户写入（权限 \(String(info.st_mode & 0o777, radix: 8))），请执行 chmod 700")
        }
    }

    public static func permissions(_ path: String) -> mode_t? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return info.st_mode & 0o7777
    }

    public static func fileSize(_ path: String) -> Int64? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Int64(info.st_size)
    }

    /// Reads a whole (small) file. Large inputs should be streamed instead.
    public static func readAll(_ path: String, limit: Int = 1 << 30) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw error(errno, path: path, action: "read") }
        defer { close(fd) }
        var result: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw error(errno, path: path, action: "read")
            }
            if count == 0 { break }
            result.append(contentsOf: buffer[0..<count])
            if result.count > limit {
                throw WalletError.usage(en: "\(path) is too large", zh: "\(path) 文件过大")
            }
        }
        return result
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

    public static func syncDirectory(_ path: String) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 {
            fsync(fd)
            close(fd)
        }
    }

    /// Maps errno to a one-line error. Missing files are usage errors; everything else is internal.
    public static func error(_ code: Int32, path: String, action: String) -> WalletError {
        let reason = String(cString: strerror(code))
        switch code {
        case ENOENT:
            return WalletError.usage(
                en: "cannot \(action) \(path): no such file or folder", zh: "无法\(zhAction(action)) \(path)：文件或文件夹不存在")
        case EACCES, EPERM:
            return WalletError.usage(
                en: "cannot \(action) \(path): permission denied", zh: "无法\(zhAction(action)) \(path)：权限不足")
        case EEXIST:
            return WalletError.conflict(
                en: "cannot \(action) \(path): it already exists", zh: "无法\(zhAction(action)) \(path)：已存在")
        default:
            return WalletError.internal(
                en: "cannot \(action) \(path): \(reason)", zh: "无法\(zhAction(action)) \(path)：\(reason)")
        }
    }

    private static func zhAction(_ action: String) -> String {
        switch action {
        case "read", "open": return "读取"
        case "write": return "写入"
        case "create", "create folder": return "创建"
        case "rename": return "重命名"
        case "sync": return "同步"
        default: return "处理"
        }
    }
}
