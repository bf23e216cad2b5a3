// A ready-to-send dispute report in Markdown (Chinese or English): for each chosen alert, the
// transactions' time, amount, counterparty and order numbers, what looks wrong, why, and the
// questions to ask the wallet's customer service.
import Foundation
import Statements
import WalletCore

/// A Markdown report to send to the wallet's customer service about chosen alerts.
public enum DisputeReport {
    /// The report in `language`; `files` are the scanned files (alerts name rows by file and line).
    ///
    /// ```swift
    /// let text = DisputeReport.markdown(
    ///     alerts: alerts, ledger: ledger, language: .zh, files: ["bill.csv"], generatedAt: "2024-06-01T10:00:00Z")
    /// ```
    public static func markdown(
        alerts: [Alert], ledger: Ledger, language: Language, files: [String], generatedAt: String
    ) -> String {
        let zh = language == .zh
        var text = zh ? "# 交易争议报告\n\n" : "# Transaction dispute report\n\n"
        text += (zh ? "- 生成时间：" : "- Generated: ") + generatedAt + "\n"
        text +=
            (zh ? "- 账单文件：" : "- Statements: ") + files.map { FileSystem.baseName($0) }.joined(separator: ", ") + "\n"
        text += (zh ? "- 可疑事项：" : "- Items: ") + "\(alerts.count)\n\n"
        if alerts.isEmpty {
            text += zh ? "未发现需要申诉的交易。\n" : "No transaction needs disputing.\n"
            return text
        }
        text +=
            zh
            ? "以下交易看起来不是本人所为或金额有误。请客服核实并说明处理结果。\n\n"
            : "The transactions below do not look like mine or look wrong. Please investigate and tell me the outcome.\n\n"
        for (number, alert) in alerts.enumerated() {
            let severity = zh ? severityZH(alert.severity) : alert.severity.rawValue
            text += "## \(number + 1). \(title(alert.kind, zh: zh)) (\(severity), \(alert.id))\n\n"
            text += (zh ? "**问题：** " : "**What looks wrong:** ") + alert.explanation.text(language) + "\n\n"
            text +=
                zh
                ? "| 时间 | 金额 | 收/支 | 交易对方 | 交易订单号 | 商家订单号 |\n|---|---|---|---|---|---|\n"
                : "| Time | Amount | Direction | Counterparty | Transaction no. | Merchant order no. |\n|---|---|---|---|---|---|\n"
            for index in alert.ledgerIndexes {
                let t = ledger.items[index].transaction
                let direction: String
                switch t.direction {
                case .outflow: direction = zh ? "支出" : "out"
                case .inflow: direction = zh ? "收入" : "in"
                case .neutral: direction = zh ? "不计收支" : "neutral"
                }
                let cells = [
                    ledger.time(index), ledger.money(t.amountMinor, t.currency), direction, t.counterparty,
                    t.sourceID ?? ledger.items[index].id, t.merchantOrderID.isEmpty ? "-" : t.merchantOrderID,
                ].map { $0.replacingOccurrences(of: "|", with: "\\|") }
                text += "| " + cells.joined(separator: " | ") + " |\n"
            }
            text += "\n" + (zh ? "**依据：**\n\n" : "**Why:**\n\n")
            for step in alert.reasoning { text += "- " + step.text(language) + "\n" }
            text += "\n" + (zh ? "**请客服回答：**\n\n" : "**Questions for customer service:**\n\n")
            for question in questions(alert.kind) { text += "1. " + question.text(language) + "\n" }
            text += "\n"
        }
        text +=
            zh
            ? "---\n请保留本报告与原始账单文件。如确认为盗刷，请同时冻结账户、修改支付密码并向公安机关报案。\n"
            : "---\nKeep this report with the original statement files. If this is fraud, also freeze the account, change the payment password and report it to the police.\n"
        return text
    }

    static func severityZH(_ severity: Severity) -> String {
        switch severity {
        case .high: return "高"
        case .medium: return "中"
        case .low: return "低"
        }
    }

    /// The heading a report uses for an alert kind.
    public static func title(_ kind: AlertKind, zh: Bool) -> String {
        switch kind {
        case .duplicate: return zh ? "疑似重复扣款" : "Possible double charge"
        case .amountOutlier: return zh ? "金额异常" : "Unusual amount"
        case .velocity: return zh ? "短时间内大量支付" : "Burst of payments"
        case .cardTesting: return zh ? "疑似盗刷试卡" : "Card testing pattern"
        case .newPayeeLarge: return zh ? "首次大额付款" : "Large payment to a new payee"
        case .oddHour: return zh ? "异常时段交易" : "Activity at an unusual hour"
        case .recurringChange: return zh ? "固定扣款变化" : "Recurring charge changed"
        case .foreignCurrency: return zh ? "境外/外币交易" : "Cross-border payment"
        case .structuring: return zh ? "疑似拆分交易" : "Possible structuring"
        case .balanceGap: return zh ? "余额不连续" : "Balance discontinuity"
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
                    en: "I did not make them: please block further charges and open an unauthorised-payment claim.",
                    zh: "这些支付并非本人操作：请阻止后续扣款并受理盗刷申诉。"),
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
                    en: "If the amount is wrong, please correct and refund the difference.", zh: "如金额有误，请更正并退还差额。"),
            ]
        case .oddHour:
            return [
                LocalizedText(
                    en: "Which device and location made these payments at that hour?", zh: "这些支付是在哪台设备、什么位置发起的？"),
                LocalizedText(en: "Please check for unauthorised logins on my account.", zh: "请核查我的账户是否有异常登录。"),
            ]
        case .recurringChange:
            return [
                LocalizedText(
                    en:
                        "When and how was this automatic deduction (免密支付/自动续费) set up, and was the price change notified?",
                    zh: "这项免密支付/自动续费是何时、如何开通的？涨价是否事先通知？"),
                LocalizedText(en: "Please cancel it and refund charges I did not agree to.", zh: "请取消该扣款并退还未经同意的费用。"),
            ]
        case .foreignCurrency:
            return [
                LocalizedText(
                    en: "Where was this cross-border payment made, and with which card or token?",
                    zh: "这笔境外支付在何处发生，使用的是哪张卡或哪个令牌？"),
                LocalizedText(
                    en: "I have not been abroad or paid this merchant: please open a chargeback.",
                    zh: "本人未出境也未向该商户付款：请发起拒付/退单。"),
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
