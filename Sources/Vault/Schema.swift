// The vault's schema as an ordered list of migrations. PRAGMA user_version counts the applied ones,
// so a vault from a newer walletsec (more migrations than we know) is refused instead of corrupted.
import GRDB

/// The migrations that build a vault's tables, in order.
package enum Schema {
    /// Migrations in order. Append only: never edit or reorder a migration that has shipped.
    static var migrations: [(identifier: String, migrate: @Sendable (Database) throws -> Void)] {
        [
            ("v1-core", CoreSchema.create),
            ("v1-otp", OTPSchema.create),
            ("v1-devices", DeviceSchema.create),
            ("v1-history", HistorySchema.create),
            ("v2-history-profiles", HistorySchema.addProfiles),
            ("v3-scan-alerts", HistorySchema.addScanAlerts),
            ("v4-history-sub-minor", HistorySchema.addSubMinorAmounts),
        ]
    }

    /// The version a vault written by this build has.
    package static var currentVersion: Int { migrations.count }

    /// Tables counted by `walletsec status`, with the JSON field name for each count.
    package static var countedTables: [(table: String, field: String)] {
        OTPSchema.counted + DeviceSchema.counted + HistorySchema.counted
    }

    static func migrator() -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for (index, migration) in migrations.enumerated() {
            let version = index + 1
            migrator.registerMigration(migration.identifier) { db in
                try migration.migrate(db)
                try db.execute(sql: "PRAGMA user_version = \(version)")
            }
        }
        return migrator
    }
}

enum CoreSchema {
    static func create(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE meta (
                    key TEXT PRIMARY KEY NOT NULL,
                    value TEXT NOT NULL
                );
                CREATE TABLE key_slots (
                    id INTEGER PRIMARY KEY,
                    kind TEXT NOT NULL,
                    kdf TEXT NOT NULL,
                    ops_limit INTEGER NOT NULL,
                    mem_limit INTEGER NOT NULL,
                    salt BLOB NOT NULL,
                    wrapped_key BLOB NOT NULL,
                    checksum BLOB NOT NULL,
                    updated_at TEXT NOT NULL
                );
                CREATE TABLE settings (
                    key TEXT PRIMARY KEY NOT NULL,
                    value TEXT NOT NULL
                );
                """)
    }
}
