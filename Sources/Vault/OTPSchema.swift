// Tables for two-factor accounts and recovery codes (issue: two-factor). Secrets are sealed per row.
import GRDB

enum OTPSchema {
    static let counted: [(table: String, field: String)] = [
        ("otp_accounts", "otp_accounts"), ("recovery_codes", "recovery_codes"),
    ]

    static func create(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE otp_accounts (
                    id TEXT PRIMARY KEY NOT NULL,
                    issuer TEXT NOT NULL,
                    account TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    algorithm TEXT NOT NULL,
                    digits INTEGER NOT NULL,
                    period INTEGER NOT NULL,
                    counter INTEGER NOT NULL DEFAULT 0,
                    secret_sealed BLOB NOT NULL,
                    last_accepted_step INTEGER,
                    created_at TEXT NOT NULL,
                    UNIQUE (issuer, account)
                );
                CREATE TABLE recovery_codes (
                    id TEXT PRIMARY KEY NOT NULL,
                    account_id TEXT NOT NULL REFERENCES otp_accounts(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    code_sealed BLOB NOT NULL,
                    used_at TEXT
                );
                CREATE INDEX recovery_codes_account ON recovery_codes(account_id);
                """)
    }
}
