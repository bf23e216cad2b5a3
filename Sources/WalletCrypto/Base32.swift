// RFC 4648 Base32, the one codec of the package: authenticator secrets (lenient on input, as apps write them
// with lowercase, spaces and optional padding) and backup files (unpadded output).

/// Base32 (RFC 4648 alphabet `A-Z2-7`).
///
/// ```swift
/// let secret = try Base32.decode("JBSW Y3DP EHPK 3PXP")   // spaces, lowercase and `=` are accepted
/// Base32.encode(secret)                                   // "JBSWY3DPEHPK3PXP"
/// ```
public enum Base32 {
    /// Why a text is not Base32. Positions count UTF-8 bytes from 1; the text itself is never kept.
    public enum DecodingError: Error, Sendable, Equatable {
        /// The character at `position` is outside the alphabet (or follows the padding).
        case invalidCharacter(position: Int)
        /// Nothing but separators and padding.
        case empty
    }

    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)

    /// Decodes text as authenticator apps write it: lowercase, spaces, tabs, hyphens between groups and
    /// trailing `=` padding are accepted; any other character throws ``DecodingError/invalidCharacter(position:)``.
    public static func decode(_ text: String) throws(DecodingError) -> [UInt8] {
        var buffer: UInt64 = 0
        var bits = 0
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count * 5 / 8)
        var sawPadding = false
        for (offset, byte) in text.utf8.enumerated() {
            if byte == 0x20 || byte == 0x2d || byte == 0x09 { continue }
            if byte == 0x3d {
                sawPadding = true
                continue
            }
            var value: UInt8
            switch byte {
            case 0x41...0x5a: value = byte - 0x41
            case 0x61...0x7a: value = byte - 0x61
            case 0x32...0x37: value = byte - 0x32 + 26
            default: throw .invalidCharacter(position: offset + 1)
            }
            if sawPadding { throw .invalidCharacter(position: offset + 1) }
            value &= 0x1f
            buffer = (buffer << 5) | UInt64(value)
            bits += 5
            if bits >= 8 {
                bits -= 8
                output.append(UInt8(truncatingIfNeeded: buffer >> UInt64(bits)))
            }
        }
        buffer = 0
        if output.isEmpty { throw .empty }
        return output
    }

    /// Encodes without padding (the form otpauth URIs use), or padded to a multiple of 8 characters.
    public static func encode<Bytes: Sequence<UInt8>>(_ bytes: Bytes, padded: Bool = false) -> String {
        var result: [UInt8] = []
        result.reserveCapacity((bytes.underestimatedCount * 8 + 4) / 5 + 8)
        var buffer: UInt32 = 0
        var bits = 0
        for byte in bytes {
            buffer = (buffer << 8) | UInt32(byte)
            bits += 8
            while bits >= 5 {
                bits -= 5
                result.append(alphabet[Int((buffer >> UInt32(bits)) & 0x1f)])
            }
        }
        if bits > 0 {
            result.append(alphabet[Int((buffer << UInt32(5 - bits)) & 0x1f)])
        }
        if padded {
            while result.count % 8 != 0 { result.append(0x3d) }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Encodes a secret held in locked memory, without an intermediate copy.
    public static func encode(_ secret: SecureBytes, padded: Bool = false) -> String {
        secret.withUnsafeBytes { encode($0, padded: padded) }
    }
}
