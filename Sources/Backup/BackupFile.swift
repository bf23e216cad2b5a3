// Backup files as library calls: write a vault to a new age file atomically, and open one for
// verification or restore with the right keys (passphrase for scrypt files, else given identities,
// else the vault's device keys). The command line only gathers options and secrets and prints.
import AgeFormat
import Foundation
import Vault
import WalletCore
import WalletCrypto

#if canImport(Glibc)
    import Glibc
#endif

/// How a new backup is encrypted.
public enum BackupEncryption {
    /// To age recipients, e.g. the new phone's device key (`DeviceKeys.create`).
    case recipients([Recipient])
    /// To a backup passphrase (scrypt); it must be the only recipient.
    case passphrase(SecureBytes)

    var ageRecipients: [Recipient] {
        get throws {
            switch self {
            case .recipients(let recipients): return recipients
            case .passphrase(let secret): return [try ScryptRecipient(passphrase: secret)]
            }
        }
    }
}

/// Where the keys to open a backup come from. Each closure is called only when needed, at most once:
/// `passphrase` for passphrase backups; otherwise `identities` (e.g. `-i` files) and, when those
/// are empty, `deviceIdentities` (e.g. `DeviceKeys.identities(in:key:)` after unlocking).
public struct BackupKeys {
    /// The backup passphrase, asked only for a passphrase backup.
    public var passphrase: () throws -> SecureBytes
    /// Identities given explicitly.
    public var identities: () throws -> [Identity]
    /// The vault's device identities, used when no explicit identity was given.
    public var deviceIdentities: () throws -> [Identity]

    /// Keys from the given sources; omitted ones provide nothing.
    public init(
        passphrase: @escaping () throws -> SecureBytes, identities: @escaping () throws -> [Identity] = { [] },
        deviceIdentities: @escaping () throws -> [Identity] = { [] }
    ) {
        self.passphrase = passphrase
        self.identities = identities
        self.deviceIdentities = deviceIdentities
    }

    /// The identities to try for `header`; throws `BackupError.noIdentityAvailable` when there are none.
    func identities(for header: Header) throws -> [Identity] {
        if AgeReader.needsPassphrase(header) {
            return [ScryptIdentity(passphrase: try passphrase())]
        }
        var result = try identities()
        if result.isEmpty { result = try deviceIdentities() }
        guard !result.isEmpty else { throw BackupError.noIdentityAvailable }
        return result
    }
}

/// A backup file: create one from a vault, or open one to verify or restore it.
///
/// Writing a backup to the new phone's device key, then checking it:
/// ```swift
/// let summary = try BackupFile.create(
///     at: "phone.age", from: vault, key: key, encryption: .recipients([recipient]), generator: "my app")
/// let backup = try BackupFile(reading: "phone.age")
/// let checked = try backup.verify(keys: BackupKeys(passphrase: askPassphrase, identities: { [identity] }))
/// ```
public final class BackupFile {
    let source: ByteSource
    private let closeSource: () -> Void

    /// Opens the file at `path` for reading (it is closed when this object goes away).
    public convenience init(reading path: String) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FileSystem.error(errno, path: path, action: "read") }
        self.init(source: FileDescriptorSource(fd: fd, name: path), close: { close(fd) })
    }

    /// Reads a backup from any byte source (e.g. `MemorySource`).
    public convenience init(source: ByteSource) {
        self.init(source: source, close: {})
    }

    private init(source: ByteSource, close: @escaping () -> Void) {
        self.source = source
        closeSource = close
    }

    deinit { closeSource() }

    /// Throws `BackupError.destinationExists` when `path` exists (so a caller can refuse before
    /// asking for any passphrase).
    /// A special file (/dev/null, a FIFO) takes the stream as it is; a folder is refused as one.
    public static func checkDestination(_ path: String) throws {
        if FileSystem.isDirectory(path) { throw FileError.isAFolder(path: path) }
        if FileSystem.isOccupied(path) { throw BackupError.destinationExists(path: path) }
    }

    /// Writes every data table of `vault` (device identities only with `includeIdentities`) into a new
    /// age file at `path`, which appears only once complete; records the backup time in the vault.
    public static func create(
        at path: String, from vault: Vault, key: VaultKey, encryption: BackupEncryption, armored: Bool = false,
        includeIdentities: Bool = false, generator: String, progress: ProgressHandler? = nil
    ) throws -> BackupSummary {
        try checkDestination(path)
        let recipients = try encryption.ageRecipients
        let file = try AtomicFileWriter(destination: path)
        let age = try AgeWriter(sink: file, recipients: recipients, armored: armored)
        let summary = try BackupWriter.write(
            vault: vault, key: key, to: age, includeIdentities: includeIdentities, generator: generator,
            progress: progress)
        let toSpecialFile = FileSystem.kind(path) == .special
        try file.commit()
        // Written into /dev/null or a pipe, nothing proves a backup exists: "last backup" stays as it was.
        if !toSpecialFile { try vault.recordBackup(at: Date()) }
        return summary
    }

    /// Decrypts the age layer with `keys`, leaving the backup records to read.
    func payload(keys: BackupKeys) throws -> PayloadReader {
        try AgeReader.open(source) { header in try keys.identities(for: header) }.payload
    }

    /// Decrypts and validates the whole backup without installing anything; returns what it holds.
    public func verify(keys: BackupKeys, progress: ProgressHandler? = nil) throws -> BackupSummary {
        try Restore.verify(payload: try payload(keys: keys), progress: progress)
    }
}
