// Re-exports the shared vocabulary this library's API uses (LocalizedText, Language), so a program that
// imports this library can name them without depending on the internal WalletCore target.
@_exported import WalletCore
