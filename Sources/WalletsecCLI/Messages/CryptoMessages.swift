// What the CLI says when a cryptographic primitive itself refuses (a low-order X25519 key, a KDF out of memory).
import WalletCrypto

extension CryptoError: UserFacingError {
    var userMessage: UserMessage {
        switch self {
        case .authenticationFailed:
            return UserMessage(
                .integrity, en: "the data failed authentication (altered, or the wrong key)",
                zh: "数据未通过认证（已被篡改，或密钥不对）")
        case .invalidParameters:
            return UserMessage(
                .usage, en: "the key or parameters are not valid for this operation", zh: "密钥或参数对此操作无效")
        case .outOfMemory:
            return UserMessage(
                .internal, en: "not enough memory for the key derivation", zh: "内存不足，无法完成密钥派生")
        case .libraryFailure:
            return UserMessage(
                .internal, en: "the cryptographic library reported an unexpected failure", zh: "加密库报告了意外错误")
        }
    }
}
