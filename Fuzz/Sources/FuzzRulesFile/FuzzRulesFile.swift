// hledger-style CSV rules files (CSVRules.parse): directives, field lists, if-blocks, regexes.
import Statements

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? CSVRules.parse(text, file: "fuzz.rules")
    return 0
}
