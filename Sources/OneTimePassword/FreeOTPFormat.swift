// FreeOTP v1 tokens.xml and FreeOTP+ (its internal tokens.xml and its JSON export {"tokenOrder", "tokens"}).
// A token: {"algo", "counter", "digits", "issuerExt", "issuerInt", "label", "period", "secret", "type"}, the
// secret a Java byte[] written as integers -128…127. In tokens.xml every <string> but "tokenOrder" holds
// one token as JSON; "tokenOrder" lists them in the app's order.
//
// HOTP counter: FreeOTP stores the counter of the code it last showed (it reads counter=N from a URI as N-1
// and increments before computing), so the next code's counter, which is what we store, is the stored
// value + 1. With that, every counter matches the URIs the fixtures were scanned from.
// A TOTP token with issuer "Steam" is a Steam Guard account (FreeOTP+ convention).
import Foundation
import WalletCrypto

enum FreeOTPFormat {
    static let app = AuthenticatorApp.freeOTP

    static func looksLike(_ json: JSONObject) -> Bool { json["tokens"] is [Any] && json["tokenOrder"] != nil }

    /// Every value except "tokenOrder" is a JSON token with a secret.
    static func looksLike(_ preferences: SharedPreferences) -> Bool {
        let tokens = preferences.names.filter { $0 != "tokenOrder" }
        return !tokens.isEmpty
            && tokens.allSatisfy { name in
                let value = preferences[name]?.trimmingSpaces() ?? ""
                return value.hasPrefix("{") && value.contains("\"secret\"")
            }
    }

    static func read(_ json: JSONObject) throws -> ImportEntries {
        guard let tokens = json["tokens"] as? [Any] else {
            throw ImportError.malformed(app, reason: .noAccountList("tokens"))
        }
        var entries = ImportEntries()
        for token in tokens {
            guard let object = token as? JSONObject else { throw ImportError.malformed(app, reason: .entryNotObject) }
            try add(object, to: &entries)
        }
        return entries
    }

    static func read(_ preferences: SharedPreferences) throws -> ImportEntries {
        // The app's order where tokenOrder gives it, then any token it does not list.
        var order = (preferences["tokenOrder"].flatMap { JSONText.decode(Array($0.utf8)) } as? [String]) ?? []
        order = order.filter { preferences[$0] != nil }
        order += preferences.names.filter { $0 != "tokenOrder" && !order.contains($0) }
        var entries = ImportEntries()
        for name in order {
            guard let object = preferences[name].flatMap({ JSONText.decode(Array($0.utf8)) }) as? JSONObject else {
                entries.skip(issuer: "", account: name, .invalidSecret)
                continue
            }
            try add(object, to: &entries)
        }
        return entries
    }

    /// A Java byte[] as JSON integers, as unsigned bytes.
    static func javaBytes(_ value: Any?) -> [UInt8]? {
        guard let numbers = value as? [Any] else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(numbers.count)
        for number in numbers {
            guard let number = number as? NSNumber, (-128...255).contains(number.intValue) else { return nil }
            bytes.append(UInt8(truncatingIfNeeded: number.intValue))
        }
        return bytes
    }

    static func add(_ token: JSONObject, to entries: inout ImportEntries) throws {
        let issuer = token.string("issuerExt") ?? token.string("issuerInt") ?? ""
        let label = token.string("label") ?? ""
        try entries.add(issuer: issuer, account: label) {
            var kind = try OTPKind(exportName: token.string("type"), app: app)
            if kind == .totp && issuer == "Steam" { kind = .steam }
            guard var secret = javaBytes(token["secret"]), !secret.isEmpty else {
                throw ImportError.malformed(app, reason: .entryWithoutSecret)
            }
            defer { Memory.zero(&secret) }
            var counter: UInt64 = 0
            if kind == .hotp {
                let stored = token.int("counter") ?? 0
                guard stored >= -1, stored < Int.max else {
                    throw ImportError.invalidAccount(.unsupportedParameter(name: "counter", value: String(stored)))
                }
                counter = UInt64(stored + 1)
            }
            return OTPAccount(
                kind: kind, issuer: issuer, account: label, secret: secret,
                algorithm: try hashAlgorithm(token.string("algo")), digits: token.int("digits") ?? 6,
                period: token.int("period") ?? 30, counter: counter)
        }
    }
}
