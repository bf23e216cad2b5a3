// The age library's failures as WalletErrors: 3 when no identity or passphrase opens the file,
// 4 for anything malformed, truncated or altered, 2 for bad keys and options given by the user.
import WalletCore

public enum AgeError {
    public static func malformed(_ en: String, _ zh: String) -> WalletError {
        WalletError.integrity(en: "not a valid age file: \(en)", zh: "不是有效的 age 文件：\(zh)")
    }

    public static let noIdentityMatched = WalletError.authentication(
        en: "no identity or passphrase opens this age file",
        zh: "没有任何身份密钥或口令能打开此 age 文件")

    public static let headerMACMismatch = WalletError.integrity(
        en: "the age header was altered (MAC mismatch); nothing was decrypted",
        zh: "age 文件头已被篡改（MAC 不匹配），未解密任何内容")

    public static func chunkRejected(_ index: UInt64) -> WalletError {
        WalletError.integrity(
            en: "the age payload was altered or is corrupt (chunk \(index) failed authentication)",
            zh: "age 数据已被篡改或损坏（第 \(index) 块认证失败）")
    }

    public static let truncated = WalletError.integrity(
        en: "the age file is truncated (no final chunk)", zh: "age 文件被截断（缺少最后一块）")

    public static let emptyFinalChunk = WalletError.integrity(
        en: "the age payload ends with an empty chunk after data", zh: "age 数据在内容之后以空块结尾")

    public static func badKey(_ en: String, _ zh: String) -> WalletError {
        WalletError.usage(en: en, zh: zh)
    }

    public static func workFactorTooLarge(_ logN: Int, limit: Int) -> WalletError {
        WalletError.integrity(
            en: "the age file asks for scrypt work factor 2^\(logN), above the limit 2^\(limit); refused",
            zh: "age 文件要求的 scrypt 工作因子 2^\(logN) 超过上限 2^\(limit)，已拒绝")
    }

    static let scryptNotAlone = WalletError.integrity(
        en: "not a valid age file: an scrypt stanza must be the only stanza",
        zh: "不是有效的 age 文件：scrypt 条目必须是唯一的条目")
}
