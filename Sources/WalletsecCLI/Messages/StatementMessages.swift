// Exit status and English/Chinese text for every StatementError and HistoryError, and the names of the
// statement layouts a message says were expected (the library only says which format it wanted).
import History
import Statements
import WalletCore

extension StatementError: UserFacingError {
    var userMessage: UserMessage {
        switch self {
        case .emptyFile(let file):
            return .init(.usage, en: "\(file): the file is empty", zh: "\(file)：文件为空")
        case .notAFile(let path):
            return .init(.usage, en: "\(path) is a folder, not a statement file", zh: "\(path) 是文件夹，不是账单文件")
        case .tooLarge(let path):
            return .init(.usage, en: "\(path) is larger than 2 GiB", zh: "\(path) 超过 2 GiB")
        case .utf16(let file):
            return .init(
                .usage, en: "\(file): UTF-16 text is not supported; save the statement as UTF-8 or GBK",
                zh: "\(file)：不支持 UTF-16 文本；请另存为 UTF-8 或 GBK")
        case .unsupportedEncoding(let file):
            return .init(
                .usage, en: "\(file): the text is neither UTF-8 nor GBK/GB18030 (wrong encoding or not a statement)",
                zh: "\(file)：文本既不是 UTF-8 也不是 GBK/GB18030（编码错误或不是账单文件）")
        case .unknownLayout(let file, let expected):
            return Self.unknownLayout(file, expected: StatementLayoutNames.expected(expected))
        case .unknownWorkbookLayout(let file):
            return Self.unknownLayout(file, expected: StatementLayoutNames.header(.wechat))
        case .missingColumn(let file, let line, let name, let layout):
            let header = StatementLayoutNames.header(layout)
            return .init(
                .usage, en: "\(file):\(line): the header has no column \(name); expected \(header.en)",
                zh: "\(file):\(line)：表头缺少“\(name)”列；应为\(header.zh)")
        case .yearUnknown(let file, let line):
            return .init(
                .usage,
                en: "\(file):\(line): the dates have no year and the title names no statement month (e.g. 2024年01月)",
                zh: "\(file):\(line)：日期没有年份，标题中也没有账单月份（如 2024年01月）")
        case .malformedRow(let row):
            return .init(
                .usage, en: row.text(.en) + " (--strict)", zh: row.text(.zh) + "（--strict）")
        case .truncated(let file):
            return .init(
                .usage, en: "\(file): the OFX file ends before </OFX> and holds no transaction (truncated?)",
                zh: "\(file)：OFX 文件在 </OFX> 之前结束且没有交易（文件被截断？）")
        case .dateOrderNeeded(let file, nil):
            return .init(
                .usage, en: "\(file): the dates mix day-first and month-first forms; pass --date-order dmy or mdy",
                zh: "\(file)：日期同时出现日在前和月在前的写法；请指定 --date-order dmy 或 mdy")
        case .dateOrderNeeded(let file, let example?):
            return .init(
                .usage,
                en:
                    "\(file): the dates are ambiguous (e.g. \(example) could be day/month or month/day); pass --date-order dmy or mdy",
                zh: "\(file)：日期有歧义（例如 \(example) 可理解为日/月或月/日）；请指定 --date-order dmy 或 mdy")
        case .rulesRequired:
            return .init(
                .usage, en: "--format csv needs --rules FILE describing the columns",
                zh: "--format csv 需要用 --rules <规则文件> 说明各列")
        case .invalidRule(let file, let line, let problem):
            let why = Self.reason(problem)
            return .init(.usage, en: "\(file):\(line): \(why.en)", zh: "\(file):\(line)：规则无效（\(why.zh)）")
        case .rulesWithoutDate(let file):
            return .init(
                .usage, en: "\(file): the rules set no date: name a date column in 'fields' or add a 'date %N' rule",
                zh: "\(file)：规则没有设置日期：请在 `fields` 中写出 `date` 列，或添加 `date %N` 规则")
        case .rulesWithoutAmount(let file):
            return .init(
                .usage, en: "\(file): the rules set no amount (amount, amount-in/amount-out, or amount1)",
                zh: "\(file)：规则没有设置金额（`amount`、`amount-in`/`amount-out` 或 `amount1`）")
        case .rulesDateNeedsYear(let file, let format):
            return .init(
                .usage, en: "\(file): date-format \(format) has no year; pass --year YYYY",
                zh: "\(file)：`date-format \(format)` 不含年份；请用 --year <年份> 指定")
        case .notAWorkbook(let file):
            return .init(
                .usage, en: "\(file): a ZIP file but not a readable XLSX workbook (corrupt or truncated?)",
                zh: "\(file)：是 ZIP 文件但不是可读取的 XLSX 工作簿（损坏或被截断？）")
        case .workbookEntryTooLarge(let file, let entry):
            return .init(
                .usage, en: "\(file): \(entry) inflates to more than 512 MiB; refusing it",
                zh: "\(file)：\(entry) 解压后超过 512 MiB，拒绝处理")
        }
    }

    private static func unknownLayout(_ file: String, expected: LocalizedText) -> UserMessage {
        UserMessage(
            .usage, en: "\(file): unknown statement layout; expected \(expected.en)",
            zh: "\(file)：无法识别的账单格式；应为\(expected.zh)")
    }

    private static func reason(_ problem: RulesProblem) -> LocalizedText {
        func text(_ en: String, _ zh: String) -> LocalizedText { LocalizedText(en: en, zh: zh) }
        switch problem {
        case .skipNeedsNumber: return text("skip needs a number", "`skip` 后面需要一个数字")
        case .badSeparator:
            return text(
                "separator must be one character (, ; | ...), TAB or SPACE", "分隔符必须是单个字符（如 `,` `;` `|`）、TAB 或 SPACE")
        case .unknownField(let name):
            return text("'%\(name)' names no column of the fields line", "`%\(name)` 不是 `fields` 行里的列")
        case .emptyDateFormat: return text("date-format needs a pattern", "`date-format` 后面需要日期格式")
        case .badTimezone:
            return text("timezone must look like +08:00, -0500 or UTC", "时区应写成 +08:00、-0500 或 UTC 这样的形式")
        case .badCurrency:
            return text(
                "currency must be a symbol ($ ¥ € £ ...) or a code (CNY, USD ...)", "币种应为符号（$ ¥ € £ 等）或代码（CNY、USD 等）")
        case .badDecimalMark: return text("decimal-mark must be , or .", "`decimal-mark` 只能是 `,` 或 `.`")
        case .unknownDirective(let keyword): return text("unknown directive '\(keyword)'", "未知指令“\(keyword)”")
        case .includeNotFound(let path): return text("include: \(path) does not exist", "`include`：\(path) 不存在")
        case .includeCycle(let path): return text("include: \(path) includes itself", "`include`：\(path) 包含了自己")
        case .includeTooDeep:
            return text(
                "include nested more than \(CSVRules.maxIncludeDepth) deep",
                "`include` 嵌套超过 \(CSVRules.maxIncludeDepth) 层")
        case .tooManyLines:
            return text("more than \(CSVRules.maxLines) lines of rules", "规则超过 \(CSVRules.maxLines) 行")
        case .badRegex(let pattern):
            return text("not a valid regular expression: \(pattern)", "不是有效的正则表达式：\(pattern)")
        case .regexTooLong:
            return text(
                "regular expression too long (over \(CSVRules.maxPatternLength) characters) or too complex",
                "正则表达式过长（超过 \(CSVRules.maxPatternLength) 个字符）或过于复杂")
        case .badEncoding(let name): return text("unknown encoding '\(name)'", "未知编码“\(name)”")
        case .ifWithoutMatcher: return text("if needs a pattern to match", "`if` 后面需要匹配的模式")
        case .ifWithoutRules: return text("if needs indented rules under its patterns", "`if` 的模式下面需要缩进的规则")
        case .badTableRow:
            return text(
                "if-table row needs one value per field of the table's header", "`if` 表格的每一行都要为表头的每个字段给出一个值")
        }
    }
}

/// How messages name the layouts a file was expected to have, in both languages. The Chinese headers are quoted
/// as they appear in the files (comma-separated), so a reader can compare them with the first lines of the file.
enum StatementLayoutNames {
    static func header(_ layout: SourceFormat) -> LocalizedText {
        switch layout {
        case .alipay:
            // check-chinese: data (the header as the file has it)
            let columns = "交易时间,交易分类,交易对方,对方账号,商品说明,收/支,金额,…,交易订单号,商家订单号,备注"
            return LocalizedText(en: "an Alipay CSV header (\(columns))", zh: "支付宝 CSV 表头“\(columns)”")
        case .alipayLegacy:
            // check-chinese: data (the header as the file has it)
            let columns = "交易号,商家订单号,交易创建时间,…,金额（元）,收/支,交易状态,…"
            return LocalizedText(en: "an Alipay legacy header (\(columns))", zh: "支付宝旧版表头“\(columns)”")
        case .alipayAccountLog:
            // check-chinese: data (the header as the file has it)
            let columns = "账务流水号,业务流水号,…,收入金额（+元）,支出金额（-元）,账户余额（元）,…"
            return LocalizedText(en: "an Alipay account-log header (\(columns))", zh: "支付宝账务明细表头“\(columns)”")
        case .wechat, .wechatXLSX:
            // check-chinese: data (the header as the file has it)
            let columns = "交易时间,交易类型,交易对方,商品,收/支,金额(元),支付方式,当前状态,交易单号,商户单号,备注"
            return LocalizedText(en: "a WeChat Pay header (\(columns))", zh: "微信支付表头“\(columns)”")
        case .ofx: return LocalizedText(en: "an OFX file with an <OFX> element", zh: "含有 <OFX> 元素的 OFX 文件")
        case .qif: return LocalizedText(en: "a QIF file starting with !Type:", zh: "以“!Type:”开头的 QIF 文件")
        case .csv: return LocalizedText(en: "a CSV matching --rules", zh: "符合 --rules 规则的 CSV")
        default:
            // Built-in bank and platform layouts: named by institution (docs/statements.md).
            let institution = StatementInstitution.of(layout)
            let en = institution.map { "\($0.nameEN) \($0.nameZH)" } ?? layout.rawValue
            let zh = institution?.nameZH ?? layout.rawValue
            return LocalizedText(
                en: "a \(en) CSV header (\(layout.rawValue))", zh: "\(zh) CSV 表头（`\(layout.rawValue)`）")
        }
    }

    static func expected(_ format: StatementFormat) -> LocalizedText {
        func joined(_ parts: [SourceFormat]) -> LocalizedText {
            let names = parts.map { header($0) }
            let en = names.map(\.en)
            return LocalizedText(
                en: en.dropLast().joined(separator: ", ") + " or " + en[en.count - 1],
                zh: names.map(\.zh).joined(separator: "、"))
        }
        switch format {
        case .alipay: return joined([.alipay, .alipayLegacy, .alipayAccountLog])
        case .wechat:
            let wechat = header(.wechat)
            return LocalizedText(en: wechat.en + " (CSV or XLSX)", zh: wechat.zh + "（CSV 或 XLSX）")
        case .ofx: return header(.ofx)
        case .qif: return header(.qif)
        case .csv: return header(.csv)
        case .auto:
            return LocalizedText(
                en: "an Alipay CSV (header 交易时间,交易分类,交易对方,…,交易订单号), an Alipay legacy CSV (交易号,…,交易创建时间), "
                    + "an Alipay account log (账务流水号,…,账户余额), a WeChat Pay bill CSV/XLSX (交易时间,交易类型,交易对方,…,交易单号), "
                    + "a built-in bank/platform CSV (ICBC, CMB, BOC, ABC, BOCOM, CGB, HSBC HK, JD, Meituan, BMO; "
                    + "docs/statements.md), OFX (<OFX>), QIF (!Type:), or --format csv --rules FILE",
                zh: "支付宝 CSV（表头“交易时间,交易分类,交易对方,…,交易订单号”）、支付宝旧版 CSV（“交易号,…,交易创建时间”）、"
                    + "支付宝账务明细（“账务流水号,…,账户余额”）、微信支付账单 CSV 或 XLSX（“交易时间,交易类型,交易对方,…,交易单号”）、"
                    + "内置的银行或平台 CSV（工商银行、招商银行、中国银行、农业银行、交通银行、广发银行、汇丰香港、京东、美团、BMO；"
                    + "见 docs/statements.md）、OFX（<OFX>）、QIF（“!Type:”），或 --format csv --rules <规则文件>")
        }
    }
}

extension HistoryError: UserFacingError {
    var userMessage: UserMessage {
        switch self {
        case .busy:
            return .init(
                .conflict, en: "the vault is busy (another walletsec is writing); try again",
                zh: "保险库正忙（另一个 walletsec 正在写入）；请重试")
        case .storageFailed(let detail):
            return .init(
                .internal, en: "history storage failed: \(detail ?? "SQLite error")",
                zh: "历史记录存储失败：\(detail ?? "SQLite 错误")")
        case .notAnAlertID(let id):
            return .init(
                .usage, en: "'\(id)' is not an alert id (like dup-1a2b3c4d, as printed by scan)",
                zh: "“\(id)”不是告警编号（形如 dup-1a2b3c4d，见扫描结果）")
        case .unknownAlert(let id):
            return .init(
                .usage,
                en: "no scan of this vault reported alert \(id); acknowledge ids that scan or history import printed",
                zh: "此保险库的扫描从未报告过告警 \(id)；请使用扫描或历史导入输出的告警编号")
        case .invalidProfile(let name):
            return .init(
                .usage,
                en: "'\(name)' is not a profile name: 1-64 letters, digits, '-', '_' or Chinese characters",
                zh: "“\(name)”不是有效的档案名：1 到 64 个字母、数字、“-”、“_”或汉字")
        }
    }
}

extension ZipBillError: UserFacingError {
    var userMessage: UserMessage {
        let how = "--zip-password-file FILE, WALLETSEC_ZIP_PASSWORD, or run on a terminal to be asked"
        let howZh = "用 --zip-password-file <文件>、环境变量 WALLETSEC_ZIP_PASSWORD，或在终端运行时输入"
        switch self {
        case .passwordRequired(let file):
            return .init(
                .usage, en: "\(file) is an encrypted ZIP bill; give its password (解压密码) with \(how)",
                zh: "\(file) 是加密的 ZIP 账单；请提供解压密码：\(howZh)")
        case .wrongPassword(let file):
            return .init(
                .authentication, en: "\(file): wrong ZIP password (the 解压密码 the wallet sent with the bill)",
                zh: "\(file)：解压密码错误（钱包随账单另行发送的密码）")
        case .damaged(let file):
            return .init(
                .integrity, en: "\(file): the ZIP archive is damaged or truncated; download the bill again",
                zh: "\(file)：ZIP 压缩包已损坏或不完整；请重新下载账单")
        case .noStatement(let file):
            return .init(
                .usage, en: "\(file): the ZIP archive holds no statement (CSV, XLSX, OFX, QFX or QIF)",
                zh: "\(file)：ZIP 压缩包中没有账单文件（CSV、XLSX、OFX、QFX 或 QIF）")
        case .tooManyEntries(let file, let limit):
            return .init(
                .usage, en: "\(file): the ZIP archive has more than \(limit) entries; refusing it",
                zh: "\(file)：ZIP 压缩包的条目超过 \(limit) 个，拒绝处理")
        case .entryTooLarge(let file, let entry, let limit):
            return .init(
                .usage, en: "\(file): \(entry) inflates to more than \(limit >> 20) MiB; refusing it",
                zh: "\(file)：\(entry) 解压后超过 \(limit >> 20) MiB，拒绝处理")
        case .totalTooLarge(let file, let limit):
            return .init(
                .usage, en: "\(file): the statements inside inflate to more than \(limit >> 20) MiB; refusing them",
                zh: "\(file)：其中的账单解压后共超过 \(limit >> 20) MiB，拒绝处理")
        case .unsupportedMethod(let file, let entry):
            return .init(
                .usage, en: "\(file): \(entry) uses a compression or encryption method walletsec cannot read",
                zh: "\(file)：\(entry) 使用了 walletsec 无法读取的压缩或加密方式")
        }
    }
}
