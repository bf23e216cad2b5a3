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
    /// Text that is not an `age1…` recipient. Holds the first 80 characters (recipients are public).
    case invalidRecipient(String)
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
        case lineTooLong
        case endsEarly
        case tooLarge
        case unsupportedVersion
        case missingVersionLine
        case malformedMACLine
        case noStanza
        case unexpectedLine
        case malformedArguments
        case malformedBody
        case nonCanonicalBase64
    }

    /// What is wrong with the armor.
    public enum ArmorProblem: Sendable, Equatable {
        case missingBegin
        case lineTooLong
        case unexpectedEnd
        case endWhereDataExpected
        case invalidBase64Line
        case missingEnd
        case dataAfterEnd
    }

    /// What is wrong with an X25519 or scrypt stanza.
    public enum StanzaProblem: Sendable, Equatable {
        case invalidScrypt
        case invalidScryptWorkFactor
        case invalidScryptBodySize
        case invalidX25519
        case invalidX25519BodySize
        case lowOrderShare
    }
}
