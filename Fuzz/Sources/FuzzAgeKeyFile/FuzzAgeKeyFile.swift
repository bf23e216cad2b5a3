// age identity files (-i) and recipient files (-R): comments, Bech32 keys, stray lines.
import AgeFormat

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? KeyFile.parseIdentities(text, source: "fuzz")
    _ = try? KeyFile.parseRecipients(text, source: "fuzz")
    return 0
}
