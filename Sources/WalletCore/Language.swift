// The two languages walletsec speaks, and how the default is picked from the locale.

/// A language walletsec speaks.
public enum Language: String, Sendable, CaseIterable, Codable {
    /// English.
    case en
    /// Simplified Chinese.
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
    /// The English text.
    public var en: String
    /// The Chinese text.
    public var zh: String

    /// Both texts.
    public init(en: String, zh: String) {
        self.en = en
        self.zh = zh
    }

    /// The text in `language`.
    public func text(_ language: Language) -> String {
        language == .zh ? zh : en
    }
}
