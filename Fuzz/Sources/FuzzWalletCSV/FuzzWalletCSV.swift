// Alipay and WeChat Pay CSV bills, the format forced (`--format alipay|wechat`) so the wallet
// readers see inputs that auto-detection would send elsewhere. The first byte picks the format.
import Statements

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let format: StatementFormat = data[0] & 1 == 0 ? .alipay : .wechat
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    _ = try? StatementReader.parse(bytes, file: "fuzz.csv", options: ReadOptions(format: format))
    return 0
}
