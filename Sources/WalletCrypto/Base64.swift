// The one Base64 codec, through libsodium: constant-time (keys pass through it). Strict variants are
// canonical, i.e. they reject non-zero trailing bits, stray characters and wrong padding, as age's header and
// armor rules require; the lenient variant reads other apps' export files (padding optional, line breaks skipped).
import CSodium

/// Base64 (RFC 4648 standard alphabet).
///
/// ```swift
/// Base64.encode([0xff, 0xee])                    // "/+4" (unpadded by default)
/// Base64.decode("/+4=", variant: .padded)        // [0xff, 0xee]
/// Base64.decode("/+\n4", variant: .lenient)      // [0xff, 0xee]
/// ```
public enum Base64 {
    /// Which spelling of Base64 to write or accept.
    public enum Variant: Sendable {
        /// RFC 4648 standard alphabet with `=` padding (PEM, age armor).
        case padded
        /// The same alphabet without padding (age header stanzas and MAC).
        case unpadded
        /// For reading other apps' exports: padding optional, spaces and line breaks ignored.
        /// Encodes like ``padded``.
        case lenient

        var sodiumVariant: Int32 {
            switch self {
            case .padded, .lenient: return sodium_base64_VARIANT_ORIGINAL
            case .unpadded: return sodium_base64_VARIANT_ORIGINAL_NO_PADDING
            }
        }
    }

    /// Encodes `bytes` as ASCII into a fresh array (no terminating NUL).
    /// Encodes `bytes` as ASCII into a fresh array (no terminating NUL), for writers that avoid `String`.
    public static func encodeBytes(_ bytes: UnsafeRawBufferPointer, variant: Variant) -> [UInt8] {
        requireSodium()
        let length = sodium_base64_encoded_len(bytes.count, variant.sodiumVariant)
        var out = [UInt8](repeating: 0, count: length)
        out.withUnsafeMutableBytes { buffer in
            _ = sodium_bin2base64(
                buffer.baseAddress!.assumingMemoryBound(to: CChar.self), length, bytes.bytePointer, bytes.count,
                variant.sodiumVariant)
        }
        out.removeLast()  // the NUL
        return out
    }

    /// Encodes `bytes`; unpadded unless `variant` says otherwise.
    public static func encode(_ bytes: [UInt8], variant: Variant = .unpadded) -> String {
        let ascii = bytes.withUnsafeBytes { encodeBytes($0, variant: variant) }
        return String(decoding: ascii, as: UTF8.self)
    }

    /// Decodes ASCII base64; nil unless the whole input is canonical for `variant`.
    public static func decodeBytes(_ text: UnsafeRawBufferPointer, variant: Variant) -> [UInt8]? {
        requireSodium()
        var out = [UInt8](repeating: 0, count: text.count / 4 * 3 + 3)
        var written = 0
        var sodiumVariant = variant.sodiumVariant
        var ignored: String?
        if variant == .lenient {
            // Padding is optional: read unpadded text as such, padded text with its padding checked.
            if !text.contains(0x3d) { sodiumVariant = sodium_base64_VARIANT_ORIGINAL_NO_PADDING }
            ignored = " \t\r\n"
        }
        let status = out.withUnsafeMutableBytes { buffer in
            text.withMemoryRebound(to: CChar.self) { chars in
                sodium_base642bin(
                    buffer.bytePointer, buffer.count, chars.baseAddress ?? UnsafePointer(emptyCharAddress), text.count,
                    ignored, &written, nil, sodiumVariant)
            }
        }
        guard status == 0 else { return nil }
        out.removeSubrange(written...)
        return out
    }

    /// Decodes `text`; nil unless it is valid for `variant` (canonical for the strict variants).
    public static func decode(_ text: String, variant: Variant = .unpadded) -> [UInt8]? {
        let ascii = Array(text.utf8)
        return ascii.withUnsafeBytes { decodeBytes($0, variant: variant) }
    }
}

nonisolated(unsafe) private let emptyCharAddress: UnsafeMutablePointer<CChar> = {
    let pointer = UnsafeMutablePointer<CChar>.allocate(capacity: 1)
    pointer.initialize(to: 0)
    return pointer
}()
