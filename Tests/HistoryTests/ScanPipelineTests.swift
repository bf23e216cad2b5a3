// The scan pipeline end to end in process: two overlapping exports merged, the stored history as
// baseline (never reported), --since scoping, acknowledged alerts dropped, and import on the same path.
import Anomaly
import History
import Statements
import Vault
import WalletCrypto
import XCTest

final class ScanPipelineTests: XCTestCase {
    var folder = ""

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "scan-pipeline-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: folder + "-files", withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: folder)
        try? FileManager.default.removeItem(atPath: folder + "-files")
    }

    static let header = "交易时间,交易分类,交易对方,对方账号,商品说明,收/支,金额,收/付款方式,交易状态,交易订单号,商家订单号,备注,"

    func row(_ time: String, _ payee: String, _ amount: String, _ id: String) -> String {
        "\(time),日用百货,\(payee),,商品,支出,\(amount),余额,交易成功,\(id)\t,,,"
    }

    func write(_ name: String, _ rows: [String]) throws -> String {
        let path = folder + "-files/" + name
        try ([Self.header] + rows).joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func duplicates(_ alerts: [Alert]) -> [Set<String>] {
        let sets: [Set<String>] = alerts.filter { $0.kind == .duplicate }.map { Set<String>($0.transactionIds) }
        return sets.sorted { $0.sorted().lexicographicallyPrecedes($1.sorted()) }
    }

    func testScanMergesOverlapsUsesHistoryScopesAndDropsAcknowledged() throws {
        let vault = try Vault.create(
            at: folder, passphrase: SecureBytes(Array("test-only passphrase".utf8)), kdf: .minimum
        ).0
        // History: a double charge of its own (baseline only, never reported by a scan of other files).
        let stored = try write(
            "history.csv",
            [
                row("2023-12-20 12:00:00", "咖啡店", "30.00", "H1"), row("2023-12-20 12:05:00", "咖啡店", "30.00", "H2"),
                row("2023-12-21 09:00:00", "超市", "12.00", "H3"),
            ])
        let imported = try StatementScan.importFiles(ScanRequest(files: [stored]), into: vault)
        XCTAssertEqual(imported.files.map(\.added), [3])
        XCTAssertEqual(duplicates(imported.alerts), [["H1", "H2"]], "import reports alerts on the rows it added")

        let first = try write(
            "a.csv",
            [
                row("2024-01-02 18:00:00", "餐厅", "40.00", "T5"), row("2024-01-02 18:04:00", "餐厅", "40.00", "T6"),
                row("2024-01-05 10:00:00", "书店", "50.00", "T1"), row("2024-01-05 10:03:00", "书店", "50.00", "T2"),
            ])
        let second = try write(
            "b.csv",
            [
                row("2024-01-05 10:03:00", "书店", "50.00", "T2"),
                row("2024-01-10 10:00:00", "花店", "80.00", "T3"), row("2024-01-10 10:02:00", "花店", "80.00", "T4"),
                row("2023-12-21 09:00:00", "超市", "12.00", "H3"),
            ])
        let since = ByteParsing.daysFromCivil(year: 2024, month: 1, day: 3)
        let request = ScanRequest(files: [first, second], sinceDay: since)
        let result = try StatementScan.run(request, history: vault)
        XCTAssertEqual(result.files.map(\.rows), [4, 4])
        XCTAssertEqual(result.overlappingRows, 1, "T2 is in both exports")
        XCTAssertEqual(result.scannedRows, 7)
        XCTAssertEqual(result.historyRows, 2, "H3 is in a scanned file, so only H1 and H2 are baseline")
        XCTAssertEqual(result.ledger.items.count, 9)
        XCTAssertEqual(result.ledger.items.filter { $0.id == "T2" }.count, 1)
        // T5/T6 are before --since and H1/H2 are history: neither pair is reported.
        XCTAssertEqual(duplicates(result.alerts), [["T1", "T2"], ["T3", "T4"]])
        XCTAssertEqual(result.acknowledgedCount, 0)

        let bookshop = try XCTUnwrap(result.alerts.first { $0.transactionIds.sorted() == ["T1", "T2"] })
        let outcome = try vault.acknowledgeAlert(id: bookshop.id, note: "two books")
        XCTAssertEqual(outcome.kind, .duplicate)
        XCTAssertTrue(outcome.added)
        XCTAssertFalse(outcome.foundInHistory, "its rows are in the scanned files, not the history")
        XCTAssertFalse(try vault.acknowledgeAlert(id: bookshop.id, note: "again").added)

        let again = try StatementScan.run(request, history: vault)
        XCTAssertEqual(duplicates(again.alerts), [["T3", "T4"]], "the acknowledged alert is dropped")
        XCTAssertEqual(again.acknowledgedCount, 1)
        XCTAssertNotNil(again.alert(id: bookshop.id), "still found for --explain")

        var including = request
        including.includeAcknowledged = true
        XCTAssertEqual(
            duplicates(try StatementScan.run(including, history: vault).alerts), [["T1", "T2"], ["T3", "T4"]])

        var alone = request
        alone.useHistory = false
        let withoutHistory = try StatementScan.run(alone, history: vault)
        XCTAssertEqual(withoutHistory.historyRows, 0)
        XCTAssertEqual(duplicates(withoutHistory.alerts), [["T1", "T2"], ["T3", "T4"]], "no acknowledgements either")
        XCTAssertEqual(try StatementScan.run(request, history: nil).historyRows, 0)
    }

    func testImportStoresEachFileAndReportsOnlyNewRows() throws {
        let vault = try Vault.create(
            at: folder, passphrase: SecureBytes(Array("test-only passphrase".utf8)), kdf: .minimum
        ).0
        let first = try write(
            "a.csv",
            [row("2024-01-05 10:00:00", "书店", "50.00", "T1"), row("2024-01-05 10:03:00", "书店", "50.00", "T2")])
        let second = try write(
            "b.csv",
            [
                row("2024-01-05 10:03:00", "书店", "50.00", "T2"),
                row("2024-01-10 10:00:00", "花店", "80.00", "T3"), row("2024-01-10 10:02:00", "花店", "80.00", "T4"),
            ])
        _ = try StatementScan.importFiles(ScanRequest(files: [first]), into: vault)
        let report = try StatementScan.importFiles(ScanRequest(files: [first, second]), into: vault)
        XCTAssertEqual(report.files.map(\.added), [0, 2])
        XCTAssertEqual(report.files.map(\.alreadyPresent), [2, 1])
        XCTAssertEqual(report.historyRows, 4)
        XCTAssertEqual(duplicates(report.alerts), [["T3", "T4"]], "alerts on rows stored before are not repeated")
    }

    func testAnUnreadableFileStoresNothingAndNamesTheFile() throws {
        let vault = try Vault.create(
            at: folder, passphrase: SecureBytes(Array("test-only passphrase".utf8)), kdf: .minimum
        ).0
        let good = try write("a.csv", [row("2024-01-05 10:00:00", "书店", "50.00", "T1")])
        let bad = folder + "-files/bad.csv"
        try "name,value\na,1\n".write(toFile: bad, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try StatementScan.importFiles(ScanRequest(files: [good, bad]), into: vault)) { error in
            XCTAssertEqual(error as? StatementError, .unknownLayout(file: bad, expected: .auto))
        }
        XCTAssertEqual(try vault.historyStats().transactions, 0)
        XCTAssertThrowsError(try vault.acknowledgeAlert(id: "nope-1234", note: "")) { error in
            XCTAssertEqual(error as? HistoryError, .notAnAlertID("nope-1234"))
        }
    }
}
