// Everything that can go wrong reading or writing an age file, as cases a caller can match.
// The library never formats a message: the command line maps each case to its exit status and text.
// No case carries secret material (identity text, passphrases, file keys).

/// A failure of the age library.
///
/// ```swift
/// do {
///     let (_, payload) = try AgeReader.open(source) { _ in [identity] }
///     try payload.copyAll(to: sink)
/// } catch AgeError.noIdentityMatched {
///     // wrong key or passphrase
/// } catch let error as AgeError {
///     // malformed, truncated or altered
/// }
/// ```
public enum AgeError: Error, Sendable, Equatable {
    /// `AgeWriter` was given no recipients.
    case noRecipients
    /// A passphrase (scrypt) recipient was combined with other recipients when encrypting.
    case passphraseNotAlone
    /// The input starts neither with an age header nor with armor.
    case notAgeFile
    /// The textual header breaks the age-v1 grammar.
    case headerMalformed(HeaderProblem)
    /// The ASCII armor around the file is not canonical.
    case armorMalformed(ArmorProblem)
    /// A recipient stanza of a type this library knows is malformed.
    case stanzaMalformed(StanzaProblem)
    /// The header holds an scrypt stanza beside other stanzas.
    case scryptNotAlone
    /// No identity or passphrase opens the file.
    case noIdentityMatched
    /// The header MAC does not verify: the header was altered; nothing was decrypted.
    case headerMACMismatch
    /// Payload chunk `index` (counting from 0) failed authentication.
    case chunkRejected(index: UInt64)
    /// The payload ends without a final chunk.
    case truncated
    /// The payload ends with an empty chunk after data.
    case emptyFinalChunk
    /// More chunks than the 11-byte counter can number.
    case inputTooLarge
    /// Text that is not an `age1…` recipient. Holds its first 80 characters (a recipient given on the
    /// command line is public); never an identity, which is ``identityGivenAsRecipient(source:)``.
    case invalidRecipient(String)
    /// An `AGE-SECRET-KEY-1…` identity where a recipient belongs (in `source`, a recipients file, or on
    /// the command line when nil). Its text is a secret and is not kept.
    case identityGivenAsRecipient(source: String?)
    /// Line `line` (counting from 1) of the recipients file `source` is not a recipient. The line is not
    /// kept: a file given by mistake (a passphrase file, a key) may hold a secret.
    case invalidRecipientLine(source: String, line: Int)
    /// A raw X25519 recipient key that is not 32 bytes.
    case invalidRecipientLength
    /// Text that is not an `AGE-SECRET-KEY-1…` identity (the text itself is secret and not kept).
    case invalidIdentity
    /// A raw X25519 identity key that is not 32 bytes.
    case invalidIdentityLength
    /// An scrypt work factor for encryption outside 1...`limit`.
    case workFactorOutOfRange(limit: Int)
    /// The file asks for scrypt work factor 2^`logN`, above `limit`; refused before allocating.
    case workFactorTooLarge(logN: Int, limit: Int)
    /// The system could not give scrypt the memory it needs.
    case scryptOutOfMemory
    /// An identity file (named `source`) is itself age-encrypted.
    case encryptedIdentityFile(source: String)
    /// An identity file holds a plugin or other non-X25519 identity.
    case unsupportedIdentity(source: String)
    /// An identity file holds a line that is not an identity.
    case invalidIdentityLine(source: String)
    /// An identity file holds no identity.
    case noIdentities(source: String)
    /// A recipients file holds no recipient.
    case noRecipientsInFile(source: String)

    /// Where the header grammar was broken.
    public enum HeaderProblem: Sendable, Equatable {
        /// A header line longer than 64 KiB.
        case lineTooLong
        /// The input ends inside the header.
        case endsEarly
        /// The header exceeds 1 MiB.
        case tooLarge
        /// An `age-encryption.org/` version other than v1.
        case unsupportedVersion
        /// The first line is not the version line.
        case missingVersionLine
        /// The `---` line is not `--- ` and a 32-byte MAC.
        case malformedMACLine
        /// No recipient stanza before `---`.
        case noStanza
        /// A line that is neither a stanza nor `---`.
        case unexpectedLine
        /// Empty or non-VCHAR stanza arguments, or doubled spaces.
        case malformedArguments
        /// A stanza body line that is too long or not base64.
        case malformedBody
        /// A stanza body in non-canonical base64.
        case nonCanonicalBase64
    }

    /// What is wrong with the armor.
    public enum ArmorProblem: Sendable, Equatable {
        /// No BEGIN line.
        case missingBegin
        /// A line longer than 64 columns.
        case lineTooLong
        /// The input ends inside the armor.
        case unexpectedEnd
        /// The END line where data was expected.
        case endWhereDataExpected
        /// A line that is not canonical padded base64.
        case invalidBase64Line
        /// No END line after the last data line.
        case missingEnd
        /// Something other than whitespace after END.
        case dataAfterEnd
    }

    /// What is wrong with an X25519 or scrypt stanza.
    public enum StanzaProblem: Sendable, Equatable {
        /// Wrong arguments or salt in an `scrypt` stanza.
        case invalidScrypt
        /// A work factor that is not `[1-9][0-9]*`.
        case invalidScryptWorkFactor
        /// An `scrypt` stanza body that is not 32 bytes.
        case invalidScryptBodySize
        /// Wrong arguments or share in an `X25519` stanza.
        case invalidX25519
        /// An `X25519` stanza body that is not 32 bytes.
        case invalidX25519BodySize
        /// A share that gives an all-zero shared secret.
        case lowOrderShare
    }
}
