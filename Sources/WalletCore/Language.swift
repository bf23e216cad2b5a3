// The two languages walletsec speaks, and how the default is picked from the locale.

public enum Language: String, Sendable, CaseIterable, Codable {
    case en
    case zh

    /// `LC_ALL` wins over `LC_MESSAGES` over `LANG`, as in POSIX; anything starting with `zh` means Chinese.
    public static func fromEnvironment(_ environment: [String: String]) -> Language {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[key], !value.isEmpty {
                return value.lowercased().hasPrefix("zh") ? .zh : .en
            }
        }
        return .en
    }
}

/// A message in both languages, so libraries can describe things without knowing who reads them.
public struct LocalizedText: Sendable, Equatable, Codable {
    public var en: String
    public var zh: String

    public init(en: String, zh: String) {
        self.en = en
        self.zh = zh
    }

    public func text(_ language: Language) -> String {
        language == .zh ? zh : en
    }
}
