// The built-in ranked dictionaries: parsed once, on first use, from the C string literals in CPasswordData
// into one open-addressing hash table keyed by the word's bytes, so a lookup is one hash and one compare.
import CPasswordData

#if canImport(Glibc)
    import Glibc
#endif

/// Every built-in dictionary plus the caller's own words, with the rank of a word in each.
final class RankedDictionaries: @unchecked Sendable {
    static let shared = RankedDictionaries()

    /// Dictionary names, in the order of the C data.
    let names: [String]
    /// Longest word, in bytes: substrings longer than this are never looked up.
    let maxWordBytes: Int
    private let wordStart: UnsafePointer<UnsafePointer<UInt8>>
    private let wordLength: UnsafePointer<Int32>
    /// Per entry: the dictionary where the word ranks best and that rank (dictionary << 24 | rank).
    private let best: UnsafePointer<UInt32>
    /// Per entry: its rank among pinyin surnames (high 16 bits) and pinyin given names (low 16 bits), 0 if none.
    private let pinyinNameRanks: UnsafePointer<UInt32>
    let surnamesIndex: Int
    let givenNamesIndex: Int
    private let slots: UnsafePointer<UInt64>
    private let mask: Int
    /// A Bloom-style bit set of the hashes of every word's prefixes of 3 bytes or more (whole words included):
    /// when a substring is not in it, neither it nor any longer substring from the same start is a word, so
    /// the scan stops without probing the table.
    private let prefixBits: UnsafePointer<UInt64>
    static let prefixMin = 3
    static let prefixMask = (1 << 22) - 1

    @inline(__always) static func prefixBit(_ hash: UInt32) -> Int {
        Int(truncatingIfNeeded: (UInt64(hash) &* 0x9E37_79B9_7F4A_7C15) >> 40) & prefixMask
    }

    /// False when no word starts with the bytes hashed so far (`length` of them).
    @inline(__always) func mayBePrefix(hash: UInt32, length: Int) -> Bool {
        if length < Self.prefixMin { return true }
        let bit = Self.prefixBit(hash)
        return prefixBits[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }
    /// Pinyin syllables with their guesses, most frequent first.
    let syllables: [(syllable: [UInt8], guesses: Double)]
    let dictionaryIndex: [String: Int]

    private init() {
        let count = Int(ps_dictionary_count())
        var names: [String] = []
        var lists: [[(UnsafePointer<UInt8>, Int)]] = []
        var total = 0
        for d in 0..<count {
            names.append(String(cString: ps_dictionary_name(Int32(d))!))
            let list = Self.split(ps_dictionary_words(Int32(d))!)
            total += list.count
            lists.append(list)
        }
        self.names = names
        var index: [String: Int] = [:]
        for (position, name) in names.enumerated() { index[name] = position }
        dictionaryIndex = index
        var capacity = 1
        while capacity < total * 2 { capacity <<= 1 }
        let mask = capacity - 1
        // Built in locals (not through `self`) so the loop runs without exclusivity checks.
        // One 64-bit cell per slot (entry + 1 in the high half, 0 when empty; the hash in the low half) so that
        // a probe touches one cache line.
        var slots = [UInt64](repeating: 0, count: capacity)
        var wordStart: [UnsafePointer<UInt8>] = []
        var wordLength: [Int32] = []
        var best: [UInt32] = []
        var pinyinNameRanks: [UInt32] = []
        let surnamesIndex = index["pinyin_surnames"] ?? -1
        let givenNamesIndex = index["pinyin_given_names"] ?? -1
        wordStart.reserveCapacity(total)
        wordLength.reserveCapacity(total)
        best.reserveCapacity(total)
        pinyinNameRanks.reserveCapacity(total)
        var maxWordBytes = 0
        var prefixBits = [UInt64](repeating: 0, count: (Self.prefixMask + 1) / 64)
        for (d, list) in lists.enumerated() {
            for (rank, (start, length)) in list.enumerated() {
                var hash = Self.fnvStart()
                for k in 0..<length {
                    hash = Self.fnvStep(hash, start[k])
                    if k + 1 >= Self.prefixMin {
                        let bit = Self.prefixBit(hash)
                        prefixBits[bit >> 6] |= 1 << UInt64(bit & 63)
                    }
                }
                var slot = Int(hash) & mask
                var entry = -1
                while slots[slot] != 0 {
                    let candidate = Int(slots[slot] >> 32) - 1
                    if UInt32(truncatingIfNeeded: slots[slot]) == hash && Int(wordLength[candidate]) == length
                        && memcmp(wordStart[candidate], start, length) == 0
                    {
                        entry = candidate
                        break
                    }
                    slot = (slot + 1) & mask
                }
                if entry < 0 {
                    entry = wordStart.count
                    wordStart.append(start)
                    wordLength.append(Int32(length))
                    best.append(0)
                    pinyinNameRanks.append(0)
                    slots[slot] = UInt64(entry + 1) << 32 | UInt64(hash)
                    maxWordBytes = max(maxWordBytes, length)
                }
                let rankValue = UInt32(min(rank + 1, 0xFF_FFFF))
                if best[entry] == 0 || rankValue < best[entry] & 0xFF_FFFF { best[entry] = UInt32(d) << 24 | rankValue }
                if d == surnamesIndex && pinyinNameRanks[entry] >> 16 == 0 {
                    pinyinNameRanks[entry] |= UInt32(min(rank + 1, 0xFFFF)) << 16
                } else if d == givenNamesIndex && pinyinNameRanks[entry] & 0xFFFF == 0 {
                    pinyinNameRanks[entry] |= UInt32(min(rank + 1, 0xFFFF))
                }
            }
        }
        syllables = Self.split(ps_pinyin_syllables()!).compactMap { start, length in
            let line = UnsafeBufferPointer(start: start, count: length)
            guard let space = line.firstIndex(of: 0x20) else { return nil }
            var value = 0
            for byte in line[(space + 1)...] where byte >= 0x30 && byte <= 0x39 {
                value = value * 10 + Int(byte - 0x30)
            }
            return (Array(line[..<space]), Double(max(value, 2)))
        }
        self.mask = mask
        // Moved to memory that lives as long as the process (this is a never-released singleton), so that the
        // hot lookups index raw pointers without reference counting or bounds checks.
        self.slots = Self.permanent(slots)
        self.wordStart = Self.permanent(wordStart)
        self.wordLength = Self.permanent(wordLength)
        self.best = Self.permanent(best)
        self.pinyinNameRanks = Self.permanent(pinyinNameRanks)
        self.surnamesIndex = surnamesIndex
        self.givenNamesIndex = givenNamesIndex
        self.maxWordBytes = maxWordBytes
        self.prefixBits = Self.permanent(prefixBits)
    }

    private static func permanent<T>(_ values: [T]) -> UnsafePointer<T> {
        let pointer = UnsafeMutablePointer<T>.allocate(capacity: max(values.count, 1))
        values.withUnsafeBufferPointer { buffer in
            if let base = buffer.baseAddress { pointer.initialize(from: base, count: buffer.count) }
        }
        return UnsafePointer(pointer)
    }

    private static func split(_ text: UnsafePointer<CChar>) -> [(UnsafePointer<UInt8>, Int)] {
        let bytes = UnsafeRawPointer(text).assumingMemoryBound(to: UInt8.self)
        var result: [(UnsafePointer<UInt8>, Int)] = []
        var start = 0
        var position = 0
        while true {
            let byte = bytes[position]
            if byte == 0x0a || byte == 0 {
                if position > start { result.append((bytes + start, position - start)) }
                if byte == 0 { break }
                start = position + 1
            }
            position += 1
        }
        return result
    }

    @inline(__always) static func fnvStart() -> UInt32 { 2_166_136_261 }
    @inline(__always) static func fnvStep(_ hash: UInt32, _ byte: UInt8) -> UInt32 {
        (hash ^ UInt32(byte)) &* 16_777_619
    }

    /// The entry for these bytes, given their FNV-1a hash.
    @inline(__always) func find(hash: UInt32, _ start: UnsafePointer<UInt8>, _ length: Int) -> Int? {
        var slot = Int(hash) & mask
        while true {
            let cell = slots[slot]
            if cell == 0 { return nil }
            if UInt32(truncatingIfNeeded: cell) == hash {
                let entry = Int(cell >> 32) - 1
                if Int(wordLength[entry]) == length && memcmp(wordStart[entry], start, length) == 0 { return entry }
            }
            slot = (slot + 1) & mask
        }
    }

    /// The dictionary where this entry's word ranks best, with that rank (earlier dictionaries win ties).
    @inline(__always) func bestRank(entry: Int) -> (dictionary: Int, rank: Int) {
        let cell = best[entry]
        return (Int(cell >> 24), Int(cell & 0xFF_FFFF))
    }

    @inline(__always) func surnameRank(entry: Int) -> Int { Int(pinyinNameRanks[entry] >> 16) }
    @inline(__always) func givenNameRank(entry: Int) -> Int { Int(pinyinNameRanks[entry] & 0xFFFF) }

    /// Rank of a whole word in one dictionary (tests, documentation): a linear search of that list.
    func rank(of word: String, in dictionary: String) -> Int? {
        words(dictionary).firstIndex(of: word).map { $0 + 1 }
    }

    /// Words of one dictionary in rank order (for the passphrase generator).
    func words(_ dictionary: String) -> [String] {
        guard let d = dictionaryIndex[dictionary] else { return [] }
        return Self.split(ps_dictionary_words(Int32(d))!).map { start, length in
            String(decoding: UnsafeBufferPointer(start: start, count: length), as: UTF8.self)
        }
    }
}
