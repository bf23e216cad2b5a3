// Queries for the two-factor tables: accounts with sealed secrets, replay-safe acceptance of codes,
// and sealed recovery codes. Every multi-step change runs in one IMMEDIATE write transaction.
import Foundation
import GRDB
import WalletCore
import WalletCrypto

/// An account row without its secret (listing needs no passphrase).
public struct StoredOTPAccount: Sendable, Equatable {
    /// Random row id.
    public var id: String
    /// Who issued the account (may be empty).
    public var issuer: String
    /// The account name at the issuer.
    public var account: String
    /// `totp` or `hotp`.
    public var kind: String
    /// `SHA1`, `SHA256` or `SHA512`.
    public var algorithm: String
    /// Code length.
    public var digits: Int
    /// TOTP step in seconds.
    public var period: Int
    /// HOTP counter (next code to expect).
    public var counter: Int64
    /// The last TOTP step accepted, so a code is never accepted twice.
    public var lastAcceptedStep: Int64?
    /// When it was added (ISO 8601, UTC).
    public var createdAt: String

    /// `issuer:account`, or `account` when there is no issuer.
    public var name: String { issuer.isEmpty ? account : "\(issuer):\(account)" }

    init(row: Row) {
        id = row["id"]
        issuer = row["issuer"]
        account = row["account"]
        kind = row["kind"]
        algorithm = row["algorithm"]
        digits = row["digits"]
        period = row["period"]
        counter = row["counter"]
        lastAcceptedStep = row["last_accepted_step"]
        createdAt = row["created_at"]
    }
}

/// An account to store, secret included.
public struct NewOTPAccount: Sendable {
    /// Who issued the account (may be empty).
    public var issuer: String
    /// The account name at the issuer.
    public var account: String
    /// `totp` or `hotp`.
    public var kind: String
    /// `SHA1`, `SHA256` or `SHA512`.
    public var algorithm: String
    /// Code length.
    public var digits: Int
    /// TOTP step in seconds.
    public var period: Int
    /// HOTP counter.
    public var counter: Int64
    /// The shared secret, in wiped memory; sealed before it is stored.
    public var secret: SecureBytes
    /// Replay state carried over from an import, if any.
    public var lastAcceptedStep: Int64?

    /// An account to pass to ``Vault/insertOTPAccounts(_:key:)``.
    public init(
        issuer: String, account: String, kind: String, algorithm: String, digits: Int, period: Int, counter: Int64,
        secret: SecureBytes, lastAcceptedStep: Int64? = nil
    ) {
        self.issuer = issuer
        self.account = account
        self.kind = kind
        self.algorithm = algorithm
        self.digits = digits
        self.period = period
        self.counter = counter
        self.secret = secret
        self.lastAcceptedStep = lastAcceptedStep
    }

    var name: String { issuer.isEmpty ? account : "\(issuer):\(account)" }
}

/// A change to an account's replay state, decided inside the write transaction.
public struct OTPStateChange: Sendable, Equatable {
    /// The step (TOTP) or counter value (HOTP) just accepted.
    public var lastAcceptedStep: Int64
    /// The new HOTP counter, or nil to keep it.
    public var counter: Int64?

    /// A change to store.
    public init(lastAcceptedStep: Int64, counter: Int64? = nil) {
        self.lastAcceptedStep = lastAcceptedStep
        self.counter = counter
    }
}

/// One opened recovery code of an account.
public struct RecoveryCode: Sendable {
    /// 1-based order in which the codes were added.
    public var position: Int
    /// The code itself.
    public var code: String
    /// When it was used, if it was.
    public var usedAt: String?
}

/// The outcome of ``Vault/useRecoveryCode(_:of:key:)``.
public enum RecoveryUseResult: Sendable, Equatable {
    /// Accepted now; it will not be accepted again.
    case used
    /// Accepted before, at that time.
    case alreadyUsed(at: String)
    /// Not a code of this account.
    case unknown
}

extension Vault {
    static let otpTable = "otp_accounts"
    static let recoveryTable = "recovery_codes"

    static func newRowID() -> String {
        randomHex(byteCount: 16)
    }

    /// All two-factor accounts, by issuer then account (no passphrase needed).
    public func otpAccounts() throws -> [StoredOTPAccount] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM otp_accounts ORDER BY issuer COLLATE NOCASE, account COLLATE NOCASE"
            )
            .map(StoredOTPAccount.init)
        }
    }

    func secretRow(_ id: String) -> RowIdentity {
        RowIdentity(table: Vault.otpTable, rowID: id, field: "secret_sealed")
    }

    /// The opened secret of `account`.
    public func otpSecret(_ account: StoredOTPAccount, key: VaultKey) throws -> SecureBytes {
        let sealed = try read { db in
            try Data.fetchOne(db, sql: "SELECT secret_sealed FROM otp_accounts WHERE id = ?", arguments: [account.id])
        }
        guard let sealed else { throw VaultError.accountVanished(name: account.name) }
        return try openSealed(Array(sealed), key: key, row: secretRow(account.id))
    }

    /// Adds all of `accounts` or none. An account whose issuer:account exists with the same secret and
    /// parameters is skipped as a duplicate; one with a different secret is a conflict and aborts everything.
    public func insertOTPAccounts(_ accounts: [NewOTPAccount], key: VaultKey) throws -> (added: Int, skipped: Int) {
        let now = ISO8601.string(Date())
        return try write { db in
            var added = 0
            var skipped = 0
            for account in accounts {
                if let row = try Row.fetchOne(
                    db, sql: "SELECT * FROM otp_accounts WHERE issuer = ? AND account = ?",
                    arguments: [account.issuer, account.account])
                {
                    let existing = StoredOTPAccount(row: row)
                    let sealed = Array(row["secret_sealed"] as Data)
                    let secret = try openSealed(sealed, key: key, row: secretRow(existing.id))
                    let sameSecret = secret.isEqual(to: account.secret)
                    if sameSecret && existing.kind == account.kind && existing.algorithm == account.algorithm
                        && existing.digits == account.digits && existing.period == account.period
                    {
                        skipped += 1
                        continue
                    }
                    throw VaultError.accountNameTaken(name: account.name)
                }
                let id = Vault.newRowID()
                let sealed = try seal(account.secret, key: key, row: secretRow(id))
                try db.execute(
                    sql: """
                        INSERT INTO otp_accounts (id, issuer, account, kind, algorithm, digits, period, counter,
                            secret_sealed, last_accepted_step, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        id, account.issuer, account.account, account.kind, account.algorithm, account.digits,
                        account.period, account.counter, Data(sealed), account.lastAcceptedStep, now,
                    ])
                added += 1
            }
            return (added, skipped)
        }
    }

    /// Re-reads the account inside one IMMEDIATE transaction, lets `decide` judge a code against the
    /// fresh replay state, and stores the change it returns before any other process can read it.
    public func updateOTPState<T>(
        _ account: StoredOTPAccount, _ decide: (StoredOTPAccount) throws -> (T, OTPStateChange?)
    ) throws -> T {
        try write { db in
            guard
                let row = try Row.fetchOne(db, sql: "SELECT * FROM otp_accounts WHERE id = ?", arguments: [account.id])
            else { throw VaultError.accountVanished(name: account.name) }
            let (result, change) = try decide(StoredOTPAccount(row: row))
            if let change {
                try db.execute(
                    sql: "UPDATE otp_accounts SET last_accepted_step = ?, counter = COALESCE(?, counter) WHERE id = ?",
                    arguments: [change.lastAcceptedStep, change.counter, account.id])
            }
            return result
        }
    }

    /// Deletes the account and its recovery codes.
    public func removeOTPAccount(_ account: StoredOTPAccount) throws {
        try write { db in
            try db.execute(sql: "DELETE FROM recovery_codes WHERE account_id = ?", arguments: [account.id])
            try db.execute(sql: "DELETE FROM otp_accounts WHERE id = ?", arguments: [account.id])
            guard db.changesCount == 1 else { throw VaultError.accountVanished(name: account.name) }
        }
    }

    /// Gives the account a new issuer and name; throws ``VaultError/renameTaken(name:)`` if another has it.
    /// Control characters are dropped from both, as for every imported name (`OTPAccount.init`).
    public func renameOTPAccount(_ account: StoredOTPAccount, issuer: String, name: String) throws {
        let issuer = PrintableText.oneLine(issuer)
        let name = PrintableText.oneLine(name)
        try write { db in
            let taken =
                try Bool.fetchOne(
                    db, sql: "SELECT EXISTS (SELECT 1 FROM otp_accounts WHERE issuer = ? AND account = ? AND id != ?)",
                    arguments: [issuer, name, account.id]) ?? false
            if taken { throw VaultError.renameTaken(name: issuer.isEmpty ? name : "\(issuer):\(name)") }
            try db.execute(
                sql: "UPDATE otp_accounts SET issuer = ?, account = ? WHERE id = ?",
                arguments: [issuer, name, account.id])
            guard db.changesCount == 1 else { throw VaultError.accountVanished(name: account.name) }
        }
    }

    // MARK: Recovery codes

    func recoveryRow(_ id: String) -> RowIdentity {
        RowIdentity(table: Vault.recoveryTable, rowID: id, field: "code_sealed")
    }

    /// Appends codes after the existing ones; returns how many were added (exact repeats are skipped).
    public func addRecoveryCodes(_ codes: [String], to account: StoredOTPAccount, key: VaultKey) throws -> Int {
        let existing = try recoveryCodes(of: account, key: key).map(\.code)
        return try write { db in
            var position =
                try Int.fetchOne(
                    db, sql: "SELECT COALESCE(MAX(position), 0) FROM recovery_codes WHERE account_id = ?",
                    arguments: [account.id]) ?? 0
            var seen = Set(existing)
            var added = 0
            for code in codes where seen.insert(code).inserted {
                position += 1
                let id = Vault.newRowID()
                let sealed = try seal(Array(code.utf8), key: key, row: recoveryRow(id))
                try db.execute(
                    sql: "INSERT INTO recovery_codes (id, account_id, position, code_sealed) VALUES (?, ?, ?, ?)",
                    arguments: [id, account.id, position, Data(sealed)])
                added += 1
            }
            return added
        }
    }

    /// The account's recovery codes, opened, in order.
    public func recoveryCodes(of account: StoredOTPAccount, key: VaultKey) throws -> [RecoveryCode] {
        let rows = try read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM recovery_codes WHERE account_id = ? ORDER BY position", arguments: [account.id])
        }
        return try rows.map { row in
            let id: String = row["id"]
            let sealed = Array(row["code_sealed"] as Data)
            let code = try openSealed(sealed, key: key, row: recoveryRow(id))
            return RecoveryCode(
                position: row["position"], code: code.withUnsafeBytes { String(decoding: $0, as: UTF8.self) },
                usedAt: row["used_at"])
        }
    }

    /// Marks `code` used, in one transaction so two concurrent uses of one code cannot both succeed.
    public func useRecoveryCode(_ code: String, of account: StoredOTPAccount, key: VaultKey) throws -> RecoveryUseResult
    {
        let given = Array(code.utf8)
        let now = ISO8601.string(Date())
        return try write { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT * FROM recovery_codes WHERE account_id = ? ORDER BY position", arguments: [account.id])
            var match: (id: String, usedAt: String?)?
            for row in rows {
                let id: String = row["id"]
                let sealed = Array(row["code_sealed"] as Data)
                let stored = try openSealed(sealed, key: key, row: recoveryRow(id))
                if stored.constantTimeEquals(given) && match == nil {
                    match = (id, row["used_at"])
                }
            }
            guard let match else { return .unknown }
            if let usedAt = match.usedAt { return .alreadyUsed(at: usedAt) }
            try db.execute(sql: "UPDATE recovery_codes SET used_at = ? WHERE id = ?", arguments: [now, match.id])
            return .used
        }
    }
}
