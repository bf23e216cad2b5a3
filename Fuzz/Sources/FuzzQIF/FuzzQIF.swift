// QIF statements, the format forced; both an inferred and a given date order.
import Statements

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = try? StatementReader.parse(bytes, file: "fuzz.qif", options: ReadOptions(format: .qif))
    _ = try? StatementReader.parse(bytes, file: "fuzz.qif", options: ReadOptions(format: .qif, dateOrder: .mdy))
    return 0
}
