// What each AgeError means to a person: 3 when no identity or passphrase opens the file, 4 for
// anything malformed, truncated or altered, 2 for bad keys and options given by the user.
import AgeFormat
import WalletCore

extension AgeError: UserFacingError {
    var userMessage: UserMessage {
        switch self {
        case .noRecipients:
            return UserMessage(.usage, en: "no recipients to encrypt to", zh: "没有指定要加密给哪个公钥")
        case .passphraseNotAlone:
            return UserMessage(
                .usage, en: "a passphrase cannot be combined with other recipients", zh: "用密码加密时不能同时加密给公钥")
        case .notAgeFile:
            return Self.malformed("it does not start with an age header", "开头不是 age 文件头")
        case .headerMalformed(let problem):
            let (en, zh) = Self.text(problem)
            return Self.malformed(en, zh)
        case .armorMalformed(let problem):
            let (en, zh) = Self.text(problem)
            return Self.malformed("armor: \(en)", "ASCII 封装：\(zh)")
        case .stanzaMalformed(let problem):
            let (en, zh) = Self.text(problem)
            return Self.malformed(en, zh)
        case .scryptNotAlone:
            return Self.malformed("an scrypt stanza must be the only stanza", "scrypt 条目必须是唯一的条目")
        case .noIdentityMatched:
            return UserMessage(
                .authentication, en: "no identity or passphrase opens this age file",
                zh: "没有哪个私钥或密码能打开这个 age 文件")
        case .headerMACMismatch:
            return UserMessage(
                .integrity, en: "the age header was altered (MAC mismatch); nothing was decrypted",
                zh: "age 文件头已被篡改（MAC 不匹配），未解密任何内容")
        case .chunkRejected(let index):
            return UserMessage(
                .integrity, en: "the age payload was altered or is corrupt (chunk \(index) failed authentication)",
                zh: "age 数据已被篡改或损坏（第 \(index) 块认证失败）")
        case .truncated:
            return UserMessage(.integrity, en: "the age file is truncated (no final chunk)", zh: "age 文件被截断（缺少最后一块）")
        case .emptyFinalChunk:
            return UserMessage(
                .integrity, en: "the age payload ends with an empty chunk after data", zh: "age 数据在内容之后以空块结尾")
        case .inputTooLarge:
            return UserMessage(.usage, en: "input too large", zh: "输入过大")
        case .invalidRecipient(let text):
            return UserMessage(
                .usage, en: "invalid age recipient \(text) (expected age1…)", zh: "无效的 age 公钥 \(text)（应以 age1 开头）")
        case .identityGivenAsRecipient(let source):
            let place = source.map { "\($0) holds" } ?? "this is"
            let zhPlace = source.map { "\($0) 中是" } ?? "这是"
            return UserMessage(
                .usage,
                en:
                    "\(place) an identity (AGE-SECRET-KEY-1…), not a recipient; give its public key (age1…), which 'age-keygen -y' prints",
                zh: "\(zhPlace)私钥（AGE-SECRET-KEY-1…），不是公钥；请改用它的公钥（age1…，可用 age-keygen -y 获得）")
        case .invalidRecipientLine(let source, let line):
            return UserMessage(
                .usage, en: "\(source) line \(line) is not an age recipient (expected age1…)",
                zh: "\(source) 第 \(line) 行不是 age 公钥（应以 age1 开头）")
        case .invalidRecipientLength:
            return UserMessage(.usage, en: "an X25519 recipient is 32 bytes", zh: "X25519 公钥必须为 32 字节")
        case .invalidIdentity:
            return UserMessage(
                .usage, en: "invalid age identity (expected AGE-SECRET-KEY-1…)",
                zh: "无效的 age 私钥（应以 AGE-SECRET-KEY-1 开头）")
        case .invalidIdentityLength:
            return UserMessage(.usage, en: "an X25519 identity is 32 bytes", zh: "X25519 私钥必须为 32 字节")
        case .workFactorOutOfRange(let limit):
            return UserMessage(
                .usage, en: "scrypt work factor must be 1 to \(limit)", zh: "scrypt 工作因子必须在 1 到 \(limit) 之间")
        case .workFactorTooLarge(let logN, let limit):
            return UserMessage(
                .integrity,
                en: "the age file asks for scrypt work factor 2^\(logN), above the limit 2^\(limit); refused",
                zh: "age 文件要求的 scrypt 工作因子 2^\(logN) 超过上限 2^\(limit)，已拒绝")
        case .scryptOutOfMemory:
            return UserMessage(.internal, en: "not enough memory for scrypt", zh: "内存不足，无法运行 scrypt")
        case .encryptedIdentityFile(let source):
            return UserMessage(
                .usage, en: "\(source) is an encrypted identity file; decrypt it first", zh: "\(source) 是加密的私钥文件，请先解密")
        case .unsupportedIdentity(let source):
            return UserMessage(
                .usage, en: "\(source): only X25519 identities (AGE-SECRET-KEY-1…) are supported",
                zh: "\(source)：只支持 X25519 私钥（以 AGE-SECRET-KEY-1 开头）")
        case .invalidIdentityLine(let source):
            return UserMessage(
                .usage, en: "\(source) holds a line that is not an age identity", zh: "\(source) 中有一行不是 age 私钥")
        case .noIdentities(let source):
            return UserMessage(.usage, en: "no identities in \(source)", zh: "\(source) 中没有私钥")
        case .noRecipientsInFile(let source):
            return UserMessage(.usage, en: "no recipients in \(source)", zh: "\(source) 中没有公钥")
        }
    }

    private static func malformed(_ en: String, _ zh: String) -> UserMessage {
        UserMessage(.integrity, en: "not a valid age file: \(en)", zh: "不是有效的 age 文件：\(zh)")
    }

    private static func text(_ problem: HeaderProblem) -> (String, String) {
        switch problem {
        case .lineTooLong: return ("header line too long", "文件头行过长")
        case .endsEarly: return ("the header ends early", "文件头不完整")
        case .tooLarge: return ("header too large", "文件头过大")
        case .unsupportedVersion: return ("unsupported age version", "不支持的 age 版本")
        case .missingVersionLine: return ("missing the age-encryption.org/v1 line", "缺少 age-encryption.org/v1 行")
        case .malformedMACLine: return ("malformed MAC line", "MAC 行格式错误")
        case .noStanza: return ("the header has no recipient stanza", "文件头没有公钥条目")
        case .unexpectedLine: return ("unexpected header line", "文件头中有意外的行")
        case .malformedArguments: return ("malformed stanza arguments", "条目参数格式错误")
        case .malformedBody: return ("malformed stanza body", "条目内容格式错误")
        case .nonCanonicalBase64: return ("non-canonical base64 in a stanza body", "条目内容的 base64 不规范")
        }
    }

    private static func text(_ problem: ArmorProblem) -> (String, String) {
        switch problem {
        case .missingBegin: return ("missing BEGIN line", "缺少 BEGIN 行")
        case .lineTooLong: return ("line longer than 64 columns", "行超过 64 列")
        case .unexpectedEnd: return ("unexpected end of file", "文件意外结束")
        case .endWhereDataExpected: return ("END line where data was expected", "在数据位置出现 END 行")
        case .invalidBase64Line: return ("invalid base64 line", "base64 行无效")
        case .missingEnd: return ("missing END line", "缺少 END 行")
        case .dataAfterEnd: return ("data after the END line", "END 行之后还有数据")
        }
    }

    private static func text(_ problem: StanzaProblem) -> (String, String) {
        switch problem {
        case .invalidScrypt: return ("invalid scrypt stanza", "scrypt 条目无效")
        case .invalidScryptWorkFactor: return ("invalid scrypt work factor", "scrypt 工作因子无效")
        case .invalidScryptBodySize: return ("invalid scrypt stanza body size", "scrypt 条目内容长度无效")
        case .invalidX25519: return ("invalid X25519 stanza", "X25519 条目无效")
        case .invalidX25519BodySize: return ("invalid X25519 stanza body size", "X25519 条目内容长度无效")
        case .lowOrderShare: return ("X25519 stanza with a low-order share", "X25519 条目使用了低阶点")
        }
    }
}
