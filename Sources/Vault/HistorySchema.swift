// Tables for transaction history and alert acknowledgements (issue: statements and alerts).
import GRDB

enum HistorySchema {
    static let counted: [(table: String, field: String)] = [
        ("transactions", "transactions"), ("alert_acks", "alert_acks"),
    ]

    static func create(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE transactions (
                    id INTEGER PRIMARY KEY,
                    source TEXT NOT NULL,
                    source_id TEXT,
                    fingerprint TEXT NOT NULL,
                    occurred_at TEXT NOT NULL,
                    utc_offset_seconds INTEGER NOT NULL,
                    amount_minor INTEGER NOT NULL,
                    currency TEXT NOT NULL,
                    counterparty TEXT NOT NULL,
                    category TEXT NOT NULL DEFAULT '',
                    description TEXT NOT NULL DEFAULT '',
                    status TEXT NOT NULL DEFAULT '',
                    balance_minor INTEGER,
                    extra TEXT NOT NULL DEFAULT '{}',
                    imported_at TEXT NOT NULL
                );
                CREATE UNIQUE INDEX transactions_source_id ON transactions(source, source_id) WHERE source_id IS NOT NULL;
                CREATE UNIQUE INDEX transactions_fingerprint ON transactions(fingerprint) WHERE source_id IS NULL;
                CREATE INDEX transactions_time ON transactions(occurred_at);
                CREATE TABLE alert_acks (
                    id TEXT PRIMARY KEY NOT NULL,
                    kind TEXT NOT NULL,
                    transaction_ids TEXT NOT NULL,
                    note TEXT NOT NULL DEFAULT '',
                    acknowledged_at TEXT NOT NULL
                );
                """)
    }
}
