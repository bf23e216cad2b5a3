// Transaction history in the vault (no passphrase needed): import with dedup on the source id or
// fingerprint, read back as the detectors' baseline, summary stats, and alert acknowledgements.
import Anomaly
import Foundation
import GRDB
import Statements
import Vault
import WalletCore

/// What storing one batch of transactions did.
public struct HistoryImportResult: Encodable, Sendable, Equatable {
    /// Rows stored now.
    public var added: Int
    /// Rows skipped because their key (source id or fingerprint) was already stored.
    public var alreadyPresent: Int
    /// Keys of the rows this import added (for reporting alerts on new rows only).
    public var addedKeys: Set<String>

    enum CodingKeys: String, CodingKey { case added, alreadyPresent }
}

/// A summary of the stored history (`walletsec history stats`): the counts and dates are the
/// profile's, `profiles` counts every profile's rows.
public struct HistoryStats: Codable, Sendable, Equatable {
    /// Stored transactions of the profile.
    public var transactions: Int
    /// Local time of the oldest and newest one, nil when the history is empty.
    public var first: String?
    /// Local time of the newest one.
    public var last: String?
    /// Stored transactions per source format (`SourceFormat.rawValue`).
    public var bySource: [String: Int]
    /// Alerts the user has acknowledged in the profile.
    public var acknowledgedAlerts: Int
    /// The profile these counts describe.
    public var profile: String
    /// Stored transactions per profile, by name: every profile with rows, and the one asked about.
    public var profiles: [ProfileCount]
}

/// One profile's share of the history (an array, not an object: profile names are data, not keys).
public struct ProfileCount: Codable, Sendable, Equatable {
    /// The profile's name.
    public var name: String
    /// Its stored transactions.
    public var transactions: Int
}

/// An alert the user has seen and accepted: later scans leave it out.
public struct AlertAcknowledgement: Codable, Sendable, Equatable {
    /// The alert id (`dup-1a2b3c4d`).
    public var id: String
    /// `AlertKind.rawValue`.
    public var kind: String
    /// The alert's transactions when the history still produced it at acknowledgement time.
    public var transactionIds: [String]
    /// Why the user accepted it.
    public var note: String
    /// ISO 8601 time of the acknowledgement.
    public var acknowledgedAt: String
}

/// What ``Vault/acknowledgeAlert(id:note:)`` did.
public struct AcknowledgeOutcome: Sendable, Equatable {
    /// The kind the id names.
    public var kind: AlertKind
    /// False when the alert was acknowledged before (nothing changed).
    public var added: Bool
    /// Whether the stored history still produces this alert (its transactions were recorded).
    public var foundInHistory: Bool
}

extension Vault {
    /// Adds transactions not stored yet, in one transaction: all or nothing. Rows whose key (source id,
    /// else fingerprint) is already stored are counted, not duplicated.
    ///
    /// ```swift
    /// let statement = try StatementReader.read(path: "alipay.csv", options: ReadOptions())
    /// let items = IdentifiedTransaction.identify(statement.transactions, fileIndex: 0)
    /// let result = try vault.importTransactions(items, sourceFile: statement.file)
    /// ```
    public func importTransactions<Items: Collection<IdentifiedTransaction>>(
        _ items: Items, sourceFile: String = "", profile: HistoryProfile = .defaultProfile
    ) throws -> HistoryImportResult {
        let now = ISO8601.string(Date())
        let fileName = FileSystem.baseName(sourceFile)
        return try historyWrite { db in
            var result = HistoryImportResult(added: 0, alreadyPresent: 0, addedKeys: [])
            let statement = try db.cachedStatement(
                sql: """
                    INSERT INTO transactions (key, id, source, source_id, merchant_order_id, occurred_at,
                        utc_offset_seconds, has_time, amount_minor, direction, currency, counterparty,
                        counterparty_account, category, note, status, method, balance_minor, is_refund, refund_of,
                        cross_border, original_currency, source_file, source_line, imported_at, profile,
                        amount_sub_minor)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(key) DO NOTHING
                    """)
            for item in items {
                let t = item.transaction
                let arguments: [(any DatabaseValueConvertible)?] = [
                    profile.stored(item.key), item.id, t.source.rawValue, t.sourceID, t.merchantOrderID, t.timestamp,
                    Int(t.utcOffsetSeconds), t.hasTime, t.amountMinor, t.direction.rawValue, t.currency,
                    t.counterparty, t.counterpartyAccount, t.category, t.note, t.status, t.method, t.balanceMinor,
                    t.isRefund, t.refundOf, t.crossBorder, t.originalCurrency, fileName, Int(t.line), now, profile.name,
                    Int(t.amountSubMinor),
                ]
                try statement.execute(arguments: StatementArguments(arguments))
                if db.changesCount > 0 {
                    result.added += 1
                    result.addedKeys.insert(item.key)
                } else {
                    result.alreadyPresent += 1
                }
            }
            return result
        }
    }

    /// The profile's stored transactions (oldest first), optionally only from `since` (unix seconds) on.
    public func historyTransactions(
        since: Int64? = nil, limit: Int? = nil, newestFirst: Bool = false, profile: HistoryProfile = .defaultProfile
    ) throws -> [IdentifiedTransaction] {
        try historyRead { db in
            var sql = "SELECT * FROM transactions WHERE profile = ?"
            var arguments: [any DatabaseValueConvertible] = [profile.name]
            if let since {
                sql += " AND occurred_at >= ?"
                arguments.append(since)
            }
            sql += " ORDER BY occurred_at \(newestFirst ? "DESC" : "ASC"), rowid"
            if let limit {
                sql += " LIMIT ?"
                arguments.append(limit)
            }
            let cursor = try Row.fetchCursor(db, sql: sql, arguments: StatementArguments(arguments))
            var result: [IdentifiedTransaction] = []
            while let row = try cursor.next() {
                let source = SourceFormat(rawValue: row["source"]) ?? .csv
                let transaction = Transaction(
                    sourceID: row["source_id"], merchantOrderID: row["merchant_order_id"],
                    timestamp: row["occurred_at"],
                    utcOffsetSeconds: Int32(clamping: row["utc_offset_seconds"] as Int64),
                    hasTime: row["has_time"], amountMinor: row["amount_minor"],
                    direction: Direction(rawValue: row["direction"]) ?? .neutral, currency: row["currency"],
                    counterparty: row["counterparty"], counterpartyAccount: row["counterparty_account"],
                    category: row["category"], note: row["note"], status: row["status"], method: row["method"],
                    balanceMinor: row["balance_minor"], isRefund: row["is_refund"], refundOf: row["refund_of"],
                    crossBorder: row["cross_border"], originalCurrency: row["original_currency"], source: source,
                    line: Int32(truncatingIfNeeded: row["source_line"] as Int),
                    // Range-checked on restore; clamped again so a hand-edited vault cannot trap here.
                    amountSubMinor: UInt16(clamping: min(max(row["amount_sub_minor"] as Int64, 0), 9999)))
                result.append(
                    IdentifiedTransaction(transaction: transaction, id: row["id"], fileIndex: -1))
            }
            return result
        }
    }

    /// Counts and date range of the profile's stored history, and every profile's row count.
    public func historyStats(profile: HistoryProfile = .defaultProfile) throws -> HistoryStats {
        try historyRead { db in
            var bySource: [String: Int] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT source, COUNT(*) AS n FROM transactions WHERE profile = ? GROUP BY source",
                arguments: [profile.name])
            {
                bySource[row["source"]] = row["n"]
            }
            var profiles: [String: Int] = [profile.name: 0]
            for row in try Row.fetchAll(db, sql: "SELECT profile, COUNT(*) AS n FROM transactions GROUP BY profile") {
                profiles[row["profile"]] = row["n"]
            }
            let bounds = try Row.fetchOne(
                db,
                sql: """
                    SELECT MIN(occurred_at) AS first, MAX(occurred_at) AS last, COUNT(*) AS n,
                        (SELECT utc_offset_seconds FROM transactions WHERE profile = ?1
                            ORDER BY occurred_at LIMIT 1) AS first_offset,
                        (SELECT utc_offset_seconds FROM transactions WHERE profile = ?1
                            ORDER BY occurred_at DESC LIMIT 1) AS last_offset
                    FROM transactions WHERE profile = ?1
                    """, arguments: [profile.name])
            func text(_ column: String, _ offsetColumn: String) -> String? {
                guard let bounds, let seconds = bounds[column] as Int64? else { return nil }
                let offset = Int32(bounds[offsetColumn] as Int? ?? 0)
                return ByteParsing.formatLocal(timestamp: seconds, offsetSeconds: offset)
            }
            return HistoryStats(
                transactions: bounds?["n"] ?? 0, first: text("first", "first_offset"),
                last: text("last", "last_offset"), bySource: bySource,
                acknowledgedAlerts: try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM alert_acks WHERE profile = ?", arguments: [profile.name]) ?? 0,
                profile: profile.name,
                profiles: profiles.keys.sorted().map { ProfileCount(name: $0, transactions: profiles[$0] ?? 0) })
        }
    }

    /// Records that the user has seen and accepted the alert `id` (as a scan printed it), with the
    /// alert's transactions when the stored history still produces it.
    ///
    /// ```swift
    /// let outcome = try vault.acknowledgeAlert(id: "rec-0c1d2e3f", note: "price rise was announced")
    /// ```
    /// Throws ``HistoryError/notAnAlertID(_:)`` for text that is not an alert id.
    public func acknowledgeAlert(id: String, note: String, profile: HistoryProfile = .defaultProfile) throws
        -> AcknowledgeOutcome
    {
        let parts = id.split(separator: "-")
        guard parts.count == 2, parts[1].count == 8, parts[1].allSatisfy(\.isHexDigit),
            let kind = AlertKind.allCases.first(where: { Alert.prefix(of: $0) == parts[0] })
        else { throw HistoryError.notAnAlertID(id) }
        let history = try historyTransactions(profile: profile)
        let found = Detection.run(Ledger(items: history)).first { $0.id == id }
        var transactionIds = found?.transactionIds ?? []
        if found == nil {
            // Not in the stored history: only an id a scan of this vault printed may be acknowledged.
            let seen = try historyRead { db in
                try String.fetchOne(
                    db, sql: "SELECT transaction_ids FROM scan_alerts WHERE id = ? AND profile = ?",
                    arguments: [profile.stored(id), profile.name])
            }
            guard let seen else { throw HistoryError.unknownAlert(id) }
            transactionIds = seen.isEmpty ? [] : seen.split(separator: ",").map(String.init)
        }
        let added = try storeAcknowledgement(
            id: id, kind: kind.rawValue, transactionIds: transactionIds, note: note, profile: profile)
        return AcknowledgeOutcome(kind: kind, added: added, foundInHistory: found != nil)
    }

    /// Remembers the alerts a scan printed, so `history ack` can accept exactly those ids. On read-only
    /// media nothing can be remembered; the scan itself still succeeds.
    func recordScanAlerts(_ alerts: [Alert], profile: HistoryProfile) throws {
        guard !alerts.isEmpty else { return }
        let now = ISO8601.string(Date())
        do {
            try historyWrite { db in
                let statement = try db.makeStatement(
                    sql: """
                        INSERT INTO scan_alerts (id, kind, transaction_ids, profile, seen_at) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT(id) DO UPDATE SET seen_at = excluded.seen_at
                        """)
                for alert in alerts {
                    try statement.execute(arguments: [
                        profile.stored(alert.id), alert.kind.rawValue, alert.transactionIds.joined(separator: ","),
                        profile.name, now,
                    ])
                }
            }
        } catch VaultError.readOnlyMedia {
            return
        }
    }

    /// Stores an acknowledgement; false when it was already stored.
    func storeAcknowledgement(
        id: String, kind: String, transactionIds: [String], note: String, profile: HistoryProfile = .defaultProfile
    ) throws -> Bool {
        let now = ISO8601.string(Date())
        return try historyWrite { db in
            try db.execute(
                sql: """
                    INSERT INTO alert_acks (id, kind, transaction_ids, note, acknowledged_at, profile)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT(id) DO NOTHING
                    """,
                arguments: [profile.stored(id), kind, transactionIds.joined(separator: ","), note, now, profile.name])
            return db.changesCount > 0
        }
    }

    /// The profile's acknowledgements, oldest first.
    public func acknowledgements(profile: HistoryProfile = .defaultProfile) throws -> [AlertAcknowledgement] {
        try historyRead { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM alert_acks WHERE profile = ? ORDER BY acknowledged_at, id",
                arguments: [profile.name]
            ).map { row in
                let ids: String = row["transaction_ids"]
                return AlertAcknowledgement(
                    id: profile.unstored(row["id"]), kind: row["kind"],
                    transactionIds: ids.isEmpty ? [] : ids.split(separator: ",").map(String.init), note: row["note"],
                    acknowledgedAt: row["acknowledged_at"])
            }
        }
    }

    /// Deletes the profile's stored transactions (all, or those before `before`); returns how many.
    public func forgetHistory(before: Int64?, profile: HistoryProfile = .defaultProfile) throws -> Int {
        try historyWrite { db in
            if let before {
                try db.execute(
                    sql: "DELETE FROM transactions WHERE profile = ? AND occurred_at < ?",
                    arguments: [profile.name, before])
            } else {
                try db.execute(sql: "DELETE FROM transactions WHERE profile = ?", arguments: [profile.name])
            }
            return db.changesCount
        }
    }

    private func historyRead<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try read(body)
        } catch let error as DatabaseError {
            throw Self.historyError(error)
        }
    }

    private func historyWrite<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try write(body)
        } catch let error as DatabaseError {
            throw Self.historyError(error)
        }
    }

    private static func historyError(_ error: DatabaseError) -> HistoryError {
        if error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED { return .busy }
        return .storageFailed(detail: error.message)
    }
}
