// The dispute report as Markdown (`.md`, the default): headings, one table of transactions per
// case, and task-list checkboxes. Text from statements is escaped so a counterparty name cannot
// add headings, links, HTML or table cells.
import WalletCore

enum DisputeReportMarkdown {
    static func render(_ report: DisputeReport) -> String {
        let words = DisputeReport.Words(report.language)
        var out = "# \(words.title)\n\n"
        out += "- \(words.generated): \(escape(report.generatedAt))\n"
        out += "- \(words.statements): \(report.files.map(escape).joined(separator: ", "))\n"
        for contact in report.contacts {
            out += "- \(words.source): \(escape(contact.name)), \(words.phone) **\(escape(contact.phone))**\n"
        }
        if report.unknownInstitution { out += "- \(words.source): \(words.unknownSource)\n" }
        if report.bankCard { out += "- \(words.cardNetwork)\n" }
        out += "- \(words.holder)\n\n"
        guard !report.cases.isEmpty else { return out + words.nothing + "\n" }
        out += words.intro + "\n\n"
        for (number, item) in report.cases.enumerated() {
            out += "## \(escape(words.caseTitle(number + 1, item)))\n\n"
            out += "**\(words.suspected):** \(escape(item.explanation))\n\n"
            out += "**\(words.transactions):**\n\n"
            let header = [
                words.time, words.amount, words.direction, words.counterparty, words.transactionID,
                words.merchantOrderID, words.method, words.status,
            ]
            out += "| " + header.joined(separator: " | ") + " |\n"
            out += "|" + String(repeating: "---|", count: header.count) + "\n"
            for row in item.rows {
                let time = words.time(row)
                let cells = [
                    time, row.amount, row.direction, row.counterparty, row.transactionID, row.merchantOrderID,
                    row.method, row.status,
                ].map { escape(words.cell($0)) }
                out += "| " + cells.joined(separator: " | ") + " |\n"
            }
            out += "\n"
            if !item.totals.isEmpty { out += "**\(words.total):** \(item.totals.joined(separator: " + "))\n\n" }
            if item.regularRowsLeftOut > 0 { out += words.leftOut(item.regularRowsLeftOut) + "\n\n" }
            out += "**\(words.account):**\n\n> \(words.accountPrompt)\n>\n> \n\n"
            out += "**\(words.requests):**\n\n"
            for request in words.requestItems { out += "- [ ] \(request)\n" }
            out += "\n**\(words.questions):**\n\n"
            for (index, question) in item.questions.enumerated() { out += "\(index + 1). \(escape(question))\n" }
            out += "\n"
        }
        out += "## \(words.evidence)\n\n"
        for evidence in words.evidenceItems(report.files) { out += "- [ ] \(escape(evidence))\n" }
        out += "\n---\n\n" + words.closing + "\n"
        return out
    }

    /// Backslash-escapes the ASCII punctuation that means something inside a line or a table cell
    /// (emphasis, code, links, raw HTML, cells, strikethrough; CommonMark allows a backslash before
    /// any punctuation) and folds line breaks, so statement text stays plain text in one cell. Text
    /// never starts a line, so line-start syntax (`#`, `+`, `1.`) cannot trigger.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in PrintableText.oneLine(text).unicodeScalars {
            switch scalar {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "~":
                out.append("\\")
                out.unicodeScalars.append(scalar)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
