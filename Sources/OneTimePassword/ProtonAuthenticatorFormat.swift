// Proton Authenticator export: {"version":1, "entries":[{"id", "content":{"uri", "entry_type", "name"},
// "note"}]}. Each entry's content.uri is an ordinary otpauth:// URI.
import WalletCrypto

enum ProtonAuthenticatorFormat {
    static let app = AuthenticatorApp.protonAuthenticator

    static func looksLike(_ json: JSONObject) -> Bool {
        json["entries"] is [Any] && json["version"] != nil && json["header"] == nil
    }

    static func read(_ json: JSONObject) throws -> ImportEntries {
        guard let list = json["entries"] as? [JSONObject] else {
            throw ImportError.malformed(app, reason: .noAccountList("entries"))
        }
        var entries = ImportEntries()
        for entry in list {
            let content = entry.object("content") ?? [:]
            let name = content.string("name") ?? ""
            guard let uri = content.string("uri") else {
                entries.skip(issuer: "", account: name, .invalidSecret)
                continue
            }
            let (account, findings) = KeyURI.analyse(uri)
            if let error = findings.first(where: { $0.severity == .error }) {
                let reason: SkippedEntry.Reason =
                    if case .unknownType(let type) = error.problem { .unsupportedType(type) } else {
                        .malformedURI(error.problem)
                    }
                entries.skip(issuer: account?.issuer ?? "", account: account?.account ?? name, reason)
                continue
            }
            guard let account else { continue }
            try entries.add(issuer: account.issuer, account: account.account) { account }
        }
        return entries
    }
}
