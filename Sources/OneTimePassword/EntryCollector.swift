// Collects the entries of one import file: an entry that cannot become an account (a type we do not compute,
// a broken secret, parameters out of range) is recorded as skipped and the rest of the file still imports.
// Also the small decoders the app formats of issue 13 share (Java signed bytes, capped entry counts).
import Foundation
import WalletCrypto

/// Accounts and skipped entries of one file, in file order.
struct EntryCollector {
    /// No phone authenticator holds anywhere near this many accounts; beyond it the file is refused.
    static let maxEntries = 10_000

    let app: AuthenticatorApp
    private(set) var accounts: [OTPAccount] = []
    private(set) var skipped: [SkippedEntry] = []

    init(_ app: AuthenticatorApp) { self.app = app }

    /// Throws when a file lists more entries than `maxEntries` (checked before anything is decoded).
    func checkCount(_ count: Int) throws(ImportError) {
        guard count <= Self.maxEntries else { throw .malformed(app, reason: .tooManyEntries) }
    }

    /// Adds the account `make` builds (validated), or records why the entry was skipped.
    mutating func add(issuer: String, account: String, _ make: () throws(ImportError) -> OTPAccount) {
        do {
            accounts.append(try validated(try make()))
        } catch {
            skipped.append(SkippedEntry(issuer: issuer, account: account, reason: Self.reason(error)))
        }
    }

    /// Records an entry left out for a known reason.
    mutating func skip(issuer: String, account: String, _ reason: SkippedEntry.Reason) {
        skipped.append(SkippedEntry(issuer: issuer, account: account, reason: reason))
    }

    func file(_ format: ImportFormat) -> ImportedFile {
        ImportedFile(format: format, accounts: accounts, warnings: [], skipped: skipped)
    }

    static func reason(_ error: ImportError) -> SkippedEntry.Reason {
        switch error {
        case .unsupportedEntryType(_, let type): return .unsupportedType(type)
        case .invalidAccount(.badBase32), .invalidAccount(.emptySecret), .malformed(_, .entryWithoutSecret):
            return .invalidSecret
        default: return .invalidParameters
        }
    }
}

/// Java `byte[]` written as JSON numbers −128…127 (FreeOTP): each becomes the byte with the same bits.
func javaBytes(_ value: Any?) -> [UInt8]? {
    guard let list = value as? [Any] else { return nil }
    var out: [UInt8] = []
    out.reserveCapacity(list.count)
    for item in list {
        guard let number = (item as? NSNumber)?.intValue, (-128...255).contains(number) else { return nil }
        out.append(UInt8(truncatingIfNeeded: number))
    }
    return out
}

extension HashAlgorithm {
    /// The algorithm codes several apps use: 0 SHA-1, 1 SHA-256, 2 SHA-512.
    init?(code: Int) {
        switch code {
        case 0: self = .sha1
        case 1: self = .sha256
        case 2: self = .sha512
        default: return nil
        }
    }
}
