// Google Authenticator migration payloads: the input is the protobuf payload, wrapped in an
// otpauth-migration URI (base64, percent-encoded) so the fuzzer mutates the bytes the decoder parses;
// an input that already starts with the scheme is used as the URI itself.
import OneTimePassword

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let text = String(decoding: bytes, as: UTF8.self)
    let uri: String
    if text.hasPrefix("otpauth-migration:") {
        uri = text
    } else {
        uri = "otpauth-migration://offline?data=" + KeyURI.percentEncode(Base64.encode(bytes, variant: .padded))
    }
    if let batch = try? GoogleMigration.decode(uri: uri) {
        _ = try? GoogleMigration.combine([batch])
    }
    return 0
}
