// Every authenticator export format through OTPImporter.read (format detected by content), plain
// paths: asking for a password throws, so encrypted files are parsed up to their key derivation and
// the fuzzer is not slowed by one (FuzzOTPDecrypt covers the decrypt paths).
import OneTimePassword

private struct NoPassword: Error {}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = try? OTPImporter.read(bytes) { throw NoPassword() }
    return 0
}
