import Foundation
// Another app's SQLite database (Google/Microsoft Authenticator, Authenticator Pro), read from the bytes the
// user gave us without ever opening a file: the bytes are deserialised into an in-memory, read-only GRDB
// connection. Opening the original file, even read-only, would make SQLite create -wal/-shm files beside a WAL
// database (these apps' databases are WAL); a temp copy would put the seeds on disk again. The copy we hand to
// SQLite is zeroed when we are done. docs/2fa.md "App databases".
import GRDB
import GRDBSQLite
import WalletCrypto

/// A read-only, in-memory view of an SQLite database file's bytes, alive for one `withDatabase` call.
struct SQLiteSnapshot {
    /// Authenticator databases are a few hundred KiB; beyond this the file is refused.
    static let maxSize = 64 << 20
    static let magic = Array("SQLite format 3\0".utf8)

    private let queue: DatabaseQueue
    let app: AuthenticatorApp

    static func looksLike(_ bytes: [UInt8]) -> Bool { bytes.starts(with: magic) }

    /// Runs `body` on the database in `bytes`; throws `corrupted(app)` when SQLite does not accept them. The copy
    /// SQLite reads lives in locked memory that is wiped when `body` returns.
    static func withDatabase<R>(_ bytes: [UInt8], app: AuthenticatorApp, _ body: (SQLiteSnapshot) throws -> R)
        throws -> R
    {
        guard bytes.count >= 100, bytes.count <= maxSize, looksLike(bytes) else { throw ImportError.corrupted(app) }
        let memory = SecureBytes(bytes)
        return try memory.withUnsafeMutableBytes { buffer in
            // Header bytes 18/19 = 2 mark a WAL database; the in-memory VFS has no WAL, so read it as a
            // rollback-journal database (the user gave us the main file only; nothing is lost).
            if buffer[18] == 2 { buffer[18] = 1 }
            if buffer[19] == 2 { buffer[19] = 1 }
            let queue: DatabaseQueue
            do {
                queue = try DatabaseQueue()
            } catch {
                throw ImportError.corrupted(app)
            }
            // SQLite must let go of the buffer before the locked memory is wiped and freed.
            defer { try? queue.close() }
            do {
                try queue.writeWithoutTransaction { db in
                    let code = sqlite3_deserialize(
                        db.sqliteConnection, "main", buffer.baseAddress?.assumingMemoryBound(to: UInt8.self),
                        sqlite3_int64(buffer.count), sqlite3_int64(buffer.count),
                        UInt32(SQLITE_DESERIALIZE_READONLY))
                    guard code == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: code)) }
                    db.clearSchemaCache()
                    // Views and triggers of a file from elsewhere must not call functions with side effects.
                    try db.execute(sql: "PRAGMA trusted_schema = OFF")
                    try db.execute(sql: "PRAGMA query_only = ON")
                    _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master")
                }
            } catch {
                throw ImportError.corrupted(app)
            }
            return try body(SQLiteSnapshot(queue: queue, app: app))
        }
    }

    /// The lower-cased column names of `table` (empty when there is no such table).
    func columns(_ table: String) throws(ImportError) -> Set<String> {
        do {
            return try queue.read { db in
                Set(
                    try Row.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?)", arguments: [table]).compactMap {
                        ($0["name"] as String?)?.lowercased()
                    })
            }
        } catch {
            throw .corrupted(app)
        }
    }

    func hasTable(_ table: String) throws(ImportError) -> Bool { !(try columns(table)).isEmpty }

    /// Every row of `sql`, columns keyed by lower-cased name (integers as NSNumber, text as String, blobs as
    /// [UInt8]); more than `limit` rows → `tooManyEntries`.
    func rows(_ sql: String, limit: Int) throws(ImportError) -> [JSONObject] {
        var result: [JSONObject] = []
        do {
            try queue.read { db in
                let cursor = try Row.fetchCursor(db, sql: sql)
                while let row = try cursor.next() {
                    guard result.count < limit else { throw ImportError.malformed(app, reason: .tooManyEntries) }
                    var object: JSONObject = [:]
                    for (column, value) in row {
                        switch value.storage {
                        case .int64(let number): object[column.lowercased()] = NSNumber(value: number)
                        case .double(let number): object[column.lowercased()] = NSNumber(value: number)
                        case .string(let text): object[column.lowercased()] = text
                        case .blob(let data): object[column.lowercased()] = [UInt8](data)
                        case .null: break
                        }
                    }
                    result.append(object)
                }
            }
        } catch let error as ImportError {
            throw error
        } catch {
            throw .corrupted(app)
        }
        return result
    }
}
