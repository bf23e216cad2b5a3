// otpauth:// URIs (KeyURI.parse) and URI lists (KeyURI.lint(lines:)), as pasted or scanned.
import OneTimePassword

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? KeyURI.parse(text)
    _ = KeyURI.lint(lines: text)
    return 0
}
