// The dispute report as one self-contained HTML page (`.html`): inline CSS only (no scripts, fonts
// or images to fetch), a print stylesheet so it prints cleanly on A4, and every piece of text
// HTML-escaped (a counterparty named `<script>` stays text).
import WalletCore

enum DisputeReportHTML {
    static func render(_ report: DisputeReport) -> String {
        let words = DisputeReport.Words(report.language)
        let colon = words.zh ? "：" : ": "
        var out = """
            <!DOCTYPE html>
            <html lang="\(words.zh ? "zh-CN" : "en")">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(words.title))</title>
            <style>
            body { font-family: system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; \
            max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #111; }
            h1 { font-size: 1.6rem; margin-bottom: 0.5rem; }
            h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #999; }
            table { border-collapse: collapse; width: 100%; font-size: 0.9rem; margin: 0.5rem 0; }
            th, td { border: 1px solid #999; padding: 0.25rem 0.4rem; text-align: left; vertical-align: top; \
            word-break: break-all; }
            th { background: #eee; }
            td.amount { text-align: right; white-space: nowrap; }
            .phone { font-weight: bold; font-size: 1.1rem; }
            .note { border: 1px dashed #999; min-height: 5rem; padding: 0.5rem; color: #555; }
            ul.check { list-style: none; padding-left: 0.5rem; }
            ul.check li::before { content: "\\2610\\00a0"; }
            @media print {
              body { margin: 0; max-width: none; font-size: 10.5pt; }
              h2 { break-after: avoid; }
              section.case, table, tr { break-inside: avoid; }
              th { background: none; }
              a { color: inherit; text-decoration: none; }
            }
            </style>
            </head>
            <body>
            <h1>\(escape(words.title))</h1>
            <ul>

            """
        out += "<li>\(escape(words.generated + colon + report.generatedAt))</li>\n"
        out += "<li>\(escape(words.statements + colon + report.files.joined(separator: ", ")))</li>\n"
        for contact in report.contacts {
            out +=
                "<li>\(escape(words.source + colon + contact.name))\(words.zh ? "，" : ", ")\(escape(words.phone)) "
                + "<span class=\"phone\">\(escape(contact.phone))</span></li>\n"
        }
        if report.unknownInstitution { out += "<li>\(escape(words.source + colon + words.unknownSource))</li>\n" }
        if report.bankCard { out += "<li>\(escape(words.cardNetwork))</li>\n" }
        out += "<li>\(escape(words.holder))</li>\n</ul>\n"
        if report.cases.isEmpty {
            return out + "<p>\(escape(words.nothing))</p>\n</body>\n</html>\n"
        }
        out += "<p>\(escape(words.intro))</p>\n"
        for (number, item) in report.cases.enumerated() {
            out += "<section class=\"case\">\n<h2>\(escape(words.caseTitle(number + 1, item)))</h2>\n"
            out += "<p><strong>\(escape(words.suspected + colon))</strong>\(escape(item.explanation))</p>\n"
            out += "<table>\n<tr>"
            for label in [
                words.time, words.amount, words.direction, words.counterparty, words.transactionID,
                words.merchantOrderID, words.method, words.status,
            ] {
                out += "<th>\(escape(label))</th>"
            }
            out += "</tr>\n"
            for row in item.rows {
                let time = words.time(row)
                out += "<tr><td>\(escape(time))</td><td class=\"amount\">\(escape(row.amount))</td>"
                for value in [
                    row.direction, row.counterparty, row.transactionID, row.merchantOrderID, row.method, row.status,
                ] {
                    out += "<td>\(escape(words.cell(value)))</td>"
                }
                out += "</tr>\n"
            }
            out += "</table>\n"
            if !item.totals.isEmpty {
                out +=
                    "<p><strong>\(escape(words.total + colon))</strong>\(escape(item.totals.joined(separator: " + ")))</p>\n"
            }
            if item.regularRowsLeftOut > 0 { out += "<p>\(escape(words.leftOut(item.regularRowsLeftOut)))</p>\n" }
            out += "<p><strong>\(escape(words.account + colon))</strong></p>\n"
            out += "<div class=\"note\">\(escape(words.accountPrompt))</div>\n"
            out += "<p><strong>\(escape(words.requests + colon))</strong></p>\n<ul class=\"check\">\n"
            for request in words.requestItems { out += "<li>\(escape(request))</li>\n" }
            out += "</ul>\n<p><strong>\(escape(words.questions + colon))</strong></p>\n<ol>\n"
            for question in item.questions { out += "<li>\(escape(question))</li>\n" }
            out += "</ol>\n</section>\n"
        }
        out += "<h2>\(escape(words.evidence))</h2>\n<ul class=\"check\">\n"
        for evidence in words.evidenceItems(report.files) { out += "<li>\(escape(evidence))</li>\n" }
        out += "</ul>\n<p>\(escape(words.closing))</p>\n</body>\n</html>\n"
        return out
    }

    /// Text for element content and attribute values: on one line without control characters
    /// (PrintableText), the five HTML specials as entities.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in PrintableText.oneLine(text).unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
