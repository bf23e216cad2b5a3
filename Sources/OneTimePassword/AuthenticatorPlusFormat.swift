// Authenticator Plus backup: a ZIP archive, password-protected with PKWARE's traditional encryption
// ("ZipCrypto", general-purpose flag bit 0), holding `Accounts.txt`, an otpauth URI list. libzip (Debian's
// libzip-dev, through the CLibZip system-library target) decrypts and inflates it; walletsec implements no part of
// the cipher. ZipCrypto checks the password with one byte, so a wrong password is usually refused at once; the
// 1 in 256 that pass fail the CRC or inflate, which looks the same as damage. docs/2fa.md "Authenticator Plus".
import CLibZip
import WalletCore
import WalletCrypto

/// Reads Authenticator Plus backups (through `OTPImporter`).
package enum AuthenticatorPlusFormat {
    static let app = AuthenticatorApp.authenticatorPlus
    static let magic: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
    static let accountsFile = "Accounts.txt"
    static let maxArchiveSize = 16 << 20
    /// A URI list of a phone's accounts is a few KiB.
    static let maxAccountsSize = 4 << 20
    static let maxArchiveEntries: Int64 = 10_000

    /// A ZIP local-file header (the caller then looks for `Accounts.txt`).
    static func looksLike(_ bytes: [UInt8]) -> Bool { bytes.starts(with: magic) }

    static func read(_ bytes: [UInt8], password: () throws -> SecureBytes) throws -> ImportedFile {
        guard bytes.count <= maxArchiveSize else { throw ImportError.corrupted(app) }
        var text = try bytes.withUnsafeBytes { buffer in try accountsText(buffer, password: password) }
        defer { Memory.zero(&text) }
        guard let lines = String(validating: text, as: UTF8.self) else { throw ImportError.corrupted(app) }
        var file = try URIList.read(lines)
        file.format = .authenticatorPlus
        return file
    }

    /// The decrypted, inflated bytes of `Accounts.txt`.
    static func accountsText(_ buffer: UnsafeRawBufferPointer, password: () throws -> SecureBytes) throws -> [UInt8] {
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        // freep = 0: libzip reads our buffer and never frees it; the archive is discarded before we return.
        guard let source = zip_source_buffer_create(buffer.baseAddress, zip_uint64_t(buffer.count), 0, &error) else {
            throw ImportError.corrupted(app)
        }
        guard let archive = zip_open_from_source(source, ZIP_RDONLY, &error) else {
            zip_source_free(source)
            throw ImportError.corrupted(app)
        }
        defer { zip_discard(archive) }
        let count = zip_get_num_entries(archive, 0)
        guard count >= 0, count <= maxArchiveEntries else { throw ImportError.corrupted(app) }
        var found: zip_uint64_t?
        for index in 0..<zip_uint64_t(count) {
            guard let name = zip_get_name(archive, index, 0) else { continue }
            let path = String(cString: name)
            if path == accountsFile || path.hasSuffix("/" + accountsFile) {
                found = index
                break
            }
        }
        guard let index = found else { throw ImportError.malformed(app, reason: .noAccountsFile) }
        var stat = zip_stat_t()
        zip_stat_init(&stat)
        guard zip_stat_index(archive, index, 0, &stat) == 0 else { throw ImportError.corrupted(app) }
        if stat.valid & zip_uint64_t(ZIP_STAT_SIZE) != 0, stat.size > zip_uint64_t(maxAccountsSize) {
            throw ImportError.corrupted(app)
        }
        let encrypted =
            stat.valid & zip_uint64_t(ZIP_STAT_ENCRYPTION_METHOD) != 0 && Int32(stat.encryption_method) != ZIP_EM_NONE
        if encrypted {
            // libzip wants a C string: the password's bytes and a NUL, in locked memory.
            let secret = try password()
            let terminated = SecureBytes(count: secret.count + 1)
            terminated.withUnsafeMutableBytes { target in
                secret.withUnsafeBytes { source in target.copyBytes(from: source) }
            }
            let ok = terminated.withUnsafeBytes {
                zip_set_default_password(archive, $0.baseAddress?.assumingMemoryBound(to: CChar.self)) == 0
            }
            guard ok else { throw ImportError.corrupted(app) }
        }
        guard let entry = zip_fopen_index(archive, index, 0) else {
            let code = zip_error_code_zip(zip_get_error(archive))
            if code == ZIP_ER_WRONGPASSWD || code == ZIP_ER_NOPASSWD { throw ImportError.wrongPassword(app) }
            throw ImportError.corrupted(app)
        }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16 << 10)
        defer { Memory.zero(&chunk) }
        while true {
            let read = zip_fread(entry, &chunk, zip_uint64_t(chunk.count))
            if read == 0 { break }
            guard read > 0, output.count + Int(read) <= maxAccountsSize else {
                let code = zip_error_code_zip(zip_file_get_error(entry))
                zip_fclose(entry)
                Memory.zero(&output)
                // A password that passed ZipCrypto's one-byte check yet fails the CRC or inflate: wrong or damaged.
                if encrypted, code == ZIP_ER_CRC || code == ZIP_ER_ZLIB {
                    throw ImportError.wrongPasswordOrDamaged(app)
                }
                throw ImportError.corrupted(app)
            }
            output += chunk[0..<Int(read)]
        }
        zip_fclose(entry)
        return output
    }
}
