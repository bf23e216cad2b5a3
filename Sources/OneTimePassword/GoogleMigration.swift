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

    /// The most parts one export may claim: far above what GA writes for its account limit.
    static let maxBatchSize = 1000

    static func decode(payload: [UInt8]) throws(ImportError) -> MigrationBatch {
        var reader = ProtobufReader(payload[...])
        var accounts: [OTPAccount] = []
        var batchSize = 1
        var batchIndex = 0
        var batchID: Int32 = 0
        while let (field, value) = try reader.next() {
            switch (field, value) {
            case (1, .bytes(let bytes)): accounts.append(try decodeParameters(bytes))
            case (3, .varint(let v)): batchSize = Int(truncatingIfNeeded: v)
            case (4, .varint(let v)): batchIndex = Int(truncatingIfNeeded: v)
            case (5, .varint(let v)): batchID = Int32(truncatingIfNeeded: v)
            default: continue
            }
        }
        // A batch_size beyond any real export (GA splits into QR codes of ~10 accounts) is refused here:
        // `combine` lists the missing parts, and 2^31 of them was a hang (fuzzing, issue #11).
        guard batchSize >= 1, batchSize <= maxBatchSize, batchIndex >= 0, batchIndex < batchSize else {
            throw .malformed(app, reason: .inconsistentBatchNumbers)
        }
        return MigrationBatch(accounts: accounts, batchSize: batchSize, batchIndex: batchIndex, batchID: batchID)
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
                default: throw unsupported("type", String(v))
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
        guard let first = batches.first else { return [] }
        var byID: [Int32: [MigrationBatch]] = [:]
        for batch in batches { byID[batch.batchID, default: []].append(batch) }
        guard byID.count == 1 else { throw .malformed(app, reason: .mixedExports(count: byID.count)) }
        let size = first.batchSize
        guard batches.allSatisfy({ $0.batchSize == size }) else {
            throw .malformed(app, reason: .batchSizesDisagree)
        }
        var seen = Set<Int>()
        for batch in batches {
            guard seen.insert(batch.batchIndex).inserted else {
                throw .malformed(app, reason: .duplicatePart(part: batch.batchIndex + 1, of: size))
            }
        }
        let missing = (0..<size).filter { !seen.contains($0) }
        if !missing.isEmpty {
            throw .malformed(app, reason: .missingParts(missing.map { $0 + 1 }, of: size, batchID: first.batchID))
        }
        return batches.sorted { $0.batchIndex < $1.batchIndex }.flatMap(\.accounts)
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
