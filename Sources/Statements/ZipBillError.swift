// Why a ZIP bill (a password-protected Alipay/WeChat Pay export) could not be opened, as values a
// caller can match. The words a person reads live with the caller; the password never appears here.

/// A ZIP archive of statements that cannot be read.
///
/// ```swift
/// do {
///     _ = try StatementReader.readAll(path: "bill.zip", options: ReadOptions(), zipPassword: { nil })
/// } catch ZipBillError.passwordRequired(let file) {
///     print("\(file) is encrypted: ask for its password")
/// }
/// ```
public enum ZipBillError: Error, Sendable, Equatable {
    /// A statement entry is encrypted and no password was given.
    case passwordRequired(file: String)
    /// The password does not open the archive's entries.
    case wrongPassword(file: String)
    /// Not a readable ZIP archive, or an entry fails its checks (truncated or altered).
    case damaged(file: String)
    /// The archive holds no statement entry (CSV, XLSX, OFX, QFX, QIF).
    case noStatement(file: String)
    /// More entries than ``ZipBill/Limits/maxEntries``.
    case tooManyEntries(file: String, limit: Int)
    /// An entry declares or inflates to more than `limit` bytes (a ZIP bomb is refused, not unpacked).
    case entryTooLarge(file: String, entry: String, limit: Int)
    /// The statement entries together hold more than `limit` bytes.
    case totalTooLarge(file: String, limit: Int)
    /// An entry uses a compression or encryption method libzip cannot read.
    case unsupportedMethod(file: String, entry: String)
}
