// History profiles: a vault written before profiles is migrated into `me`; two customers' profiles
// never share baseline, acknowledgements, stats or forgetting; the same file is stored once per profile.
import Anomaly
import GRDB
import Statements
import Vault
import WalletCrypto
import XCTest

@testable import History

final class ProfileTests: XCTestCase {
    var folder = ""

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "profiles-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: folder + "-files", withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: folder)
        try? FileManager.default.removeItem(atPath: folder + "-files")
    }

    func makeVault() throws -> Vault {
        try Vault.create(at: folder, passphrase: SecureBytes(Array("test-only passphrase".utf8)), kdf: .minimum).0
    }

    func write(_ name: String, _ rows: [String]) throws -> String {
        let header = "交易时间,交易分类,交易对方,对方账号,商品说明,收/支,金额,收/付款方式,交易状态,交易订单号,商家订单号,备注,"
        let path = folder + "-files/" + name
        try ([header] + rows).joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func row(_ time: String, _ payee: String, _ amount: String, _ id: String) -> String {
        "\(time),日用百货,\(payee),,商品,支出,\(amount),余额,交易成功,\(id)\t,,,"
    }

    func testNamesAreValidated() throws {
        for good in ["me", "wang-01", "客户_张三", String(repeating: "a", count: 64), "𠀀x"] {
            XCTAssertEqual(try HistoryProfile(good).name, good)
        }
        for bad in ["", String(repeating: "a", count: 65), "a/b", "@x", "a b", "ｗ", "é", "a\u{0}", "../x", "cust.1"] {
            XCTAssertThrowsError(try HistoryProfile(bad)) { XCTAssertEqual($0 as? HistoryError, .invalidProfile(bad)) }
        }
    }

    func testVaultFromBeforeProfilesIsMigratedIntoMe() throws {
        let vault = try makeVault()
        let rows = (0..<3).map {
            Transaction(
                sourceID: "T\($0)", timestamp: 1_700_000_000 + Int64($0), amountMinor: 100, direction: .outflow,
                counterparty: "x", source: .alipay)
        }
        let items = IdentifiedTransaction.identify(rows, fileIndex: 0)
        // Rewind the vault to the schema before profiles (what an older walletsec wrote), with its rows.
        try vault.write { db in
            try db.execute(
                sql: """
                    DROP TABLE scan_alerts;
                    DROP INDEX transactions_profile_time;
                    ALTER TABLE transactions DROP COLUMN amount_sub_minor;
                    ALTER TABLE transactions DROP COLUMN profile;
                    ALTER TABLE alert_acks DROP COLUMN profile;
                    DELETE FROM grdb_migrations
                        WHERE identifier IN ('v2-history-profiles', 'v3-scan-alerts', 'v4-history-sub-minor');
                    PRAGMA user_version = 4;
                    """)
            for item in items {
                try db.execute(
                    sql: """
                        INSERT INTO transactions (key, id, source, source_id, occurred_at, utc_offset_seconds,
                            amount_minor, direction, currency, counterparty, imported_at)
                        VALUES (?, ?, 'alipay', ?, ?, 28800, 100, 'outflow', 'CNY', 'x', '2024-01-01T00:00:00Z')
                        """,
                    arguments: [item.key, item.id, item.id, item.transaction.timestamp])
            }
            try db.execute(
                sql: """
                    INSERT INTO alert_acks (id, kind, transaction_ids, note, acknowledged_at)
                    VALUES ('dup-00000001', 'duplicate', '', 'old', '2024-01-01T00:00:00Z')
                    """)
            XCTAssertFalse(try db.columns(in: "transactions").map(\.name).contains("profile"))
        }
        let reopened = try Vault.open(at: folder)
        XCTAssertEqual(try reopened.status().schemaVersion, Schema.currentVersion)
        XCTAssertEqual(try reopened.historyTransactions().map(\.id), ["T0", "T1", "T2"])
        XCTAssertEqual(try reopened.acknowledgements().map(\.id), ["dup-00000001"])
        let stats = try reopened.historyStats()
        XCTAssertEqual(stats.profiles, [ProfileCount(name: "me", transactions: 3)])
        XCTAssertEqual(stats.acknowledgedAlerts, 1)
        // Keys stored before profiles still dedup a re-import into `me`.
        XCTAssertEqual(try reopened.importTransactions(items).alreadyPresent, 3)
        XCTAssertEqual(try reopened.historyTransactions(profile: HistoryProfile("other")).count, 0)
    }

    func testTwoProfilesAreKeptApart() throws {
        let vault = try makeVault()
        let wang = try HistoryProfile("客户-wang")
        let li = try HistoryProfile("li_02")
        // Wang's history holds a double charge at the coffee shop; Li's holds nothing.
        let history = try write(
            "wang-2023.csv",
            [row("2023-12-20 12:00:00", "咖啡店", "30.00", "H1"), row("2023-12-20 12:05:00", "咖啡店", "30.00", "H2")])
        var importRequest = ScanRequest(files: [history])
        importRequest.profile = wang
        let imported = try StatementScan.importFiles(importRequest, into: vault)
        XCTAssertEqual(imported.files.map(\.added), [2])
        // The same file into a second profile is stored again, not deduplicated against Wang's rows.
        importRequest.profile = li
        XCTAssertEqual(try StatementScan.importFiles(importRequest, into: vault).files.map(\.added), [2])
        XCTAssertEqual(try vault.status().counts["transactions"], 4)
        XCTAssertEqual(try vault.historyTransactions(profile: .defaultProfile).count, 0)

        // A scan for a third profile has no baseline; one for Wang has Wang's two rows.
        let bill = try write("bill.csv", [row("2024-01-05 10:00:00", "书店", "50.00", "T1")])
        var scan = ScanRequest(files: [bill])
        scan.profile = try HistoryProfile("zhao")
        XCTAssertEqual(try StatementScan.run(scan, history: vault).historyRows, 0)
        scan.profile = wang
        XCTAssertEqual(try StatementScan.run(scan, history: vault).historyRows, 2)

        // Acknowledging the double charge in Wang's profile leaves it reported in Li's.
        let alert = try XCTUnwrap(imported.alerts.first { $0.kind == .duplicate })
        XCTAssertTrue(try vault.acknowledgeAlert(id: alert.id, note: "wang: two coffees", profile: wang).foundInHistory)
        XCTAssertEqual(try vault.acknowledgements(profile: wang).map(\.id), [alert.id])
        XCTAssertEqual(try vault.acknowledgements(profile: li), [])
        XCTAssertEqual(try vault.acknowledgements(), [])
        XCTAssertTrue(try vault.acknowledgeAlert(id: alert.id, note: "li too", profile: li).added)
        XCTAssertEqual(try vault.acknowledgements(profile: li).map(\.note), ["li too"])
        XCTAssertEqual(try vault.acknowledgements(profile: wang).map(\.note), ["wang: two coffees"])

        let stats = try vault.historyStats(profile: wang)
        XCTAssertEqual(stats.transactions, 2)
        XCTAssertEqual(stats.profile, "客户-wang")
        XCTAssertEqual(stats.acknowledgedAlerts, 1)
        XCTAssertEqual(
            stats.profiles,
            [ProfileCount(name: "li_02", transactions: 2), ProfileCount(name: "客户-wang", transactions: 2)])
        XCTAssertEqual(try vault.historyStats().profiles.map(\.name), ["li_02", "me", "客户-wang"])

        // Forgetting Wang's history leaves Li's.
        XCTAssertEqual(try vault.forgetHistory(before: nil, profile: wang), 2)
        XCTAssertEqual(try vault.historyTransactions(profile: li).count, 2)
        XCTAssertEqual(try vault.historyStats(profile: li).transactions, 2)
    }
}
