// Any statement file, format detected by content (wallet CSVs, bank layouts, XLSX, OFX, QIF):
// StatementReader.parse, the entry point `scan` and `history import` use for one file's bytes.
import Statements

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = try? StatementReader.parse(bytes, file: "fuzz.csv", options: ReadOptions())
    _ = try? StatementReader.parse(bytes, file: "fuzz.csv", options: ReadOptions(strict: true))
    return 0
}
