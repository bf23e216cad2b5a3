// Exit status and English/Chinese text for every VaultError case (docs/cli.md has the exit codes).
import Vault
import WalletCore

extension VaultError: UserFacingError {
    var userMessage: UserMessage {
        switch self {
        case .notFound(let folder):
            return UserMessage(
                .usage, en: "no vault at \(folder); run 'walletsec init' first",
                zh: "\(folder) 没有保险库，请先运行“walletsec init”")
        case .alreadyExists(let folder):
            return UserMessage(
                .conflict, en: "a vault already exists at \(folder); refusing to overwrite it",
                zh: "\(folder) 已有保险库，拒绝覆盖")
        case .foreignFile(let path):
            return UserMessage(
                .integrity, en: "\(path) is not a walletsec vault or is corrupt", zh: "\(path) 不是 walletsec 保险库或已损坏")
        case .unsafePermissions(let path):
            return UserMessage(
                .integrity, en: "\(path) is writable by other users; run chmod 600 on it",
                zh: "\(path) 可被其他用户写入，请执行 chmod 600")
        case .newerSchema(let found, let supported):
            return UserMessage(
                .usage,
                en:
                    "this vault uses schema version \(found), newer than this walletsec understands (\(supported)); upgrade walletsec",
                zh: "该保险库的结构版本为 \(found)，高于本程序支持的版本 \(supported)，请升级 walletsec")
        case .busy:
            return UserMessage(
                .conflict, en: "the vault is busy in another walletsec process; try again",
                zh: "保险库正被另一个 walletsec 进程使用，请重试")
        case .readOnlyMedia(let path):
            return UserMessage(
                .usage, en: "the vault in \(path) is on read-only media: it can be read, not changed",
                zh: "\(path) 中的保险库位于只读介质上：只能读取，不能修改")
        case .needsRecoveryOnReadOnlyMedia(let path):
            return UserMessage(
                .usage,
                en:
                    "the vault in \(path) was not closed cleanly and is on read-only media, where it cannot be brought up to date; copy the folder to writable storage and run the command there",
                zh: "\(path) 中的保险库上次未正常关闭，且位于只读介质上，无法更新到最新状态；请把该文件夹复制到可写的位置后再运行命令")
        case .storage(let step, let detail):
            let en = detail ?? "SQLite error"
            let zh = detail ?? "SQLite 错误"
            switch step {
            case .create: return UserMessage(.internal, en: "cannot create the vault: \(en)", zh: "无法创建保险库：\(zh)")
            case .open: return UserMessage(.internal, en: "cannot open the vault: \(en)", zh: "无法打开保险库：\(zh)")
            case .restore: return UserMessage(.internal, en: "restore failed: \(en)", zh: "恢复失败：\(zh)")
            }
        case .emptyPassphrase:
            return UserMessage(.usage, en: "the passphrase is empty", zh: "主密码为空")
        case .wrongPassphrase:
            return UserMessage(.authentication, en: "wrong passphrase for this vault", zh: "保险库主密码不对")
        case .corruptKeySlot:
            return UserMessage(
                .integrity, en: "the vault's key slot is corrupt or was altered; restore from a backup",
                zh: "保险库的密钥槽已损坏或被篡改，请从备份恢复")
        case .kdfOutOfRange:
            return UserMessage(
                .usage, en: "key derivation parameters out of range (memory 8 MiB to 4 GiB, passes 1 to 64)",
                zh: "密钥派生参数超出范围（内存 8 MiB 到 4 GiB，迭代 1 到 64 次）")
        case .passphraseChangedConcurrently:
            return UserMessage(
                .conflict, en: "the passphrase was changed by another process meanwhile; nothing changed",
                zh: "主密码已被另一个进程修改，本次未做任何更改")
        case .keyOfAnotherVault:
            return UserMessage(.internal, en: "the key belongs to another vault", zh: "该密钥属于另一个保险库")
        case .sealedValueRejected(let table):
            return UserMessage(
                .integrity, en: "a sealed value in \(table) was altered or moved from another row",
                zh: "\(table) 中的加密数据被篡改或被移动到其他记录")
        case .accountVanished(let name):
            return UserMessage(
                .conflict, en: "\(name) was removed by another walletsec process meanwhile",
                zh: "\(name) 已被另一个 walletsec 进程删除")
        case .accountNameTaken(let name):
            return UserMessage(
                .conflict,
                en:
                    "an account named \(name) with a different secret already exists; nothing was changed (rename one first)",
                zh: "已有名为 \(name) 但密钥不同的账户，未做任何更改（请先重命名其中一个）")
        case .renameTaken(let name):
            return UserMessage(.conflict, en: "an account named \(name) already exists", zh: "已有名为 \(name) 的账户")
        case .sealedColumnsWithoutKey(let table):
            return UserMessage(
                .internal, en: "table \(table) has sealed columns but no single primary key",
                zh: "表 \(table) 有加密列但没有单列主键")
        case .schemaMismatch(let found, let expected):
            return UserMessage(
                .usage, en: "the vault's schema version \(found) differs from this walletsec's \(expected)",
                zh: "保险库结构版本 \(found) 与本程序的 \(expected) 不同")
        case .unknownTable(let name):
            return UserMessage(
                .usage, en: "the backup holds table \(name), unknown to this walletsec; upgrade walletsec",
                zh: "备份包含本程序不认识的表 \(name)，请升级 walletsec")
        case .unknownColumns(let table, let columns):
            let list = columns.joined(separator: ", ")
            return UserMessage(
                .usage, en: "the backup's table \(table) has columns unknown to this walletsec (\(list))",
                zh: "备份中表 \(table) 有本程序不认识的列（\(list)）")
        case .missingPrimaryKey(let table):
            return UserMessage(
                .integrity, en: "the backup's table \(table) lacks its primary key column", zh: "备份中表 \(table) 缺少主键列")
        case .tableNotPrepared:
            return UserMessage(.internal, en: "restore: table not prepared", zh: "恢复：表未准备")
        case .rowsDoNotFit(let table, let detail):
            return UserMessage(
                .integrity, en: "the backup's rows do not fit the vault (\(table): \(detail ?? "constraint"))",
                zh: "备份中的记录与保险库不符（\(table)：\(detail ?? "约束")）")
        case .danglingReferences:
            return UserMessage(
                .integrity, en: "the backup's rows refer to missing rows (foreign keys)", zh: "备份中的记录引用了不存在的记录（外键）")
        case .copyExists(let path):
            return UserMessage(.conflict, en: "\(path) already exists", zh: "\(path) 已存在")
        case .busyNothingChanged:
            return UserMessage(
                .conflict, en: "the vault is busy in another walletsec process; nothing changed",
                zh: "保险库正被其他进程使用，未做任何更改")
        }
    }
}
