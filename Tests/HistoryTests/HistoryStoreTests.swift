import Statements
import Vault
import WalletCrypto
import XCTest

// Transaction history in the vault: dedup on import, reading back, acknowledgements, forgetting.
@testable import History

final class HistoryStoreTests: XCTestCase {
    var folder = ""

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "history-\(UInt32.random(in: 0...UInt32.max))"
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: folder)
    }

    func makeVault() throws -> Vault {
        try Vault.create(
            at: folder, passphrase: SecureBytes(Array("test-only passphrase".utf8)), kdf: .minimum
        ).0
    }

    func testImportDedupsAndRoundTrips() throws {
        let vault = try makeVault()
        let rows = [
            Transaction(
                sourceID: "T1", merchantOrderID: "M1", timestamp: 1_700_000_000, amountMinor: 2816, direction: .outflow,
                counterparty: "瑞幸咖啡", category: "餐饮", note: "拿铁", status: "交易成功", balanceMinor: 100,
                source: .alipay, line: 25, amountSubMinor: 3100),
            Transaction(
                timestamp: 1_700_000_100, hasTime: false, amountMinor: 600, direction: .outflow, counterparty: "地铁",
                source: .qif),
            Transaction(
                timestamp: 1_700_000_100, hasTime: false, amountMinor: 600, direction: .outflow, counterparty: "地铁",
                source: .qif),
        ]
        let items = IdentifiedTransaction.identify(rows, fileIndex: 0)
        let first = try vault.importTransactions(items, sourceFile: "/tmp/a.csv")
        XCTAssertEqual(first.added, 3, "identical id-less rows both stay")
        XCTAssertEqual(first.alreadyPresent, 0)
        let second = try vault.importTransactions(IdentifiedTransaction.identify(rows, fileIndex: 0))
        XCTAssertEqual(second.added, 0, "re-importing adds nothing")
        XCTAssertEqual(second.alreadyPresent, 3)
        let stored = try vault.historyTransactions()
        XCTAssertEqual(stored.count, 3)
        XCTAssertEqual(
            stored[0].transaction,
            {
                var t = rows[0]
                t.line = 25
                return t
            }())
        XCTAssertEqual(Set(stored.map(\.key)), Set(items.map(\.key)))
        XCTAssertEqual(try vault.historyTransactions(since: 1_700_000_050).count, 2)
        let stats = try vault.historyStats()
        XCTAssertEqual(stats.transactions, 3)
        XCTAssertEqual(stats.bySource, ["alipay": 1, "qif": 2])
        XCTAssertEqual(try vault.status().counts["transactions"], 3)
    }

    func testAcknowledgementsAndForget() throws {
        let vault = try makeVault()
        XCTAssertTrue(
            try vault.storeAcknowledgement(
                id: "dup-00000001", kind: "duplicate", transactionIds: ["a", "b"], note: "ok"))
        XCTAssertFalse(
            try vault.storeAcknowledgement(id: "dup-00000001", kind: "duplicate", transactionIds: [], note: ""))
        let acks = try vault.acknowledgements()
        XCTAssertEqual(acks.map(\.transactionIds), [["a", "b"]])
        let rows = (0..<5).map {
            Transaction(
                sourceID: "T\($0)", timestamp: 1_700_000_000 + Int64($0) * 86400, amountMinor: 1, direction: .outflow,
                counterparty: "x", source: .wechat)
        }
        _ = try vault.importTransactions(IdentifiedTransaction.identify(rows, fileIndex: 0))
        XCTAssertEqual(try vault.forgetHistory(before: 1_700_000_000 + 2 * 86400), 2)
        XCTAssertEqual(try vault.forgetHistory(before: nil), 3)
        XCTAssertEqual(try vault.historyStats().transactions, 0)
    }
}
