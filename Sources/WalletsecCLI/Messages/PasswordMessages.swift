// What the password-strength library's errors say: exit status plus the English and Chinese text.
import PasswordStrength

extension BreachListError: UserFacingError {
    var userMessage: UserMessage {
        switch self {
        case .cannotOpen(let path):
            return UserMessage(.usage, en: "cannot open breach list \(path)", zh: "无法打开泄露密码列表 \(path)")
        case .notRegularFile(let path):
            return UserMessage(.usage, en: "breach list \(path) is not a regular file", zh: "泄露密码列表 \(path) 不是普通文件")
        case .cannotMap(let path):
            return UserMessage(.usage, en: "cannot map breach list \(path)", zh: "无法映射泄露密码列表 \(path)")
        case .unrecognized(let path):
            return UserMessage(
                .usage,
                en: "breach list \(path): not a HIBP file (SHA1:count lines) nor a range file named PREFIX.txt",
                zh: "泄露密码列表 \(path)：既不是 HIBP 文件（每行“SHA1:次数”）也不是以前缀命名的范围文件")
        case .malformedRangeLine(let path):
            return UserMessage(.usage, en: "breach list \(path): malformed range line", zh: "泄露密码列表 \(path)：范围行格式错误")
        }
    }
}
