// A ready-to-send dispute report: what a wallet's customer service asks for ("prepare the
// transaction id, time and amount"), done for the alerts the user chose. This file builds the
// content once (institution and phone, per case the transactions, totals, what looks wrong, the
// user's requests, the evidence); DisputeReportMarkdown/Text/HTML lay it out per file format.
import Statements
import WalletCore

/// The content of a dispute report about chosen alerts, ready to render as Markdown, text or HTML.
///
/// ```swift
/// let report = DisputeReport(
///     alerts: chosen, ledger: ledger, language: .zh, files: ["bill.csv"], generatedAt: "2024-06-01 18:00")
/// let text = report.render(.text)
/// ```
public struct DisputeReport: Sendable {
    /// The file layouts a report can be written in, chosen by the file's extension.
    public enum Format: String, Sendable, CaseIterable {
        /// `.md` (and any extension not listed below).
        case markdown
        /// `.txt`: plain text for a wallet's chat window, no Markdown syntax.
        case text
        /// `.html`/`.htm`: one self-contained page that prints cleanly.
        case html

        /// The format a report file name asks for.
        public static func forPath(_ path: String) -> Format {
            let lower = FileSystem.baseName(path).lowercased()
            if lower.hasSuffix(".txt") { return .text }
            if lower.hasSuffix(".html") || lower.hasSuffix(".htm") { return .html }
            return .markdown
        }
    }

    /// One transaction of a case, already in the words and formats the user reads.
    public struct Row: Sendable, Equatable {
        /// Local time as the wallet shows it.
        public var time: String
        /// `UTC+08:00`; empty for date-only rows.
        public var zone: String
        /// `¥140.87` / `140.87 元` / `12.00 USD`.
        public var amount: String
        /// Paid, received, or neither, in the user's language.
        public var direction: String
        /// 交易对方.
        public var counterparty: String
        /// The wallet's transaction id (交易订单号); empty when the source has none.
        public var transactionID: String
        /// The merchant's order number (商家订单号); empty when absent.
        public var merchantOrderID: String
        /// Payment method (付款方式), when the source gives it.
        public var method: String
        /// Status (交易状态), when the source gives it.
        public var status: String
    }

    /// One chosen alert.
    public struct Case: Sendable, Equatable {
        /// The alert id the scan printed.
        public var alertID: String
        /// The alert's kind.
        public var kind: AlertKind
        /// The alert's severity.
        public var severity: Severity
        /// One sentence: what looks wrong.
        public var explanation: String
        /// The transactions the alert is about (regular payments left out, see ``regularRowsLeftOut``).
        public var rows: [Row]
        /// Total paid in the rows, per currency (`¥281.74`); empty when nothing was paid.
        public var totals: [String]
        /// Rows of a broader alert left out because they go to a payee paid on a regular schedule.
        public var regularRowsLeftOut: Int
        /// Questions for customer service.
        public var questions: [String]
    }

    /// Who issued a statement and how to reach them.
    public struct Contact: Sendable, Equatable {
        /// Name in the report's language (with the other language's name beside it).
        public var name: String
        /// Customer-service phone number.
        public var phone: String
    }

    /// The report's language.
    public let language: Language
    /// When it was written, as the caller formatted it.
    public let generatedAt: String
    /// Base names of the scanned statement files.
    public let files: [String]
    /// The institutions whose rows are in the cases, each with its customer-service number.
    public let contacts: [Contact]
    /// True when some rows come from a generic OFX/QIF/rules CSV (no known institution).
    public let unknownInstitution: Bool
    /// True when some rows come from a Chinese bank's card statement (UnionPay can help too).
    public let bankCard: Bool
    /// One case per chosen alert that still names a transaction after filtering.
    public let cases: [Case]

    /// Builds the report for `alerts` (in the order given); `files` name the scanned statements.
    public init(alerts: [Alert], ledger: Ledger, language: Language, files: [String], generatedAt: String) {
        self.language = language
        self.generatedAt = generatedAt
        self.files = files.map { FileSystem.baseName($0) }
        var cases: [Case] = []
        var formats: [SourceFormat] = []
        for alert in alerts {
            var kept: [Int] = []
            var leftOut = 0
            for index in alert.ledgerIndexes where index >= 0 && index < ledger.items.count {
                if DisputeReport.broadKinds.contains(alert.kind) {
                    let t = ledger.items[index].transaction
                    // A payee on a schedule (rent, a loan; Ledger.regularPayee, the rule structuring uses).
                    let regular = !t.counterparty.isEmpty && ledger.regularPayee[Int(ledger.counterparty[index])]
                    if t.direction != .outflow || t.isRefund || regular {
                        leftOut += 1
                        continue
                    }
                }
                kept.append(index)
            }
            guard !kept.isEmpty else { continue }
            for index in kept where !formats.contains(ledger.items[index].transaction.source) {
                formats.append(ledger.items[index].transaction.source)
            }
            cases.append(
                Case(
                    alertID: alert.id, kind: alert.kind, severity: alert.severity,
                    explanation: alert.explanation.text(language),
                    rows: kept.map { DisputeReport.row(ledger.items[$0], language: language) },
                    totals: DisputeReport.totals(kept.map { ledger.items[$0].transaction }, language: language),
                    regularRowsLeftOut: leftOut,
                    questions: DisputeReport.questions(alert.kind).map { $0.text(language) }))
        }
        self.cases = cases
        var contacts: [Contact] = []
        var unknown = false
        for format in formats {
            guard let institution = StatementInstitution.of(format) else {
                unknown = true
                continue
            }
            let contact = DisputeReport.contact(institution, language: language)
            if !contacts.contains(contact) { contacts.append(contact) }
        }
        self.contacts = contacts
        self.unknownInstitution = unknown
        let unionPayBanks: Set<SourceFormat> = [
            .icbcCredit, .icbcDebit, .cmbCredit, .cmbDebit, .bocCredit, .bocDebit, .abcDebit, .bocomCredit,
            .bocomDebit, .cgbCredit,
        ]
        self.bankCard = formats.contains { unionPayBanks.contains($0) }
    }

    /// The Markdown report for `alerts` in one call (`DisputeReport(...).render(.markdown)`).
    public static func markdown(
        alerts: [Alert], ledger: Ledger, language: Language, files: [String], generatedAt: String
    ) -> String {
        DisputeReport(alerts: alerts, ledger: ledger, language: language, files: files, generatedAt: generatedAt)
            .render(.markdown)
    }

    /// The report laid out in `format`.
    public func render(_ format: Format) -> String {
        switch format {
        case .markdown: return DisputeReportMarkdown.render(self)
        case .text: return DisputeReportText.render(self)
        case .html: return DisputeReportHTML.render(self)
        }
    }

    // MARK: - Which rows a case names

    /// Kinds that group many payments (a burst, an hour, a week of transfers). Their rows are
    /// filtered: only payments, and none to a payee the user pays on a regular schedule (rent, a
    /// loan, a subscription), which a broad alert may sweep in but no one would dispute. The
    /// other kinds name exactly the rows they are about (the double charge and its original, the
    /// one large payment, the changed subscription itself) and are kept whole.
    static let broadKinds: Set<AlertKind> = [.velocity, .cardTesting, .structuring, .oddHour]

    // MARK: - Building blocks

    static func row(_ item: IdentifiedTransaction, language: Language) -> Row {
        let t = item.transaction
        return Row(
            time: AlertWords.walletTime(t), zone: t.hasTime ? AlertWords.zone(t) : "",
            amount: AlertWords.money(t.amountMinor, currency: t.currency, language: language),
            direction: AlertWords.direction(t, language: language),
            counterparty: t.counterparty, transactionID: t.sourceID ?? "", merchantOrderID: t.merchantOrderID,
            method: t.method, status: t.status)
    }

    /// Sum of the paid rows per currency, in words (``AlertWords/paidTotals(_:)``).
    static func totals(_ transactions: [Transaction], language: Language) -> [String] {
        AlertWords.paidTotals(transactions).map {
            AlertWords.money($0.minor, currency: $0.currency, language: language)
        }
    }

    static func contact(_ institution: StatementInstitution, language: Language) -> Contact {
        let name =
            language == .zh
            ? institution.nameZH + (institution.nameEN.isEmpty ? "" : "（\(institution.nameEN)）")
            : institution.nameEN + (institution.nameZH.isEmpty ? "" : " (\(institution.nameZH))")
        return Contact(name: name, phone: institution.phone)
    }

    /// The fixed texts every layout shares, in the report's language.
    struct Words {
        let zh: Bool
        init(_ language: Language) { zh = language == .zh }

        var title: String { zh ? "交易争议报告" : "Transaction dispute report" }
        var generated: String { zh ? "生成时间" : "Generated" }
        var statements: String { zh ? "账单文件" : "Statement files" }
        var source: String { zh ? "账单来自" : "Statement from" }
        var phone: String { zh ? "客服电话" : "customer service" }
        var unknownSource: String {
            zh
                ? "开具该账单的银行或支付机构（客服电话见银行卡背面或对方官网）"
                : "the bank or wallet that issued the statement (its number is on the back of the card or on its website)"
        }
        var cardNetwork: String {
            zh ? "银行卡争议也可联系中国银联，客服电话 95516。" : "For a bank-card dispute you can also call UnionPay on 95516."
        }
        var holder: String {
            zh
                ? "本人信息：姓名 ________  绑定手机号 ________  账户或卡号后四位 ________"
                : "Account holder: name ________  phone on the account ________  account or last 4 card digits ________"
        }
        var intro: String {
            zh
                ? "以下交易是 walletsec 根据账单自动发现的可疑情况，仅为疑似，尚未证实。请客服核实每一笔，并告知处理结果。"
                : "walletsec found the transactions below in my statement. They are suspected problems, not proven ones: please check each one and tell me the outcome."
        }
        var nothing: String {
            zh ? "没有选中的可疑交易，本报告无需提交。" : "No suspicious transaction was chosen: there is nothing to dispute."
        }
        func caseTitle(_ number: Int, _ item: Case) -> String {
            zh
                ? "第 \(number) 项：\(item.kind.words.zh)（疑似；严重度 \(item.severity.words.zh)；编号 \(item.alertID)）"
                : "Case \(number): \(item.kind.words.en) (suspected; severity \(item.severity.words.en); id \(item.alertID))"
        }
        var suspected: String { zh ? "疑似问题" : "What looks wrong (suspected)" }
        var transactions: String { zh ? "涉及的交易" : "Transactions" }
        var total: String { zh ? "争议金额合计" : "Total in dispute" }
        func leftOut(_ count: Int) -> String {
            zh
                ? "另有 \(count) 笔定期付款或收入（如房租、工资）与此无关，未列入。"
                : "\(count) regular payment(s) or income (such as rent or salary) in the same period are not part of this and are left out."
        }
        var time: String { zh ? "时间" : "Time" }
        var amount: String { zh ? "金额" : "Amount" }
        var direction: String { zh ? "收/支" : "Direction" }
        var counterparty: String { zh ? "交易对方" : "Counterparty" }
        var transactionID: String { zh ? "交易订单号" : "Transaction no." }
        var merchantOrderID: String { zh ? "商家订单号" : "Merchant order no." }
        var method: String { zh ? "付款方式" : "Payment method" }
        var status: String { zh ? "交易状态" : "Status" }
        var none: String { zh ? "无" : "none" }
        var account: String { zh ? "事情经过（请本人填写）" : "What happened (in my own words)" }
        var accountPrompt: String {
            zh
                ? "（例如：这几笔是否本人操作、当时手机在哪里、是否点过陌生链接或告诉过别人验证码）"
                : "(for example: did I make these payments, where was my phone, did I open a strange link or share a code)"
        }
        var requests: String { zh ? "我的诉求（请勾选）" : "What I ask for (tick)" }
        var requestItems: [String] {
            zh
                ? ["立即停止后续扣款", "退还相关款项", "冻结账户，防止继续被盗用", "调查并书面告知处理结果"]
                : [
                    "Stop any further payments", "Refund the money", "Freeze the account so it cannot be used again",
                    "Investigate and tell me the outcome in writing",
                ]
        }
        var questions: String { zh ? "请客服回答" : "Questions for customer service" }
        var evidence: String { zh ? "随附证据" : "Evidence attached" }
        func evidenceItems(_ files: [String]) -> [String] {
            let names = files.joined(separator: zh ? "、" : ", ")
            return zh
                ? [
                    "每笔交易详情页的截图（显示交易订单号、时间和金额）", "收到的扣款短信或应用通知", "账单原文件：" + names,
                    "如已报警，附上报警回执",
                ]
                : [
                    "A screenshot of each transaction's detail page (showing its transaction no., time and amount)",
                    "The payment SMS messages or app notifications received",
                    "The original statement file(s): " + names,
                    "The police report receipt, if reported",
                ]
        }
        var closing: String {
            zh
                ? "如确认是盗刷：请立即冻结账户、修改登录和支付密码，并向公安机关报案（电话 110）或拨打反诈专线 96110。"
                : "If this is fraud: freeze the account now, change the login and payment passwords, and report it to the police."
        }
        func cell(_ text: String) -> String { text.isEmpty ? none : text }
        /// `2024-06-01 12:34:56 (UTC+08:00)`, brackets in the language's own style; a date alone when date-only.
        func time(_ row: Row) -> String {
            row.zone.isEmpty ? row.time : row.time + (zh ? "（" + row.zone + "）" : " (" + row.zone + ")")
        }
    }

    static func questions(_ kind: AlertKind) -> [LocalizedText] {
        switch kind {
        case .duplicate:
            return [
                LocalizedText(
                    en:
                        "Was this order charged more than once? Which of these transaction numbers did the merchant actually fulfil?",
                    zh: "这笔订单是否被重复扣款？商家实际只完成了其中哪一笔？"),
                LocalizedText(en: "Please refund the extra charge(s) and tell me when.", zh: "请退还多扣的款项，并告知到账时间。"),
            ]
        case .cardTesting, .velocity:
            return [
                LocalizedText(
                    en: "Which device, IP address and payment method made these payments?",
                    zh: "这些支付是由哪台设备、哪个 IP 地址、哪种支付方式发起的？"),
                LocalizedText(
                    en: "If I did not make them, please block further charges and open an unauthorised-payment claim.",
                    zh: "如非本人操作，请阻止后续扣款并受理盗刷申诉。"),
            ]
        case .newPayeeLarge, .structuring:
            return [
                LocalizedText(
                    en: "Who is the recipient (real name, account) and can the transfer be stopped or recalled?",
                    zh: "收款方是谁（实名、账户）？这笔转账能否拦截或追回？"),
                LocalizedText(
                    en: "Which device and login session authorised these transfers?", zh: "这些转账是在哪台设备、哪次登录中授权的？"),
            ]
        case .amountOutlier:
            return [
                LocalizedText(
                    en: "What was bought for this amount? Please send the merchant's order details.",
                    zh: "这个金额买的是什么？请提供商家的订单明细。"),
                LocalizedText(
                    en: "If the amount is wrong, please correct it and refund the difference.", zh: "如金额有误，请更正并退还差额。"),
            ]
        case .oddHour:
            return [
                LocalizedText(
                    en: "Which device and location made these payments at that hour?", zh: "这些支付是在哪台设备、什么位置发起的？"),
                LocalizedText(en: "Please check my account for logins I did not make.", zh: "请核查我的账户是否有异常登录。"),
            ]
        case .recurringChange:
            return [
                LocalizedText(
                    en:
                        "When and how was this automatic deduction (免密支付/自动续费) set up, and was the price change notified?",
                    zh: "这项免密支付/自动续费是何时、如何开通的？价格变化是否事先通知？"),
                LocalizedText(en: "Please cancel it and refund charges I did not agree to.", zh: "请取消该扣款并退还未经同意的费用。"),
            ]
        case .foreignCurrency:
            return [
                LocalizedText(
                    en: "Where was this cross-border payment made, and with which card or token?",
                    zh: "这笔境外支付在何处发生，使用的是哪张卡或哪个令牌？"),
                LocalizedText(
                    en: "If I did not pay this merchant, please open a chargeback.", zh: "如本人未向该商户付款，请发起拒付/退单。"),
            ]
        case .balanceGap:
            return [
                LocalizedText(
                    en:
                        "Which transaction explains the balance change between these two rows? It is missing from my export.",
                    zh: "这两行之间的余额变动对应哪一笔交易？导出的账单中没有它。"),
                LocalizedText(en: "Please send a complete statement for this period.", zh: "请提供这一时期的完整账单。"),
            ]
        }
    }
}
