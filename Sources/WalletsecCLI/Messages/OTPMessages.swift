// What the two-factor library's errors and lint findings say: exit status plus the English and Chinese
// text, one exhaustive switch per type, so a new case cannot ship without its words.
import OneTimePassword
import WalletCore

extension OTPError: UserFacingError {
    var userMessage: UserMessage {
        switch self {
        case .badBase32(let position):
            return UserMessage(.usage, text: URIProblem.badBase32(position: position).text)
        case .emptySecret:
            return UserMessage(.usage, text: URIProblem.emptySecret.text)
        case .missingName:
            return UserMessage(.usage, en: "an account needs a name or an issuer", zh: "账户需要账户名或服务名称")
        case .unsupportedParameter(let name, let value):
            return UserMessage(.usage, en: "unsupported \(name) '\(value)'", zh: "不支持的 \(name)“\(value)”")
        case .malformedURI(let problem):
            let reason = problem.text
            return UserMessage(
                .usage, en: "malformed otpauth URI: \(reason.en)", zh: "otpauth URI 格式错误：\(reason.zh)")
        }
    }
}

extension URIProblem {
    /// The finding as `2fa lint` prints it (and as the reason of a malformed URI).
    var text: LocalizedText {
        switch self {
        case .notOTPAuthURI: return LocalizedText(en: "it does not start with otpauth://", zh: "不是以 otpauth:// 开头")
        case .noLabel: return LocalizedText(en: "no label after the type", zh: "类型后缺少标签")
        case .unknownType(let type): return LocalizedText(en: "unknown type '\(type)'", zh: "未知类型“\(type)”")
        case .badLabelEncoding:
            return LocalizedText(en: "bad percent-encoding in the label", zh: "标签的百分号编码错误")
        case .badParameterEncoding:
            return LocalizedText(en: "bad percent-encoding in a parameter", zh: "参数的百分号编码错误")
        case .duplicateParameter(let key):
            return LocalizedText(en: "parameter '\(key)' appears twice", zh: "参数“\(key)”出现两次")
        case .noSecret: return LocalizedText(en: "no secret parameter", zh: "缺少 `secret` 参数")
        case .badBase32(let position):
            return LocalizedText(
                en: "the secret is not valid Base32 (character \(position) is not A-Z or 2-7)",
                zh: "密钥不是有效的 Base32（第 \(position) 个字符不是 A-Z 或 2-7）")
        case .emptySecret: return LocalizedText(en: "the secret is empty", zh: "密钥为空")
        case .unknownAlgorithm(let name): return LocalizedText(en: "unknown algorithm '\(name)'", zh: "未知算法“\(name)”")
        case .badDigits(let text): return LocalizedText(en: "digits '\(text)' outside 6-8", zh: "位数“\(text)”不在 6-8 之间")
        case .badPeriod(let text): return LocalizedText(en: "bad period '\(text)'", zh: "周期“\(text)”无效")
        case .badCounter(let text): return LocalizedText(en: "bad counter '\(text)'", zh: "计数器“\(text)”无效")
        case .hotpWithoutCounter:
            return LocalizedText(en: "an hotp URI needs a counter", zh: "HOTP 的 URI 需要 `counter` 参数")
        case .emptyLabel: return LocalizedText(en: "the label is empty", zh: "标签为空")
        case .noAccount: return LocalizedText(en: "no account", zh: "缺少账户")
        case .shortSecret(let bits):
            return LocalizedText(
                en: "the secret has \(bits) bits, under the recommended 128", zh: "密钥只有 \(bits) 位，低于建议的 128 位")
        case .issuerMismatch(let label, let parameter):
            return LocalizedText(
                en: "issuer mismatch: label says '\(label)', parameter says '\(parameter)' (using the parameter)",
                zh: "服务名称不一致：标签为“\(label)”，参数为“\(parameter)”（采用参数）")
        }
    }
}

extension LintFinding {
    /// The finding's text, prefixed with its line when it has one (import warnings).
    var text: LocalizedText {
        let problem = self.problem.text
        guard let line else { return problem }
        return LocalizedText(en: "line \(line): \(problem.en)", zh: "第 \(line) 行：\(problem.zh)")
    }
}

extension AuthenticatorApp {
    /// The app's name in messages (the same in both languages).
    var displayName: String {
        switch self {
        case .googleAuthenticator: return "Google Authenticator migration"
        case .aegis: return "Aegis"
        case .twoFAS: return "2FAS"
        case .andOTP: return "andOTP"
        case .bitwarden: return "Bitwarden"
        case .protonAuthenticator: return "Proton Authenticator"
        case .steam: return "Steam Desktop Authenticator"
        case .duo: return "Duo Mobile"
        case .battleNet: return "Battle.net Authenticator"
        case .freeOTP: return "FreeOTP"
        case .stratum: return "Stratum (Authenticator Pro)"
        case .totpAuthenticator: return "TOTP Authenticator"
        case .authy: return "Authy"
        case .googleAuthenticatorDatabase: return "Google Authenticator database"
        case .microsoftAuthenticator: return "Microsoft Authenticator"
        case .authenticatorPlus: return "Authenticator Plus"
        }
    }
}

extension ImportError: UserFacingError {
    var userMessage: UserMessage {
        switch self {
        case .unknownFormat:
            return UserMessage(
                .usage,
                en:
                    "unknown import format: this database or archive is not one walletsec reads (Google or Microsoft Authenticator, Stratum, Authenticator Plus; `2fa import --help` lists every app)",
                zh:
                    "无法识别的导入格式：该数据库或压缩包不属于 walletsec 能读取的应用（Google 或 Microsoft Authenticator、Stratum、Authenticator Plus；`2fa import --help` 列出所有应用）"
            )
        case .unrecognised(let tried):
            let names = tried.map(\.rawValue).joined(separator: ", ")
            return UserMessage(
                .usage, en: "unknown import format; tried: \(names) (`2fa import --help` lists every app)",
                zh: "无法识别的导入格式；已尝试：\(names)（`2fa import --help` 列出所有应用）")
        case .truncatedJSON:
            return UserMessage(
                .integrity,
                en: "the file looks like a JSON export but is truncated or corrupted; nothing was imported",
                zh: "该文件像是 JSON 导出文件，但已截断或损坏，未导入任何内容")
        case .wrongPassword(let app):
            let name = app.displayName
            return UserMessage(
                .authentication, en: "wrong import password for this \(name) file", zh: "这个 \(name) 导出文件的密码不对")
        case .wrongPasswordOrDamaged(let app):
            let name = app.displayName
            return UserMessage(
                .authentication,
                en:
                    "wrong import password for this \(name) file (or the file is damaged: \(name) cannot tell the two apart)",
                zh: "这个 \(name) 导出文件的密码不对（也可能是文件已损坏：\(name) 格式无法区分这两种情况）")
        case .corrupted(let app):
            let name = app.displayName
            return UserMessage(
                .integrity, en: "the \(name) file is truncated or corrupted; nothing was imported",
                zh: "\(name) 文件已截断或损坏，未导入任何内容")
        case .malformed(let app, let reason):
            let name = app.displayName
            let text = reason.text
            return UserMessage(.usage, en: "malformed \(name) file: \(text.en)", zh: "\(name) 文件格式错误：\(text.zh)")
        case .noPasswordSlot:
            return UserMessage(
                .usage,
                en: "this Aegis vault has no password slot (only biometric or raw keys); export it with a password",
                zh: "该 Aegis 保险库没有密码槽（只有生物识别或原始密钥），请设置密码后再导出")
        case .keyDerivationOutOfRange(let app):
            return UserMessage(
                .usage,
                en: "this \(app.displayName) export asks for a far costlier key derivation than the app uses; refused",
                zh: "该 \(app.displayName) 导出文件要求的密钥派生强度远超该应用的正常取值，已拒绝")
        case .unsupportedEntryType(let app, let type):
            return OTPError.unsupportedParameter(name: "\(app.displayName) entry type", value: type).userMessage
        case .unsupportedEncryption(let app, .passwordProtectedExport):
            let name = app.displayName
            return UserMessage(
                .usage,
                en: "this \(name) export is password-protected, which walletsec cannot read; export it unencrypted",
                zh: "该 \(name) 导出文件受密码保护，walletsec 无法读取；请导出为未加密文件")
        case .invalidAccount(let error):
            return error.userMessage
        case .unsupportedEncryption(let app, .argon2idParallelLanes):
            let name = app.displayName
            return UserMessage(
                .usage,
                en:
                    "this encrypted \(name) backup needs Argon2id with parallel lanes, which walletsec's crypto libraries lack; export it unencrypted (or in the legacy encrypted format) and import that",
                zh: "该加密的 \(name) 备份需要多通道并行的 Argon2id，walletsec 使用的加密库不支持；请以不加密（或旧版加密格式）重新导出后再导入")
        case .unsupportedEncryption(let app, .unknownScheme(let scheme)):
            let name = app.displayName
            return UserMessage(
                .usage, en: "this \(name) file is encrypted with \"\(scheme)\", which walletsec does not read",
                zh: "该 \(name) 文件使用“\(scheme)”加密，walletsec 无法读取")
        case .onLine(let line, let error):
            let inner = error.userMessage
            return UserMessage(
                inner.status, en: "line \(line): \(inner.text.en)", zh: "第 \(line) 行：\(inner.text.zh)")
        }
    }
}

extension ImportError.MalformedReason {
    var text: LocalizedText {
        switch self {
        case .noEntriesList: return LocalizedText(en: "no entries list", zh: "缺少 `entries` 列表")
        case .entryWithoutInfo: return LocalizedText(en: "an entry has no info", zh: "某个条目缺少 `info`")
        case .entryNotObject: return LocalizedText(en: "an entry is not an object", zh: "某个条目不是对象")
        case .noServicesList: return LocalizedText(en: "no services list", zh: "缺少 `services` 列表")
        case .entryWithoutSecret: return LocalizedText(en: "an entry has no secret", zh: "某个条目缺少密钥")
        case .noAccountList(let key):
            return LocalizedText(en: "no '\(key)' list of accounts", zh: "缺少账户列表“\(key)”")
        case .notMigrationURI:
            return LocalizedText(
                en: "expected otpauth-migration://offline?data=", zh: "应为 otpauth-migration://offline?data=")
        case .noDataParameter: return LocalizedText(en: "no data parameter", zh: "缺少 `data` 参数")
        case .dataNotBase64: return LocalizedText(en: "the data parameter is not Base64", zh: "`data` 参数不是 Base64")
        case .protobufMalformed: return LocalizedText(en: "the protobuf payload is malformed", zh: "protobuf 数据格式错误")
        case .inconsistentBatchNumbers: return LocalizedText(en: "inconsistent batch numbers", zh: "批次编号不一致")
        case .mixedExports(let count):
            return LocalizedText(
                en: "the codes come from \(count) different exports (batch ids differ)",
                zh: "这些二维码来自 \(count) 次不同的导出（批次 ID 不同）")
        case .batchSizesDisagree:
            return LocalizedText(en: "the parts disagree on the batch size", zh: "各部分的批次数量不一致")
        case .duplicatePart(let part, let size):
            return LocalizedText(en: "part \(part) of \(size) appears twice", zh: "第 \(part)/\(size) 部分重复")
        case .missingParts(let parts, let size, let batchID):
            let names = parts.map(String.init).joined(separator: ", ")
            return LocalizedText(
                en: "missing part(s) \(names) of \(size) (batch id \(batchID))",
                zh: "缺少第 \(names) 部分（共 \(size) 部分，批次 ID \(batchID)）")
        case .noAccountsTable:
            return LocalizedText(en: "the database has no accounts table", zh: "数据库中没有账户表")
        case .noAccountsFile:
            return LocalizedText(en: "the archive has no Accounts.txt", zh: "压缩包中没有 Accounts.txt")
        case .tooManyEntries:
            return LocalizedText(
                en: "more than 10000 entries (not an authenticator export)", zh: "条目超过 10000 个（不是验证器导出文件）")
        }
    }
}

extension SkippedEntry {
    /// "Bank:bob (line 3): unsupported type 'yandex'", as import prints each entry it left out.
    var text: LocalizedText {
        var name = OTPAccount.displayName(issuer: issuer, account: account)
        if name.isEmpty { name = "?" }
        let why = reason.text
        guard let line else { return LocalizedText(en: "\(name): \(why.en)", zh: "\(name)：\(why.zh)") }
        return LocalizedText(en: "\(name) (line \(line)): \(why.en)", zh: "\(name)（第 \(line) 行）：\(why.zh)")
    }
}

extension SkippedEntry.Reason {
    /// The reason as `--json` names it.
    var code: String {
        switch self {
        case .unsupportedType: return "unsupported_type"
        case .invalidSecret: return "invalid_secret"
        case .duplicate: return "duplicate"
        case .invalidParameters: return "invalid_parameters"
        case .malformedURI: return "malformed_uri"
        case .trashed: return "trashed"
        }
    }

    var text: LocalizedText {
        switch self {
        case .unsupportedType(let type):
            return LocalizedText(
                en: "unsupported type '\(type)' (walletsec computes TOTP, HOTP and Steam codes)",
                zh: "不支持的类型“\(type)”（walletsec 支持 TOTP、HOTP 和 Steam）")
        case .invalidSecret: return LocalizedText(en: "the secret is missing or not decodable", zh: "密钥缺失或无法解码")
        case .duplicate:
            return LocalizedText(
                en: "the same account appears earlier in the file", zh: "文件中前面已有相同的账户")
        case .invalidParameters:
            return LocalizedText(
                en: "unsupported algorithm, digits or period", zh: "不支持的算法、位数或周期")
        case .malformedURI(let problem):
            let reason = problem.text
            return LocalizedText(en: "malformed otpauth URI: \(reason.en)", zh: "otpauth URI 格式错误：\(reason.zh)")
        case .trashed: return LocalizedText(en: "in Ente Auth's trash", zh: "位于 Ente Auth 的回收站中")
        }
    }
}

extension UserMessage {
    fileprivate init(_ status: ExitStatus, text: LocalizedText) {
        self.init(status, en: text.en, zh: text.zh)
    }
}

extension RejectionReason {
    /// Why a code was refused, as `2fa verify` and `2fa enroll` say it; `digits` is the account's code length.
    func text(digits: Int) -> LocalizedText {
        switch self {
        case .replay:
            // Most often the code just typed to enroll or to verify, typed again within its 30 seconds.
            return LocalizedText(
                en: "this code was already used; wait for the next one", zh: "此验证码已使用过，请等待下一个验证码")
        case .wrongCode:
            return LocalizedText(
                en: "wrong code (check the phone's clock, and that it is this account's code)",
                zh: "验证码不正确（请检查手机时间，并确认是此账户的验证码）")
        case .malformed:
            return LocalizedText(en: "expected \(digits) characters", zh: "应为 \(digits) 位")
        }
    }
}
