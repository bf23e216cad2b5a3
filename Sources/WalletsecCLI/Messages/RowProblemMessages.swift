// English and Chinese for why a statement row was skipped (Statements.RowProblem), one exhaustive switch.
// Column names are the source's own and stay as the file writes them; JSON keeps the library's English `reason`.
import Statements
import WalletCore

extension RowProblem {
    /// The reason in both languages, for human output (stderr lines and `--strict` errors).
    var text: LocalizedText {
        func text(_ en: String, _ zh: String) -> LocalizedText { LocalizedText(en: en, zh: zh) }
        switch self {
        case .tooFewFields(let expected, let found, let hint):
            return text(
                "expected \(expected) fields, found \(found)" + (hint ? " (truncated row?)" : ""),
                "应有 \(expected) 个字段，实际 \(found) 个" + (hint ? "（该行被截断？）" : ""))
        case .unreadable(let column, let kind, let value):
            let quoted = value.map { LocalizedText(en: " '\($0)'", zh: "“\($0)”") }
            return text(
                "unreadable \(column) (\(kind.rawValue))" + (quoted?.en ?? ""),
                "无法读取“\(column)”（\(Self.kindZH(kind))）" + (quoted.map { "：" + $0.zh } ?? ""))
        case .emptyAmount(let column):
            return text("empty \(column) (amount)", "“\(column)”为空（金额）")
        case .unknownDirection(let column, let value):
            return text("unknown \(column) value '\(value)'", "无法识别的“\(column)”值“\(value)”")
        case .unknownDescription(let column, let description):
            return text(
                "unknown kind of \(column) '\(description)'", "无法从“\(column)”判断收支方向：“\(description)”")
        case .noAmount(let inflow, let outflow):
            return text(
                "neither \(inflow) nor \(outflow) holds an amount", "“\(inflow)”和“\(outflow)”都没有金额")
        case .bothAmounts(let inflow, let outflow):
            return text("both \(inflow) and \(outflow) hold an amount", "“\(inflow)”和“\(outflow)”都有金额")
        case .unterminatedTag:
            return text("unterminated tag (truncated file?)", "标签没有结束（文件被截断？）")
        case .transactionNotClosed:
            return text(
                "<STMTTRN> not closed before the next one", "<STMTTRN> 在下一个 <STMTTRN> 开始前没有结束")
        case .transactionNeverClosed:
            return text("<STMTTRN> never closed (truncated file?)", "<STMTTRN> 没有结束（文件被截断？）")
        case .ofxFields(let problems):
            let parts = problems.map(Self.ofx)
            return text(parts.map(\.en).joined(separator: "; "), parts.map(\.zh).joined(separator: "；"))
        case .recordNotEnded(let before):
            return text("record not ended by ^ before '\(before)'", "记录在“\(before)”之前没有以 ^ 结束")
        case .recordNotEndedAtEnd:
            return text("record not ended by ^ (truncated file?)", "记录没有以 ^ 结束（文件被截断？）")
        case .unreadableRulesAmount(let field, let value):
            return text("unreadable \(field) '\(value)'", "无法读取 `\(field)` 的值“\(value)”")
        case .moreDecimalsThanCurrency(let field, let value, let currency, let scale):
            return text(
                "\(field) '\(value)' has more decimals than \(currency) minor units (\(scale))",
                "`\(field)` 的值“\(value)”的小数位数多于 \(currency) 的最小单位（\(scale) 位）")
        case .unknownCurrency(let field, let value, let symbol):
            return text(
                "\(field) '\(value)': unknown currency '\(symbol)'", "`\(field)` 的值“\(value)”：未知币种“\(symbol)”")
        case .severalAmounts(let fields):
            return text(
                "more than one non-zero amount (\(fields.joined(separator: ", ")))",
                "有多个非零金额（\(fields.map { "`\($0)`" }.joined(separator: "、"))）")
        case .noDate:
            return text("no date", "没有日期")
        case .unreadableRulesDate(let value, let format):
            return text(
                "unreadable date '\(value)'" + (format.map { " (date-format \($0))" } ?? ""),
                "无法读取日期“\(value)”" + (format.map { "（`date-format \($0)`）" } ?? ""))
        }
    }

    private static func kindZH(_ kind: RowValueKind) -> String {
        switch kind {
        case .date: return "日期"
        case .dateTime: return "日期时间"
        case .time: return "时间"
        case .amount: return "金额"
        case .balance: return "余额"
        }
    }

    private static func ofx(_ problem: OFXFieldProblem) -> LocalizedText {
        switch problem {
        case .missing(let tag): return LocalizedText(en: "\(tag) missing", zh: "缺少 \(tag)")
        case .empty(let tag): return LocalizedText(en: "\(tag) empty", zh: "\(tag) 为空")
        case .invalidDate(let tag, let value):
            return LocalizedText(en: "\(tag) '\(value)' is not a valid date", zh: "\(tag) 的值“\(value)”不是有效日期")
        case .notANumber(let tag, let value):
            return LocalizedText(en: "\(tag) '\(value)' is not a number", zh: "\(tag) 的值“\(value)”不是数字")
        }
    }
}

extension MalformedRow {
    /// `file:line: reason` in the user's language.
    func text(_ language: Language) -> String {
        language == .zh ? "\(file):\(line)：\(problem.text.zh)" : "\(file):\(line): \(problem.text.en)"
    }
}
