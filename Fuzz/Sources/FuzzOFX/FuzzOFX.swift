// OFX/QFX statements (SGML v1 headers and XML v2), the format forced.
import Statements

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = try? StatementReader.parse(bytes, file: "fuzz.ofx", options: ReadOptions(format: .ofx))
    return 0
}
