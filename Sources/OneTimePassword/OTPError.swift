// The two-factor library's user-facing failures, each one line in both languages and free of secrets.
import WalletCore

public enum OTPError {
    static func badBase32(position: Int) -> WalletError {
        WalletError.usage(
            en: "the secret is not valid Base32 (character \(position) is not A-Z or 2-7)",
            zh: "密钥不是有效的 Base32（第 \(position) 个字符不是 A-Z 或 2-7）")
    }

    static let emptySecret = WalletError.usage(en: "the secret is empty", zh: "密钥为空")

    static func malformedURI(_ reason: String, zh: String) -> WalletError {
        WalletError.usage(en: "malformed otpauth URI: \(reason)", zh: "otpauth URI 格式错误：\(zh)")
    }

    static func badParameter(_ name: String, _ value: String) -> WalletError {
        WalletError.usage(en: "unsupported \(name) '\(value)'", zh: "不支持的 \(name)“\(value)”")
    }

    static func malformedImport(_ format: String, _ reason: String, zh: String) -> WalletError {
        WalletError.usage(en: "malformed \(format) file: \(reason)", zh: "\(format) 文件格式错误：\(zh)")
    }

    static func corrupted(_ format: String) -> WalletError {
        WalletError.integrity(
            en: "the \(format) file is truncated or corrupted; nothing was imported",
            zh: "\(format) 文件已截断或损坏，未导入任何内容")
    }

    static func wrongPassword(_ format: String) -> WalletError {
        WalletError.authentication(
            en: "wrong import password for this \(format) file", zh: "该 \(format) 文件的导入密码错误")
    }

    static let unknownFormat = WalletError.usage(
        en:
            "unknown import format (expected otpauth URIs, otpauth-migration://, Aegis, 2FAS or andOTP)",
        zh: "无法识别的导入格式（支持 otpauth URI、otpauth-migration://、Aegis、2FAS 或 andOTP）")
}
