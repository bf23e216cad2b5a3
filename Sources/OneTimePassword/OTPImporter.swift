// Recognises an import file by its content (never its name) and reads its accounts. Detection is one ordered
// list of FormatReader entries (OTPImporter.readers): the first whose test matches reads the file, so adding a
// format is adding one entry at its place in the order (docs/2fa.md has the table and why the order is
// unambiguous across the 40 real exports of ../shared/otp-exports).
import WalletCrypto

/// What an import file turned out to be; the raw value is the name the CLI prints and writes in JSON.
public enum ImportFormat: String, Sendable, Codable {
    /// otpauth:// URIs, one a line.
    case uris
    /// Google Authenticator otpauth-migration:// lines.
    case googleMigration = "google_migration"
    /// A plain Aegis vault.
    case aegis
    /// A password-encrypted Aegis vault.
    case aegisEncrypted = "aegis_encrypted"
    /// A plain 2FAS backup.
    case twoFAS = "2fas"
    /// A password-encrypted 2FAS backup.
    case twoFASEncrypted = "2fas_encrypted"
    /// A plain andOTP backup.
    case andOTP = "andotp"
    /// A password-encrypted andOTP backup.
    case andOTPEncrypted = "andotp_encrypted"
    // Formats of the other apps Aegis reads (issue 13); docs/2fa.md lists versions and detection.
    /// Authenticator Plus: a password-protected ZIP holding a URI list.
    case authenticatorPlus = "authenticator_plus"
    /// Authenticator Pro / Stratum JSON backup.
    case stratum
    /// Authenticator Pro / Stratum encrypted backup.
    case stratumEncrypted = "stratum_encrypted"
    /// Authenticator Pro / Stratum internal SQLite database.
    case stratumDatabase = "stratum_database"
    /// Authy Android shared preferences.
    case authy
    /// Authy Android shared preferences with encrypted seeds.
    case authyEncrypted = "authy_encrypted"
    /// Battle.net Authenticator shared preferences.
    case battleNet = "battle_net"
    /// Bitwarden vault export (JSON).
    case bitwarden
    /// Bitwarden vault export (CSV).
    case bitwardenCSV = "bitwarden_csv"
    /// Duo Mobile internal JSON.
    case duo
    /// Ente Auth plain export.
    case enteAuth = "ente_auth"
    /// FreeOTP v1 tokens.xml.
    case freeOTP = "freeotp"
    /// FreeOTP v2 encrypted, Java-serialised backup.
    case freeOTPEncrypted = "freeotp_encrypted"
    /// FreeOTP+ JSON export.
    case freeOTPPlus = "freeotp_plus"
    /// FreeOTP+ internal tokens.xml.
    case freeOTPPlusInternal = "freeotp_plus_internal"
    /// Google Authenticator's internal SQLite database.
    case googleAuthenticatorDatabase = "google_authenticator_database"
    /// Microsoft Authenticator's internal SQLite database.
    case microsoftAuthenticatorDatabase = "microsoft_authenticator_database"
    /// Proton Authenticator export.
    case protonAuthenticator = "proton_authenticator"
    /// Steam Desktop Authenticator maFile.
    case steam = "steam_mafile"
    /// TOTP Authenticator encrypted backup.
    case totpAuthenticator = "totp_authenticator"
    /// TOTP Authenticator internal shared preferences.
    case totpAuthenticatorInternal = "totp_authenticator_internal"
}

/// An entry of an import file that was not imported, and why; the rest of the file still imports.
public struct SkippedEntry: Sendable, Equatable {
    /// Why an entry was left out.
    public enum Reason: Sendable, Equatable {
        /// A kind of code walletsec does not compute (Yandex, mOTP, …), named as the file names it.
        case unsupportedType(String)
        /// The secret is missing or not decodable.
        case invalidSecret
        /// Another entry of the same import file has the same issuer, account and secret.
        case duplicate
        /// A field is out of range (digits, period, algorithm).
        case invalidParameters
        /// An otpauth URI line that does not parse: its first problem.
        case malformedURI(URIProblem)
        /// Ente Auth: the entry is in the app's trash.
        case trashed
    }

    /// The entry's issuer as the file gives it (may be empty).
    public var issuer: String
    /// The entry's account name as the file gives it (may be empty).
    public var account: String
    /// Why it was skipped.
    public var reason: Reason
    /// The 1-based line, for files of one entry a line (URI lists, CSV).
    public var line: Int?

    /// Creates a skipped-entry record.
    public init(issuer: String, account: String, reason: Reason, line: Int? = nil) {
        self.issuer = issuer
        self.account = account
        self.reason = reason
        self.line = line
    }
}

/// The accounts of one import file.
public struct ImportedFile: Sendable {
    /// The format recognised.
    public var format: ImportFormat
    /// Every account, validated; the caller stores all or none.
    public var accounts: [OTPAccount]
    /// Lint warnings of otpauth URI lines (each with its line).
    public var warnings: [LintFinding]
    /// Entries left out (unsupported type, broken secret, duplicate); empty when everything imported.
    public var skipped: [SkippedEntry] = []

    /// The accounts and skipped entries of `entries`, read as `format`.
    init(format: ImportFormat, entries: ImportEntries, warnings: [LintFinding] = []) {
        self.init(format: format, accounts: entries.accounts, warnings: warnings, skipped: entries.skipped)
    }

    /// A file read whole (every entry imported or the file refused).
    public init(format: ImportFormat, accounts: [OTPAccount], warnings: [LintFinding], skipped: [SkippedEntry] = []) {
        self.format = format
        self.accounts = accounts
        self.warnings = warnings
        self.skipped = skipped
    }
}

/// The bytes of an import file and the views detectors look at, each computed once and only when asked:
/// UTF-8 text without a byte-order mark, the parsed JSON value, the Android shared-preferences map.
final class ImportInput {
    /// The file as read.
    let bytes: [UInt8]
    /// The file as UTF-8 text without a leading byte-order mark and outer whitespace; nil for binary content.
    let text: String?

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        text = String(validating: body, as: UTF8.self)?.trimmingSpaces()
    }

    /// True when the raw bytes start with `magic` (an ASCII or binary signature).
    func starts(with magic: [UInt8]) -> Bool { bytes.starts(with: magic) }

    /// Whether the text starts like JSON (an object or an array).
    var looksLikeJSON: Bool { text.map { $0.hasPrefix("{") || $0.hasPrefix("[") } ?? false }

    /// The parsed JSON value, when the text is JSON.
    lazy var json: Any? = looksLikeJSON ? JSONText.decode(Array(text!.utf8)) : nil
    /// The parsed JSON, when it is an object.
    var jsonObject: JSONObject? { json as? JSONObject }
    /// The parsed JSON, when it is an array.
    var jsonArray: [Any]? { json as? [Any] }
    /// The `<map>` of an Android shared-preferences XML file.
    lazy var preferences: SharedPreferences? = text.flatMap { $0.hasPrefix("<") ? SharedPreferences.parse($0) : nil }
}

/// One import format: a test on the content and the reader for files that pass it.
struct FormatReader: Sendable {
    /// What the reader reports, and what an unrecognised file lists as tried.
    let format: ImportFormat
    /// Cheap, never throws: does the file look like this format?
    let matches: @Sendable (ImportInput) -> Bool
    /// Reads the file; `password` is asked only when the file turns out to be encrypted.
    let read: @Sendable (ImportInput, () throws -> SecureBytes) throws -> ImportedFile
}

/// Reads another authenticator app's export, recognised by content.
///
/// ```swift
/// let file = try OTPImporter.read(bytes) { try askForPassword() }   // asked only for encrypted files
/// print(file.format, file.accounts.count, file.skipped.count)
/// ```
public enum OTPImporter {
    /// Every format in detection order; the first match reads the file (docs/2fa.md explains the order).
    /// Magic-number formats come first, then XML, JSON objects, JSON arrays, text lines, and last the
    /// formats that have no signature at all.
    static let readers: [FormatReader] = [
        // 1. ZIP (PK\3\4): Authenticator Plus.
        FormatReader(format: .authenticatorPlus, matches: { AuthenticatorPlusFormat.looksLike($0.bytes) }) {
            input, password in
            try AuthenticatorPlusFormat.read(input.bytes, password: password)
        },
        // 2. SQLite: Google Authenticator / Microsoft Authenticator / Stratum databases, told apart by tables.
        FormatReader(
            format: .googleAuthenticatorDatabase, matches: { AuthenticatorDatabases.looksLike($0.bytes) }
        ) { input, _ in
            try AuthenticatorDatabases.read(input.bytes)
        },
        // 3. Java serialisation (AC ED 00 05): FreeOTP v2.
        FormatReader(format: .freeOTPEncrypted, matches: { FreeOTPBackup.looksLike($0.bytes) }) {
            input, password in
            try FreeOTPBackup.read(input.bytes, password: password)
        },
        // 4.–5. AUTHENTICATORPRO / AuthenticatorPro: Stratum encrypted (refused: Argon2id) / legacy.
        FormatReader(format: .stratumEncrypted, matches: { StratumFormat.looksEncrypted($0.bytes) }) {
            input, password in
            try StratumFormat.readEncrypted(input.bytes, password: password)
        },
        // 6. Android shared preferences <map>, told apart by their key names: Authy, Battle.net,
        //    TOTP Authenticator, FreeOTP v1 / FreeOTP+ (same layout).
        FormatReader(format: .authy, matches: { $0.preferences.map(AuthyFormat.looksLike) ?? false }) {
            input, password in
            try AuthyFormat.read(input.preferences!, password: password)
        },
        FormatReader(format: .battleNet, matches: { $0.preferences.map(BattleNetFormat.looksLike) ?? false }) {
            input, _ in
            ImportedFile(format: .battleNet, entries: try BattleNetFormat.read(input.preferences!))
        },
        FormatReader(
            format: .totpAuthenticatorInternal,
            matches: { $0.preferences.map(TOTPAuthenticatorEntries.looksLike) ?? false }
        ) { input, _ in
            ImportedFile(
                format: .totpAuthenticatorInternal, entries: try TOTPAuthenticatorEntries.read(input.preferences!))
        },
        FormatReader(format: .freeOTP, matches: { $0.preferences.map(FreeOTPFormat.looksLike) ?? false }) {
            input, _ in
            ImportedFile(format: .freeOTP, entries: try FreeOTPFormat.read(input.preferences!))
        },
        // 7. JSON objects, told apart by their keys (disjoint across every app's export).
        FormatReader(format: .twoFAS, matches: { $0.jsonObject.map(TwoFASFormat.looksLike) ?? false }) {
            input, password in
            let object = input.jsonObject!
            return ImportedFile(
                format: TwoFASFormat.isEncrypted(object) ? .twoFASEncrypted : .twoFAS,
                entries: try TwoFASFormat.read(object, password: password))
        },
        FormatReader(format: .aegis, matches: { $0.jsonObject.map(AegisFormat.looksLike) ?? false }) {
            input, password in
            let object = input.jsonObject!
            return ImportedFile(
                format: AegisFormat.isEncrypted(object) ? .aegisEncrypted : .aegis,
                entries: try AegisFormat.read(object, password: password))
        },
        FormatReader(format: .stratum, matches: { $0.jsonObject.map(StratumJSONFormat.looksLike) ?? false }) {
            input, _ in
            ImportedFile(format: .stratum, entries: try StratumJSONFormat.read(input.jsonObject!))
        },
        FormatReader(format: .freeOTPPlus, matches: { $0.jsonObject.map(FreeOTPFormat.looksLike) ?? false }) {
            input, _ in
            ImportedFile(format: .freeOTPPlus, entries: try FreeOTPFormat.read(input.jsonObject!))
        },
        FormatReader(format: .bitwarden, matches: { $0.jsonObject.map(BitwardenFormat.looksLike) ?? false }) {
            input, _ in
            ImportedFile(format: .bitwarden, entries: try BitwardenFormat.read(input.jsonObject!))
        },
        FormatReader(
            format: .protonAuthenticator,
            matches: { $0.jsonObject.map(ProtonAuthenticatorFormat.looksLike) ?? false }
        ) { input, _ in
            ImportedFile(format: .protonAuthenticator, entries: try ProtonAuthenticatorFormat.read(input.jsonObject!))
        },
        FormatReader(format: .steam, matches: { $0.jsonObject.map(SteamFormat.looksLike) ?? false }) { input, _ in
            ImportedFile(format: .steam, entries: try SteamFormat.read(input.jsonObject!))
        },
        // 8. JSON arrays, told apart by the first element's keys.
        FormatReader(format: .duo, matches: { $0.jsonArray.map(DuoFormat.looksLike) ?? false }) { input, _ in
            ImportedFile(format: .duo, entries: try DuoFormat.read(input.jsonArray!))
        },
        FormatReader(format: .andOTP, matches: { $0.jsonArray.map(AndOTPFormat.looksLike) ?? false }) { input, _ in
            ImportedFile(format: .andOTP, entries: try AndOTPFormat.read(input.jsonArray!))
        },
        // 9. Bitwarden CSV (its header line).
        FormatReader(format: .bitwardenCSV, matches: { $0.text.map(BitwardenFormat.looksLikeCSV) ?? false }) {
            input, _ in
            ImportedFile(format: .bitwardenCSV, entries: try BitwardenFormat.readCSV(input.text!))
        },
        // 10. otpauth:// and otpauth-migration:// lines (plain lists, WinAuth, Ente Auth, Google Authenticator).
        FormatReader(format: .uris, matches: { $0.text.map(URIList.looksLike) ?? false }) { input, _ in
            try URIList.read(input.text!)
        },
        // 11. Base64 text: TOTP Authenticator encrypted backup.
        FormatReader(format: .totpAuthenticator, matches: { TOTPAuthenticatorFormat.looksLike($0.bytes) }) {
            input, password in
            try TOTPAuthenticatorFormat.read(input.bytes, password: password)
        },
        // 12. No signature: andOTP encrypted, the current layout (iteration count first) then the headerless one
        //     of andOTP before 0.6.3. Binary is rarely valid UTF-8, but a header starting 00 may be.
        FormatReader(
            format: .andOTPEncrypted,
            matches: {
                let bytes = $0.bytes
                if AndOTPFormat.looksEncrypted(bytes) && ($0.text == nil || bytes.first == 0) { return true }
                return $0.text == nil && AndOTPFormat.mayBeOldEncrypted(bytes)
            }
        ) { input, password in
            try readAndOTPEncrypted(input.bytes, password: password)
        },
    ]

    /// Reads every account of an export, or throws: ``ImportError`` for the file (a wrong password, damage,
    /// an unknown layout), or whatever `password` throws. Entries the file holds but walletsec cannot take
    /// (unsupported type, broken secret, duplicate) come back in ``ImportedFile/skipped``.
    /// - Parameter password: asked only when the file turns out to be encrypted.
    public static func read(_ bytes: [UInt8], password askPassword: () throws -> SecureBytes) throws -> ImportedFile {
        // Asked once even when a format is tried twice (andOTP's two encrypted layouts).
        var asked: SecureBytes?
        func password() throws -> SecureBytes {
            if let asked { return asked }
            let secret = try askPassword()
            asked = secret
            return secret
        }
        let input = ImportInput(bytes)
        for reader in readers where reader.matches(input) {
            return try reader.read(input, password)
        }
        // JSON that does not parse was cut short or damaged, whatever app wrote it.
        if input.looksLikeJSON && input.json == nil { throw ImportError.truncatedJSON }
        throw ImportError.unrecognised(tried: triedFormats)
    }

    /// The formats an unrecognised file was tested for, in order and without repeats.
    static var triedFormats: [ImportFormat] {
        var seen = Set<ImportFormat>()
        return readers.map(\.format).filter { seen.insert($0).inserted }
    }

    /// andOTP's current encrypted layout when the first bytes are a plausible iteration count, else (or when that
    /// does not open) the headerless layout of andOTP before 0.6.3.
    static func readAndOTPEncrypted(_ bytes: [UInt8], password: () throws -> SecureBytes) throws -> ImportedFile {
        if AndOTPFormat.looksEncrypted(bytes) {
            do {
                return ImportedFile(
                    format: .andOTPEncrypted, entries: try AndOTPFormat.readEncrypted(bytes, password: password))
            } catch let error as ImportError {
                guard AndOTPFormat.mayBeOldEncrypted(bytes), error == .wrongPasswordOrDamaged(.andOTP) else {
                    throw error
                }
            }
        }
        return ImportedFile(
            format: .andOTPEncrypted, entries: try AndOTPFormat.readOldEncrypted(bytes, password: password))
    }
}
