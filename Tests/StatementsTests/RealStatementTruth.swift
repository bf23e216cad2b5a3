// The committed ground truth for the public sample statements in ../shared/real-statements/
// (RealStatements/expected.json, written by scripts/real-statements-truth/ — an independent Python
// reading of each file's own columns) and one comparison every format's tests share: OFX, QIF and
// rules-CSV tests load the same entries and call `mismatches(_:against:)` on what they read.
import Foundation
import Statements
import XCTest

struct RealStatementTruth {
    /// One expected transaction, as the script read it from the file.
    struct Expected: Decodable {
        /// `YYYY-MM-DD`; nil where the file's date cannot be read (a file meant to fail).
        var date: String?
        /// `HH:MM:SS` or `HH:MM`; nil when the file has no time of day.
        var time: String?
        /// `+08:00`; nil when the file does not say (the reader's choice is then not checked).
        var utcOffset: String?
        /// `in`, `out` or `neutral` (zero amounts are neutral); nil where the file gives no amount.
        var direction: String?
        /// Exact decimal magnitude as written (no sign, currency text or thousands separators).
        var amount: String?
        var currency: String?
        var id: String?
        var refunded: String?
        var row: Int?

        enum CodingKeys: String, CodingKey {
            case date, time, direction, amount, currency, id, refunded, row
            case utcOffset = "utc_offset"
        }
    }

    /// One file: its path under real-statements/ and every transaction in file order.
    struct Entry: Decodable {
        var path: String
        var format: String
        var layout: String?
        var encoding: String?
        var transactionCount: Int
        var transactions: [Expected]

        enum CodingKeys: String, CodingKey {
            case path, format, layout, encoding, transactions
            case transactionCount = "transaction_count"
        }
    }

    private struct Document: Decodable { var files: [Entry] }

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// `<package root>/../shared/real-statements`, or a skip when the folder is absent.
    static func sharedRoot() throws -> URL {
        let root = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/real-statements")
        guard FileManager.default.fileExists(atPath: root.path) else {
            throw XCTSkip("../shared/real-statements absent: real-statement tests skipped")
        }
        return root
    }

    static func entries() throws -> [Entry] {
        let url = packageRoot.appendingPathComponent("Tests/StatementsTests/RealStatements/expected.json")
        return try JSONDecoder().decode(Document.self, from: Data(contentsOf: url)).files
    }

    /// `expected` written at `scale` decimals, or nil when it has more significant decimals than that.
    static func minorText(_ expected: String, scale: Int) -> String? {
        var text = expected
        if !text.contains(".") { text += "." }
        var parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        while parts[1].count > scale {
            guard parts[1].last == "0" else { return nil }
            parts[1].removeLast()
        }
        parts[1] += String(repeating: "0", count: scale - parts[1].count)
        let whole = String(parts[0].drop { $0 == "0" })
        return (whole.isEmpty ? "0" : whole) + (scale > 0 ? "." + parts[1] : "")
    }

    /// Layouts whose "id" column only numbers the rows (BMO Item #, BOCOM 序号): it restarts in every
    /// statement, so the readers deliberately keep no source id (docs/statements.md) and the row
    /// number is not compared.
    static let rowNumberIDLayouts: Set<String> = ["bmo-credit", "bocom-debit"]

    /// Every difference between what a reader produced and the file's entry, one line each.
    static func mismatches(_ transactions: [Transaction], against entry: Entry) -> [String] {
        var problems: [String] = []
        if transactions.count != entry.transactionCount {
            problems.append("\(entry.path): \(transactions.count) transactions, expected \(entry.transactionCount)")
        }
        for (index, (got, want)) in zip(transactions, entry.transactions).enumerated() {
            let at = "\(entry.path) #\(index) (row \(want.row.map(String.init) ?? "?"))"
            let currency = want.currency ?? got.currency
            if let wantCurrency = want.currency, wantCurrency != got.currency {
                problems.append("\(at): currency \(got.currency), expected \(wantCurrency)")
            }
            let scale = ByteParsing.scale(ofCurrency: currency)
            let amount = ByteParsing.formatMinor(got.amountMinor, scale: scale)
            if let wantAmount = want.amount, minorText(wantAmount, scale: scale) != amount {
                problems.append("\(at): amount \(amount), expected \(wantAmount)")
            }
            if let direction = want.direction, got.direction.rawValue != direction {
                problems.append("\(at): direction \(got.direction.rawValue), expected \(direction)")
            }
            let local = ByteParsing.formatLocal(
                timestamp: got.timestamp, offsetSeconds: got.utcOffsetSeconds, withTime: true)
            // "YYYY-MM-DD HH:MM:SS +hh:mm"
            let date = String(local.prefix(10))
            if let wantDate = want.date, date != wantDate {
                problems.append("\(at): date \(date), expected \(wantDate)")
            }
            if let time = want.time {
                let gotTime = String(local.dropFirst(11).prefix(time.count))
                if !got.hasTime || gotTime != time {
                    problems.append("\(at): time \(got.hasTime ? gotTime : "none"), expected \(time)")
                }
            } else if got.hasTime {
                problems.append("\(at): has a time, the file has none")
            }
            if let offset = want.utcOffset, String(local.suffix(6)) != offset {
                problems.append("\(at): offset \(local.suffix(6)), expected \(offset)")
            }
            if let id = got.sourceID, id.unicodeScalars.contains(where: { " \t\"\r\n".unicodeScalars.contains($0) }) {
                problems.append("\(at): id \(id.debugDescription) not clean")
            }
            let rowNumberOnly = rowNumberIDLayouts.contains(entry.layout ?? "") && got.sourceID == nil
            if !rowNumberOnly, (got.sourceID ?? "") != (want.id ?? "") {
                problems.append("\(at): id \(got.sourceID ?? "nil"), expected \(want.id ?? "nil")")
            }
        }
        return problems
    }
}
