// Getting statement bytes into UTF-8: strip a BOM, accept valid UTF-8, else convert GB18030 (a
// superset of GBK, which Alipay uses) through glibc's iconv. Anything else is a clear error.
import WalletCore

#if canImport(Glibc)
    import Glibc
#endif

public enum TextEncoding: String, Sendable {
    case utf8 = "UTF-8"
    case gb18030 = "GB18030"

    /// Returns UTF-8 bytes (BOM removed) and the encoding found.
    public static func decodeToUTF8(_ raw: [UInt8], file: String) throws -> ([UInt8], TextEncoding) {
        var start = 0
        if raw.count >= 3, raw[0] == 0xef, raw[1] == 0xbb, raw[2] == 0xbf { start = 3 }
        if raw.count >= 2, (raw[0] == 0xff && raw[1] == 0xfe) || (raw[0] == 0xfe && raw[1] == 0xff) {
            throw WalletError.usage(
                en: "\(file): UTF-16 text is not supported; save the statement as UTF-8 or GBK",
                zh: "\(file)：不支持 UTF-16 文本；请另存为 UTF-8 或 GBK")
        }
        if isValidUTF8(raw, from: start) {
            return (start == 0 ? raw : Array(raw[start...]), .utf8)
        }
        guard let converted = convert(raw, from: "GB18030", to: "UTF-8") else {
            throw WalletError.usage(
                en: "\(file): the text is neither UTF-8 nor GBK/GB18030 (wrong encoding or not a statement)",
                zh: "\(file)：文本既不是 UTF-8 也不是 GBK/GB18030（编码错误或不是账单文件）")
        }
        return (converted, .gb18030)
    }

    /// Encodes UTF-8 text to GBK/GB18030 (used by the sample generator and tests).
    public static func encode(_ utf8: [UInt8], to encoding: String) -> [UInt8]? {
        convert(utf8, from: "UTF-8", to: encoding)
    }

    public static func isValidUTF8(_ bytes: [UInt8], from start: Int = 0) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            var i = start
            let count = buffer.count
            while i < count {
                // Fast path: eight ASCII bytes at a time.
                while i + 8 <= count {
                    let word = UnsafeRawPointer(buffer.baseAddress! + i).loadUnaligned(as: UInt64.self)
                    if word & 0x8080_8080_8080_8080 != 0 { break }
                    i += 8
                }
                guard i < count else { break }
                let byte = buffer[i]
                if byte < 0x80 {
                    i += 1
                    continue
                }
                var need = 0
                var minimum: UInt32 = 0
                var scalar: UInt32 = 0
                if byte & 0xe0 == 0xc0 {
                    need = 1
                    minimum = 0x80
                    scalar = UInt32(byte & 0x1f)
                } else if byte & 0xf0 == 0xe0 {
                    need = 2
                    minimum = 0x800
                    scalar = UInt32(byte & 0x0f)
                } else if byte & 0xf8 == 0xf0 {
                    need = 3
                    minimum = 0x10000
                    scalar = UInt32(byte & 0x07)
                } else {
                    return false
                }
                guard i + need < count else { return false }
                for k in 1...need {
                    let next = buffer[i + k]
                    guard next & 0xc0 == 0x80 else { return false }
                    scalar = scalar << 6 | UInt32(next & 0x3f)
                }
                guard scalar >= minimum, scalar <= 0x10ffff, !(0xd800...0xdfff).contains(scalar) else { return false }
                i += need + 1
            }
            return true
        }
    }

    /// Whole-buffer iconv conversion; nil on any invalid or incomplete sequence.
    static func convert(_ input: [UInt8], from: String, to: String) -> [UInt8]? {
        if input.isEmpty { return [] }
        let handle = iconv_open(to, from)
        guard handle != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(handle) }
        // GBK → UTF-8 grows Chinese text by half; grow further only when iconv says so (E2BIG).
        var output = [UInt8](repeating: 0, count: input.count + input.count / 2 + 64)
        var produced = 0
        var consumed = 0
        var input = input
        while true {
            let (status, code, inUsed, outUsed): (Int, Int32, Int, Int) = input.withUnsafeMutableBufferPointer { inBuffer in
                output.withUnsafeMutableBufferPointer { outBuffer in
                    var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuffer.baseAddress! + consumed)
                        .assumingMemoryBound(to: CChar.self)
                    var inLeft = inBuffer.count - consumed
                    var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuffer.baseAddress! + produced)
                        .assumingMemoryBound(to: CChar.self)
                    var outLeft = outBuffer.count - produced
                    let result = iconv(handle, &inPointer, &inLeft, &outPointer, &outLeft)
                    return (
                        result, result == -1 ? errno : 0, (inBuffer.count - consumed) - inLeft,
                        (outBuffer.count - produced) - outLeft
                    )
                }
            }
            consumed += inUsed
            produced += outUsed
            if status != -1 {
                guard consumed == input.count else { return nil }
                break
            }
            guard code == E2BIG else { return nil }
            output.append(contentsOf: [UInt8](repeating: 0, count: max(output.count / 2, 1024)))
        }
        output.removeSubrange(produced...)
        return output
    }
}
