// Words and times for human output: what a vault table is called in each language (JSON keeps the table names)
// and stored UTC timestamps shown in the local zone, never as raw UTC.
import Foundation
import WalletCore

enum HumanText {
    /// The reader's name for a counted vault table (`otp_accounts` → "2FA accounts" / "双重验证账户").
    static func tableLabel(_ table: String, _ language: Language) -> String {
        let zh = language == .zh
        switch table {
        case "otp_accounts": return zh ? "双重验证账户" : "2FA accounts"
        case "recovery_codes": return zh ? "恢复码" : "recovery codes"
        case "device_identities": return zh ? "设备密钥" : "device keys"
        case "transactions": return zh ? "账单交易记录" : "statement transactions"
        case "alert_acks": return zh ? "已忽略的告警" : "acknowledged alerts"
        case "settings": return zh ? "设置" : "settings"
        case "meta": return zh ? "保险库信息" : "vault information"
        case "key_slots": return zh ? "密钥槽" : "key slots"
        case "otp_enrollments": return zh ? "未完成的双重验证添加" : "unfinished 2FA enrollments"
        default: return table
        }
    }

    /// Count lines under a heading, each table named for the reader, aligned.
    static func countLines(_ counts: [String: Int], _ language: Language) -> [String] {
        let known = ["otp_accounts", "recovery_codes", "device_identities", "transactions", "alert_acks"]
        let order = known.filter { counts[$0] != nil } + counts.keys.filter { !known.contains($0) }.sorted()
        let rows = order.map { (tableLabel($0, language), counts[$0] ?? 0) }
        let width = rows.map { DisplayWidth.of($0.0) }.max() ?? 0
        return rows.map { label, count in
            let pad = String(repeating: " ", count: width - DisplayWidth.of(label))
            return "  \(label)\(language == .zh ? "：" : ": ")\(pad)\(count)"
        }
    }

    /// An ISO 8601 UTC timestamp (`2026-12-02T05:25:55Z`) in the local zone: `2026-12-02 13:25:55 (UTC+08:00)`,
    /// in Chinese `2026-12-02 13:25:55（北京时间）` at +08:00; text that is not such a timestamp is returned unchanged.
    static func localTime(_ iso: String, _ language: Language) -> String {
        let parser = ISO8601DateFormatter()
        parser.formatOptions = [.withInternetDateTime]
        var date = parser.date(from: iso)
        if date == nil {
            parser.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            date = parser.date(from: iso)
        }
        guard let date else { return iso }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone.current
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        let seconds = TimeZone.current.secondsFromGMT(for: date)
        let sign = seconds < 0 ? "-" : "+"
        let offset = String(format: "%@%02d:%02d", sign, abs(seconds) / 3600, abs(seconds) % 3600 / 60)
        if language == .zh {
            return formatter.string(from: date) + (seconds == 8 * 3600 ? "（北京时间）" : "（UTC\(offset)）")
        }
        return "\(formatter.string(from: date)) (UTC\(offset))"
    }
}
