// Getting statement bytes into UTF-8: strip a BOM, accept valid UTF-8, else convert GB18030 (a
// superset of GBK, which Alipay uses) through glibc's iconv. Anything else is a clear error.
import WalletCore

#if canImport(Glibc)
    import Glibc
#endif

/// The text encoding a statement was written in (GBK files are read as GB18030, its superset).
public enum TextEncoding: String, Sendable {
    /// UTF-8, with or without a byte-order mark.
    case utf8 = "UTF-8"
    /// GBK or GB18030 (what Alipay writes).
    case gb18030 = "GB18030"
    /// Windows code page 1252 (OFX `CHARSET:1252`, the usual charset of US/Canadian bank OFX/QFX).
    case windows1252 = "windows-1252"
    /// ISO-8859-1 (OFX `CHARSET:8859-1`).
    case latin1 = "ISO-8859-1"

    /// Returns UTF-8 bytes (BOM removed) and the encoding found.
    package static func decodeToUTF8(_ raw: [UInt8], file: String) throws -> ([UInt8], TextEncoding) {
        try raw.withUnsafeBufferPointer { buffer in
            let (converted, start, encoding) = try decode(buffer, file: file)
            return (converted ?? Array(buffer[start...]), encoding)
        }
    }

    /// Zero-copy for UTF-8 input: returns nil and the offset after any BOM; else the converted bytes.
    package static func decode(_ raw: Bytes, file: String) throws -> ([UInt8]?, Int, TextEncoding) {
        var start = 0
        if raw.count >= 3, raw[0] == 0xef, raw[1] == 0xbb, raw[2] == 0xbf { start = 3 }
        if raw.count >= 2, (raw[0] == 0xff && raw[1] == 0xfe) || (raw[0] == 0xfe && raw[1] == 0xff) {
            throw StatementError.utf16(file: file)
        }
        if isValidUTF8(raw, from: start) { return (nil, start, .utf8) }
        // OFX declares its charset in its header; read by that, never guessed as GBK (OFXCharset.swift).
        if let (converted, encoding) = OFXCharset.decode(raw) { return (converted, 0, encoding) }
        guard let converted = decodeGB18030(raw) ?? convert(raw, from: "GB18030", to: "UTF-8") else {
            throw StatementError.unsupportedEncoding(file: file)
        }
        return (converted, 0, .gb18030)
    }

    /// Encodes UTF-8 text to GBK/GB18030 (used by the sample generator and tests).
    package static func encode(_ utf8: [UInt8], to encoding: String) -> [UInt8]? {
        utf8.withUnsafeBufferPointer { convert($0, from: "UTF-8", to: encoding) }
    }

    package static func isValidUTF8(_ bytes: [UInt8], from start: Int = 0) -> Bool {
        bytes.withUnsafeBufferPointer { isValidUTF8($0, from: start) }
    }

    package static func isValidUTF8(_ buffer: Bytes, from start: Int = 0) -> Bool {
        do {
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

    /// GB18030 → UTF-8 for the common case of ASCII plus two-byte (GBK) characters, several times
    /// faster than iconv on a large statement: ASCII is copied eight bytes at a time and each distinct
    /// two-byte code is asked of iconv once, then remembered. The result is byte-for-byte what iconv
    /// gives, because every non-ASCII character still comes from iconv. Returns nil on anything else
    /// (four-byte codes, invalid or truncated bytes) so the caller falls back to whole-buffer iconv,
    /// which converts or rejects exactly as before.
    static func decodeGB18030(_ input: Bytes) -> [UInt8]? {
        guard let inBase = input.baseAddress, input.count > 0 else { return [] }
        let handle = iconv_open("UTF-8", "GB18030")
        guard handle != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(handle) }
        // Lead 0x81...0xFE × trail 0x40...0xFE; 0 = not looked up yet, else UTF-8 bytes | length << 32.
        let trailCount = 0xff - 0x40
        var table = [UInt64](repeating: 0, count: 126 * trailCount)
        let invalid = UInt64.max
        func lookUp(_ lead: UInt8, _ trail: UInt8) -> UInt64 {
            var pair: (UInt8, UInt8) = (lead, trail)
            var out: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0)
            return withUnsafeMutableBytes(of: &pair) { pairBytes in
                withUnsafeMutableBytes(of: &out) { outBytes in
                    var inPointer: UnsafeMutablePointer<CChar>? = pairBytes.baseAddress!.assumingMemoryBound(
                        to: CChar.self)
                    var inLeft = 2
                    var outPointer: UnsafeMutablePointer<CChar>? = outBytes.baseAddress!.assumingMemoryBound(
                        to: CChar.self)
                    var outLeft = 8
                    let result = iconv(handle, &inPointer, &inLeft, &outPointer, &outLeft)
                    let length = 8 - outLeft
                    guard result != -1, inLeft == 0, (1...4).contains(length) else { return invalid }
                    var packed: UInt64 = 0
                    for k in 0..<length { packed |= UInt64(outBytes[k]) << (8 * UInt64(k)) }
                    return packed | UInt64(length) << 32
                }
            }
        }
        let count = input.count
        // Two-byte characters become at most four UTF-8 bytes and ASCII stays one: 2× is enough.
        let capacity = count * 2 + 64
        var failed = false
        let output = [UInt8](unsafeUninitializedCapacity: capacity) { outBuffer, initialized in
            let out = outBuffer.baseAddress!
            var written = 0
            var i = 0
            while i < count {
                while i + 8 <= count {
                    let word = UnsafeRawPointer(inBase + i).loadUnaligned(as: UInt64.self)
                    if word & 0x8080_8080_8080_8080 != 0 { break }
                    UnsafeMutableRawPointer(out + written).storeBytes(of: word, as: UInt64.self)
                    i += 8
                    written += 8
                }
                guard i < count else { break }
                let byte = inBase[i]
                if byte < 0x80 {
                    out[written] = byte
                    written += 1
                    i += 1
                    continue
                }
                guard byte >= 0x81, byte <= 0xfe, i + 1 < count, inBase[i + 1] >= 0x40, inBase[i + 1] <= 0xfe,
                    inBase[i + 1] != 0x7f
                else {
                    failed = true
                    break
                }
                let slot = Int(byte - 0x81) * trailCount + Int(inBase[i + 1] - 0x40)
                var entry = table[slot]
                if entry == 0 {
                    entry = lookUp(byte, inBase[i + 1])
                    table[slot] = entry
                }
                guard entry != invalid else {
                    failed = true
                    break
                }
                // Store all four bytes (the buffer has room), then advance by the real length.
                UnsafeMutableRawPointer(out + written).storeBytes(
                    of: UInt32(truncatingIfNeeded: entry).littleEndian, as: UInt32.self)
                written += Int(entry >> 32)
                i += 2
            }
            initialized = failed ? 0 : written
        }
        return failed ? nil : output
    }

    /// Whole-buffer iconv conversion; nil on any invalid or incomplete sequence. The output buffer is
    /// not zero-filled first: pages are only touched as iconv writes them.
    /// - Parameter maxExpansion: output bytes per input byte at most: 2 covers GB18030 → UTF-8 (and
    ///   UTF-8 → GBK shrinks); a single-byte charset → UTF-8 needs 3 (cp1252's € is three bytes).
    static func convert(_ input: Bytes, from: String, to: String, maxExpansion: Int = 2) -> [UInt8]? {
        guard let inBase = input.baseAddress, input.count > 0 else { return [] }
        let handle = iconv_open(to, from)
        guard handle != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(handle) }
        let (scaled, overflow) = input.count.multipliedReportingOverflow(by: maxExpansion)
        guard !overflow, scaled <= Int.max - 64 else { return nil }
        let capacity = scaled + 64
        var failed = false
        let output = [UInt8](unsafeUninitializedCapacity: capacity) { outBuffer, initialized in
            var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: inBase)
                .assumingMemoryBound(to: CChar.self)
            var inLeft = input.count
            var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuffer.baseAddress!)
                .assumingMemoryBound(to: CChar.self)
            var outLeft = capacity
            let result = iconv(handle, &inPointer, &inLeft, &outPointer, &outLeft)
            failed = result == -1 || inLeft != 0
            initialized = failed ? 0 : capacity - outLeft
        }
        return failed ? nil : output
    }
}
