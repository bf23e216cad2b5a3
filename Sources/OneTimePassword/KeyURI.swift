// The otpauth:// Key URI Format (Google Authenticator wiki): parse, build, and lint.
import WalletCrypto

/// One problem `KeyURI.lint` found, with its severity; `line` is set for findings from a file of URIs.
public struct LintFinding: Sendable, Equatable {
    /// Errors make `KeyURI.parse` throw; warnings come back beside the account.
    public enum Severity: String, Sendable, Codable {
        case warning
        case error
    }

    /// Error or warning.
    public var severity: Severity
    /// What is wrong.
    public var problem: URIProblem
    /// The 1-based line of an import file, when the finding comes from one.
    public var line: Int?

    package init(_ severity: Severity, _ problem: URIProblem, line: Int? = nil) {
        self.severity = severity
        self.problem = problem
        self.line = line
    }
}

/// The otpauth:// Key URI Format: parse, lint and build.
///
/// ```swift
/// let (account, warnings) = try KeyURI.parse("otpauth://totp/Wallet:alice?secret=JBSWY3DPEHPK3PXP&issuer=Wallet")
/// KeyURI.build(account)            // the URI again, parameters in the order apps expect
/// KeyURI.lint("otpauth://totp/x")  // [LintFinding(severity: .error, problem: .noSecret)]
/// ```
public enum KeyURI {
    /// The URI scheme, with its `//`.
    public static let scheme = "otpauth://"

    /// Parses and lints; throws the first error finding as ``OTPError/malformedURI(_:)``, returns warnings
    /// alongside the account.
    public static func parse(_ text: String) throws(OTPError) -> (account: OTPAccount, warnings: [LintFinding]) {
        let (account, findings) = analyse(text)
        if let error = findings.first(where: { $0.severity == .error }) { throw .malformedURI(error.problem) }
        guard let account else { throw .malformedURI(.noAccount) }
        return (account, findings)
    }

    /// Every problem found, errors and warnings, without throwing for URI content.
    public static func lint(_ text: String) -> [LintFinding] {
        analyse(text).findings
    }

    /// Lints a file of URIs, one a line; blank lines and `#` comments are skipped. Findings carry their line.
    public static func lint(lines text: String) -> [LintFinding] {
        var findings: [LintFinding] = []
        for (index, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = String(raw).trimmingSpaces()
            if line.isEmpty || line.hasPrefix("#") { continue }
            findings += lint(line).map { LintFinding($0.severity, $0.problem, line: index + 1) }
        }
        return findings
    }

    static func analyse(_ raw: String) -> (account: OTPAccount?, findings: [LintFinding]) {
        let text = raw.trimmingSpaces()
        guard text.lowercased().hasPrefix(scheme) else { return (nil, [LintFinding(.error, .notOTPAuthURI)]) }
        var findings: [LintFinding] = []
        let rest = text.dropFirst(scheme.count)
        guard let slash = rest.firstIndex(of: "/") else { return (nil, [LintFinding(.error, .noLabel)]) }
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
            return (nil, [LintFinding(.error, .unknownType(typeText))])
        }
        // The separator is a literal ':' (what we write; an issuer's own colon is then %3A) or, failing
        // that, an encoded one.
        let badLabel = LintFinding(.error, .badLabelEncoding)
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
                return (nil, [LintFinding(.error, .badParameterEncoding)])
            }
            if parameters[key] != nil {
                findings.append(LintFinding(.error, .duplicateParameter(key)))
            }
            parameters[key] = value
        }
        if parameters["encoder"]?.lowercased() == "steam" { kind = .steam }

        var secret: [UInt8] = []
        if let secretText = parameters["secret"], !secretText.isEmpty {
            do {
                secret = try Base32.decode(secretText)
            } catch {
                switch error {
                case .invalidCharacter(let position):
                    findings.append(LintFinding(.error, .badBase32(position: position)))
                case .empty: findings.append(LintFinding(.error, .emptySecret))
                }
            }
        } else {
            findings.append(LintFinding(.error, .noSecret))
        }
        if !secret.isEmpty && secret.count < 16 {
            findings.append(LintFinding(.warning, .shortSecret(bits: secret.count * 8)))
        }
        var issuer = labelIssuer ?? ""
        if let issuerParameter = parameters["issuer"] {
            if let labelIssuer, !labelIssuer.isEmpty, labelIssuer != issuerParameter {
                findings.append(
                    LintFinding(.warning, .issuerMismatch(label: labelIssuer, parameter: issuerParameter)))
            }
            issuer = issuerParameter
        }
        var algorithm = HashAlgorithm.sha1
        if let name = parameters["algorithm"] {
            if let known = HashAlgorithm(rawValue: name.uppercased()) {
                algorithm = known
            } else {
                findings.append(LintFinding(.error, .unknownAlgorithm(name)))
            }
        }
        var digits = kind == .steam ? 5 : 6
        if let text = parameters["digits"] {
            if let value = Int(text), kind == .steam ? value == 5 : (6...8).contains(value) {
                digits = value
            } else {
                findings.append(LintFinding(.error, .badDigits(text)))
            }
        }
        var period = 30
        if let text = parameters["period"] {
            if let value = Int(text), value > 0, value <= 86_400 {
                period = value
            } else {
                findings.append(LintFinding(.error, .badPeriod(text)))
            }
        }
        var counter: UInt64 = 0
        if let text = parameters["counter"] {
            if let value = UInt64(text), value <= UInt64(Int64.max) {
                counter = value
            } else {
                findings.append(LintFinding(.error, .badCounter(text)))
            }
        } else if kind == .hotp {
            findings.append(LintFinding(.error, .hotpWithoutCounter))
        }
        if accountName.isEmpty && issuer.isEmpty {
            findings.append(LintFinding(.error, .emptyLabel))
        }
        let account = OTPAccount(
            kind: kind, issuer: issuer, account: accountName, secret: secret, algorithm: algorithm, digits: digits,
            period: period, counter: counter)
        Memory.zero(&secret)
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

    /// Percent-encodes all but RFC 3986 unreserved characters and `@`.
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
    static func percentDecode<S: StringProtocol>(_ text: S, plusIsSpace: Bool) -> String? {
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
    package func trimmingSpaces() -> String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}
