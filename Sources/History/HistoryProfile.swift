// Named history profiles: a support agent who helps several customers keeps each one's statements,
// baseline and acknowledgements apart, so one customer's year never becomes the next one's baseline.

/// The profile a history row or acknowledgement belongs to (default `me`).
///
/// ```swift
/// let customer = try HistoryProfile("客户-wang_01")
/// _ = try vault.importTransactions(items, sourceFile: "bill.csv", profile: customer)
/// ```
public struct HistoryProfile: Sendable, Hashable {
    /// The profile used when none is named; it holds the history stored before profiles existed.
    public static let defaultProfile = HistoryProfile(validated: "me")

    /// Longest name, in Unicode scalars.
    public static let maxNameLength = 64

    /// The name as given.
    public let name: String

    /// Checks `name`: 1–64 characters, each an ASCII letter or digit, `-`, `_`, or a CJK ideograph.
    /// Throws ``HistoryError/invalidProfile(_:)`` otherwise.
    public init(_ name: String) throws {
        let scalars = name.unicodeScalars
        guard (1...Self.maxNameLength).contains(scalars.count), scalars.allSatisfy(Self.isAllowed) else {
            throw HistoryError.invalidProfile(name)
        }
        self.name = name
    }

    private init(validated name: String) { self.name = name }

    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5a, 0x61...0x7a, 0x2d, 0x5f: return true
        // CJK Unified Ideographs, Extension A, Compatibility Ideographs, Extensions B–F and supplement.
        case 0x4e00...0x9fff, 0x3400...0x4dbf, 0xf900...0xfaff, 0x20000...0x2fa1f: return true
        default: return false
        }
    }

    /// The stored form of a transaction key or alert id. Keys and alert ids start with a letter, and
    /// names hold no `/`, so `@name/` keeps profiles apart while `me` keeps the keys stored before
    /// profiles existed (and in older backups) unchanged.
    func stored(_ key: String) -> String {
        self == .defaultProfile ? key : "@" + name + "/" + key
    }

    /// The key or alert id as callers know it, from its stored form.
    func unstored(_ stored: String) -> String {
        let prefix = "@" + name + "/"
        guard self != .defaultProfile, stored.hasPrefix(prefix) else { return stored }
        return String(stored.dropFirst(prefix.count))
    }
}
