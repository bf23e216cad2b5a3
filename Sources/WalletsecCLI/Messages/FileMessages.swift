// Exit status and English/Chinese text for every FileError case: missing or unreadable files are
// usage errors, unsafe folders integrity failures, existing destinations conflicts.
import WalletCore

#if canImport(Glibc)
    import Glibc
#endif

extension FileError: UserFacingError {
    var userMessage: UserMessage {
        switch self {
        case .notAFolder(let path):
            return UserMessage(.usage, en: "\(path) is not a folder", zh: "\(path) 不是文件夹")
        case .isAFolder(let path):
            return UserMessage(.usage, en: "\(path) is a folder, not a file", zh: "\(path) 是文件夹，不是文件")
        case .ownedByAnotherUser(let path):
            return UserMessage(
                .integrity, en: "\(path) is owned by another user; refusing to use it", zh: "\(path) 属于其他用户，拒绝使用")
        case .unsafePermissions(let path, let mode):
            let octal = String(mode, radix: 8)
            return UserMessage(
                .integrity, en: "\(path) is writable by other users (mode \(octal)); run chmod 700 on it",
                zh: "\(path) 可被其他用户写入（权限 \(octal)），请执行 chmod 700")
        case .tooLarge(let path):
            return UserMessage(.usage, en: "\(path) is too large", zh: "\(path) 文件过大")
        case .alreadyExists(let path):
            return UserMessage(
                .conflict, en: "\(path) already exists; refusing to overwrite it", zh: "\(path) 已存在，拒绝覆盖")
        case .posix(let code, let path, let action):
            let zhAction = Self.zhAction(action)
            switch code {
            case ENOENT:
                return UserMessage(
                    .usage, en: "cannot \(action) \(path): no such file or folder",
                    zh: "无法\(zhAction) \(path)：文件或文件夹不存在")
            case EACCES, EPERM:
                return UserMessage(
                    .usage, en: "cannot \(action) \(path): permission denied", zh: "无法\(zhAction) \(path)：权限不足")
            case EISDIR:
                return UserMessage(.usage, en: "\(path) is a folder, not a file", zh: "\(path) 是文件夹，不是文件")
            case ENOTDIR:
                return UserMessage(
                    .usage, en: "cannot \(action) \(path): a part of the path is not a folder",
                    zh: "无法\(zhAction) \(path)：路径中有一段不是文件夹")
            case EEXIST:
                return UserMessage(
                    .conflict, en: "cannot \(action) \(path): it already exists", zh: "无法\(zhAction) \(path)：已存在")
            default:
                let reason = String(cString: strerror(code))
                return UserMessage(
                    .internal, en: "cannot \(action) \(path): \(reason)", zh: "无法\(zhAction) \(path)：\(reason)")
            }
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
