// Strict base64 through libsodium: constant-time (keys pass through it) and canonical, i.e. it rejects
// non-zero trailing bits, stray characters and wrong padding, as age's header and armor rules require.
import CSodium

public enum Base64 {
    public enum Variant: Sendable {
        /// RFC 4648 standard alphabet with `=` padding (PEM, age armor).
        case padded
        /// The same alphabet without padding (age header stanzas and MAC).
        case unpadded

        var sodiumVariant: Int32 {
            switch self {
            case .padded: return sodium_base64_VARIANT_ORIGINAL
            case .unpadded: return sodium_base64_VARIANT_ORIGINAL_NO_PADDING
            }
        }
    }

    /// Encodes `bytes` as ASCII into a fresh array (no terminating NUL).
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

    public static func encode(_ bytes: [UInt8], variant: Variant = .unpadded) -> String {
        let ascii = bytes.withUnsafeBytes { encodeBytes($0, variant: variant) }
        return String(decoding: ascii, as: UTF8.self)
    }

    /// Decodes ASCII base64; nil unless the whole input is canonical for `variant`.
    public static func decodeBytes(_ text: UnsafeRawBufferPointer, variant: Variant) -> [UInt8]? {
        requireSodium()
        var out = [UInt8](repeating: 0, count: text.count / 4 * 3 + 3)
        var written = 0
        let status = out.withUnsafeMutableBytes { buffer in
            text.withMemoryRebound(to: CChar.self) { chars in
                sodium_base642bin(
                    buffer.bytePointer, buffer.count, chars.baseAddress ?? UnsafePointer(emptyCharAddress), text.count,
                    nil, &written, nil, variant.sodiumVariant)
            }
        }
        guard status == 0 else { return nil }
        out.removeSubrange(written...)
        return out
    }

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
