// Small helpers for reading other apps' JSON exports field by field, and the hex codec they use.
import Foundation
import WalletCrypto

typealias JSONObject = [String: Any]

extension Dictionary where Key == String, Value == Any {
    func string(_ key: String) -> String? { self[key] as? String }

    func int(_ key: String) -> Int? {
        if let number = self[key] as? NSNumber { return number.intValue }
        if let text = self[key] as? String { return Int(text) }
        return nil
    }

    func object(_ key: String) -> JSONObject? { self[key] as? JSONObject }
}

enum Hex {
    static func decode(_ text: String) -> [UInt8]? {
        let bytes = Array(text.utf8)
        guard bytes.count % 2 == 0 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count / 2)
        var index = 0
        while index < bytes.count {
            guard let high = KeyURI.hexValue(bytes[index]), let low = KeyURI.hexValue(bytes[index + 1]) else {
                return nil
            }
            out.append(high << 4 | low)
            index += 2
        }
        return out
    }

    static func encode(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in bytes { out += [digits[Int(byte >> 4)], digits[Int(byte & 0xf)]] }
        return String(decoding: out, as: UTF8.self)
    }
}

enum JSONText {
    /// Compact JSON with sorted keys, so exports are stable and diffable.
    static func encode(_ value: Any) throws -> [UInt8] {
        Array(try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes]))
    }

    static func decode(_ bytes: [UInt8]) -> Any? {
        try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
    }
}

/// The algorithm names the JSON formats use ("SHA1", "sha256"...).
func hashAlgorithm(_ name: String?) throws(ImportError) -> HashAlgorithm {
    guard let name else { return .sha1 }
    guard let algorithm = HashAlgorithm(rawValue: name.uppercased()) else {
        throw .invalidAccount(.unsupportedParameter(name: "algorithm", value: name))
    }
    return algorithm
}

/// An entry's Base32 secret, moved straight into locked memory.
func decodeSecret(_ text: String?, app: AuthenticatorApp) throws(ImportError) -> SecureBytes {
    guard let text, !text.isEmpty else { throw .malformed(app, reason: .entryWithoutSecret) }
    do {
        var bytes = try Base32.decode(text)
        defer { Memory.zero(&bytes) }
        return SecureBytes(bytes)
    } catch {
        throw .invalidAccount(OTPError(error))
    }
}

/// `account` once it passes `OTPAccount.validate()`, its failure reported as an import error.
func validated(_ account: OTPAccount) throws(ImportError) -> OTPAccount {
    do {
        try account.validate()
    } catch {
        throw .invalidAccount(error)
    }
    return account
}

extension OTPKind {
    /// The entry type as the JSON formats write it ("totp", "TOTP", "STEAM"...); absent means TOTP.
    init(exportName: String?, app: AuthenticatorApp) throws(ImportError) {
        guard let kind = OTPKind(rawValue: (exportName ?? "totp").lowercased()) else {
            throw .unsupportedEntryType(app, exportName ?? "")
        }
        self = kind
    }
}
