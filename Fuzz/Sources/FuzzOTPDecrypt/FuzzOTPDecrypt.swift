// The decrypt paths of authenticator exports through OTPImporter.read (format detected by content): a
// fixed password reaches them (Aegis, andOTP, 2FAS, Authy, FreeOTP, Stratum, TOTP Authenticator,
// Authenticator Plus); "test" opens most of the seed files. Slow per input: each runs a real KDF.
import OneTimePassword

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = try? OTPImporter.read(bytes) { SecureBytes(Array("test".utf8)) }
    return 0
}
