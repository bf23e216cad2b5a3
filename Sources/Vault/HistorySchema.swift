// Tables for transaction history and alert acknowledgements (issue: statements and alerts).
// Plain columns, no secrets: history needs no passphrase, and backups dump every column generically.
import GRDB

enum HistorySchema {
    static let counted: [(table: String, field: String)] = [
        ("transactions", "transactions"), ("alert_acks", "alert_acks"),
    ]

    static func create(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE transactions (
                    key TEXT PRIMARY KEY NOT NULL,
                    id TEXT NOT NULL,
                    source TEXT NOT NULL,
                    source_id TEXT,
                    merchant_order_id TEXT NOT NULL DEFAULT '',
                    occurred_at INTEGER NOT NULL,
                    utc_offset_seconds INTEGER NOT NULL,
                    has_time INTEGER NOT NULL DEFAULT 1,
                    amount_minor INTEGER NOT NULL,
                    direction TEXT NOT NULL,
                    currency TEXT NOT NULL,
                    counterparty TEXT NOT NULL,
                    counterparty_account TEXT NOT NULL DEFAULT '',
                    category TEXT NOT NULL DEFAULT '',
                    note TEXT NOT NULL DEFAULT '',
                    status TEXT NOT NULL DEFAULT '',
                    method TEXT NOT NULL DEFAULT '',
                    balance_minor INTEGER,
                    is_refund INTEGER NOT NULL DEFAULT 0,
                    refund_of TEXT,
                    cross_border INTEGER NOT NULL DEFAULT 0,
                    original_currency TEXT NOT NULL DEFAULT '',
                    source_file TEXT NOT NULL DEFAULT '',
                    source_line INTEGER NOT NULL DEFAULT 0,
                    imported_at TEXT NOT NULL
                );
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

    /// History belongs to a named profile (a support agent keeps each customer apart). Rows stored
    /// before profiles existed, and rows of a backup written before them, take the default `me`.
    /// The primary keys stay single columns (backups and restore merges match rows on them): a
    /// profile other than `me` prefixes its keys and alert ids with `@profile/` (docs/statements.md).
    static func addProfiles(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE transactions ADD COLUMN profile TEXT NOT NULL DEFAULT 'me';
                ALTER TABLE alert_acks ADD COLUMN profile TEXT NOT NULL DEFAULT 'me';
                CREATE INDEX transactions_profile_time ON transactions(profile, occurred_at);
                """)
    }

    /// The digits of an amount beyond its currency's minor unit (OFX brokerage rows carry four
    /// decimals: `115.8331` USD is `amount_minor` 11583 + `amount_sub_minor` 3100), so history keeps the
    /// exact amount the statement gave. Rows stored before, and older backups, take 0.
    static func addSubMinorAmounts(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE transactions ADD COLUMN amount_sub_minor INTEGER NOT NULL DEFAULT 0")
    }

    /// The alert ids scans of this vault printed, so `history ack` accepts those and no others. Local to
    /// the vault (never in a backup: an internal table); ids are stored as alert_acks stores them.
    static func addScanAlerts(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE scan_alerts (
                    id TEXT PRIMARY KEY NOT NULL,
                    kind TEXT NOT NULL,
                    transaction_ids TEXT NOT NULL,
                    profile TEXT NOT NULL DEFAULT 'me',
                    seen_at TEXT NOT NULL
                );
                """)
    }
}
