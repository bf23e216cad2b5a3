// Bitwarden vault export, JSON ({"encrypted":false, "items":[{name, login:{username, totp}}]}) and CSV
// (header folder,favorite,type,name,notes,fields,login_uri,login_username,login_password,login_totp).
// Only items with a TOTP field are accounts. The field holds an otpauth:// URI, a steam://SECRET (Steam Guard)
// or a bare Base32 secret (TOTP with the defaults). A password-protected JSON export is refused whole.
import WalletCrypto

enum BitwardenFormat {
    static let app = AuthenticatorApp.bitwarden
    static let csvHeader = "folder,favorite,type,name"

    static func looksLike(_ json: JSONObject) -> Bool { json["items"] is [Any] && json["encrypted"] != nil }

    static func read(_ json: JSONObject) throws -> ImportEntries {
        if json["encrypted"] as? Bool == true {
            throw ImportError.unsupportedEncryption(app, reason: .passwordProtectedExport)
        }
        guard let items = json["items"] as? [JSONObject] else {
            throw ImportError.malformed(app, reason: .noAccountList("items"))
        }
        var entries = ImportEntries()
        for item in items {
            let login = item.object("login") ?? [:]
            guard let totp = login.string("totp")?.trimmingSpaces(), !totp.isEmpty else { continue }
            try add(totp, name: item.string("name") ?? "", username: login.string("username") ?? "", to: &entries)
        }
        return entries
    }

    static func looksLikeCSV(_ text: String) -> Bool {
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r" }
        return firstLine.hasPrefix(csvHeader) && firstLine.contains("login_totp")
    }

    static func readCSV(_ text: String) throws -> ImportEntries {
        let rows = CSVRows.parse(text)
        guard let header = rows.first, let totpColumn = header.firstIndex(of: "login_totp") else {
            throw ImportError.malformed(app, reason: .noAccountList("login_totp"))
        }
        let nameColumn = header.firstIndex(of: "name")
        let userColumn = header.firstIndex(of: "login_username")
        func field(_ row: [String], _ column: Int?) -> String {
            guard let column, column < row.count else { return "" }
            return row[column]
        }
        var entries = ImportEntries()
        for (index, row) in rows.enumerated().dropFirst() {
            let totp = field(row, totpColumn).trimmingSpaces()
            guard !totp.isEmpty else { continue }
            try add(
                totp, name: field(row, nameColumn), username: field(row, userColumn), line: index + 1, to: &entries)
        }
        return entries
    }

    /// One TOTP field: a URI, steam://SECRET, or a bare secret; `name`/`username` name it when the field does not.
    static func add(_ totp: String, name: String, username: String, line: Int? = nil, to entries: inout ImportEntries)
        throws
    {
        if totp.lowercased().hasPrefix(KeyURI.scheme) {
            let (account, findings) = KeyURI.analyse(totp)
            if let error = findings.first(where: { $0.severity == .error }) {
                entries.skip(issuer: name, account: username, line: line, .malformedURI(error.problem))
                return
            }
            guard let account else { return }
            try entries.add(issuer: account.issuer, account: account.account, line: line) { account }
            return
        }
        let isSteam = totp.lowercased().hasPrefix("steam://")
        let secretText = isSteam ? String(totp.dropFirst("steam://".count)) : totp
        let issuer = isSteam ? "Steam" : name
        let accountName = isSteam ? (username.isEmpty ? name : username) : username
        try entries.add(issuer: issuer, account: accountName, line: line) {
            OTPAccount(
                kind: isSteam ? .steam : .totp, issuer: issuer, account: accountName,
                secret: try decodeSecret(secretText.replacingSpaces(), app: app))
        }
    }
}

extension String {
    /// Without spaces (secrets are often shown in groups of four).
    func replacingSpaces() -> String { String(filter { $0 != " " }) }
}

/// RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks; CRLF or LF ends a record.
enum CSVRows {
    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field: [UInt8] = []
        var quoted = false
        var bytes = Array(text.utf8)[...]
        func endField() {
            row.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
        }
        while let byte = bytes.popFirst() {
            if quoted {
                if byte == 0x22 {
                    if bytes.first == 0x22 {
                        field.append(0x22)
                        bytes = bytes.dropFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case 0x22 where field.isEmpty: quoted = true
            case 0x2C: endField()
            case 0x0D: continue
            case 0x0A:
                endField()
                rows.append(row)
                row = []
            default: field.append(byte)
            }
        }
        if !field.isEmpty || !row.isEmpty {
            endField()
            rows.append(row)
        }
        return rows
    }
}
