// The built-in ranked dictionaries: parsed once, on first use, from the C string literals in CPasswordData
// into one open-addressing hash table keyed by the word's bytes, so a lookup is one hash and one compare.
import CPasswordData

/// Every built-in dictionary plus the caller's own words, with the rank of a word in each.
final class RankedDictionaries: @unchecked Sendable {
    static let shared = RankedDictionaries()

    /// Dictionary names in the order of `ranks` columns.
    let names: [String]
    /// Longest word, in bytes: substrings longer than this are never looked up.
    let maxWordBytes: Int
    private let wordStart: [UnsafePointer<UInt8>]
    private let wordLength: [Int32]
    /// ranks[entry * names.count + dictionary], 0 when the word is not in that dictionary.
    private let ranks: [Int32]
    private let slots: [Int32]
    private let slotHashes: [UInt32]
    private let mask: Int
    /// A Bloom-style bit set of the hashes of every word's 3- to 6-byte prefixes: when a substring's prefix
    /// is not in it, no longer substring from the same start can be a word, and the scan stops early.
    private let prefixBits: [UInt64]
    static let prefixMin = 3
    static let prefixMax = 6
    static let prefixMask = (1 << 21) - 1

    /// False when no word starts with the bytes hashed so far (`length` of them, 3 to 6).
    @inline(__always) func mayBePrefix(hash: UInt32, length: Int) -> Bool {
        if length < Self.prefixMin || length > Self.prefixMax { return true }
        let bit = Int(hash) & Self.prefixMask
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
        var slots = [Int32](repeating: -1, count: capacity)
        var slotHashes = [UInt32](repeating: 0, count: capacity)
        var wordStart: [UnsafePointer<UInt8>] = []
        var wordLength: [Int32] = []
        var ranks: [Int32] = []
        wordStart.reserveCapacity(total)
        wordLength.reserveCapacity(total)
        ranks.reserveCapacity(total * count)
        var maxWordBytes = 0
        var prefixBits = [UInt64](repeating: 0, count: (Self.prefixMask + 1) / 64)
        for (d, list) in lists.enumerated() {
            for (rank, (start, length)) in list.enumerated() {
                var hash = Self.fnvStart()
                for k in 0..<length {
                    hash = Self.fnvStep(hash, start[k])
                    if k + 1 >= Self.prefixMin && k + 1 <= Self.prefixMax {
                        let bit = Int(hash) & Self.prefixMask
                        prefixBits[bit >> 6] |= 1 << UInt64(bit & 63)
                    }
                }
                var slot = Int(hash) & mask
                var entry = -1
                while slots[slot] >= 0 {
                    let candidate = Int(slots[slot])
                    if slotHashes[slot] == hash && Int(wordLength[candidate]) == length
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
                    for _ in 0..<count { ranks.append(0) }
                    slots[slot] = Int32(entry)
                    slotHashes[slot] = hash
                    maxWordBytes = max(maxWordBytes, length)
                }
                let cell = entry * count + d
                if ranks[cell] == 0 { ranks[cell] = Int32(rank + 1) }
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
        self.slots = slots
        self.slotHashes = slotHashes
        self.wordStart = wordStart
        self.wordLength = wordLength
        self.ranks = ranks
        self.maxWordBytes = maxWordBytes
        self.prefixBits = prefixBits
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
            let entry = Int(slots[slot])
            if entry < 0 { return nil }
            if slotHashes[slot] == hash && Int(wordLength[entry]) == length
                && memcmp(wordStart[entry], start, length) == 0
            {
                return entry
            }
            slot = (slot + 1) & mask
        }
    }

    @inline(__always) func rank(entry: Int, dictionary: Int) -> Int {
        Int(ranks[entry * names.count + dictionary])
    }

    /// Rank of a whole word in one dictionary (tests, generator).
    func rank(of word: String, in dictionary: String) -> Int? {
        guard let d = dictionaryIndex[dictionary] else { return nil }
        var bytes = Array(word.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress else { return nil }
            var hash = Self.fnvStart()
            for byte in buffer { hash = Self.fnvStep(hash, byte) }
            guard let entry = find(hash: hash, UnsafePointer(base), buffer.count) else { return nil }
            let value = rank(entry: entry, dictionary: d)
            return value > 0 ? value : nil
        }
    }

    /// Words of one dictionary in rank order (for the passphrase generator).
    func words(_ dictionary: String) -> [String] {
        guard let d = dictionaryIndex[dictionary] else { return [] }
        return Self.split(ps_dictionary_words(Int32(d))!).map { start, length in
            String(decoding: UnsafeBufferPointer(start: start, count: length), as: UTF8.self)
        }
    }
}

#if canImport(Glibc)
    import Glibc
#endif
