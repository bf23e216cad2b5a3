// The one Java ObjectOutputStream shape FreeOTP v2 backups use: a single java.util.HashMap<String, String>.
// Not a deserialiser: it accepts exactly STREAM_MAGIC/VERSION, TC_OBJECT with a new HashMap class descriptor
// (serialVersionUID 362498820763181265, float/int fields only, no superclass), the field values, an 8-byte
// block (capacity, size) and `size` key/value strings (TC_STRING, TC_LONGSTRING or TC_REFERENCE to an earlier
// string), then TC_ENDBLOCKDATA. Anything else is refused; nothing is ever instantiated, nothing recurses, and
// every length and count is checked against the bytes that remain. docs/2fa.md "FreeOTP".
enum JavaSerialization {
    enum Failure: Error, Equatable {
        /// Not the HashMap stream described above.
        case unexpected
        /// A length or count runs past the end.
        case truncated
    }

    static let magic: [UInt8] = [0xAC, 0xED, 0x00, 0x05]
    static let hashMapUID: Int64 = 362_498_820_763_181_265
    static let baseHandle: UInt32 = 0x7E_0000
    /// A backup of a phone's accounts holds two strings per account; far fewer than this.
    static let maxPairs = 2 * ImportEntries.maxEntries + 1

    static func looksLike(_ bytes: [UInt8]) -> Bool { bytes.starts(with: magic) }

    /// The map's key/value pairs in stream order.
    static func readStringMap(_ bytes: [UInt8]) throws(Failure) -> [(key: String, value: String)] {
        var reader = Reader(bytes: bytes)
        guard Array(try reader.take(4)) == magic, try reader.byte() == 0x73, try reader.byte() == 0x72 else {
            throw .unexpected
        }
        guard try reader.utf() == "java.util.HashMap", try reader.int64() == hashMapUID else { throw .unexpected }
        var handles: [String?] = [nil]  // 0x7E0000: the class descriptor
        _ = try reader.byte()  // flags: SC_SERIALIZABLE | SC_WRITE_METHOD
        let fieldCount = Int(try reader.uint16())
        guard fieldCount <= 4 else { throw .unexpected }
        for _ in 0..<fieldCount {
            // loadFactor (float) and, on newer Androids, threshold (int): 4 bytes of value each.
            guard [UInt8(ascii: "F"), UInt8(ascii: "I")].contains(try reader.byte()) else { throw .unexpected }
            _ = try reader.utf()
        }
        guard try reader.byte() == 0x78, try reader.byte() == 0x70 else { throw .unexpected }  // end block, no super
        handles.append(nil)  // 0x7E0001: the map object
        _ = try reader.take(4 * fieldCount)
        guard try reader.byte() == 0x77, try reader.byte() == 8 else { throw .unexpected }  // 8-byte block data
        _ = try reader.uint32()  // capacity
        let size = Int(try reader.uint32())
        guard size <= maxPairs, size * 6 <= reader.remaining else { throw .truncated }
        var map: [(key: String, value: String)] = []
        for _ in 0..<size {
            let key = try reader.string(&handles)
            map.append((key, try reader.string(&handles)))
        }
        guard try reader.byte() == 0x78 else { throw .unexpected }
        return map
    }

    /// Big-endian reads that never run past the end.
    struct Reader {
        let bytes: [UInt8]
        var offset = 0

        var remaining: Int { bytes.count - offset }

        mutating func take(_ count: Int) throws(Failure) -> ArraySlice<UInt8> {
            guard count >= 0, count <= remaining else { throw .truncated }
            defer { offset += count }
            return bytes[offset..<(offset + count)]
        }

        mutating func byte() throws(Failure) -> UInt8 { try take(1).first ?? 0 }

        mutating func uint16() throws(Failure) -> UInt16 {
            try take(2).reduce(0) { $0 << 8 | UInt16($1) }
        }

        mutating func uint32() throws(Failure) -> UInt32 {
            try take(4).reduce(0) { $0 << 8 | UInt32($1) }
        }

        mutating func int64() throws(Failure) -> Int64 {
            Int64(bitPattern: try take(8).reduce(0) { $0 << 8 | UInt64($1) })
        }

        /// Modified UTF-8 (NUL as C0 80, astral characters as surrogate pairs): the strings FreeOTP writes are
        /// ASCII JSON, so anything that is not plain UTF-8 is refused rather than converted.
        mutating func utf() throws(Failure) -> String {
            try text(Int(try uint16()))
        }

        mutating func text(_ count: Int) throws(Failure) -> String {
            guard let text = String(validating: try take(count), as: UTF8.self) else { throw .unexpected }
            return text
        }

        /// A string object: new (short or long), or a back-reference to one read before.
        mutating func string(_ handles: inout [String?]) throws(Failure) -> String {
            switch try byte() {
            case 0x74:
                let text = try utf()
                handles.append(text)
                return text
            case 0x7C:
                let length = try int64()
                guard length >= 0, length <= Int64(remaining) else { throw .truncated }
                let text = try text(Int(length))
                handles.append(text)
                return text
            case 0x71:
                let handle = try uint32()
                guard handle >= baseHandle, Int(handle - baseHandle) < handles.count,
                    let text = handles[Int(handle - baseHandle)]
                else { throw .unexpected }
                return text
            default:
                throw .unexpected
            }
        }
    }
}
