// What each BackupError means to a person: 4 for invalid contents, 5 for data or files in the way,
// 3 when nothing can open the backup, 2 for an unsupported format version.
import Backup
import WalletCore

extension BackupError: UserFacingError {
    var userMessage: UserMessage {
        switch self {
        case .invalidContents(let problem):
            let (en, zh) = Self.text(problem)
            return UserMessage(.integrity, en: "invalid backup contents: \(en)", zh: "备份内容无效：\(zh)")
        case .unsupportedVersion(let found, let supported):
            return UserMessage(
                .usage, en: "backup format version \(found) is not supported by this walletsec (\(supported))",
                zh: "本程序不支持备份格式版本 \(found)（支持 \(supported)）")
        case .vaultHoldsData:
            return UserMessage(
                .conflict,
                en: "the vault already holds data; use --merge to add what is missing or --replace to replace it",
                zh: "保险库中已有数据；使用 --merge 合并缺少的内容，或 --replace 替换")
        case .destinationExists(let path):
            return UserMessage(
                .conflict, en: "\(path) already exists; refusing to overwrite it", zh: "\(path) 已存在，拒绝覆盖")
        case .noIdentityAvailable:
            return UserMessage(
                .authentication, en: "this vault has no device key and no -i was given; nothing can open the backup",
                zh: "该保险库没有设备密钥，也未指定 -i，无法打开备份")
        case .nothingToWrite:
            return UserMessage(.internal, en: "backup: no header", zh: "备份：缺少头部")
        }
    }

    private static func text(_ problem: ContentProblem) -> (String, String) {
        switch problem {
        case .unterminatedLastRecord: return ("the last record has no newline", "最后一条记录缺少换行")
        case .recordTooLong: return ("a record is too long", "记录过长")
        case .empty: return ("empty", "内容为空")
        case .noHeader: return ("no header record (is this a walletsec backup?)", "缺少头部记录（这是 walletsec 备份吗？）")
        case .notABackup: return ("not a walletsec backup", "不是 walletsec 备份")
        case .malformedTableList: return ("malformed table list", "表列表格式错误")
        case .missingTrailer: return ("the trailer record is missing (truncated backup)", "缺少结尾记录（备份不完整）")
        case .recordNotJSON(let record): return ("record \(record) is not valid JSON", "第 \(record) 条记录不是有效的 JSON")
        case .malformedTrailer: return ("malformed trailer", "结尾记录格式错误")
        case .digestMismatch: return ("the records' SHA-256 does not match the trailer", "记录的 SHA-256 与结尾记录不符")
        case .countMismatch: return ("row counts do not match the header and trailer", "记录数与头部和结尾记录不符")
        case .dataAfterTrailer: return ("data after the trailer", "结尾记录之后还有数据")
        case .notARowOfListedTable(let record):
            return ("record \(record) is not a row of a listed table", "第 \(record) 条记录不属于已列出的表")
        case .badValue(let record, let table, let column):
            return (
                "record \(record) has a bad value for \(table).\(column)", "第 \(record) 条记录中 \(table).\(column) 的值无效"
            )
        case .tooManyRows(let table): return ("more rows of \(table) than the header lists", "\(table) 的记录多于头部所列")
        }
    }
}
