// Google Authenticator's "Transfer accounts" export: otpauth-migration://offline?data=<base64 protobuf>.
//
// message MigrationPayload { repeated OtpParameters otp_parameters = 1; int32 version = 2;
//   int32 batch_size = 3; int32 batch_index = 4; int32 batch_id = 5; }
// message OtpParameters { bytes secret = 1; string name = 2; string issuer = 3;
//   Algorithm algorithm = 4 (0 unspecified, 1 SHA1, 2 SHA256, 3 SHA512, 4 MD5);
//   DigitCount digits = 5 (0 unspecified, 1 six, 2 eight); OtpType type = 6 (0 unspecified, 1 HOTP, 2 TOTP);
//   int64 counter = 7; }
// UNSPECIFIED means SHA1, six digits, TOTP. GA always uses a 30-second period.
import Foundation
import WalletCore
import WalletCrypto

/// One QR code of a Google Authenticator export: some accounts and where they belong in the whole.
public struct MigrationBatch: Sendable, Equatable {
    /// The accounts in this part.
    public var accounts: [OTPAccount]
    /// Entries of this part that cannot be imported (MD5, unknown type, broken secret).
    public var skipped: [SkippedEntry] = []
    /// How many parts the export has.
    public var batchSize: Int
    /// This part's 0-based index.
    public var batchIndex: Int
    /// Shared by every part of one export.
    public var batchID: Int32
}

/// Google Authenticator's `otpauth-migration://` export, read and written.
///
/// ```swift
/// let batch = try GoogleMigration.decode(uri: scannedText)
/// let accounts = try GoogleMigration.combine([batch])
/// ```
public enum GoogleMigration {
    /// The URI scheme, with its `//`.
    public static let scheme = "otpauth-migration://"
    static let app = AuthenticatorApp.googleAuthenticator
    /// GA puts at most this many accounts into one QR code.
    public static let accountsPerBatch = 10
    /// The most parts one export may claim. GA splits by 10 accounts, so this is 10,000 accounts; the cap
    /// keeps a forged batch_size (2^31 once hung the importer) from driving loops or allocations.
    public static let maxBatchSize = 1_000

    /// Decodes one `otpauth-migration://offline?data=...` URI.
    public static func decode(uri: String) throws(ImportError) -> MigrationBatch {
        let text = uri.trimmingSpaces()
        guard text.lowercased().hasPrefix(scheme + "offline?") else {
            throw .malformed(app, reason: .notMigrationURI)
        }
        let query = text.dropFirst((scheme + "offline?").count)
        var dataText: String?
        for pair in query.split(separator: "&") where pair.hasPrefix("data=") {
            dataText = KeyURI.percentDecode(pair.dropFirst(5), plusIsSpace: false)
        }
        guard var base64 = dataText, !base64.isEmpty else { throw .malformed(app, reason: .noDataParameter) }
        // GA writes standard Base64; some tools use the URL-safe alphabet or drop the padding.
        base64 = base64.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
            .replacingOccurrences(of: " ", with: "+")
        while base64.count % 4 != 0 { base64 += "=" }
        guard let payload = Base64.decode(base64, variant: .lenient) else {
            throw .malformed(app, reason: .dataNotBase64)
        }
        return try decode(payload: payload)
    }

    static func decode(payload: [UInt8]) throws(ImportError) -> MigrationBatch {
        var reader = ProtobufReader(payload[...])
        var entries = ImportEntries()
        var batchSize: UInt64 = 1
        var batchIndex: UInt64 = 0
        var batchID: Int32 = 0
        while let (field, value) = try reader.next() {
            switch (field, value) {
            case (1, .bytes(let bytes)):
                let names = try entryNames(bytes)
                do {
                    try entries.add(issuer: names.issuer, account: names.account) { try decodeParameters(bytes) }
                } catch {
                    throw (error as? ImportError) ?? ProtobufReader.malformed
                }
            case (3, .varint(let v)): batchSize = v
            case (4, .varint(let v)): batchIndex = v
            case (5, .varint(let v)): batchID = Int32(truncatingIfNeeded: v)
            default: continue
            }
        }
        // A batch_size beyond any real export is refused here: `combine` lists the missing parts, and
        // 2^31 of them was a hang (fuzzing, issue #11).
        guard batchSize >= 1, batchSize <= UInt64(maxBatchSize), batchIndex < batchSize else {
            throw .malformed(app, reason: .inconsistentBatchNumbers)
        }
        return MigrationBatch(
            accounts: entries.accounts, skipped: entries.skipped, batchSize: Int(batchSize),
            batchIndex: Int(batchIndex), batchID: batchID)
    }

    /// An entry's issuer and account as GA wrote them, for naming it when it is skipped.
    static func entryNames(_ bytes: ArraySlice<UInt8>) throws(ImportError) -> (issuer: String, account: String) {
        var reader = ProtobufReader(bytes)
        var name = ""
        var issuer = ""
        while let (field, value) = try reader.next() {
            switch (field, value) {
            case (2, .bytes(let b)): name = String(decoding: b, as: UTF8.self)
            case (3, .bytes(let b)): issuer = String(decoding: b, as: UTF8.self)
            default: continue
            }
        }
        return (issuer, name)
    }

    static func decodeParameters(_ bytes: ArraySlice<UInt8>) throws(ImportError) -> OTPAccount {
        var reader = ProtobufReader(bytes)
        var secret: [UInt8] = []
        var name = ""
        var issuer = ""
        var algorithm = HashAlgorithm.sha1
        var digits = 6
        var kind = OTPKind.totp
        var counter: UInt64 = 0
        while let (field, value) = try reader.next() {
            switch (field, value) {
            case (1, .bytes(let b)): secret = Array(b)
            case (2, .bytes(let b)): name = String(decoding: b, as: UTF8.self)
            case (3, .bytes(let b)): issuer = String(decoding: b, as: UTF8.self)
            case (4, .varint(let v)):
                switch v {
                case 0, 1: algorithm = .sha1
                case 2: algorithm = .sha256
                case 3: algorithm = .sha512
                default: throw unsupported("algorithm", v == 4 ? "MD5" : String(v))
                }
            case (5, .varint(let v)):
                switch v {
                case 0, 1: digits = 6
                case 2: digits = 8
                default: throw unsupported("digits", String(v))
                }
            case (6, .varint(let v)):
                switch v {
                case 0, 2: kind = .totp
                case 1: kind = .hotp
                default: throw .unsupportedEntryType(app, String(v))
                }
            case (7, .varint(let v)): counter = v
            default: continue
            }
        }
        // The name is usually "Issuer:account"; drop the issuer prefix when it repeats the issuer field.
        var account = name
        if let colon = name.firstIndex(of: ":") {
            let prefix = String(name[..<colon]).trimmingSpaces()
            if issuer.isEmpty || prefix == issuer {
                if issuer.isEmpty { issuer = prefix }
                account = String(name[name.index(after: colon)...]).trimmingSpaces()
            }
        }
        let result = OTPAccount(
            kind: kind, issuer: issuer, account: account, secret: secret, algorithm: algorithm, digits: digits,
            period: 30, counter: counter)
        Memory.zero(&secret)
        return try validated(result)
    }

    static func unsupported(_ name: String, _ value: String) -> ImportError {
        .invalidAccount(.unsupportedParameter(name: name, value: value))
    }

    /// Joins the parts of one export. Every batch_id must agree and every index 0..<batch_size be present.
    public static func combine(_ batches: [MigrationBatch]) throws(ImportError) -> [OTPAccount] {
        var byID: [Int32: [MigrationBatch]] = [:]
        for batch in batches { byID[batch.batchID, default: []].append(batch) }
        guard byID.count <= 1 else { throw .malformed(app, reason: .mixedExports(count: byID.count)) }
        return try combineExports(batches).accounts
    }

    /// The accounts of every export among `batches` (a file may hold several, one QR code a line). Parts are
    /// grouped by batch id and each export is checked on its own: all its parts present, one batch size; the
    /// same part scanned twice counts once. Exports come out in the order their first part appears.
    static func combineExports(_ batches: [MigrationBatch]) throws(ImportError) -> ImportEntries {
        var order: [Int32] = []
        var byID: [Int32: [Int: MigrationBatch]] = [:]
        for batch in batches {
            if byID[batch.batchID] == nil { order.append(batch.batchID) }
            var parts = byID[batch.batchID] ?? [:]
            if let earlier = parts.values.first, earlier.batchSize != batch.batchSize {
                throw .malformed(app, reason: .batchSizesDisagree)
            }
            if let seen = parts[batch.batchIndex] {
                // A QR code scanned twice is harmless; two different parts claiming one index are not.
                guard seen == batch else {
                    throw .malformed(app, reason: .duplicatePart(part: batch.batchIndex + 1, of: batch.batchSize))
                }
                continue
            }
            parts[batch.batchIndex] = batch
            byID[batch.batchID] = parts
        }
        var entries = ImportEntries()
        for id in order {
            let parts = byID[id] ?? [:]
            // batchSize is capped at maxBatchSize when decoded, so this loop is bounded.
            let size = parts.values.first?.batchSize ?? 0
            let missing = (0..<size).filter { parts[$0] == nil }
            if !missing.isEmpty {
                throw .malformed(app, reason: .missingParts(missing.map { $0 + 1 }, of: size, batchID: id))
            }
            for index in 0..<size {
                guard let part = parts[index] else { continue }
                var batch = ImportEntries()
                batch.accounts = part.accounts
                batch.skipped = part.skipped
                entries.append(batch)
            }
        }
        return entries
    }

    /// Whether GA can hold this account: no Steam, no 7 digits, no period other than 30.
    public static func canExport(_ account: OTPAccount) -> Bool {
        account.kind != .steam && (account.digits == 6 || account.digits == 8)
            && (account.kind == .hotp || account.period == 30)
    }

    /// Migration URIs, `accountsPerBatch` accounts each, sharing one random batch id.
    public static func encode(_ accounts: [OTPAccount], batchID: Int32) -> [String] {
        let chunks = stride(from: 0, to: max(accounts.count, 1), by: accountsPerBatch).map {
            Array(accounts[$0..<min($0 + accountsPerBatch, accounts.count)])
        }
        return chunks.enumerated().map { index, chunk in
            var payload = ProtobufWriter()
            for account in chunk {
                var parameters = ProtobufWriter()
                account.secret.withUnsafeBytes { parameters.field(1, bytes: $0) }
                parameters.field(
                    2, string: account.issuer.isEmpty ? account.account : "\(account.issuer):\(account.account)")
                if !account.issuer.isEmpty { parameters.field(3, string: account.issuer) }
                let algorithm: UInt64 =
                    switch account.algorithm {
                    case .sha1: 1
                    case .sha256: 2
                    case .sha512: 3
                    }
                parameters.field(4, varint: algorithm)
                parameters.field(5, varint: account.digits == 8 ? 2 : 1)
                parameters.field(6, varint: account.kind == .hotp ? 1 : 2)
                if account.kind == .hotp { parameters.field(7, varint: account.counter) }
                payload.field(1, bytes: parameters.bytes)
            }
            payload.field(2, varint: 1)
            payload.field(3, varint: UInt64(chunks.count))
            payload.field(4, varint: UInt64(index))
            payload.field(5, varint: UInt64(UInt32(bitPattern: batchID)))
            let base64 = Base64.encode(payload.bytes, variant: .padded)
            return "\(scheme)offline?data=\(KeyURI.percentEncode(base64))"
        }
    }
}
