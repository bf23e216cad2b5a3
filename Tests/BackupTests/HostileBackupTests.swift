// Crafted backups (issue #11): values a later `scan` or `2fa code` would trap on, and header counts
// that overflowed, are refused as a whole before anything reaches the vault.
import AgeFormat
import Foundation
import WalletCrypto
import XCTest

@testable import Backup
@testable import Vault

extension BackupTests {
    /// The payload lines of a real backup of a filled vault.
    func payloadLines(_ vault: Vault, key: VaultKey, identity: X25519Identity) throws -> [String] {
        let file = try backup(vault, key: key, to: identity.recipient)
        let (_, payload) = try AgeReader.open(MemorySource(file)) { _ in [identity] }
        let sink = MemorySink()
        try payload.copyAll(to: sink)
        return String(decoding: sink.bytes, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    /// Re-encrypts `lines` with the trailer's digest recomputed, so only the edited values are wrong.
    func resealed(_ lines: [String], to identity: X25519Identity) throws -> [UInt8] {
        let body = lines.dropLast().map { $0 + "\n" }.joined()
        let sha = Digest.sha256(Array(body.utf8)).map { String(format: "%02x", $0) }.joined()
        let trailer = try XCTUnwrap(lines.last).replacingOccurrences(
            of: #""records_sha256":"[0-9a-f]+""#, with: #""records_sha256":"\#(sha)""#, options: .regularExpression)
        let sink = MemorySink()
        let age = try AgeWriter(sink: sink, recipients: [identity.recipient])
        try age.write(Array((body + trailer + "\n").utf8))
        try age.finish()
        return sink.bytes
    }

    func testOutOfRangeValuesRefuseTheWholeBackup() throws {
        let (old, oldKey) = try makeVault("old")
        try fill(old, key: oldKey, transactions: 3)
        let identity = X25519Identity.generate()
        let lines = try payloadLines(old, key: oldKey, identity: identity)
        XCTAssertNoThrow(try resealed(lines, to: identity))
        let edits: [(table: String, pattern: String, replacement: String, column: String)] = [
            (
                "transactions", #""utc_offset_seconds":-?[0-9]+"#, #""utc_offset_seconds":4611686018427387904"#,
                "utc_offset_seconds"
            ),
            ("transactions", #""occurred_at":-?[0-9]+"#, #""occurred_at":-9223372036854775808"#, "occurred_at"),
            ("otp_accounts", #""counter":-?[0-9]+"#, #""counter":"""#, "counter"),
            ("otp_accounts", #""digits":-?[0-9]+"#, #""digits":9223372036854775807"#, "digits"),
        ]
        for (index, edit) in edits.enumerated() {
            let (new, newKey) = try makeVault("new\(index)")
            var edited = lines
            let row = try XCTUnwrap(edited.firstIndex { $0.contains(#""table":"\#(edit.table)""#) }, edit.column)
            edited[row] = edited[row].replacingOccurrences(
                of: edit.pattern, with: edit.replacement, options: .regularExpression)
            XCTAssertNotEqual(edited[row], lines[row], edit.column)
            for mode in [RestoreMode.fresh, .merge] {
                XCTAssertThrowsError(
                    try restore(
                        try resealed(edited, to: identity), into: new, key: newKey, mode: mode, identity: identity)
                ) {
                    XCTAssertEqual(
                        $0 as? BackupError,
                        .invalidContents(.badValue(record: row + 1, table: edit.table, column: edit.column)))
                }
                XCTAssertFalse(try new.holdsData(), edit.column)
            }
        }
    }

    /// Header counts of 2^63−1 overflowed summing them (BackupReader); negative counts are as impossible.
    func testImpossibleHeaderCountsAreRefused() throws {
        let (old, oldKey) = try makeVault("old")
        try fill(old, key: oldKey, transactions: 1)
        let identity = X25519Identity.generate()
        let lines = try payloadLines(old, key: oldKey, identity: identity)
        for count in ["9223372036854775807", "-1"] {
            var edited = lines
            edited[0] = edited[0].replacingOccurrences(
                of: #""transactions":[0-9]+"#, with: #""transactions":\#(count)"#, options: .regularExpression)
            XCTAssertNotEqual(edited[0], lines[0])
            let (new, newKey) = try makeVault("new\(count)")
            XCTAssertThrowsError(
                try restore(
                    try resealed(edited, to: identity), into: new, key: newKey, mode: .fresh, identity: identity)
            ) {
                XCTAssertEqual($0 as? BackupError, .invalidContents(.countMismatch), count)
            }
            XCTAssertFalse(try new.holdsData())
        }
    }
}
