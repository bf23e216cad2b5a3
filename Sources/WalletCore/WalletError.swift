// TEMPORARY: removed by the lead once every library throws its own enum
// The one error type that crosses library boundaries: an exit status plus a message in both languages.

/// Errors a user can cause end here. The message is one line, never contains a secret,
/// and the status decides the exit code.
public struct WalletError: Error, Sendable, Equatable, CustomStringConvertible {
    public var status: ExitStatus
    public var message: LocalizedText

    public init(_ status: ExitStatus, en: String, zh: String) {
        self.status = status
        self.message = LocalizedText(en: en, zh: zh)
    }

    public func message(_ language: Language) -> String {
        message.text(language)
    }

    public var description: String { message.en }

    public static func usage(en: String, zh: String) -> WalletError { WalletError(.usage, en: en, zh: zh) }
    public static func authentication(en: String, zh: String) -> WalletError {
        WalletError(.authentication, en: en, zh: zh)
    }
    public static func integrity(en: String, zh: String) -> WalletError { WalletError(.integrity, en: en, zh: zh) }
    public static func conflict(en: String, zh: String) -> WalletError { WalletError(.conflict, en: en, zh: zh) }
    public static func `internal`(en: String, zh: String) -> WalletError { WalletError(.internal, en: en, zh: zh) }
}
