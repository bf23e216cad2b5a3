// The built-in bank and shopping-platform CSV layouts (Chinese banks, JD, Meituan, HSBC HK, BMO):
// each recognised by its header row like the wallet layouts, so a user needs no rules file. One
// declarative entry per layout says which column holds what and how the direction is decided;
// BankRowReader applies it. docs/statements.md lists every layout with its header signature.

/// How a layout writes its dates.
enum BankDateForm: Sendable {
    /// `YYYY-MM-DD`, `YYYY/MM/DD` (optionally with a time), or `YYYYMMDD`; CMB credit also writes
    /// `MM/DD` without a year, which takes its year from the statement's title.
    case yearFirst
    /// `DD/MM/YYYY` (HSBC Hong Kong).
    case dayFirst
}

/// Where a row's amount and direction come from.
enum BankAmountRule: Sendable {
    /// One signed column; `positive` is the direction of a positive value.
    case signed(String, positive: Direction)
    /// Two unsigned columns, money in and money out; whichever is filled decides.
    case split(inflow: String, outflow: String)
    /// One unsigned column and a direction column (收/支, 借贷 `借 Dr`/`贷 Cr`, CREDIT/DEBIT).
    case labelled(String, label: String)
    /// One unsigned column; the first word of `description` decides (BOCOM credit: 消费 = out,
    /// 退货/还款/退款 = in).
    case described(String, description: String)
}

/// The currency of a row.
enum BankCurrencyRule: Sendable {
    case fixed(String)
    /// A column holding a code or a Chinese name (人民币 → CNY); the default when it is empty.
    case column(String, default: String)
    /// The amount cell's own prefix (`CNY 123.18`).
    case amountPrefix(default: String)
}

/// One built-in layout: header signature, columns, and rules.
struct BankLayout: Sendable {
    var format: SourceFormat
    /// Canonical header cells (see `canonicalHeader`) that must all be present in one row.
    var signature: [String]
    var date: String
    /// Used when `date` is empty in a row (CMB credit repayments have no 交易日).
    var dateFallback: String? = nil
    var dateForm: BankDateForm = .yearFirst
    /// A separate time column: `HH:MM:SS` or `HHMMSS`; may be empty in a row.
    var time: String? = nil
    var amount: BankAmountRule
    var currency: BankCurrencyRule = .fixed("CNY")
    /// The zone the file's dates are in (China and Hong Kong +08:00; Canadian files do not say: UTC).
    var utcOffset: Int32 = 8 * 3600
    /// The transaction id column. Not set for columns that only number the rows (BMO Item #,
    /// BOCOM 序号): those repeat in every statement and would merge different transactions.
    var id: String? = nil
    var merchantOrder: String? = nil
    var counterparty: [String] = []
    var note: [String] = []
    var status: String? = nil
    var category: String? = nil
    var method: String? = nil
    var balance: String? = nil
    var counterpartyAccount: String? = nil

    /// Every column the reader looks up.
    var columns: [String] {
        var names = [
            date, dateFallback, time, id, merchantOrder, status, category, method, balance,
            counterpartyAccount,
        ].compactMap { $0 }
        names += counterparty + note
        switch amount {
        case .signed(let column, _): names.append(column)
        case .split(let inflow, let outflow): names += [inflow, outflow]
        case .labelled(let column, let label): names += [column, label]
        case .described(let column, let description): names += [column, description]
        }
        if case .column(let column, _) = currency { names.append(column) }
        return names
    }

    /// In detection order: a layout whose signature contains another's comes first.
    static let all: [BankLayout] = [
        BankLayout(
            format: .icbcDebit,
            signature: [
                "交易日期", "摘要", "交易详情", "交易场所", "钞/汇", "记账金额(收入)", "记账金额(支出)", "记账币种", "余额",
                "对方户名",
            ],
            date: "交易日期", amount: .split(inflow: "记账金额(收入)", outflow: "记账金额(支出)"),
            currency: .column("记账币种", default: "CNY"), counterparty: ["对方户名", "交易场所"],
            note: ["摘要", "交易详情"], balance: "余额", counterpartyAccount: "对方账户"),
        BankLayout(
            format: .icbcDebit,
            signature: ["交易日期", "摘要", "交易场所", "钞/汇", "记账金额(收入)", "记账金额(支出)", "记账币种", "余额", "对方户名"],
            date: "交易日期", amount: .split(inflow: "记账金额(收入)", outflow: "记账金额(支出)"),
            currency: .column("记账币种", default: "CNY"), counterparty: ["对方户名", "交易场所"], note: ["摘要"],
            balance: "余额"),
        BankLayout(
            format: .icbcCredit,
            signature: ["交易日期", "记账日期", "摘要", "交易场所", "记账金额(收入)", "记账金额(支出)", "记账币种", "余额"],
            date: "交易日期", amount: .split(inflow: "记账金额(收入)", outflow: "记账金额(支出)"),
            currency: .column("记账币种", default: "CNY"), counterparty: ["交易场所", "对方户名"], note: ["摘要"],
            balance: "余额"),
        BankLayout(
            format: .cmbCredit, signature: ["交易日", "记账日", "交易摘要", "人民币金额"], date: "交易日",
            dateFallback: "记账日", amount: .signed("人民币金额", positive: .outflow), counterparty: ["交易摘要"]),
        BankLayout(
            format: .cmbDebit, signature: ["记账日期", "货币", "交易金额", "联机余额", "交易摘要", "对手信息"], date: "记账日期",
            amount: .signed("交易金额", positive: .inflow), currency: .column("货币", default: "CNY"),
            counterparty: ["对手信息"], note: ["交易摘要", "客户摘要"], balance: "联机余额"),
        BankLayout(
            format: .bocCredit, signature: ["交易日", "银行记账日", "交易描述", "存入", "支出", "币种"], date: "交易日",
            amount: .split(inflow: "存入", outflow: "支出"), currency: .column("币种", default: "CNY"),
            counterparty: ["交易描述"]),
        BankLayout(
            format: .bocDebit, signature: ["记账日期", "记账时间", "币别", "金额", "余额", "交易名称"], date: "记账日期",
            time: "记账时间", amount: .signed("金额", positive: .inflow), currency: .column("币别", default: "CNY"),
            counterparty: ["对方账户名"], note: ["交易名称", "附言"], method: "渠道", balance: "余额",
            counterpartyAccount: "对方卡号/账号"),
        BankLayout(
            format: .abcDebit, signature: ["交易日期", "交易时间", "交易摘要", "交易金额", "本次余额", "对手信息"], date: "交易日期",
            time: "交易时间", amount: .signed("交易金额", positive: .inflow), id: "日志号", counterparty: ["对手信息"],
            note: ["交易摘要", "交易附言"], method: "交易渠道", balance: "本次余额"),
        BankLayout(
            format: .bocomCredit, signature: ["交易日期", "记账日期", "交易说明", "交易币种/金额", "入账币种/金额"], date: "交易日期",
            amount: .described("入账币种/金额", description: "交易说明"), currency: .amountPrefix(default: "CNY"),
            counterparty: ["交易说明"]),
        BankLayout(
            format: .bocomDebit, signature: ["序号", "交易日期", "交易时间", "交易类型", "借贷", "交易金额", "余额"],
            date: "交易日期", time: "交易时间", amount: .labelled("交易金额", label: "借贷"), counterparty: ["对方户名"],
            note: ["交易类型", "摘要"], category: "交易类型", balance: "余额", counterpartyAccount: "对方账号"),
        BankLayout(
            format: .cgbCredit, signature: ["交易日期", "入账日期", "交易摘要", "交易金额", "交易货币", "入账金额", "入账货币"],
            date: "交易日期", amount: .signed("入账金额", positive: .outflow),
            currency: .column("入账货币", default: "CNY"), counterparty: ["交易摘要"]),
        BankLayout(
            format: .hsbcHKCredit,
            signature: [
                "Transactiondate", "Postdate", "Description", "Billingamount", "Billingcurrency", "Credit/Debit",
            ],
            date: "Transactiondate", dateForm: .dayFirst, amount: .signed("Billingamount", positive: .inflow),
            currency: .column("Billingcurrency", default: "HKD"), counterparty: ["Merchantname", "Description"],
            note: ["Description"], status: "Transactionstatus"),
        BankLayout(
            format: .hsbcHKDebit,
            signature: ["Date", "Description", "Billingamount", "Billingcurrency", "Balance", "Balancecurrency"],
            date: "Date", dateForm: .dayFirst, amount: .signed("Billingamount", positive: .inflow),
            currency: .column("Billingcurrency", default: "HKD"), counterparty: ["Description"], balance: "Balance"),
        BankLayout(
            format: .jd, signature: ["交易时间", "商户名称", "交易说明", "金额", "收/付款方式", "交易状态", "收/支", "交易订单号"],
            date: "交易时间", amount: .labelled("金额", label: "收/支"), id: "交易订单号", merchantOrder: "商家订单号",
            counterparty: ["商户名称"], note: ["交易说明"], status: "交易状态", category: "交易分类", method: "收/付款方式"),
        BankLayout(
            format: .meituan, signature: ["交易创建时间", "交易成功时间", "交易类型", "订单标题", "收/支", "实付金额", "交易单号"],
            date: "交易创建时间", amount: .labelled("实付金额", label: "收/支"), id: "交易单号", merchantOrder: "商家单号",
            counterparty: ["订单标题"], note: ["订单标题"], status: "交易类型", category: "交易类型", method: "支付方式"),
        BankLayout(
            format: .bmoCredit,
            signature: ["Item#", "Card#", "TransactionDate", "PostingDate", "TransactionAmount", "Description"],
            date: "TransactionDate", amount: .signed("TransactionAmount", positive: .outflow), currency: .fixed("CAD"),
            utcOffset: 0, counterparty: ["Description"]),
        BankLayout(
            format: .bmoDebit,
            signature: ["FirstBankCard", "TransactionType", "DatePosted", "TransactionAmount", "Description"],
            date: "DatePosted", amount: .signed("TransactionAmount", positive: .inflow), currency: .fixed("CAD"),
            utcOffset: 0, counterparty: ["Description"], category: "TransactionType"),
        // The short CMB exports (preciouss samples): generic enough to come last.
        BankLayout(
            format: .cmbDebit, signature: ["交易日期", "摘要", "交易金额", "余额"], date: "交易日期",
            amount: .signed("交易金额", positive: .inflow), counterparty: ["摘要"], note: ["摘要"], balance: "余额"),
    ]
}

/// Which institution a layout's rows come from, and where its customer service answers: the
/// dispute report names the number. docs/statements.md says which numbers were verified.
public struct StatementInstitution: Sendable, Equatable {
    /// English name.
    public var nameEN: String
    /// Chinese name.
    public var nameZH: String
    /// Customer-service phone number as the institution publishes it.
    public var phone: String

    /// The institution behind a source format; nil for generic OFX/QIF/rules CSV.
    public static func of(_ format: SourceFormat) -> StatementInstitution? {
        switch format {
        case .alipay, .alipayLegacy, .alipayAccountLog: return .init(nameEN: "Alipay", nameZH: "支付宝", phone: "95188")
        case .wechat, .wechatXLSX: return .init(nameEN: "WeChat Pay", nameZH: "微信支付", phone: "95017")
        case .icbcCredit, .icbcDebit:
            return .init(nameEN: "Industrial and Commercial Bank of China", nameZH: "中国工商银行", phone: "95588")
        case .cmbCredit, .cmbDebit: return .init(nameEN: "China Merchants Bank", nameZH: "招商银行", phone: "95555")
        case .bocCredit, .bocDebit: return .init(nameEN: "Bank of China", nameZH: "中国银行", phone: "95566")
        case .abcDebit: return .init(nameEN: "Agricultural Bank of China", nameZH: "中国农业银行", phone: "95599")
        case .bocomCredit, .bocomDebit: return .init(nameEN: "Bank of Communications", nameZH: "交通银行", phone: "95559")
        case .cgbCredit: return .init(nameEN: "China Guangfa Bank", nameZH: "广发银行", phone: "95508")
        case .hsbcHKCredit, .hsbcHKDebit:
            return .init(nameEN: "HSBC Hong Kong", nameZH: "香港汇丰银行", phone: "+852 2233 3000")
        case .jd: return .init(nameEN: "JD.com", nameZH: "京东", phone: "95118")
        case .meituan: return .init(nameEN: "Meituan", nameZH: "美团", phone: "10107888")
        case .bmoCredit, .bmoDebit:
            return .init(nameEN: "BMO Bank of Montreal", nameZH: "蒙特利尔银行", phone: "1-877-225-5266")
        case .ofx, .qif, .csv: return nil
        }
    }

    /// UnionPay, the card network behind most Chinese bank cards (for card disputes).
    public static let unionPay = StatementInstitution(nameEN: "UnionPay", nameZH: "中国银联", phone: "95516")
}
