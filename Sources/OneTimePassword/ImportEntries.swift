// The entries of one import file: an entry that cannot become an account (a type walletsec does not compute,
// a broken secret, parameters out of range, a duplicate) is recorded as skipped and the rest still imports.

/// Collects the entries of one file: each becomes an account or a ``SkippedEntry`` with its reason, and a
/// second entry with the same names and codes as an earlier one is skipped as a duplicate.
struct ImportEntries {
    /// No phone authenticator holds anywhere near this many accounts; beyond it the file is refused.
    static let maxEntries = 10_000

    /// Throws when a file lists more entries than `maxEntries` (checked before anything is decoded).
    static func checkCount(_ count: Int, app: AuthenticatorApp) throws(ImportError) {
        guard count <= maxEntries else { throw .malformed(app, reason: .tooManyEntries) }
    }

    var accounts: [OTPAccount] = []
    var skipped: [SkippedEntry] = []
    /// Indexes into `accounts` by issuer and account name, so the duplicate check stays linear.
    private var byName: [String: [Int]] = [:]

    /// Adds the entry `make` builds (and validates), or records why it was skipped.
    mutating func add(issuer: String, account: String, line: Int? = nil, _ make: () throws -> OTPAccount) throws {
        do {
            insert(try validated(try make()), issuer: issuer, account: account, line: line)
        } catch let error as ImportError {
            guard let reason = SkippedEntry.Reason(error) else { throw error }
            skipped.append(SkippedEntry(issuer: issuer, account: account, reason: reason, line: line))
        }
    }

    /// Adds a validated account unless an earlier one has the same names and codes.
    private mutating func insert(_ result: OTPAccount, issuer: String, account: String, line: Int?) {
        let key = result.issuer + "\u{0}" + result.account
        if byName[key, default: []].contains(where: { accounts[$0].sameCodes(as: result) }) {
            skipped.append(SkippedEntry(issuer: issuer, account: account, reason: .duplicate, line: line))
        } else {
            byName[key, default: []].append(accounts.count)
            accounts.append(result)
        }
    }

    /// Records an entry left out for a reason found without building it.
    mutating func skip(issuer: String, account: String, line: Int? = nil, _ reason: SkippedEntry.Reason) {
        skipped.append(SkippedEntry(issuer: issuer, account: account, reason: reason, line: line))
    }

    /// Appends another collection's accounts and skipped entries (checking duplicates across both).
    mutating func append(_ other: ImportEntries) {
        for account in other.accounts { insert(account, issuer: account.issuer, account: account.account, line: nil) }
        skipped += other.skipped
    }
}

extension SkippedEntry.Reason {
    /// The per-entry reason for an entry-level import error; nil for errors that concern the whole file.
    init?(_ error: ImportError) {
        switch error {
        case .unsupportedEntryType(_, let type): self = .unsupportedType(type)
        case .malformed(_, reason: .entryWithoutSecret): self = .invalidSecret
        case .invalidAccount(.badBase32), .invalidAccount(.emptySecret): self = .invalidSecret
        case .invalidAccount(.malformedURI(let problem)): self = .malformedURI(problem)
        case .invalidAccount(.unsupportedParameter), .invalidAccount(.missingName): self = .invalidParameters
        default: return nil
        }
    }
}
