// age files, binary and armored: header lines, stanzas, armor, and (when the header MAC holds) the
// payload. Identities: a fixed X25519 key and a passphrase whose scrypt work factor is capped low so
// a slow KDF does not hide the parser.
import AgeFormat

private let identity = try! X25519Identity(secretKey: SecureBytes([UInt8](repeating: 7, count: 32)))

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do {
        let opened = try AgeReader.open(MemorySource(bytes)) { _ in
            [identity, ScryptIdentity(passphrase: SecureBytes(Array("test".utf8)), maxLogN: 10)]
        }
        try opened.payload.copyAll(to: MemorySink())
    } catch {}
    return 0
}
