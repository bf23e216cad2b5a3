// Every authenticator export format through OTPImporter.read (format detected by content), with a
// fixed password so the decrypt paths (Aegis, andOTP, 2FAS, Authy, FreeOTP, Stratum, TOTP
// Authenticator, Authenticator Plus) are reached: "test" opens most of the seed files.
import OneTimePassword

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = try? OTPImporter.read(bytes) { SecureBytes(Array("test".utf8)) }
    return 0
}
