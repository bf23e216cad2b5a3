// The charset an OFX/QFX file declares for itself: OFX 1.x SGML headers say `ENCODING:USASCII` +
// `CHARSET:1252` (or `8859-1`, `NONE`), or `ENCODING:UTF-8`; OFX 2.x says it in `<?xml encoding=…?>`.
// Only consulted for bytes that are not valid UTF-8 (chase_cc.qfx declares 1252 but is UTF-8, and
// real cp1252 text is practically never valid UTF-8), so such files are decoded by their own
// declaration instead of being mistaken for GBK.
import Foundation
import WalletCore

#if canImport(Glibc)
    import Glibc
#endif

enum OFXCharset {
    /// Converts a non-UTF-8 OFX file by its declared charset; nil when the bytes are not an OFX file
    /// with a single-byte Western charset (they then go the GB18030 way as before).
    static func decode(_ raw: Bytes) -> ([UInt8], TextEncoding)? {
        guard let declared = declaredEncoding(raw) else { return nil }
        if declared == .windows1252,
            let text = TextEncoding.convert(raw, from: "WINDOWS-1252", to: "UTF-8", maxExpansion: 3)
        {
            return (text, .windows1252)
        }
        // cp1252 leaves five bytes (0x81 0x8D 0x8F 0x90 0x9D) undefined; ISO-8859-1 maps every byte.
        if let text = TextEncoding.convert(raw, from: "ISO-8859-1", to: "UTF-8", maxExpansion: 3) {
            return (text, .latin1)
        }
        return nil
    }

    /// The single-byte charset the header names; nil for a non-OFX file or a charset that is not
    /// Western single-byte (then the caller's GB18030 path decides).
    static func declaredEncoding(_ raw: Bytes) -> TextEncoding? {
        let head = String(decoding: UnsafeBufferPointer(rebasing: raw[0..<min(raw.count, 2048)]), as: UTF8.self)
        var body = Substring(head)
        while let first = body.first, first == " " || first == "\t" || first == "\r" || first == "\n" {
            body = body.dropFirst()
        }
        if body.hasPrefix("OFXHEADER") {
            var charset = "NONE"
            for line in body.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
                if line.hasPrefix("<") { break }
                guard let colon = line.firstIndex(of: ":") else { continue }
                let key = line[..<colon].trimmingCharacters(in: .whitespaces).uppercased()
                let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces).uppercased()
                if key == "CHARSET" { charset = value }
                // `ENCODING:UTF-8` with invalid UTF-8 bytes is a broken file, not a Western one.
                if key == "ENCODING", value == "UTF-8" || value == "UTF8" { return nil }
            }
            return encoding(named: charset)
        }
        guard body.hasPrefix("<?xml"), let end = body.range(of: "?>") else { return nil }
        let declaration = body[..<end.lowerBound]
        guard let attribute = declaration.range(of: "encoding=") else { return nil }
        let value = declaration[attribute.upperBound...].dropFirst().prefix { $0 != "\"" && $0 != "'" }
        return encoding(named: value.uppercased())
    }

    /// OFX 1.x `CHARSET` values (`1252`, `8859-1`, `NONE` with USASCII, which in practice is cp1252)
    /// and the XML names of the same charsets.
    static func encoding(named name: String) -> TextEncoding? {
        switch name {
        case "1252", "CP1252", "WINDOWS-1252", "NONE", "USASCII", "US-ASCII", "ASCII": return .windows1252
        case "8859-1", "ISO-8859-1", "ISO8859-1", "LATIN1", "LATIN-1", "ISO_8859-1": return .latin1
        default: return nil
        }
    }
}
