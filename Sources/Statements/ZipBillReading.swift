// Reading a path that may be a ZIP bill: each statement entry becomes a statement of its own (as if
// every entry had been named on the command line), named `archive.zip/entry.csv` in errors and rows.
import WalletCore
import WalletCrypto

#if canImport(Glibc)
    import Glibc
#endif

extension StatementReader {
    /// Reads the file at `path`: a ZIP bill gives one statement per statement entry (format detected
    /// by content, as for plain files), anything else (including an XLSX workbook) exactly one.
    /// `zipPassword` is called only for an archive with encrypted entries; returning nil throws
    /// ``ZipBillError/passwordRequired(file:)``.
    ///
    /// ```swift
    /// let statements = try StatementReader.readAll(path: "alipay_record.zip", options: ReadOptions()) { password }
    /// ```
    public static func readAll(
        path: String, options: ReadOptions, zipLimits: ZipBill.Limits = ZipBill.Limits(),
        zipPassword: () throws -> SecureBytes?
    ) throws -> [Statement] {
        guard try startsLikeArchive(path) else { return [try read(path: path, options: options)] }
        let raw = try readFile(path)
        let entries: [ZipBill.Entry]?
        do {
            entries = try ZipBill.entries(of: raw, file: path, limits: zipLimits, password: zipPassword)
        } catch ZipBillError.damaged where path.lowercased().hasSuffix(".xlsx") {
            // A damaged workbook keeps its workbook error (`notAWorkbook`).
            entries = nil
        }
        guard let entries else { return [try parse(raw, file: path, options: options)] }
        return try entries.map { entry in
            try parse(entry.bytes, file: path + "/" + entry.name, options: options)
        }
    }

    /// Whether the file's first four bytes are a ZIP signature (without reading the rest).
    static func startsLikeArchive(_ path: String) throws -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FileSystem.error(errno, path: path, action: "read") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return false }
        var head = [UInt8](repeating: 0, count: 4)
        let count = head.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, 4) }
        guard count == 4 else { return false }
        return head.withUnsafeBufferPointer { ZipBill.looksLikeArchive($0) }
    }
}
