// The dispute report as plain text (`.txt`): reads well pasted into a wallet's chat window, so it
// uses no Markdown at all — no `#` headings, `|` tables, `**` emphasis or `- [ ]` lists — only
// labelled lines, numbered items and ☐ boxes to tick.
import WalletCore

enum DisputeReportText {
    static func render(_ report: DisputeReport) -> String {
        let words = DisputeReport.Words(report.language)
        let colon = words.zh ? "：" : ": "
        // A label that ends its line (a list follows) takes no space after the colon.
        let heading = words.zh ? "：" : ":"
        var out = words.title + "\n\n"
        out += words.generated + colon + clean(report.generatedAt) + "\n"
        out += words.statements + colon + report.files.map(clean).joined(separator: words.zh ? "、" : ", ") + "\n"
        for contact in report.contacts {
            out +=
                words.source + colon + clean(contact.name) + (words.zh ? "，" : ", ") + words.phone + " "
                + clean(contact.phone) + "\n"
        }
        if report.unknownInstitution { out += words.source + colon + words.unknownSource + "\n" }
        if report.bankCard { out += words.cardNetwork + "\n" }
        out += words.holder + "\n\n"
        guard !report.cases.isEmpty else { return out + words.nothing + "\n" }
        out += words.intro + "\n"
        for (number, item) in report.cases.enumerated() {
            out += "\n" + clean(words.caseTitle(number + 1, item)) + "\n"
            out += words.suspected + colon + clean(item.explanation) + "\n"
            out += words.transactions + heading + "\n"
            // Two lines a transaction (when, how much, to whom; then its numbers), so a long case
            // still reads in a chat window.
            let separator = words.zh ? "；" : "; "
            for (index, row) in item.rows.enumerated() {
                out +=
                    "  \(index + 1)) " + words.time(row) + "  " + row.direction + " " + row.amount + "  "
                    + clean(words.cell(row.counterparty)) + "\n"
                var details = [
                    words.transactionID + " " + clean(words.cell(row.transactionID)),
                    words.merchantOrderID + " " + clean(words.cell(row.merchantOrderID)),
                ]
                if !row.method.isEmpty { details.append(words.method + " " + clean(row.method)) }
                if !row.status.isEmpty { details.append(words.status + " " + clean(row.status)) }
                out += "     " + details.joined(separator: separator) + "\n"
            }
            if !item.totals.isEmpty { out += words.total + colon + item.totals.joined(separator: " + ") + "\n" }
            if item.regularRowsLeftOut > 0 { out += words.leftOut(item.regularRowsLeftOut) + "\n" }
            out += words.account + heading + "\n  " + words.accountPrompt + "\n  ________________________________\n"
            out += words.requests + heading + "\n"
            for request in words.requestItems { out += "  ☐ " + request + "\n" }
            out += words.questions + heading + "\n"
            for (index, question) in item.questions.enumerated() { out += "  \(index + 1). " + clean(question) + "\n" }
        }
        out += "\n" + words.evidence + heading + "\n"
        for evidence in words.evidenceItems(report.files) { out += "  ☐ " + clean(evidence) + "\n" }
        out += "\n" + words.closing + "\n"
        return out
    }

    /// One line of statement text: line breaks folded, control characters dropped.
    static func clean(_ text: String) -> String { PrintableText.oneLine(text) }
}
