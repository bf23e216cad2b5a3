// Recognises an import file by its content (not its name) and reads every account in it, or fails whole.
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
        /// Another entry of the same import (or already in the vault) has the same issuer, account and secret.
        case duplicate
        /// A field is out of range (digits, period, algorithm).
        case invalidParameters
    }

    /// The entry's issuer as the file gives it (may be empty).
    public var issuer: String
    /// The entry's account name as the file gives it (may be empty).
    public var account: String
    /// Why it was skipped.
    public var reason: Reason

    /// Creates a skipped-entry record.
    public init(issuer: String, account: String, reason: Reason) {
        self.issuer = issuer
        self.account = account
        self.reason = reason
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
}

/// Reads another authenticator app's export, recognised by content.
///
/// ```swift
/// let file = try OTPImporter.read(bytes) { try askForPassword() }   // asked only for encrypted files
/// print(file.format, file.accounts.count)
/// ```
public enum OTPImporter {
    /// Reads every account of an export, or throws: ``ImportError`` for the file (a wrong password, damage,
    /// an unknown layout), or whatever `password` throws.
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
        if let file = try readEncryptedOrDatabase(bytes, password: password) { return file }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            if AndOTPFormat.looksEncrypted(bytes) || AndOTPFormat.mayBeOldEncrypted(bytes) {
                return try readAndOTPEncrypted(bytes, password: password)
            }
            throw ImportError.unknownFormat
        }
        let trimmed = text.trimmingSpaces()
        let firstLine = trimmed.split(whereSeparator: \.isNewline).first { !$0.hasPrefix("#") } ?? ""
        let lower = firstLine.prefix(24).lowercased()
        if lower.hasPrefix(GoogleMigration.scheme) || lower.hasPrefix(KeyURI.scheme) {
            return try readLines(trimmed)
        }
        if trimmed.hasPrefix("{") || trimmed.hasPrefix("[") {
            guard let json = JSONText.decode(bytes) else {
                // A JSON export cut short or damaged in transit.
                throw ImportError.truncatedJSON
            }
            if let object = json as? JSONObject {
                if AegisFormat.looksLike(object) {
                    let encrypted = AegisFormat.isEncrypted(object)
                    return ImportedFile(
                        format: encrypted ? .aegisEncrypted : .aegis,
                        accounts: try AegisFormat.read(object, password: password), warnings: [])
                }
                if TwoFASFormat.looksLike(object) {
                    let encrypted = TwoFASFormat.isEncrypted(object)
                    return ImportedFile(
                        format: encrypted ? .twoFASEncrypted : .twoFAS,
                        accounts: try TwoFASFormat.read(object, password: password), warnings: [])
                }
            } else if let list = json as? [Any], AndOTPFormat.looksLike(list) {
                return ImportedFile(format: .andOTP, accounts: try AndOTPFormat.read(list), warnings: [])
            }
            if let object = json as? JSONObject, StratumFormat.looksLike(object) {
                return try StratumFormat.read(object)
            }
        }
        if trimmed.hasPrefix("<"), let preferences = AuthyFormat.preferences(bytes), AuthyFormat.looksLike(preferences)
        {
            return try AuthyFormat.read(preferences, password: password)
        }
        if TOTPAuthenticatorFormat.looksLike(bytes) {
            return try TOTPAuthenticatorFormat.read(bytes, password: password)
        }
        // Binary andOTP files are rarely valid UTF-8, but one could be.
        if AndOTPFormat.looksEncrypted(bytes) && !trimmed.hasPrefix("{") && !trimmed.hasPrefix("[")
            && bytes.count >= AndOTPFormat.headerLength + AESGCM.tagLength && bytes[0] == 0
        {
            return ImportedFile(
                format: .andOTPEncrypted, accounts: try AndOTPFormat.readEncrypted(bytes, password: password),
                warnings: [])
        }
        throw ImportError.unknownFormat
    }

    /// Formats told apart by their first bytes (issue 13): app databases, FreeOTP's Java-serialised backup,
    /// Authenticator Pro's encrypted backups, Authenticator Plus's ZIP. Nil when the bytes start like none of them.
    static func readEncryptedOrDatabase(_ bytes: [UInt8], password: () throws -> SecureBytes) throws -> ImportedFile? {
        if AuthenticatorDatabases.looksLike(bytes) { return try AuthenticatorDatabases.read(bytes) }
        if FreeOTPBackup.looksLike(bytes) { return try FreeOTPBackup.read(bytes, password: password) }
        if StratumFormat.looksEncrypted(bytes) { return try StratumFormat.readEncrypted(bytes, password: password) }
        if AuthenticatorPlusFormat.looksLike(bytes) {
            return try AuthenticatorPlusFormat.read(bytes, password: password)
        }
        return nil
    }

    /// andOTP's current encrypted layout when the first bytes are a plausible iteration count, else (or when that
    /// does not open) the headerless layout of andOTP before 0.6.3.
    static func readAndOTPEncrypted(_ bytes: [UInt8], password: () throws -> SecureBytes) throws -> ImportedFile {
        if AndOTPFormat.looksEncrypted(bytes) {
            do {
                return ImportedFile(
                    format: .andOTPEncrypted, accounts: try AndOTPFormat.readEncrypted(bytes, password: password),
                    warnings: [])
            } catch let error as ImportError {
                guard AndOTPFormat.mayBeOldEncrypted(bytes), error == .wrongPasswordOrDamaged(.andOTP) else {
                    throw error
                }
            }
        }
        return ImportedFile(
            format: .andOTPEncrypted, accounts: try AndOTPFormat.readOldEncrypted(bytes, password: password),
            warnings: [])
    }

    /// One URI a line: otpauth:// accounts and/or the parts of one Google Authenticator export.
    /// Blank lines and lines starting with '#' are skipped; errors name the line.
    static func readLines(_ text: String) throws(ImportError) -> ImportedFile {
        var accounts: [OTPAccount] = []
        var warnings: [LintFinding] = []
        var batches: [MigrationBatch] = []
        for (index, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = String(rawLine).trimmingSpaces()
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.lowercased().hasPrefix(GoogleMigration.scheme) {
                do {
                    batches.append(try GoogleMigration.decode(uri: line))
                } catch {
                    throw .onLine(index + 1, error)
                }
            } else {
                do {
                    let parsed = try KeyURI.parse(line)
                    accounts.append(parsed.account)
                    warnings += parsed.warnings.map { LintFinding($0.severity, $0.problem, line: index + 1) }
                } catch {
                    throw .onLine(index + 1, .invalidAccount(error))
                }
            }
        }
        accounts += try GoogleMigration.combine(batches)
        let format: ImportFormat = batches.isEmpty ? .uris : .googleMigration
        return ImportedFile(format: format, accounts: accounts, warnings: warnings)
    }
}
