// One rule for rows sharing a source id within a file, the same in `scan` and `history import`:
// distinct rows stay distinct (the later ones get `#2`, `#3`), only identical rows are one row,
// and re-importing the file (or an overlapping one) adds nothing.
import History
import Statements
import Vault
import WalletCrypto
import XCTest

final class SameIDRuleTests: XCTestCase {
    var folder = ""

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "same-id-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: folder + "-files", withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: folder)
        try? FileManager.default.removeItem(atPath: folder + "-files")
    }

    /// An OFX statement: each (date, amount, FITID, name) becomes one STMTTRN.
    func ofx(_ name: String, _ rows: [(String, String, String, String)]) throws -> String {
        let body = rows.map { date, amount, id, payee in
            "<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>\(date)<TRNAMT>\(amount)<FITID>\(id)<NAME>\(payee)</STMTTRN>"
        }
        let text =
            "OFXHEADER:100\nDATA:OFXSGML\n\n<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>USD<BANKTRANLIST>\n"
            + body.joined(separator: "\n") + "\n</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>\n"
        let path = folder + "-files/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func vault() throws -> Vault {
        try Vault.create(at: folder, passphrase: SecureBytes(Array("test-only passphrase".utf8)), kdf: .minimum).0
    }

    func testDistinctRowsSharingAnIdAreBothScannedAndBothStored() throws {
        let file = try ofx(
            "same-id.ofx",
            [
                ("20240105120000", "-12.00", "A1", "Coffee"), ("20240106120000", "-80.00", "A1", "Grocer"),
                ("20240107120000", "-5.00", "B2", "Bus"),
            ])
        let scan = try StatementScan.run(ScanRequest(files: [file], useHistory: false), history: nil)
        XCTAssertEqual(scan.scannedRows, 3)
        XCTAssertEqual(scan.ledger.items.map(\.id), ["A1", "A1#2", "B2"])
        XCTAssertEqual(scan.ledger.items.map(\.transaction.sourceID), ["A1", "A1", "B2"])

        let vault = try vault()
        let report = try StatementScan.importFiles(ScanRequest(files: [file]), into: vault)
        XCTAssertEqual(report.files.map(\.added), [3], "the second A1 row is not lost from history")
        let stored = try vault.historyTransactions()
        XCTAssertEqual(stored.map(\.transaction.amountMinor), [1200, 8000, 500])
        XCTAssertEqual(Set(stored.map(\.key)), Set(scan.ledger.items.map(\.key)), "scan and import agree")

        let again = try StatementScan.importFiles(ScanRequest(files: [file]), into: vault)
        XCTAssertEqual(again.files.map(\.added), [0])
        XCTAssertEqual(again.files.map(\.alreadyPresent), [3])
        XCTAssertEqual(try vault.historyTransactions().count, 3)
    }

    /// A source id that itself reads like a numbered one (`A1#2`, before or after two different `A1`
    /// rows) keeps its own id; the second `A1` row skips to `A1#3`, so all four rows are stored.
    func testALiteralNumberedIdIsNotTakenByARepeatedOne() throws {
        for literalFirst in [true, false] {
            var rows = [
                ("20240105120000", "-12.00", "A1", "Coffee"), ("20240106120000", "-80.00", "A1", "Grocer"),
                ("20240107120000", "-5.00", "B2", "Bus"),
            ]
            rows.insert(("20240108120000", "-3.00", "A1#2", "Stamp"), at: literalFirst ? 0 : 3)
            let file = try ofx("literal-\(literalFirst).ofx", rows)
            let scan = try StatementScan.run(ScanRequest(files: [file], useHistory: false), history: nil)
            let ids = scan.ledger.items.map(\.id)
            XCTAssertEqual(Set(ids), ["A1", "A1#3", "B2", "A1#2"], "\(ids)")
            XCTAssertEqual(Set(ids).count, 4)
            let stamp = try XCTUnwrap(scan.ledger.items.first { $0.transaction.counterparty == "Stamp" })
            XCTAssertEqual(stamp.id, "A1#2", "the literal id stays the row's own")

            let vault = try vault()
            let report = try StatementScan.importFiles(ScanRequest(files: [file]), into: vault)
            XCTAssertEqual(report.files.map(\.added), [4], "no row is lost to a shared key")
            try FileManager.default.removeItem(atPath: vault.folder)
        }
    }

    func testAnIdenticalRepeatedRowCountsOnce() throws {
        let row = ("20240105120000", "-12.00", "A1", "Coffee")
        let file = try ofx("repeat.ofx", [row, ("20240106120000", "-7.00", "C3", "Tea"), row])
        let scan = try StatementScan.run(ScanRequest(files: [file], useHistory: false), history: nil)
        XCTAssertEqual(scan.scannedRows, 2)
        XCTAssertEqual(scan.files.map(\.identicalRows), [1])
        XCTAssertEqual(scan.ledger.items.map(\.id), ["A1", "C3"])

        let vault = try vault()
        let report = try StatementScan.importFiles(ScanRequest(files: [file]), into: vault)
        XCTAssertEqual(report.files.map(\.added), [2])
        XCTAssertEqual(report.files.map(\.identicalRows), [1])
        XCTAssertEqual(try vault.historyTransactions().count, 2)
    }

    func testReimportingAnOverlappingFileAddsNothingNew() throws {
        let first = try ofx(
            "jan.ofx",
            [("20240105120000", "-12.00", "A1", "Coffee"), ("20240106120000", "-80.00", "A1", "Grocer")])
        let second = try ofx(
            "jan-feb.ofx",
            [
                ("20240105120000", "-12.00", "A1", "Coffee"), ("20240106120000", "-80.00", "A1", "Grocer"),
                ("20240203120000", "-9.00", "D4", "Bakery"),
            ])
        let vault = try vault()
        _ = try StatementScan.importFiles(ScanRequest(files: [first]), into: vault)
        let report = try StatementScan.importFiles(ScanRequest(files: [second]), into: vault)
        XCTAssertEqual(report.files.map(\.added), [1])
        XCTAssertEqual(report.files.map(\.alreadyPresent), [2])
        let scan = try StatementScan.run(ScanRequest(files: [first, second], useHistory: false), history: nil)
        XCTAssertEqual(scan.scannedRows, 3)
        XCTAssertEqual(scan.overlappingRows, 2)
    }

    func testIdentifyLeavesIdlessIdenticalRowsDistinct() {
        // Two identical QIF-style rows without ids are two purchases (fingerprint occurrences), not one.
        let row = Transaction(
            timestamp: 0, hasTime: false, amountMinor: 350, direction: .outflow, counterparty: "Cafe", source: .qif)
        var repeats = 0
        let items = IdentifiedTransaction.identify([row, row], fileIndex: 0, identicalRepeats: &repeats)
        XCTAssertEqual(items.count, 2)
        XCTAssertEqual(repeats, 0)
        XCTAssertNotEqual(items[0].id, items[1].id)
    }
}
