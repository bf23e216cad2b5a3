// Just enough protobuf wire format (varints and length-delimited fields) for Google Authenticator's
// MigrationPayload. Hand-written to keep swift-protobuf's build out of CI; unknown fields are skipped.
import WalletCore

struct ProtobufReader {
    enum Value {
        case varint(UInt64)
        case bytes(ArraySlice<UInt8>)
        case fixed
    }

    private var data: ArraySlice<UInt8>

    init(_ data: ArraySlice<UInt8>) { self.data = data }

    static let malformed = ImportError.malformed(.googleAuthenticator, reason: .protobufMalformed)

    mutating func varint() throws(ImportError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while let byte = data.popFirst() {
            guard shift < 64 else { throw Self.malformed }
            result |= UInt64(byte & 0x7f) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
        }
        throw Self.malformed
    }

    /// The next (field number, value), or nil at the end.
    mutating func next() throws(ImportError) -> (field: UInt64, value: Value)? {
        guard !data.isEmpty else { return nil }
        let key = try varint()
        let field = key >> 3
        guard field > 0 else { throw Self.malformed }
        switch key & 7 {
        case 0: return (field, .varint(try varint()))
        case 1:
            guard data.count >= 8 else { throw Self.malformed }
            data = data.dropFirst(8)
            return (field, .fixed)
        case 2:
            let length = try varint()
            guard length <= UInt64(data.count) else { throw Self.malformed }
            let bytes = data.prefix(Int(length))
            data = data.dropFirst(Int(length))
            return (field, .bytes(bytes))
        case 5:
            guard data.count >= 4 else { throw Self.malformed }
            data = data.dropFirst(4)
            return (field, .fixed)
        default: throw Self.malformed
        }
    }
}

struct ProtobufWriter {
    private(set) var bytes: [UInt8] = []

    mutating func varint(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(value & 0x7f) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    mutating func field(_ number: UInt64, varint value: UInt64) {
        varint(number << 3)
        varint(value)
    }

    mutating func field<Bytes: Collection<UInt8>>(_ number: UInt64, bytes value: Bytes) {
        varint(number << 3 | 2)
        varint(UInt64(value.count))
        bytes += value
    }

    mutating func field(_ number: UInt64, string value: String) {
        field(number, bytes: Array(value.utf8))
    }
}
