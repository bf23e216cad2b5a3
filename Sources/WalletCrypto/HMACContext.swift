// A keyed HMAC (OpenSSL EVP_MAC) reused across many messages: one-time-password windows and bulk code
// generation compute dozens to millions of HMACs under one key, and a per-call fetch dominates that cost.
import CCryptoShim

/// A reusable HMAC key. Not thread-safe: use one context per thread. The key lives in OpenSSL's context and is cleansed on release.
public final class HMACContext {
    /// The hash the MAC uses.
    public let algorithm: HashAlgorithm
    private let context: UnsafeMutableRawPointer

    /// A context keyed with `key`; throws `CryptoError.libraryFailure` if OpenSSL cannot make one.
    public init(_ algorithm: HashAlgorithm, key: [UInt8]) throws {
        self.algorithm = algorithm
        self.context = try key.withUnsafeBytes { try HMACContext.makeContext(algorithm, key: $0) }
    }

    /// A context keyed with a key held in locked memory (it is copied into OpenSSL's context only).
    public init(_ algorithm: HashAlgorithm, key: SecureBytes) throws {
        self.algorithm = algorithm
        self.context = try key.withUnsafeBytes { try HMACContext.makeContext(algorithm, key: $0) }
    }

    private static func makeContext(_ algorithm: HashAlgorithm, key: UnsafeRawBufferPointer) throws
        -> UnsafeMutableRawPointer
    {
        guard let context = ws_hmac_ctx_new(algorithm.rawValue, key.bytePointer, key.count) else {
            throw CryptoError.libraryFailure("HMAC context")
        }
        return context
    }

    deinit { ws_hmac_ctx_free(context) }

    /// Writes the MAC of `message` into `output` (at least 64 bytes) and returns its length.
    public func authenticate(_ message: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) -> Int {
        precondition(output.count >= 64, "HMAC output buffer too small")
        var length = 0
        let ok = ws_hmac_ctx_compute(
            context, message.bindMemory(to: UInt8.self).baseAddress, message.count,
            output.bindMemory(to: UInt8.self).baseAddress, &length)
        precondition(ok == 1, "OpenSSL HMAC failed")
        return length
    }

    /// The MAC of `message`.
    public func authenticate(_ message: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 64)
        let length = message.withUnsafeBytes { m in out.withUnsafeMutableBytes { authenticate(m, into: $0) } }
        return Array(out[0..<length])
    }
}
