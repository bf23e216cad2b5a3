// Recognises an import file by its content (not its name) and reads every account in it, or fails whole.
import WalletCore
import WalletCrypto

public enum ImportFormat: String, Sendable, Codable {
    case uris
    case googleMigration = "google_migration"
    case aegis
    case aegisEncrypted = "aegis_encrypted"
    case twoFAS = "2fas"
    case twoFASEncrypted = "2fas_encrypted"
    case andOTP = "andotp"
    case andOTPEncrypted = "andotp_encrypted"
}

public struct ImportedFile: Sendable {
    public var format: ImportFormat
    public var accounts: [OTPAccount]
    public var warnings: [LintFinding]
}

public enum OTPImporter {
    /// - Parameter password: asked only when the file turns out to be encrypted.
    public static func read(_ bytes: [UInt8], password: () throws -> SecureBytes) throws -> ImportedFile {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            if AndOTPFormat.looksEncrypted(bytes) {
                return ImportedFile(
                    format: .andOTPEncrypted, accounts: try AndOTPFormat.readEncrypted(bytes, password: password),
                    warnings: [])
            }
            throw OTPError.unknownFormat
        }
        let trimmed = text.trimmingSpaces()
        let firstLine = trimmed.split(whereSeparator: \.isNewline).first { !$0.hasPrefix("#") } ?? ""
        let lower = firstLine.prefix(24).lowercased()
        if lower.hasPrefix(GoogleMigration.scheme) || lower.hasPrefix(KeyURI.scheme) {
            return try readLines(trimmed)
        }
        if trimmed.hasPrefix("{") || trimmed.hasPrefix("[") {
            guard let json = JSONText.decode(bytes) else {
                // A JSON export cut short or damaged in transit.
                throw WalletError.integrity(
                    en: "the file looks like a JSON export but is truncated or corrupted; nothing was imported",
                    zh: "该文件像是 JSON 导出文件，但已截断或损坏，未导入任何内容")
            }
            if let object = json as? JSONObject {
                if AegisFormat.looksLike(object) {
                    let encrypted = AegisFormat.isEncrypted(object)
                    return ImportedFile(
                        format: encrypted ? .aegisEncrypted : .aegis,
                        accounts: try AegisFormat.read(object, password: password), warnings: [])
                }
                if TwoFASFormat.looksLike(object) {
                    let encrypted = TwoFASFormat.isEncrypted(object)
                    return ImportedFile(
                        format: encrypted ? .twoFASEncrypted : .twoFAS,
                        accounts: try TwoFASFormat.read(object, password: password), warnings: [])
                }
            } else if let list = json as? [Any], AndOTPFormat.looksLike(list) {
                return ImportedFile(format: .andOTP, accounts: try AndOTPFormat.read(list), warnings: [])
            }
        }
        // Binary andOTP files are rarely valid UTF-8, but one could be.
        if AndOTPFormat.looksEncrypted(bytes) && !trimmed.hasPrefix("{") && !trimmed.hasPrefix("[")
            && bytes.count >= AndOTPFormat.headerLength + AESGCM.tagLength && bytes[0] == 0
        {
            return ImportedFile(
                format: .andOTPEncrypted, accounts: try AndOTPFormat.readEncrypted(bytes, password: password),
                warnings: [])
        }
        throw OTPError.unknownFormat
    }

    /// One URI a line: otpauth:// accounts and/or the parts of one Google Authenticator export.
    /// Blank lines and lines starting with '#' are skipped; errors name the line.
    static func readLines(_ text: String) throws -> ImportedFile {
        var accounts: [OTPAccount] = []
        var warnings: [LintFinding] = []
        var batches: [MigrationBatch] = []
        for (index, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = String(rawLine).trimmingSpaces()
            if line.isEmpty || line.hasPrefix("#") { continue }
            do {
                if line.lowercased().hasPrefix(GoogleMigration.scheme) {
                    batches.append(try GoogleMigration.decode(uri: line))
                } else {
                    let parsed = try KeyURI.parse(line)
                    accounts.append(parsed.account)
                    warnings += parsed.warnings.map {
                        LintFinding(
                            .warning, en: "line \(index + 1): \($0.message.en)", zh: "第 \(index + 1) 行：\($0.message.zh)"
                        )
                    }
                }
            } catch let error as WalletError {
                throw WalletError(
                    error.status, en: "line \(index + 1): \(error.message.en)",
                    zh: "第 \(index + 1) 行：\(error.message.zh)")
            }
        }
        accounts += try GoogleMigration.combine(batches)
        let format: ImportFormat = batches.isEmpty ? .uris : .googleMigration
        return ImportedFile(format: format, accounts: accounts, warnings: warnings)
    }
}
