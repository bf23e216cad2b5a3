// The vault's user-facing failures, each with its exit status and both languages.
import WalletCore

enum VaultError {
    static func notFound(_ folder: String) -> WalletError {
        WalletError.usage(
            en: "no vault at \(folder); run 'walletsec init' first",
            zh: "\(folder) 没有保险库，请先运行 'walletsec init'")
    }

    static func alreadyExists(_ folder: String) -> WalletError {
        WalletError.conflict(
            en: "a vault already exists at \(folder); refusing to overwrite it",
            zh: "\(folder) 已有保险库，拒绝覆盖")
    }

    static let wrongPassphrase = WalletError.authentication(
        en: "wrong passphrase for this vault", zh: "保险库口令错误")

    static let keySlotCorrupt = WalletError.integrity(
        en: "the vault's key slot is corrupt or was altered; restore from a backup",
        zh: "保险库的密钥槽已损坏或被篡改，请从备份恢复")

    static func sealedValueRejected(_ table: String) -> WalletError {
        WalletError.integrity(
            en: "a sealed value in \(table) was altered or moved from another row",
            zh: "\(table) 中的加密数据被篡改或被移动到其他记录")
    }

    static func newerSchema(found: Int, known: Int) -> WalletError {
        WalletError.usage(
            en:
                "this vault uses schema version \(found), newer than this walletsec understands (\(known)); upgrade walletsec",
            zh: "该保险库的结构版本为 \(found)，高于本程序支持的版本 \(known)，请升级 walletsec")
    }

    static func notAVault(_ path: String) -> WalletError {
        WalletError.integrity(
            en: "\(path) is not a walletsec vault or is corrupt",
            zh: "\(path) 不是 walletsec 保险库或已损坏")
    }

    static let kdfOutOfRange = WalletError.usage(
        en: "key derivation parameters out of range (memory 8 MiB to 4 GiB, passes 1 to 64)",
        zh: "密钥派生参数超出范围（内存 8 MiB 到 4 GiB，迭代 1 到 64 次）")

    static let emptyPassphrase = WalletError.usage(en: "the passphrase is empty", zh: "口令为空")
}
