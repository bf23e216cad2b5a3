// A minimal PNG encoder for QR codes: 1-bit grayscale, zlib stream of stored (uncompressed) deflate
// blocks. CRC-32 and Adler-32 are checksums, not cryptography, so they are written here by hand.

/// Writes a QR matrix as a PNG file.
///
/// ```swift
/// try AtomicFile.write(PNGWriter.png(try QRMatrix.encode(uri)), to: "qr.png", overwrite: false)
/// ```
public enum PNGWriter {
    static let signature: [UInt8] = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

    static let crcTable: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 == 1 ? 0xedb8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    /// CRC-32 (ISO 3309 / PNG), reflected polynomial 0xEDB88320.
    static func crc32<S: Sequence>(_ bytes: S) -> UInt32 where S.Element == UInt8 {
        var c: UInt32 = 0xffff_ffff
        for byte in bytes { c = crcTable[Int((c ^ UInt32(byte)) & 0xff)] ^ (c >> 8) }
        return c ^ 0xffff_ffff
    }

    /// Adler-32 (RFC 1950).
    static func adler32(_ bytes: [UInt8]) -> UInt32 {
        var a: UInt32 = 1
        var b: UInt32 = 0
        for byte in bytes {
            a = (a + UInt32(byte)) % 65_521
            b = (b + a) % 65_521
        }
        return b << 16 | a
    }

    static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xff), UInt8(value >> 8 & 0xff), UInt8(value & 0xff)]
    }

    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let body = Array(type.utf8) + data
        return bigEndian(UInt32(data.count)) + body + bigEndian(crc32(body))
    }

    /// zlib wrapper around stored deflate blocks of at most 65535 bytes.
    static func zlibStored(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x01]
        var offset = 0
        repeat {
            let length = min(65_535, data.count - offset)
            let final: UInt8 = offset + length == data.count ? 1 : 0
            out.append(final)
            out += [UInt8(length & 0xff), UInt8(length >> 8), UInt8(~length & 0xff), UInt8((~length >> 8) & 0xff)]
            out += data[offset..<(offset + length)]
            offset += length
        } while offset < data.count
        return out + bigEndian(adler32(data))
    }

    /// A black-on-white PNG of `matrix`, `scale` pixels a module, with a `quietZone`-module white border.
    public static func png(_ matrix: QRMatrix, scale: Int = 8, quietZone: Int = 4) -> [UInt8] {
        let modules = matrix.size + 2 * quietZone
        let width = modules * scale
        let rowBytes = (width + 7) / 8
        var raw: [UInt8] = []
        raw.reserveCapacity((rowBytes + 1) * width)
        for y in 0..<width {
            raw.append(0)  // filter type: none
            var row = [UInt8](repeating: 0, count: rowBytes)
            for x in 0..<width {
                let dark = matrix.isDark(x: x / scale - quietZone, y: y / scale - quietZone)
                if !dark { row[x / 8] |= 0x80 >> UInt8(x % 8) }  // 1 = white in 1-bit grayscale
            }
            raw += row
        }
        let header = bigEndian(UInt32(width)) + bigEndian(UInt32(width)) + [1, 0, 0, 0, 0]
        return signature + chunk("IHDR", header) + chunk("IDAT", zlibStored(raw)) + chunk("IEND", [])
    }
}
