// Waiting out the "busy" answers SQLite gives a connection that is opening without consulting its busy
// timeout.

import Foundation
import GRDB

/// How long a command waits for another walletsec process before it reports ``VaultError/busy``.
let busyTimeoutSeconds = 15

/// Runs `open` (open a connection and use it once) again while SQLite answers SQLITE_BUSY, for up to
/// the busy timeout.
///
/// SQLite's busy handler waits for other connections' locks, except where waiting could deadlock: a
/// connection that holds a read lock and needs the write lock while another connection writes is told
/// "busy" at once. Opening meets that when GRDB's writer runs `PRAGMA journal_mode = WAL` on a vault
/// still in rollback-journal mode (made by an earlier walletsec) beside another writer: a command run
/// beside another one failed with exit 5 instead of waiting. Nothing has been read or written when
/// `open` fails there, so opening again is safe; anything else, or the same answer past the timeout,
/// is thrown as it was. New vaults and restored files are made in WAL mode (``Vault/makeWAL(_:)``), so
/// for them this is only a safety net.
func retryingWhileBusy<T>(_ open: () throws -> T) throws -> T {
    let clock = ContinuousClock()
    let deadline = clock.now.advanced(by: .seconds(busyTimeoutSeconds))
    var pauseMicroseconds: UInt32 = 1_000
    while true {
        do {
            return try open()
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && clock.now < deadline {
            usleep(pauseMicroseconds)
            pauseMicroseconds = min(pauseMicroseconds * 2, 50_000)
        }
    }
}
