// Re-exports the secret-holding types this library's API takes and returns (SecureBytes, CryptoError), so a
// program that imports this library can name them without depending on the internal WalletCrypto target.
@_exported import WalletCrypto
