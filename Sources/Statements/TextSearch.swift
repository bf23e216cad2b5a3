// Byte-level text helpers for the hot path. Foundation's String.contains goes through CFString and
// Unicode folding, and String hashing normalises non-ASCII text; both are far too slow per row.
#if canImport(Glibc)
    import Glibc
#endif

package enum TextSearch {
    /// Whether `needle`'s UTF-8 bytes occur in `haystack`'s (exact bytes, no normalisation).
    @inline(__always)
    package static func contains(_ haystack: String, _ needle: StaticString) -> Bool {
        var text = haystack
        return text.withUTF8 { hay in
            let length = needle.utf8CodeUnitCount
            guard hay.count >= length, length > 0, let base = hay.baseAddress else { return length == 0 }
            let first = needle.utf8Start.pointee
            var start = 0
            let last = hay.count - length
            while start <= last {
                guard let found = memchr(base + start, Int32(first), last - start + 1) else { return false }
                let position = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if memcmp(base + position, needle.utf8Start, length) == 0 { return true }
                start = position + 1
            }
            return false
        }
    }

    /// Equal UTF-8 bytes (String's `==` compares canonical equivalence, slowly, for non-ASCII text).
    package static func sameBytes(_ first: String, _ second: String) -> Bool {
        var left = first
        var right = second
        return left.withUTF8 { l in
            right.withUTF8 { r in
                l.count == r.count && (l.count == 0 || memcmp(l.baseAddress!, r.baseAddress!, l.count) == 0)
            }
        }
    }

    @inline(__always)
    package static func hasPrefix(_ haystack: String, _ needle: StaticString) -> Bool {
        var text = haystack
        return text.withUTF8 { hay in
            guard hay.count >= needle.utf8CodeUnitCount, let base = hay.baseAddress else { return false }
            return memcmp(base, needle.utf8Start, needle.utf8CodeUnitCount) == 0
        }
    }
}

/// A String keyed by its exact UTF-8 bytes: hashing skips Unicode normalisation (interning only).
package struct ByteKey: Hashable, Sendable {
    package let text: String

    package init(_ text: String) { self.text = text }

    package func hash(into hasher: inout Hasher) {
        var copy = text
        copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    package static func == (lhs: ByteKey, rhs: ByteKey) -> Bool { TextSearch.sameBytes(lhs.text, rhs.text) }
}

/// Interns strings to dense ids by their exact UTF-8 bytes: FNV-1a hashing and open addressing,
/// several times cheaper than a Dictionary<String, Int32> on non-ASCII names.
package struct StringInterner {
    package private(set) var names: [String] = []
    private var hashes: [UInt64] = []
    private var slots: [Int32]
    private var mask: Int

    package init(expected: Int = 1024) {
        var capacity = 1024
        while capacity < expected * 2 { capacity <<= 1 }
        slots = [Int32](repeating: -1, count: capacity)
        mask = capacity - 1
    }

    package mutating func id(_ text: String) -> Int32 {
        var copy = text
        return copy.withUTF8 { bytes in
            let hash = Self.hash(bytes)
            var position = Int(truncatingIfNeeded: hash) & mask
            while true {
                let existing = slots[position]
                if existing < 0 { break }
                if hashes[Int(existing)] == hash, Self.same(names[Int(existing)], bytes) { return existing }
                position = (position + 1) & mask
            }
            let id = Int32(names.count)
            names.append(text)
            hashes.append(hash)
            slots[position] = id
            if names.count * 2 > slots.count { grow() }
            return id
        }
    }

    /// Eight bytes at a time, multiply-xorshift mixing: fast for the 10–40 byte ids and names here.
    @inline(__always)
    package static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0x9e37_79b9_7f4a_7c15 ^ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return hash }
        let raw = UnsafeRawPointer(base)
        var offset = 0
        while offset + 8 <= bytes.count {
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0xff51_afd7_ed55_8ccd
            hash ^= hash >> 32
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count {
            tail |= UInt64(bytes[offset]) << shift
            shift += 8
            offset += 1
        }
        hash = (hash ^ tail) &* 0xc4ce_b9fe_1a85_ec53
        return hash ^ (hash >> 29)
    }

    private static func same(_ name: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var stored = name
        return stored.withUTF8 { other in
            other.count == bytes.count
                && (bytes.count == 0 || memcmp(other.baseAddress!, bytes.baseAddress!, bytes.count) == 0)
        }
    }

    private mutating func grow() {
        let capacity = slots.count * 2
        slots = [Int32](repeating: -1, count: capacity)
        mask = capacity - 1
        for (id, hash) in hashes.enumerated() {
            var position = Int(truncatingIfNeeded: hash) & mask
            while slots[position] >= 0 { position = (position + 1) & mask }
            slots[position] = Int32(id)
        }
    }
}

/// Turns repeated field values (status, category, counterparty...) into one shared String each:
/// no UTF-8 validation or allocation for a value seen before. Bounded: past `limit` distinct values
/// new ones are simply created, so memory stays linear in the input.
package final class FieldStringCache {
    // One stored property holding a struct: a call makes one exclusivity-checked access to `table`
    // instead of one per array read (class properties are checked at run time, and a scan calls this
    // for most fields of every row: the per-array checks were ~5% of a whole scan's instructions).
    private var table: Table

    package init(limit: Int = 1 << 15) {
        table = Table(limit: limit)
    }

    package func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        table.string(bytes)
    }

    private struct Table {
        var strings: [String] = []
        var hashes: [UInt64] = []
        var slots: [Int32]
        let mask: Int
        let limit: Int

        init(limit: Int) {
            self.limit = limit
            var capacity = 1024
            while capacity < limit * 2 { capacity <<= 1 }
            slots = [Int32](repeating: -1, count: capacity)
            mask = capacity - 1
        }

        mutating func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
            let hash = StringInterner.hash(bytes)
            var position = Int(truncatingIfNeeded: hash) & mask
            while true {
                let existing = slots[position]
                if existing < 0 { break }
                if hashes[Int(existing)] == hash {
                    var stored = strings[Int(existing)]
                    let same = stored.withUTF8 { other in
                        other.count == bytes.count
                            && (bytes.count == 0 || memcmp(other.baseAddress!, bytes.baseAddress!, bytes.count) == 0)
                    }
                    if same { return stored }
                }
                position = (position + 1) & mask
            }
            let text = String(decoding: bytes, as: UTF8.self)
            if strings.count < limit {
                slots[position] = Int32(strings.count)
                strings.append(text)
                hashes.append(hash)
            }
            return text
        }
    }
}
