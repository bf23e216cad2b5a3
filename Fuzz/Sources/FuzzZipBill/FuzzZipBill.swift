// ZIP bills (password-protected Alipay/WeChat Pay exports) and the ZIP container of XLSX workbooks:
// the archive's entries through ZipBill.entries with a fixed password, then each entry (or the
// workbook) through the statement reader, as StatementReader.readAll does for a file.
import AgeFormat  // re-exports WalletCrypto (SecureBytes), which Statements' API takes
import Statements

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let limits = ZipBill.Limits(maxEntries: 100, maxEntryBytes: 1 << 22, maxTotalBytes: 1 << 24)
    do {
        if let entries = try ZipBill.entries(
            of: bytes, file: "fuzz.zip", limits: limits,
            password: {
                SecureBytes(Array("test".utf8))
            })
        {
            for entry in entries {
                _ = try? StatementReader.parse(entry.bytes, file: "fuzz.zip/" + entry.name, options: ReadOptions())
            }
            return 0
        }
    } catch {}
    _ = try? StatementReader.parse(bytes, file: "fuzz.xlsx", options: ReadOptions())
    return 0
}
