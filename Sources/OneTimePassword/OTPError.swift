// The two-factor library's typed failures: OTPError for one account (a secret, a URI, a parameter) and
// ImportError for another app's export file. No message text here (the CLI words them in both languages),
// and never a secret or a password in an associated value.
import WalletCrypto

/// Why an account, a secret or an otpauth URI was refused.
///
/// ```swift
/// do { _ = try KeyURI.parse(text) } catch OTPError.malformedURI(.noSecret) { … }
/// ```
public enum OTPError: Error, Sendable, Equatable {
    /// The secret holds a character outside Base32 at this 1-based position.
    case badBase32(position: Int)
    /// The secret decodes to nothing.
    case emptySecret
    /// The account has neither a name nor an issuer.
    case missingName
    /// A parameter outside what the library supports (`name` is e.g. "digits", "algorithm", "period").
    case unsupportedParameter(name: String, value: String)
    /// The otpauth URI's first error.
    case malformedURI(URIProblem)

    init(_ error: Base32.DecodingError) {
        switch error {
        case .invalidCharacter(let position): self = .badBase32(position: position)
        case .empty: self = .emptySecret
        }
    }
}

/// One problem in an otpauth URI, as `KeyURI.lint` reports it and `KeyURI.parse` throws it.
public enum URIProblem: Sendable, Equatable {
    /// Does not start with otpauth://.
    case notOTPAuthURI
    /// Nothing after the type.
    case noLabel
    /// A type other than totp, hotp, steam.
    case unknownType(String)
    /// A malformed percent escape in the label.
    case badLabelEncoding
    /// A malformed percent escape in a parameter.
    case badParameterEncoding
    /// The parameter appears twice.
    case duplicateParameter(String)
    /// No `secret=` parameter.
    case noSecret
    /// The secret is not Base32 (character at this 1-based position).
    case badBase32(position: Int)
    /// The secret decodes to nothing.
    case emptySecret
    /// An algorithm other than SHA1, SHA256, SHA512.
    case unknownAlgorithm(String)
    /// Digits outside 6-8 (5 for Steam).
    case badDigits(String)
    /// A period that is not 1 to 86400 seconds.
    case badPeriod(String)
    /// A counter that is not a number up to 2^63-1.
    case badCounter(String)
    /// An hotp URI without `counter=`.
    case hotpWithoutCounter
    /// Neither an account name nor an issuer.
    case emptyLabel
    /// No account could be read.
    case noAccount
    /// Warning: a secret shorter than the recommended 128 bits.
    case shortSecret(bits: Int)
    /// Warning: label and `issuer=` disagree; the parameter is used.
    case issuerMismatch(label: String, parameter: String)
}

/// The app whose export file an `ImportError` is about.
public enum AuthenticatorApp: Sendable, Equatable, CaseIterable {
    /// Google Authenticator's migration export.
    case googleAuthenticator
    /// Aegis Authenticator.
    case aegis
    /// 2FAS Authenticator.
    case twoFAS
    /// andOTP.
    case andOTP
    /// Bitwarden (JSON or CSV vault export).
    case bitwarden
    /// Proton Authenticator.
    case protonAuthenticator
    /// Steam Desktop Authenticator (maFile).
    case steam
    /// Duo Mobile.
    case duo
    /// Battle.net Authenticator.
    case battleNet
    /// FreeOTP and FreeOTP+.
    case freeOTP
    /// Stratum / Authenticator Pro.
    case stratum
    /// TOTP Authenticator.
    case totpAuthenticator
    /// Authy (Android shared preferences, plain or encrypted).
    case authy
    /// Google Authenticator's internal database.
    case googleAuthenticatorDatabase
    /// Microsoft Authenticator's internal database.
    case microsoftAuthenticator
    /// Authenticator Plus.
    case authenticatorPlus
}

/// Why an import file was refused: after any of these, no account was read. (Single entries that cannot be
/// imported do not fail the file; they come back as ``SkippedEntry``.)
///
/// ```swift
/// do { _ = try OTPImporter.read(bytes) { password } }
/// catch ImportError.wrongPassword(let app) { … }
/// ```
public enum ImportError: Error, Sendable, Equatable {
    /// A known container (ZIP, SQLite, shared preferences…) holding none of the layouts we read.
    case unknownFormat
    /// No format's test matched; `tried` lists every format tested, in detection order.
    case unrecognised(tried: [ImportFormat])
    /// Starts like JSON but does not parse: cut short or damaged.
    case truncatedJSON
    /// The password does not open this file.
    case wrongPassword(AuthenticatorApp)
    /// andOTP cannot tell a wrong password from a damaged file.
    case wrongPasswordOrDamaged(AuthenticatorApp)
    /// Truncated or altered (a password check passed, or the layout is broken).
    case corrupted(AuthenticatorApp)
    /// Readable, but not laid out as the app writes it.
    case malformed(AuthenticatorApp, reason: MalformedReason)
    /// An encrypted Aegis vault with only biometric or raw-key slots.
    case noPasswordSlot
    /// The export asks for a key derivation far costlier than the app itself uses (Aegis scrypt
    /// parameters, andOTP or FreeOTP PBKDF2 iterations): refused so a crafted file cannot stall the import.
    case keyDerivationOutOfRange(AuthenticatorApp)
    /// An entry's type is none of totp, hotp, steam.
    case unsupportedEntryType(AuthenticatorApp, String)
    /// One entry is not a valid account.
    case invalidAccount(OTPError)
    /// The file is encrypted in a way walletsec cannot open with the crypto libraries it may use.
    case unsupportedEncryption(AuthenticatorApp, reason: UnsupportedEncryption)
    /// In a file of one URI a line: the problem on this 1-based line.
    indirect case onLine(Int, ImportError)

    /// Why an encrypted file cannot be opened.
    public enum UnsupportedEncryption: Sendable, Equatable {
        /// Argon2id with several parallel lanes (Stratum's current backup format): libsodium computes one lane
        /// only and OpenSSL 3.0 has no Argon2.
        case argon2idParallelLanes
        /// A key derivation or cipher name the file gives that the app does not write as far as we know.
        case unknownScheme(String)
        /// The app's password-protected export, whose encryption walletsec does not read (export it unencrypted).
        case passwordProtectedExport
    }

    /// What is wrong in a `malformed` file.
    public enum MalformedReason: Sendable, Equatable {
        /// Aegis: no `entries` list.
        case noEntriesList
        /// Aegis: an entry has no `info`.
        case entryWithoutInfo
        /// andOTP: an entry is not an object.
        case entryNotObject
        /// 2FAS: no `services` list.
        case noServicesList
        /// An entry has no secret.
        case entryWithoutSecret
        /// The list of accounts (named as the file names it) is missing or not a list.
        case noAccountList(String)
        /// Not `otpauth-migration://offline?data=`.
        case notMigrationURI
        /// No `data=` parameter.
        case noDataParameter
        /// `data=` is not Base64.
        case dataNotBase64
        /// The protobuf payload does not parse.
        case protobufMalformed
        /// The batch index is outside the batch size.
        case inconsistentBatchNumbers
        /// The parts come from this many different exports.
        case mixedExports(count: Int)
        /// The parts give different batch sizes.
        case batchSizesDisagree
        /// Part `part` (1-based) of `of` appears twice.
        case duplicatePart(part: Int, of: Int)
        /// Parts (1-based) missing out of `of`.
        case missingParts([Int], of: Int, batchID: Int32)
        /// A SQLite database without the app's accounts table.
        case noAccountsTable
        /// A ZIP archive without the app's accounts file.
        case noAccountsFile
        /// More entries than an export of a phone's authenticator can plausibly hold.
        case tooManyEntries
    }
}
