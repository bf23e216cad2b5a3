// A text file of URIs, one a line: otpauth:// accounts (plain lists, WinAuth, Authenticator Plus's
// Accounts.txt, Ente Auth's plain export) and otpauth-migration:// codes of Google Authenticator exports.
// Tolerated: a UTF-8 byte-order mark, CRLF, blank lines, '#' comments, and zbarimg's "QR-Code:" prefix.
// Each line stands alone: a broken otpauth line is skipped and named, the others import. Migration lines are
// grouped by batch id, so a file may hold several complete exports; each must have all its parts.
import WalletCrypto

enum URIList {
    /// What zbarimg prints before each symbol unless given --raw.
    static let zbarPrefix = "QR-Code:"

    /// The non-blank, non-comment lines with their 1-based numbers, zbarimg's prefix removed.
    static func lines(_ text: String) -> [(number: Int, text: String)] {
        var result: [(number: Int, text: String)] = []
        var text = Substring(text)
        if text.hasPrefix("\u{FEFF}") { text = text.dropFirst() }
        for (index, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            var line = String(raw).trimmingSpaces()
            if line.hasPrefix(zbarPrefix) { line = String(line.dropFirst(zbarPrefix.count)).trimmingSpaces() }
            if line.isEmpty || line.hasPrefix("#") { continue }
            result.append((index + 1, line))
        }
        return result
    }

    static func isURI(_ line: String) -> Bool {
        let lower = line.prefix(GoogleMigration.scheme.count).lowercased()
        return lower.hasPrefix(KeyURI.scheme) || lower.hasPrefix(GoogleMigration.scheme)
    }

    /// The first meaningful line is a URI. (Later lines that are not are skipped and named, not fatal.)
    static func looksLike(_ text: String) -> Bool {
        guard let first = lines(text).first else { return false }
        return isURI(first.text)
    }

    static func read(_ text: String) throws -> ImportedFile {
        var entries = ImportEntries()
        var warnings: [LintFinding] = []
        var batches: [MigrationBatch] = []
        var ente = false
        for (number, line) in lines(text) {
            if line.prefix(GoogleMigration.scheme.count).lowercased() == GoogleMigration.scheme {
                do {
                    batches.append(try GoogleMigration.decode(uri: line))
                } catch {
                    throw ImportError.onLine(number, error)
                }
                continue
            }
            let (account, findings) = KeyURI.analyse(line)
            if let display = EnteDisplay(uri: line) {
                ente = true
                if display.trashed {
                    entries.skip(issuer: account?.issuer ?? "", account: account?.account ?? "", line: number, .trashed)
                    continue
                }
            }
            if let error = findings.first(where: { $0.severity == .error }) {
                let reason: SkippedEntry.Reason
                switch error.problem {
                case .unknownType(let type): reason = .unsupportedType(type)
                case .badBase32, .emptySecret, .noSecret: reason = .invalidSecret
                default: reason = .malformedURI(error.problem)
                }
                let names = account.map { ($0.issuer, $0.account) } ?? labelNames(line)
                entries.skip(issuer: names.0, account: names.1, line: number, reason)
                continue
            }
            guard let account else { continue }
            warnings += findings.map { LintFinding($0.severity, $0.problem, line: number) }
            try entries.add(issuer: account.issuer, account: account.account, line: number) { account }
        }
        let migrated = try GoogleMigration.combineExports(batches)
        entries.append(migrated)
        let format: ImportFormat = batches.isEmpty ? (ente ? .enteAuth : .uris) : .googleMigration
        return ImportedFile(format: format, entries: entries, warnings: warnings)
    }
}

extension URIList {
    /// Issuer and account from a URI's label when the URI itself does not parse (an unknown type such as
    /// otpauth://yandex/…), so the skipped line can still be named.
    static func labelNames(_ line: String) -> (String, String) {
        guard let schemeEnd = line.range(of: "://") else { return ("", "") }
        let rest = line[schemeEnd.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return ("", "") }
        let label = rest[rest.index(after: slash)...].prefix { $0 != "?" }
        let decoded = KeyURI.percentDecode(label, plusIsSpace: false) ?? String(label)
        guard let colon = decoded.firstIndex(of: ":") else { return ("", decoded.trimmingSpaces()) }
        return (
            String(decoded[..<colon]).trimmingSpaces(), String(decoded[decoded.index(after: colon)...]).trimmingSpaces()
        )
    }
}

/// Ente Auth's `codeDisplay` parameter: percent-encoded JSON with the app's display state. Only `trashed`
/// matters to an import; everything else in it is ignored.
struct EnteDisplay {
    var trashed: Bool

    init?(uri: String) {
        guard let question = uri.firstIndex(of: "?") else { return nil }
        for pair in uri[uri.index(after: question)...].split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "codedisplay" else { continue }
            let json = KeyURI.percentDecode(parts[1], plusIsSpace: true).flatMap { JSONText.decode(Array($0.utf8)) }
            trashed = ((json as? JSONObject)?["trashed"] as? Bool) ?? false
            return
        }
        return nil
    }
}
