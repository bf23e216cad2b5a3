// Backup and restore through the library: every item survives a round trip (100k transactions),
// columns added by other capabilities travel without code changes, refusal/merge/replace behave,
// and tampered or hand-made payloads are rejected with the vault untouched.
import AgeFormat
import Foundation
import GRDB
import WalletCore
import WalletCrypto
import XCTest

@testable import Backup
@testable import Vault

final class BackupTests: XCTestCase {
    var root = ""

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("backup-tests-\(UUID().uuidString)").path
        try FileSystem.createPrivateDirectory(root)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: root)
    }

    func makeVault(_ name: String) throws -> (Vault, VaultKey) {
        try Vault.create(at: "\(root)/\(name)", passphrase: SecureBytes(Array("test passphrase".utf8)), kdf: .minimum)
    }

    /// Fills the tables with SQL, as the 2FA and history capabilities would.
    func fill(_ vault: Vault, key: VaultKey, transactions: Int, prefix: String = "") throws {
        let secrets: [(String, [UInt8])] = [
            ("\(prefix)gh", Array("12345678901234567890".utf8)), ("\(prefix)bank", [0, 1, 2, 0xff, 0xfe, 7, 9, 200]),
        ]
        try vault.write { db in
            for (index, (id, secret)) in secrets.enumerated() {
                let sealed = try vault.seal(
                    secret, key: key, row: RowIdentity(table: "otp_accounts", rowID: id, field: "secret_sealed"))
                try db.execute(
                    sql: """
                        INSERT INTO otp_accounts (id, issuer, account, kind, algorithm, digits, period, counter,
                            secret_sealed, last_accepted_step, created_at)
                        VALUES (?, ?, ?, 'totp', 'SHA1', 6, 30, 0, ?, ?, '2026-01-01T00:00:00Z')
                        """,
                    arguments: [
                        id, "Issuer \(prefix)\(index)", "user\"\(index)\n@example.com", Data(sealed),
                        index == 0 ? nil : 1234,
                    ])
                for position in 0..<3 {
                    let codeID = "\(id)-rc\(position)"
                    let code = try vault.seal(
                        Array("code-\(position)-ä".utf8), key: key,
                        row: RowIdentity(table: "recovery_codes", rowID: codeID, field: "code_sealed"))
                    try db.execute(
                        sql:
                            "INSERT INTO recovery_codes (id, account_id, position, code_sealed, used_at) VALUES (?, ?, ?, ?, ?)",
                        arguments: [codeID, id, position, Data(code), position == 1 ? "2026-02-02T00:00:00Z" : nil])
                }
            }
            try db.execute(sql: "INSERT INTO settings (key, value) VALUES ('\(prefix)language', 'zh')")
            let insert = try db.makeStatement(
                sql: """
                    INSERT INTO transactions (key, id, source, source_id, occurred_at, utc_offset_seconds,
                        amount_minor, direction, currency, counterparty, category, note, status, balance_minor, imported_at,
                        amount_sub_minor)
                    VALUES (?, ?, 'alipay', ?, 1772330400, 28800, ?, 'out', 'CNY', ?, 'food', ?, 'ok', ?, '2026-03-02', ?)
                    """)
            for id in 1...max(transactions, 1) where transactions > 0 {
                try insert.execute(arguments: [
                    "alipay:\(prefix)s\(id)", "\(prefix)s\(id)", "\(prefix)s\(id)", -id * 7, "商户 \(id)", "tab\t\(id)",
                    id % 3 == 0 ? nil : id, id * 37 % 10_000,
                ])
            }
            try db.execute(
                sql:
                    "INSERT INTO alert_acks (id, kind, transaction_ids, note, acknowledged_at) VALUES (?, 'duplicate', '[1,2]', '', '2026')",
                arguments: ["\(prefix)ack"])
        }
    }

    /// Every row of every data table with sealed columns opened: the logical content of a vault.
    func content(_ vault: Vault, key: VaultKey, includeIdentities: Bool = false) throws -> [String: [[SQLValue]]] {
        var result: [String: [[SQLValue]]] = [:]
        try vault.dump(
            includeIdentities: includeIdentities, key: key,
            begin: { tables, _ in for t in tables { result[t.name] = [] } },
            row: { table, values in result[table.name, default: []].append(values) })
        return result
    }

    func backup(_ vault: Vault, key: VaultKey, to recipient: X25519Recipient, identities: Bool = false) throws
        -> [UInt8]
    {
        let sink = MemorySink()
        let age = try AgeWriter(sink: sink, recipients: [recipient])
        _ = try BackupWriter.write(vault: vault, key: key, to: age, includeIdentities: identities, generator: "test")
        return sink.bytes
    }

    func restore(_ file: [UInt8], into vault: Vault, key: VaultKey, mode: RestoreMode, identity: Identity) throws
        -> RestoreOutcome
    {
        let (_, payload) = try AgeReader.open(MemorySource(file)) { _ in [identity] }
        return try Restore.run(payload: payload, vault: vault, key: key, mode: mode)
    }

    /// A failure that rejects a tampered or truncated backup: a wrong key, a malformed or altered age
    /// file, or invalid backup records.
    static func isRejection(_ error: Error) -> Bool {
        if case .invalidContents = error as? BackupError { return true }
        switch error as? AgeError {
        case .noIdentityMatched, .headerMACMismatch, .chunkRejected, .truncated, .emptyFinalChunk, .notAgeFile,
            .headerMalformed, .stanzaMalformed, .armorMalformed:
            return true
        default:
            return false
        }
    }

    func newDeviceIdentity(_ vault: Vault, key: VaultKey) throws -> X25519Identity {
        let identity = X25519Identity.generate()
        _ = try vault.addDeviceIdentity(
            secretKey: identity.secretKeyBytes(), recipient: identity.recipient.text, label: "new", key: key)
        return try XCTUnwrap(try DeviceKeys.identities(in: vault, key: key).first as? X25519Identity)
    }

    // MARK: Round trips

    func testRoundTripKeepsEveryItemOf100kTransactions() throws {
        let (old, oldKey) = try makeVault("old")
        try fill(old, key: oldKey, transactions: 100_000)
        let (new, newKey) = try makeVault("new")
        let device = try newDeviceIdentity(new, key: newKey)
        let file = try backup(old, key: oldKey, to: device.recipient)
        let outcome = try restore(file, into: new, key: newKey, mode: .fresh, identity: device)
        XCTAssertEqual(outcome.summary.counts["transactions"], 100_000)
        XCTAssertEqual(outcome.summary.records, 100_000 + 2 + 6 + 1 + 1)
        let restored = outcome.vault
        XCTAssertEqual(try content(restored, key: newKey), try content(old, key: oldKey))
        // The new phone keeps its own device key; the restored vault is the target vault (its id, its key).
        XCTAssertEqual(try restored.deviceIdentities().count, 1)
        XCTAssertEqual(restored.vaultID, new.vaultID)
        XCTAssertFalse(FileSystem.exists(restored.databasePath + "-journal"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: restored.folder).filter {
            $0.hasPrefix(".restore-")
        }
        XCTAssertEqual(leftovers, [])
    }

    func testColumnsAddedByOtherCapabilitiesTravel() throws {
        let (old, oldKey) = try makeVault("old")
        let (new, newKey) = try makeVault("new")
        for vault in [old, new] {
            try vault.write { db in
                try db.execute(sql: "ALTER TABLE otp_accounts ADD COLUMN note_sealed BLOB")
                try db.execute(sql: "ALTER TABLE otp_accounts ADD COLUMN ratio REAL")
                try db.execute(sql: "ALTER TABLE otp_accounts ADD COLUMN icon BLOB")
            }
        }
        try fill(old, key: oldKey, transactions: 3)
        let note = try old.seal(
            Array("hidden note".utf8), key: oldKey,
            row: RowIdentity(table: "otp_accounts", rowID: "gh", field: "note_sealed"))
        try old.write { db in
            try db.execute(
                sql: "UPDATE otp_accounts SET note_sealed = ?, ratio = 0.1, icon = ? WHERE id = 'gh'",
                arguments: [Data(note), Data([1, 2, 3])])
        }
        let device = try newDeviceIdentity(new, key: newKey)
        let file = try backup(old, key: oldKey, to: device.recipient)
        let outcome = try restore(file, into: new, key: newKey, mode: .fresh, identity: device)
        XCTAssertEqual(try content(outcome.vault, key: newKey), try content(old, key: oldKey))
        // A target that lacks the column refuses the backup (made by a newer walletsec) and stays as it was.
        let (older, olderKey) = try makeVault("older")
        let olderDevice = try newDeviceIdentity(older, key: olderKey)
        let file2 = try backup(old, key: oldKey, to: olderDevice.recipient)
        XCTAssertThrowsError(try restore(file2, into: older, key: olderKey, mode: .fresh, identity: olderDevice)) {
            XCTAssertEqual(
                $0 as? VaultError, .unknownColumns(table: "otp_accounts", columns: ["note_sealed", "ratio", "icon"]))
        }
        XCTAssertFalse(try older.holdsData())
    }

    func testBackupFromBeforeHistoryProfilesRestoresIntoMe() throws {
        // A vault as walletsec wrote it before history profiles: no profile column in either table.
        let (old, oldKey) = try makeVault("old")
        try old.write { db in
            try db.execute(
                sql: """
                    DROP INDEX transactions_profile_time;
                    ALTER TABLE transactions DROP COLUMN profile;
                    ALTER TABLE alert_acks DROP COLUMN profile;
                    """)
        }
        try fill(old, key: oldKey, transactions: 5)
        let (new, newKey) = try makeVault("new")
        let device = try newDeviceIdentity(new, key: newKey)
        let file = try backup(old, key: oldKey, to: device.recipient)
        let outcome = try restore(file, into: new, key: newKey, mode: .fresh, identity: device)
        try outcome.vault.read { db in
            XCTAssertEqual(
                try Row.fetchAll(db, sql: "SELECT profile, COUNT(*) AS n FROM transactions GROUP BY profile").map {
                    "\($0["profile"] as String):\($0["n"] as Int)"
                }, ["me:5"])
            XCTAssertEqual(try String.fetchAll(db, sql: "SELECT profile FROM alert_acks"), ["me"])
        }
    }

    func testPayloadIsReadableJSONLinesWithTrailer() throws {
        let (old, oldKey) = try makeVault("old")
        try fill(old, key: oldKey, transactions: 2)
        let identity = X25519Identity.generate()
        let file = try backup(old, key: oldKey, to: identity.recipient)
        let (_, payload) = try AgeReader.open(MemorySource(file)) { _ in [identity] }
        let sink = MemorySink()
        try payload.copyAll(to: sink)
        let lines = String(decoding: sink.bytes, as: UTF8.self).split(separator: "\n").map(String.init)
        let objects = try lines.map {
            try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        XCTAssertEqual(objects.first?["type"] as? String, "header")
        XCTAssertEqual(objects.first?["format"] as? String, "walletsec-backup")
        XCTAssertEqual(objects.last?["type"] as? String, "trailer")
        let gh = try XCTUnwrap(objects.first { ($0["values"] as? [String: Any])?["id"] as? String == "gh" })
        let secret = try XCTUnwrap((gh["values"] as? [String: Any])?["secret_sealed"] as? [String: String])
        XCTAssertEqual(secret["secret_text"], "12345678901234567890")
        let bank = try XCTUnwrap(objects.first { ($0["values"] as? [String: Any])?["id"] as? String == "bank" })
        XCTAssertEqual(
            ((bank["values"] as? [String: Any])?["secret_sealed"] as? [String: String])?["secret_base32"],
            "AAAQF776A4E4Q")
        let body = Array(sink.bytes[0..<(sink.bytes.count - lines.last!.utf8.count - 1)])
        let sha = Digest.sha256(body).map { String(format: "%02x", $0) }.joined()
        XCTAssertEqual(objects.last?["records_sha256"] as? String, sha)
        XCTAssertFalse(lines.contains { $0.contains("device_identities") })
    }

    // MARK: Modes

    func testFreshRestoreRefusesAVaultWithData() throws {
        let (old, oldKey) = try makeVault("old")
        try fill(old, key: oldKey, transactions: 1)
        let (new, newKey) = try makeVault("new")
        try new.setSetting("theme", "dark")
        let device = try newDeviceIdentity(new, key: newKey)
        let file = try backup(old, key: oldKey, to: device.recipient)
        let before = try content(new, key: newKey, includeIdentities: true)
        XCTAssertThrowsError(try restore(file, into: new, key: newKey, mode: .fresh, identity: device)) {
            XCTAssertEqual($0 as? BackupError, .vaultHoldsData)
        }
        XCTAssertEqual(try content(new, key: newKey, includeIdentities: true), before)
    }

    func testMergeAddsMissingAndLeavesConflicts() throws {
        let (old, oldKey) = try makeVault("old")
        try fill(old, key: oldKey, transactions: 5)
        let (new, newKey) = try makeVault("new")
        try fill(new, key: newKey, transactions: 3)
        // Same key, different sealed secret: a conflict that must stay as the target has it.
        let other = try new.seal(
            Array("different".utf8), key: newKey,
            row: RowIdentity(table: "otp_accounts", rowID: "gh", field: "secret_sealed"))
        try new.write { db in
            try db.execute(sql: "UPDATE otp_accounts SET secret_sealed = ? WHERE id = 'gh'", arguments: [Data(other)])
            try db.execute(sql: "UPDATE settings SET value = 'en' WHERE key = 'language'")
        }
        let device = try newDeviceIdentity(new, key: newKey)
        let file = try backup(old, key: oldKey, to: device.recipient)
        let outcome = try restore(file, into: new, key: newKey, mode: .merge, identity: device)
        let report = try XCTUnwrap(outcome.merge)
        XCTAssertEqual(report.added["transactions"], 2)
        XCTAssertEqual(report.unchanged["transactions"], 3)
        XCTAssertEqual(Set(report.conflicts.map { "\($0.table)/\($0.key)" }), ["otp_accounts/gh", "settings/language"])
        let merged = try content(new, key: newKey)
        XCTAssertEqual(merged["transactions"]?.count, 5)
        let gh = try XCTUnwrap(merged["otp_accounts"]?.first { $0[0] == .text("gh") })
        XCTAssertTrue(gh.contains(.blob(Array("different".utf8))))
    }

    func testReplaceKeepsTheOldVaultAsADatedCopy() throws {
        let (old, oldKey) = try makeVault("old")
        try fill(old, key: oldKey, transactions: 4)
        let (new, newKey) = try makeVault("new")
        try fill(new, key: newKey, transactions: 9, prefix: "x")
        let before = try content(new, key: newKey)
        let device = try newDeviceIdentity(new, key: newKey)
        let file = try backup(old, key: oldKey, to: device.recipient)
        let outcome = try restore(file, into: new, key: newKey, mode: .replace, identity: device)
        XCTAssertEqual(try content(outcome.vault, key: newKey), try content(old, key: oldKey))
        let copy = try XCTUnwrap(outcome.previousCopy)
        // The copy is the previous database, complete (its WAL was checkpointed into it).
        let copyFolder = "\(root)/copy"
        try FileSystem.createPrivateDirectory(copyFolder)
        try FileManager.default.copyItem(atPath: copy, toPath: "\(copyFolder)/vault.sqlite")
        let reopened = try Vault.open(at: copyFolder)
        XCTAssertEqual(
            try content(reopened, key: try reopened.unlock(passphrase: SecureBytes(Array("test passphrase".utf8)))),
            before)
    }

    // MARK: Rejection

    func testTamperedBackupsLeaveTheVaultUntouched() throws {
        let (old, oldKey) = try makeVault("old")
        try fill(old, key: oldKey, transactions: 2000)
        let (new, newKey) = try makeVault("new")
        let device = try newDeviceIdentity(new, key: newKey)
        let file = try backup(old, key: oldKey, to: device.recipient)
        let before = try content(new, key: newKey, includeIdentities: true)
        for round in 0..<60 {
            var copy = file
            if round < 50 {
                let index = Int(Random.uniform(UInt32(copy.count)))
                copy[index] ^= UInt8(1) << UInt8(Random.uniform(8))
            } else {
                copy.removeLast(Int(Random.uniform(UInt32(copy.count / 2))) + 1)
            }
            XCTAssertThrowsError(try restore(copy, into: new, key: newKey, mode: .fresh, identity: device)) {
                XCTAssertTrue(Self.isRejection($0), "\($0)")
            }
        }
        XCTAssertEqual(try content(new, key: newKey, includeIdentities: true), before)
        XCTAssertFalse(try new.holdsData())
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: new.folder).filter {
            $0.hasPrefix(".restore-")
        }
        XCTAssertEqual(leftovers, [])
    }

    func testHandMadePayloadsAreRejected() throws {
        let (new, newKey) = try makeVault("new")
        let identity = X25519Identity.generate()
        func file(_ text: String) throws -> [UInt8] {
            let sink = MemorySink()
            let age = try AgeWriter(sink: sink, recipients: [identity.recipient])
            try age.write(Array(text.utf8))
            try age.finish()
            return sink.bytes
        }
        let header =
            #"{"counts":{"settings":1},"created_at":"x","format":"walletsec-backup","generator":"t","includes_identities":false,"schema_version":4,"source_vault_id":"v","tables":[{"columns":["key","value"],"name":"settings","primary_key":"key","sealed_columns":[]}],"type":"header","version":1}"#
        let row = #"{"table":"settings","type":"row","values":{"key":"a","value":"b"}}"#
        let body = header + "\n" + row + "\n"
        let sha = Digest.sha256(Array(body.utf8)).map { String(format: "%02x", $0) }.joined()
        let trailer = #"{"counts":{"settings":1},"records":1,"records_sha256":"\#(sha)","type":"trailer"}"#
        // The well-formed file restores; each broken variant is refused with the vault left empty.
        let cases = [
            "not json\n",
            body,  // no trailer
            body + trailer.replacingOccurrences(of: sha, with: String(repeating: "0", count: 64)) + "\n",
            body + trailer.replacingOccurrences(of: "\"records\":1", with: "\"records\":2") + "\n",
            body + trailer + "\n" + row + "\n",
            body.replacingOccurrences(of: "\"value\":\"b\"", with: "\"value\":\"b\",\"extra\":1") + trailer + "\n",
            body + trailer,  // no final newline
        ]
        let problems: [BackupError.ContentProblem] = [
            .noHeader, .missingTrailer, .digestMismatch, .countMismatch, .dataAfterTrailer,
            .notARowOfListedTable(record: 2), .unterminatedLastRecord,
        ]
        for (text, problem) in zip(cases, problems) {
            XCTAssertThrowsError(try restore(try file(text), into: new, key: newKey, mode: .fresh, identity: identity))
            {
                XCTAssertEqual($0 as? BackupError, .invalidContents(problem), text)
            }
            XCTAssertFalse(try new.holdsData())
        }
        let newer = body.replacingOccurrences(of: "\"version\":1", with: "\"version\":2") + trailer + "\n"
        XCTAssertThrowsError(try restore(try file(newer), into: new, key: newKey, mode: .fresh, identity: identity)) {
            XCTAssertEqual($0 as? BackupError, .unsupportedVersion(found: 2, supported: 1))
        }
        let outcome = try restore(
            try file(body + trailer + "\n"), into: new, key: newKey, mode: .fresh, identity: identity)
        XCTAssertEqual(try outcome.vault.settings(), ["a": "b"])
    }

    func testIdentitiesTravelOnlyWhenAsked() throws {
        let (old, oldKey) = try makeVault("old")
        let oldDevice = try newDeviceIdentity(old, key: oldKey)
        let (new, newKey) = try makeVault("new")
        let device = try newDeviceIdentity(new, key: newKey)
        let without = try backup(old, key: oldKey, to: device.recipient)
        XCTAssertEqual(try restore(without, into: new, key: newKey, mode: .merge, identity: device).merge?.added, [:])
        let with = try backup(old, key: oldKey, to: device.recipient, identities: true)
        let outcome = try restore(with, into: new, key: newKey, mode: .merge, identity: device)
        XCTAssertEqual(outcome.merge?.added["device_identities"], 1)
        let recipients = Set(try new.deviceIdentities().map(\.recipient))
        XCTAssertEqual(recipients, [device.recipient.text, oldDevice.recipient.text])
    }

    // MARK: Library flows (what the commands call)

    func testCreateVerifyAndRestoreThroughBackupFile() throws {
        let (old, oldKey) = try makeVault("old")
        try fill(old, key: oldKey, transactions: 3)
        let (new, newKey) = try makeVault("new")
        let record = try DeviceKeys.create(in: new, key: newKey, label: "new phone")
        XCTAssertEqual(try new.deviceIdentities().map(\.recipient), [record.recipient])
        let recipient = try X25519Recipient(parsing: record.recipient)
        let path = "\(root)/phone.age"
        let written = try BackupFile.create(
            at: path, from: old, key: oldKey, encryption: .recipients([recipient]), generator: "test")
        XCTAssertTrue(FileSystem.exists(path))
        XCTAssertNotNil(try old.status().lastBackupAt)
        // A second backup to the same path is refused before anything is written.
        XCTAssertThrowsError(
            try BackupFile.create(
                at: path, from: old, key: oldKey, encryption: .recipients([recipient]), generator: "test")
        ) { XCTAssertEqual($0 as? BackupError, .destinationExists(path: path)) }
        let noPassphrase: () throws -> SecureBytes = {
            XCTFail("a key backup must not ask for a passphrase")
            return SecureBytes(count: 0)
        }
        // Explicit identities come first; the device keys are asked only when there are none.
        let verified = try BackupFile(reading: path).verify(
            keys: BackupKeys(
                passphrase: noPassphrase, deviceIdentities: { try DeviceKeys.identities(in: new, key: newKey) }))
        XCTAssertEqual(verified, written)
        XCTAssertThrowsError(try BackupFile(reading: path).verify(keys: BackupKeys(passphrase: noPassphrase))) {
            XCTAssertEqual($0 as? BackupError, .noIdentityAvailable)
        }
        XCTAssertThrowsError(
            try BackupFile(reading: path).verify(
                keys: BackupKeys(passphrase: noPassphrase, identities: { [X25519Identity.generate()] }))
        ) { XCTAssertEqual($0 as? AgeError, .noIdentityMatched) }
        let outcome = try Restore.run(
            try BackupFile(reading: path), into: new, key: newKey, mode: .fresh,
            keys: BackupKeys(
                passphrase: noPassphrase, deviceIdentities: { try DeviceKeys.identities(in: new, key: newKey) }))
        XCTAssertEqual(outcome.restoredCounts, written.counts)
        XCTAssertFalse(outcome.hasConflicts)
        XCTAssertEqual(try content(outcome.vault, key: newKey), try content(old, key: oldKey))
    }

    func testPassphraseBackupAsksOnlyForThePassphrase() throws {
        let (old, oldKey) = try makeVault("old")
        try fill(old, key: oldKey, transactions: 1)
        let path = "\(root)/pass.age"
        let secret = SecureBytes(Array("a long backup passphrase".utf8))
        let written = try BackupFile.create(
            at: path, from: old, key: oldKey, encryption: .passphrase(secret), armored: true, generator: "test")
        XCTAssertTrue(String(decoding: try FileSystem.readAll(path), as: UTF8.self).hasPrefix("-----BEGIN AGE"))
        var asked = 0
        let keys = BackupKeys(
            passphrase: {
                asked += 1
                return secret
            },
            identities: {
                XCTFail("a passphrase backup must not read identity files")
                return []
            })
        XCTAssertEqual(try BackupFile(reading: path).verify(keys: keys), written)
        XCTAssertEqual(asked, 1)
        let wrong = BackupKeys(passphrase: { SecureBytes(Array("wrong".utf8)) })
        XCTAssertThrowsError(try BackupFile(reading: path).verify(keys: wrong)) {
            XCTAssertEqual($0 as? AgeError, .noIdentityMatched)
        }
    }
}
