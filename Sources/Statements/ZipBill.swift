// ZIP bills: Alipay and WeChat Pay mail statements as ZIP archives protected by a password the wallet
// sends separately (解压密码). libzip opens them in memory (traditional PKWARE and WinZip AES); every
// statement entry is read into memory under size caps, and entry names are never used as paths.
import CLibZip
import WalletCrypto

#if canImport(Glibc)
    import Glibc
#endif

/// Reads the statement entries of a ZIP archive, decrypting them with a password when they need one.
///
/// ```swift
/// let raw = try FileSystem.readAll("alipay_record_20240601.zip", limit: StatementReader.maxFileBytes)
/// let entries = try ZipBill.entries(of: raw, file: "alipay_record_20240601.zip", password: { password })
/// for entry in entries ?? [] { print(entry.name, entry.bytes.count) }
/// ```
public enum ZipBill {
    /// Caps that make a ZIP bomb fail instead of exhausting memory.
    public struct Limits: Sendable, Equatable {
        /// Entries in the archive (of any kind).
        public var maxEntries: Int
        /// Uncompressed bytes of one statement entry (as declared, and as actually inflated).
        public var maxEntryBytes: Int
        /// Uncompressed bytes of all statement entries together.
        public var maxTotalBytes: Int

        /// The defaults: 1,000 entries, 512 MiB per entry, 1 GiB in all.
        public init(maxEntries: Int = 1000, maxEntryBytes: Int = 512 << 20, maxTotalBytes: Int = 1 << 30) {
            self.maxEntries = maxEntries
            self.maxEntryBytes = maxEntryBytes
            self.maxTotalBytes = maxTotalBytes
        }
    }

    /// One statement entry, decrypted and inflated.
    public struct Entry: Sendable, Equatable {
        /// The entry's name inside the archive (display only; control characters replaced by `?`).
        public var name: String
        /// Its content.
        public var bytes: [UInt8]
    }

    /// Extensions of entries read as statements; other entries (a PDF, a picture) are passed over.
    static let statementExtensions: Set<String> = ["csv", "xlsx", "ofx", "qfx", "qif"]

    /// A ZIP local header (`PK\3\4`) or an empty archive's end record (`PK\5\6`).
    public static func looksLikeArchive(_ raw: UnsafeBufferPointer<UInt8>) -> Bool {
        raw.count >= 4 && raw[0] == 0x50 && raw[1] == 0x4b
            && ((raw[2] == 0x03 && raw[3] == 0x04) || (raw[2] == 0x05 && raw[3] == 0x06))
    }

    /// The archive's statement entries, or nil when the archive is an XLSX workbook (to be read as one
    /// statement). `password` is asked only when a statement entry is encrypted; nil from it throws
    /// ``ZipBillError/passwordRequired(file:)``.
    public static func entries(
        of raw: [UInt8], file: String, limits: Limits = Limits(), password: () throws -> SecureBytes?
    ) throws -> [Entry]? {
        try raw.withUnsafeBufferPointer { buffer in
            let archive = try Archive(buffer, file: file)
            defer { archive.close() }
            let count = archive.entryCount
            guard count <= limits.maxEntries else {
                throw ZipBillError.tooManyEntries(file: file, limit: limits.maxEntries)
            }
            var candidates: [(info: zip_stat_t, name: String)] = []
            var total = 0
            for index in 0..<UInt64(count) {
                var info = zip_stat_t()
                zip_stat_init(&info)
                guard zip_stat_index(archive.handle, index, ZIP_FL_ENC_RAW, &info) == 0, let rawName = info.name
                else { throw ZipBillError.damaged(file: file) }
                let nameBytes = Array(UnsafeBufferPointer(start: rawName, count: strlen(rawName))).map {
                    UInt8(bitPattern: $0)
                }
                if nameBytes == Array("xl/workbook.xml".utf8) { return nil }
                guard isStatementName(nameBytes) else { continue }
                let name = displayName(nameBytes)
                guard info.valid & UInt64(ZIP_STAT_SIZE) != 0, info.size <= UInt64(limits.maxEntryBytes) else {
                    throw ZipBillError.entryTooLarge(file: file, entry: name, limit: limits.maxEntryBytes)
                }
                // Refused here, before a password is asked for (Archive.read checks again for its
                // other caller, the workbook reader).
                guard canRead(info) else { throw ZipBillError.unsupportedMethod(file: file, entry: name) }
                total += Int(info.size)
                guard total <= limits.maxTotalBytes else {
                    throw ZipBillError.totalTooLarge(file: file, limit: limits.maxTotalBytes)
                }
                candidates.append((info, name))
            }
            guard !candidates.isEmpty else { throw ZipBillError.noStatement(file: file) }
            var secret: SecureBytes?
            if candidates.contains(where: { isEncrypted($0.info) }) {
                guard let given = try password() else { throw ZipBillError.passwordRequired(file: file) }
                // libzip wants a NUL-terminated C string: copy into secure memory with the terminator.
                let terminated = SecureBytes(count: given.count + 1)
                given.withUnsafeBytes { source in
                    terminated.withUnsafeMutableBytes { target in
                        target.copyMemory(from: source)
                        target[source.count] = 0
                    }
                }
                secret = terminated
            }
            var result: [Entry] = []
            for candidate in candidates {
                let bytes = try archive.read(
                    candidate.info, name: candidate.name, password: secret, limit: limits.maxEntryBytes)
                result.append(Entry(name: candidate.name, bytes: bytes))
            }
            return result
        }
    }

    /// Whether the entry (as `zip_stat_index` describes it) is encrypted.
    static func isEncrypted(_ info: zip_stat_t) -> Bool {
        info.valid & UInt64(ZIP_STAT_ENCRYPTION_METHOD) != 0 && info.encryption_method != UInt16(ZIP_EM_NONE)
    }

    /// Whether libzip has the entry's compression and encryption methods. Entries it lacks must never
    /// reach zip_fopen: libzip 1.7.3 (Debian 12) leaks the archive's source when it refuses an unknown
    /// encryption method there (ZIP_ER_ENCRNOTSUPP), so a crafted archive would cost memory on every
    /// read (found by FuzzZipBill, crash 13 in docs/security.md).
    static func canRead(_ info: zip_stat_t) -> Bool {
        info.valid & UInt64(ZIP_STAT_COMP_METHOD) != 0
            && zip_compression_method_supported(Int32(info.comp_method), 0) != 0
            && (info.valid & UInt64(ZIP_STAT_ENCRYPTION_METHOD) == 0
                || zip_encryption_method_supported(info.encryption_method, 0) != 0)
    }

    /// Statement entries: not a folder, not macOS resource forks or hidden files, a statement extension
    /// (or none).
    static func isStatementName(_ name: [UInt8]) -> Bool {
        guard let last = name.last, last != UInt8(ascii: "/"), last != UInt8(ascii: "\\") else { return false }
        let base = name.split(whereSeparator: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "\\") }).last ?? []
        if base.first == UInt8(ascii: ".") || name.starts(with: Array("__MACOSX/".utf8)) { return false }
        guard let dot = base.lastIndex(of: UInt8(ascii: ".")) else { return true }
        let ext = String(decoding: base[(dot + 1)...], as: UTF8.self).lowercased()
        return statementExtensions.contains(ext)
    }

    /// Chinese archivers store GBK names without the UTF-8 flag: decode UTF-8, else GB18030, and
    /// replace control characters so a crafted name cannot rewrite the terminal.
    package static func displayName(_ raw: [UInt8]) -> String {
        var text: String
        if TextEncoding.isValidUTF8(raw) {
            text = String(decoding: raw, as: UTF8.self)
        } else if let utf8 = raw.withUnsafeBufferPointer({ TextEncoding.decodeGB18030($0) }) {
            text = String(decoding: utf8, as: UTF8.self)
        } else {
            text = String(decoding: raw, as: UTF8.self)
        }
        text = String(text.unicodeScalars.map { $0.properties.generalCategory == .control ? "?" : Character($0) })
        return text
    }

    /// An archive opened read-only over bytes the caller keeps alive.
    struct Archive {
        let handle: OpaquePointer
        let file: String

        init(_ buffer: UnsafeBufferPointer<UInt8>, file: String) throws {
            self.file = file
            var error = zip_error_t()
            zip_error_init(&error)
            defer { zip_error_fini(&error) }
            guard let source = zip_source_buffer_create(buffer.baseAddress, UInt64(buffer.count), 0, &error) else {
                throw ZipBillError.damaged(file: file)
            }
            guard let handle = zip_open_from_source(source, ZIP_RDONLY, &error) else {
                zip_source_free(source)
                throw ZipBillError.damaged(file: file)
            }
            self.handle = handle
        }

        var entryCount: Int64 { max(zip_get_num_entries(handle, 0), 0) }

        /// Discards the handle (read-only: nothing is written back).
        func close() { zip_discard(handle) }

        /// Reads the entry `info` describes (from `zip_stat_index`, its size already checked against
        /// `limit` by the caller) whole, refusing more than its declared size or `limit` bytes whatever
        /// the header says. `password` is used only if the entry is encrypted.
        func read(_ info: zip_stat_t, name: String, password: SecureBytes?, limit: Int) throws -> [UInt8] {
            guard ZipBill.canRead(info) else { throw ZipBillError.unsupportedMethod(file: file, entry: name) }
            guard let declared = Int(exactly: info.size), declared <= limit else {
                throw ZipBillError.entryTooLarge(file: file, entry: name, limit: limit)
            }
            let index = info.index
            let encrypted = ZipBill.isEncrypted(info)
            let opened: OpaquePointer? =
                if encrypted, let password {
                    password.withUnsafeBytes {
                        zip_fopen_index_encrypted(handle, index, 0, $0.baseAddress!.assumingMemoryBound(to: CChar.self))
                    }
                } else {
                    zip_fopen_index(handle, index, 0)
                }
            guard let entry = opened else {
                throw failure(code: zip_error_code_zip(zip_get_error(handle)), name: name, encrypted: encrypted)
            }
            defer { zip_fclose(entry) }
            // One byte of room past the declared size: an entry that inflates further is caught. The
            // buffer starts small and doubles as data arrives, so a header that declares hundreds of
            // megabytes for a few bytes of data costs nothing (the declared size is the attacker's word).
            let capacity = declared + 1
            var bytes = [UInt8](repeating: 0, count: min(capacity, 1 << 20))
            var filled = 0
            while true {
                if filled == bytes.count {
                    bytes.append(contentsOf: repeatElement(0, count: min(bytes.count, capacity - bytes.count)))
                }
                let room = bytes.count - filled
                let count = bytes.withUnsafeMutableBytes { zip_fread(entry, $0.baseAddress! + filled, UInt64(room)) }
                if count < 0 {
                    throw failure(code: zip_error_code_zip(zip_file_get_error(entry)), name: name, encrypted: encrypted)
                }
                if count == 0 { break }
                filled += Int(count)
                if filled > declared {
                    // More than the central directory declared: a bomb or a lie. Never grow past the cap.
                    throw filled > limit
                        ? ZipBillError.entryTooLarge(file: file, entry: name, limit: limit)
                        : inconsistent(encrypted: encrypted)
                }
            }
            guard filled == declared else { throw inconsistent(encrypted: encrypted) }
            bytes.removeLast(bytes.count - filled)
            return bytes
        }

        /// An entry whose size does not match its header: for an encrypted entry, most likely data
        /// decrypted with a wrong password that passed PKWARE's one-byte check.
        private func inconsistent(encrypted: Bool) -> ZipBillError {
            encrypted ? .wrongPassword(file: file) : .damaged(file: file)
        }

        /// libzip's error for an entry as our error. For an encrypted entry a failed check after
        /// decryption (CRC, inflate, AES authentication) means a wrong password far more often than
        /// damage: PKWARE's one-byte password check passes one wrong password in 256.
        private func failure(code: Int32, name: String, encrypted: Bool) -> ZipBillError {
            switch code {
            case ZIP_ER_WRONGPASSWD, ZIP_ER_NOPASSWD: return .wrongPassword(file: file)
            case ZIP_ER_CRC where encrypted, ZIP_ER_ZLIB where encrypted, ZIP_ER_COMPRESSED_DATA where encrypted:
                return .wrongPassword(file: file)
            case ZIP_ER_ENCRNOTSUPP, ZIP_ER_COMPNOTSUPP: return .unsupportedMethod(file: file, entry: name)
            default: return .damaged(file: file)
            }
        }
    }
}
