// The otpauth:// Key URI Format (Google Authenticator wiki): parse, build, and lint.
import WalletCore
import WalletCrypto

public struct LintFinding: Sendable, Equatable, Codable {
    public enum Severity: String, Sendable, Codable {
        case warning
        case error
    }

    public var severity: Severity
    public var message: LocalizedText

    init(_ severity: Severity, en: String, zh: String) {
        self.severity = severity
        self.message = LocalizedText(en: en, zh: zh)
    }
}

public enum KeyURI {
    public static let scheme = "otpauth://"

    /// Parses and lints; throws the first error finding (exit 2), returns warnings alongside the account.
    public static func parse(_ text: String) throws -> (account: OTPAccount, warnings: [LintFinding]) {
        let (account, findings) = try analyse(text)
        if let error = findings.first(where: { $0.severity == .error }) {
            throw WalletError(
                .usage, en: "malformed otpauth URI: \(error.message.en)", zh: "otpauth URI 格式错误：\(error.message.zh)")
        }
        guard let account else { throw OTPError.malformedURI("no account", zh: "缺少账户") }
        return (account, findings)
    }

    /// Every problem found, errors and warnings, without throwing for URI content.
    public static func lint(_ text: String) -> [LintFinding] {
        (try? analyse(text).findings) ?? [LintFinding(.error, en: "not an otpauth URI", zh: "不是 otpauth URI")]
    }

    static func analyse(_ raw: String) throws -> (account: OTPAccount?, findings: [LintFinding]) {
        let text = raw.trimmingSpaces()
        guard text.lowercased().hasPrefix(scheme) else {
            return (nil, [LintFinding(.error, en: "it does not start with otpauth://", zh: "不是以 otpauth:// 开头")])
        }
        var findings: [LintFinding] = []
        let rest = text.dropFirst(scheme.count)
        guard let slash = rest.firstIndex(of: "/") else {
            return (nil, [LintFinding(.error, en: "no label after the type", zh: "类型后缺少标签")])
        }
        let typeText = rest[..<slash].lowercased()
        let afterType = rest[rest.index(after: slash)...]
        let labelPart: Substring
        let queryPart: Substring
        if let question = afterType.firstIndex(of: "?") {
            labelPart = afterType[..<question]
            queryPart = afterType[afterType.index(after: question)...]
        } else {
            labelPart = afterType
            queryPart = ""
        }
        var kind: OTPKind
        switch typeText {
        case "totp": kind = .totp
        case "hotp": kind = .hotp
        case "steam": kind = .steam
        default:
            return (nil, [LintFinding(.error, en: "unknown type '\(typeText)'", zh: "未知类型“\(typeText)”")])
        }
        // The separator is a literal ':' (what we write; an issuer's own colon is then %3A) or, failing
        // that, an encoded one.
        let badLabel = LintFinding(.error, en: "bad percent-encoding in the label", zh: "标签的百分号编码错误")
        var labelIssuer: String?
        var accountName: String
        if let colon = labelPart.firstIndex(of: ":") {
            guard let issuerText = percentDecode(labelPart[..<colon], plusIsSpace: false),
                let nameText = percentDecode(labelPart[labelPart.index(after: colon)...], plusIsSpace: false)
            else { return (nil, [badLabel]) }
            labelIssuer = issuerText.trimmingSpaces()
            accountName = nameText.trimmingSpaces()
        } else {
            guard let label = percentDecode(labelPart, plusIsSpace: false) else { return (nil, [badLabel]) }
            accountName = label
            if let colon = label.firstIndex(of: ":") {
                labelIssuer = String(label[..<colon]).trimmingSpaces()
                accountName = String(label[label.index(after: colon)...]).trimmingSpaces()
            }
        }
        var parameters: [String: String] = [:]
        for pair in queryPart.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let key = percentDecode(parts[0], plusIsSpace: true)?.lowercased(),
                let value = percentDecode(parts.count > 1 ? parts[1] : "", plusIsSpace: true)
            else {
                return (nil, [LintFinding(.error, en: "bad percent-encoding in a parameter", zh: "参数的百分号编码错误")])
            }
            if parameters[key] != nil {
                findings.append(LintFinding(.error, en: "parameter '\(key)' appears twice", zh: "参数“\(key)”出现两次"))
            }
            parameters[key] = value
        }
        if parameters["encoder"]?.lowercased() == "steam" { kind = .steam }

        var secret: [UInt8] = []
        if let secretText = parameters["secret"], !secretText.isEmpty {
            do {
                secret = try Base32.decode(secretText)
            } catch let error as WalletError {
                findings.append(LintFinding(.error, en: error.message.en, zh: error.message.zh))
            }
        } else {
            findings.append(LintFinding(.error, en: "no secret parameter", zh: "缺少 secret 参数"))
        }
        if !secret.isEmpty && secret.count < 16 {
            findings.append(
                LintFinding(
                    .warning, en: "the secret has \(secret.count * 8) bits, under the recommended 128",
                    zh: "密钥只有 \(secret.count * 8) 位，低于建议的 128 位"))
        }
        var issuer = labelIssuer ?? ""
        if let issuerParameter = parameters["issuer"] {
            if let labelIssuer, !labelIssuer.isEmpty, labelIssuer != issuerParameter {
                findings.append(
                    LintFinding(
                        .warning,
                        en:
                            "issuer mismatch: label says '\(labelIssuer)', parameter says '\(issuerParameter)' (using the parameter)",
                        zh: "发行方不一致：标签为“\(labelIssuer)”，参数为“\(issuerParameter)”（采用参数）"))
            }
            issuer = issuerParameter
        }
        var algorithm = HashAlgorithm.sha1
        if let name = parameters["algorithm"] {
            if let known = HashAlgorithm(rawValue: name.uppercased()) {
                algorithm = known
            } else {
                findings.append(LintFinding(.error, en: "unknown algorithm '\(name)'", zh: "未知算法“\(name)”"))
            }
        }
        var digits = kind == .steam ? 5 : 6
        if let text = parameters["digits"] {
            if let value = Int(text), kind == .steam ? value == 5 : (6...8).contains(value) {
                digits = value
            } else {
                findings.append(
                    LintFinding(.error, en: "digits '\(text)' outside 6-8", zh: "位数“\(text)”不在 6-8 之间"))
            }
        }
        var period = 30
        if let text = parameters["period"] {
            if let value = Int(text), value > 0, value <= 86_400 {
                period = value
            } else {
                findings.append(LintFinding(.error, en: "bad period '\(text)'", zh: "周期“\(text)”无效"))
            }
        }
        var counter: UInt64 = 0
        if let text = parameters["counter"] {
            if let value = UInt64(text), value <= UInt64(Int64.max) {
                counter = value
            } else {
                findings.append(LintFinding(.error, en: "bad counter '\(text)'", zh: "计数器“\(text)”无效"))
            }
        } else if kind == .hotp {
            findings.append(LintFinding(.error, en: "an hotp URI needs a counter", zh: "hotp URI 需要 counter 参数"))
        }
        if accountName.isEmpty && issuer.isEmpty {
            findings.append(LintFinding(.error, en: "the label is empty", zh: "标签为空"))
        }
        let account = OTPAccount(
            kind: kind, issuer: issuer, account: accountName, secret: secret, algorithm: algorithm, digits: digits,
            period: period, counter: counter)
        return (account, findings)
    }

    /// The URI for `account`: label `issuer:account`, parameters in the order apps expect.
    public static func build(_ account: OTPAccount) -> String {
        let type = account.kind.rawValue
        var label = percentEncode(account.account)
        if !account.issuer.isEmpty { label = percentEncode(account.issuer) + ":" + label }
        var query = "secret=\(Base32.encode(account.secret))"
        if !account.issuer.isEmpty { query += "&issuer=\(percentEncode(account.issuer))" }
        if account.kind != .steam {
            query += "&algorithm=\(account.algorithm.rawValue)&digits=\(account.digits)"
        }
        if account.kind == .hotp {
            query += "&counter=\(account.counter)"
        } else {
            query += "&period=\(account.period)"
        }
        return "\(scheme)\(type)/\(label)?\(query)"
    }

    static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x41...0x5a, 0x61...0x7a, 0x30...0x39, 0x2d, 0x2e, 0x5f, 0x7e, 0x40: return true
        default: return false
        }
    }

    public static func percentEncode(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        for byte in text.utf8 {
            if isUnreserved(byte) {
                out.append(byte)
            } else {
                out += [0x25, hex[Int(byte >> 4)], hex[Int(byte & 0xf)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// nil on a malformed escape or invalid UTF-8.
    public static func percentDecode<S: StringProtocol>(_ text: S, plusIsSpace: Bool) -> String? {
        var out: [UInt8] = []
        var bytes = Array(text.utf8)[...]
        while let byte = bytes.popFirst() {
            if byte == 0x25 {
                guard bytes.count >= 2, let high = hexValue(bytes.removeFirst()),
                    let low = hexValue(bytes.removeFirst())
                else { return nil }
                out.append(high << 4 | low)
            } else if byte == 0x2b && plusIsSpace {
                out.append(0x20)
            } else {
                out.append(byte)
            }
        }
        return String(validating: out, as: UTF8.self)
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: return byte - 0x30
        case 0x41...0x46: return byte - 0x41 + 10
        case 0x61...0x66: return byte - 0x61 + 10
        default: return nil
        }
    }
}

extension String {
    /// Without leading and trailing whitespace (Foundation-free, for labels and lines).
    public func trimmingSpaces() -> String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}
