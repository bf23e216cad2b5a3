// Ranges for the integer columns that later code does arithmetic on: a backup is outside input, and a
// crafted one stored `utc_offset_seconds = 2^62`, `occurred_at = Int64.min` or a text HOTP counter,
// which restore accepted and a later `scan` or `2fa code` trapped on (issue #11). Checked for every
// row of every backup (verify and restore alike) before anything is stored.
import Vault

enum RowLimits {
    /// (allowed range, whether NULL is allowed) per table and column.
    static let columns: [String: [String: (range: ClosedRange<Int64>, nullable: Bool)]] = [
        "otp_accounts": [
            "digits": (1...10, false),
            "period": (1...86_400, false),
            "counter": (0...Int64.max, false),
            "last_accepted_step": (0...Int64.max, true),
        ],
        "recovery_codes": [
            "position": (0...Int64(Int32.max), false)
        ],
        "transactions": [
            // About the years 1697 to 6325: differences of two times fit the ledger's packed sort keys.
            "occurred_at": (-(1 << 33)...(1 << 37), false),
            // UTC−14:00 to UTC+14:00, the widest zones there are.
            "utc_offset_seconds": (-50_400...50_400, false),
            "has_time": (0...1, false),
            // ±10^15 minor units: sums over millions of rows cannot overflow.
            "amount_minor": (-1_000_000_000_000_000...1_000_000_000_000_000, false),
            "balance_minor": (-1_000_000_000_000_000...1_000_000_000_000_000, true),
            // Ten-thousandths of a minor unit (Transaction.amountSubMinor).
            "amount_sub_minor": (0...9999, false),
            "is_refund": (0...1, false),
            "cross_border": (0...1, false),
            "source_line": (0...Int64(Int32.max), false),
        ],
    ]

    /// The first column of `values` (in `columns` order) outside its range or of the wrong type.
    static func violation(table: String, columns names: [String], values: [SQLValue]) -> String? {
        guard let limits = columns[table] else { return nil }
        for (name, value) in zip(names, values) {
            guard let limit = limits[name] else { continue }
            switch value {
            case .integer(let number) where limit.range.contains(number): continue
            case .null where limit.nullable: continue
            default: return name
            }
        }
        return nil
    }
}
