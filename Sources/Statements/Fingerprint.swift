// Identity of a transaction: the source's own id when it has one, else a documented fingerprint.
// Both dedup imports and name transactions in alerts.

/// The documented fingerprint that identifies a row without a source id (docs/statements.md).
public enum Fingerprint {
    /// FNV-1a 64 over the canonical fields (see docs/statements.md). Not cryptographic: it only
    /// tells rows apart, and the fields it hashes are not secret.
    public static func of(_ transaction: Transaction, occurrence: Int) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ text: String) {
            for byte in text.utf8 {
                hash ^= UInt64(byte)
                hash &*= 0x100_0000_01b3
            }
            hash ^= 0x1f
            hash &*= 0x100_0000_01b3
        }
        mix(transaction.source.idNamespace)
        mix(String(transaction.timestamp))
        mix(String(transaction.amountMinor))
        // Only when present, so every fingerprint made before sub-minor digits existed stays the same.
        if transaction.amountSubMinor > 0 { mix(String(transaction.amountSubMinor)) }
        mix(transaction.direction.rawValue)
        mix(transaction.currency)
        mix(transaction.counterparty)
        mix(transaction.note)
        mix(String(occurrence))
        let hex = String(hash, radix: 16)
        return "fp:" + String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// A parsed transaction with the id alerts use for it.
public struct IdentifiedTransaction: Sendable, Equatable {
    /// The transaction as read.
    public var transaction: Transaction
    /// Which input file it came from (index into the scan's file list); -1 for stored history.
    /// Declared before `id` so it fills the transaction's tail padding (a smaller row stride).
    public var fileIndex: Int32
    /// The source id, else the fingerprint (`fp:` + 16 hex digits).
    public var id: String

    /// Pairs a transaction with its id; usually made by ``identify(_:fileIndex:)``.
    public init(transaction: Transaction, id: String, fileIndex: Int32) {
        self.transaction = transaction
        self.id = id
        self.fileIndex = fileIndex
    }

    /// Ids are unique within a namespace: the source family's, or `fp` for fingerprints.
    public var keyNamespace: String { transaction.sourceID != nil ? transaction.source.idNamespace : "fp" }

    /// Unique across sources: `namespace:sourceID` or the fingerprint (built on demand, not per row).
    public var key: String { transaction.sourceID != nil ? transaction.source.idNamespace + ":" + id : id }

    /// Gives every transaction its id; identical id-less rows in one file get occurrence 0, 1, 2...
    /// Rows sharing a source id follow the one rule of docs/statements.md: a row identical to an
    /// earlier one with that id (every field but the line) is the same row and is left out; a
    /// different row keeps the id with `#2`, `#3`… appended, so both are scanned and stored.
    /// Consumes the array: rows are moved, not copied.
    public static func identify(_ transactions: consuming [Transaction], fileIndex: Int32) -> [IdentifiedTransaction] {
        var repeats = 0
        return identify(transactions, fileIndex: fileIndex, identicalRepeats: &repeats)
    }

    /// ``identify(_:fileIndex:)``, also counting the rows left out as identical repeats.
    public static func identify(
        _ transactions: consuming [Transaction], fileIndex: Int32, identicalRepeats: inout Int
    ) -> [IdentifiedTransaction] {
        var rows = transactions
        var repeats = 0
        // The result, the largest array here, is allocated before the ids and the index: first, it
        // can take the heap space the statement's text just freed; made after them it may no longer
        // fit there, and the heap grows by its whole size (230 MB at a million rows).
        let result = [IdentifiedTransaction](unsafeUninitializedCapacity: rows.count) { buffer, initialized in
            let (ids, dropped) = assignIDs(rows)
            repeats = dropped.count
            let count = rows.count - dropped.count
            // popLast moves each row out of the uniquely owned array into its final slot, back to front.
            var position = count
            var source = rows.count
            var skip = dropped.count
            while let transaction = rows.popLast() {
                source -= 1
                if skip > 0 && dropped[skip - 1] == source {
                    skip -= 1
                    continue
                }
                position -= 1
                (buffer.baseAddress! + position).initialize(
                    to: IdentifiedTransaction(transaction: transaction, id: ids[source], fileIndex: fileIndex))
            }
            initialized = count
        }
        identicalRepeats += repeats
        return result
    }

    /// Each row's id (empty for a row left out) and the rows left out as identical repeats, ascending.
    private static func assignIDs(_ transactions: [Transaction]) -> (ids: [String], dropped: [Int]) {
        var seen: [String: Int] = [:]
        var ids: [String] = []
        ids.reserveCapacity(transactions.count)
        var firstRows = FirstRowIndex(expected: transactions.count)
        // Rows that repeat an id are rare, so each id's later variants live in a dictionary only they
        // touch (keyed by the row that first used the id).
        var variants: [Int: [Int]] = [:]
        var dropped: [Int] = []
        // Distinct rows repeating an id: (row, id, number), named once every literal id is indexed.
        var numbered: [(row: Int, sourceID: String, number: Int)] = []
        for index in transactions.indices {
            if let sourceID = transactions[index].sourceID {
                let first = firstRows.firstRow(of: sourceID, row: index) { transactions[$0].sourceID ?? "" }
                if first == index {
                    ids.append(sourceID)
                    continue
                }
                var earlier = [first]
                earlier.append(contentsOf: variants[first] ?? [])
                if earlier.contains(where: { Self.sameRow(transactions[$0], transactions[index]) }) {
                    dropped.append(index)
                    ids.append("")
                    continue
                }
                variants[first, default: []].append(index)
                numbered.append((index, sourceID, earlier.count + 1))
                ids.append("")
            } else {
                let base = Fingerprint.of(transactions[index], occurrence: 0)
                let occurrence = seen[base, default: 0]
                seen[base] = occurrence + 1
                ids.append(occurrence == 0 ? base : Fingerprint.of(transactions[index], occurrence: occurrence))
            }
        }
        // A source id may itself read like a numbered one (`A1#2` next to two different `A1` rows):
        // a number the file already uses as a literal id is skipped, so no two rows share an id.
        var generated = Set<String>()
        for (row, sourceID, number) in numbered {
            var next = number
            var candidate = sourceID + "#" + String(next)
            while generated.contains(candidate)
                || firstRows.contains(candidate, idOfRow: { transactions[$0].sourceID ?? "" })
            {
                next += 1
                candidate = sourceID + "#" + String(next)
            }
            generated.insert(candidate)
            ids[row] = candidate
        }
        return (ids, dropped)
    }

    /// Identical in every field read, wherever in the file: the same row exported twice.
    static func sameRow(_ first: Transaction, _ second: Transaction) -> Bool {
        var copy = first
        copy.line = second.line
        return copy == second
    }
}

/// The first row that used each source id: open addressing over one array of packed (hash, row)
/// words. A row's id text is read back from the rows themselves, so nothing is copied or retained,
/// and a lookup touches one cache line (a million distinct ids made a `StringInterner` here, with
/// its names and hashes arrays, 8% of a scan).
struct FirstRowIndex {
    /// High 32 bits: the hash's top half; low 32 bits: row + 1 (0 = empty).
    private var slots: [UInt64]
    private var mask: Int
    private var count = 0

    init(expected: Int) {
        var capacity = 1024
        while capacity < expected * 2 { capacity <<= 1 }
        slots = [UInt64](repeating: 0, count: capacity)
        mask = capacity - 1
    }

    /// The first row whose id equals `text`; records `row` (and returns it) when there is none.
    /// `idOfRow` gives an earlier row's id.
    mutating func firstRow(of text: String, row: Int, idOfRow: (Int) -> String) -> Int {
        let (found, position, tag) = lookup(text, idOfRow: idOfRow)
        if let found { return found }
        // Rows are packed in 32 bits: a statement of four billion rows would not fit in memory first.
        slots[position] = tag | UInt64(truncatingIfNeeded: row + 1) & 0xffff_ffff
        count += 1
        if count * 2 > slots.count { grow() }
        return row
    }

    /// Whether some row's id equals `text`.
    func contains(_ text: String, idOfRow: (Int) -> String) -> Bool {
        lookup(text, idOfRow: idOfRow).found != nil
    }

    /// The row holding `text`, else the empty slot where it would go; `tag` is its hash's top half.
    private func lookup(_ text: String, idOfRow: (Int) -> String) -> (found: Int?, position: Int, tag: UInt64) {
        var copy = text
        let hash = copy.withUTF8 { StringInterner.hash($0) }
        let tag = hash & 0xffff_ffff_0000_0000
        var position = Int(truncatingIfNeeded: hash >> 32) & mask
        while slots[position] != 0 {
            let slot = slots[position]
            if slot & 0xffff_ffff_0000_0000 == tag {
                let earlier = Int(slot & 0xffff_ffff) - 1
                if TextSearch.sameBytes(idOfRow(earlier), text) { return (earlier, position, tag) }
            }
            position = (position + 1) & mask
        }
        return (nil, position, tag)
    }

    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: old.count * 2)
        mask = slots.count - 1
        for slot in old where slot != 0 {
            // Positions come from the tag (the hash's top half), which the slot keeps.
            var position = Int(truncatingIfNeeded: slot >> 32) & mask
            while slots[position] != 0 { position = (position + 1) & mask }
            slots[position] = slot
        }
    }
}
