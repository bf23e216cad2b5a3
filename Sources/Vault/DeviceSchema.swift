// Tables for device identities (issue: phone migration). The X25519 identity is sealed per row.
import GRDB

enum DeviceSchema {
    static let counted: [(table: String, field: String)] = [("device_identities", "device_identities")]

    static func create(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE device_identities (
                    id TEXT PRIMARY KEY NOT NULL,
                    label TEXT NOT NULL,
                    recipient TEXT NOT NULL UNIQUE,
                    identity_sealed BLOB NOT NULL,
                    created_at TEXT NOT NULL
                );
                """)
    }
}
