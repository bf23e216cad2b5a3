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
        var seen: [String: Int] = [:]
        var ids: [String] = []
        ids.reserveCapacity(transactions.count)
        var sourceIDs = StringInterner(expected: transactions.count)
        // Per interned source id: the row that first used it; rows that repeat an id are rare, so
        // their distinct variants live in a dictionary only they touch.
        var firstRow: [Int] = []
        var variants: [Int32: [Int]] = [:]
        var dropped: [Int] = []
        for index in transactions.indices {
            if let sourceID = transactions[index].sourceID {
                let before = sourceIDs.names.count
                let interned = sourceIDs.id(sourceID)
                if Int(interned) == before {
                    firstRow.append(index)
                    ids.append(sourceID)
                    continue
                }
                var earlier = [firstRow[Int(interned)]]
                earlier.append(contentsOf: variants[interned] ?? [])
                if earlier.contains(where: { Self.sameRow(transactions[$0], transactions[index]) }) {
                    dropped.append(index)
                    ids.append("")
                    continue
                }
                variants[interned, default: []].append(index)
                ids.append(sourceID + "#" + String(earlier.count + 1))
            } else {
                let base = Fingerprint.of(transactions[index], occurrence: 0)
                let occurrence = seen[base, default: 0]
                seen[base] = occurrence + 1
                ids.append(occurrence == 0 ? base : Fingerprint.of(transactions[index], occurrence: occurrence))
            }
        }
        identicalRepeats += dropped.count
        var rows = transactions
        let count = rows.count - dropped.count
        // popLast moves each row out of the uniquely owned array into its final slot, back to front.
        return [IdentifiedTransaction](unsafeUninitializedCapacity: count) { buffer, initialized in
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
    }

    /// Identical in every field read, wherever in the file: the same row exported twice.
    static func sameRow(_ first: Transaction, _ second: Transaction) -> Bool {
        var copy = first
        copy.line = second.line
        return copy == second
    }
}
