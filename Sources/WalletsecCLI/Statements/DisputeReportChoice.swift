// Which alerts `scan --report` covers (--report-alerts ID,ID, else every alert at medium or
// above) and the report's "generated" time in the machine's local zone.
import Anomaly
import Statements

#if canImport(Glibc)
    import Glibc
#endif

enum DisputeReportChoice {
    /// The alerts named by a comma-separated id list, in the scan's order; an id the scan did not
    /// produce is a usage error (exit 2), so a typo never yields a report missing a case.
    static func alerts(ids text: String, in alerts: [Alert]) throws -> [Alert] {
        let ids = text.split(separator: ",").map { String($0.filter { $0 != " " }) }.filter { !$0.isEmpty }
        guard !ids.isEmpty else {
            throw CLIFailure.usage(en: "--report-alerts needs at least one alert id", zh: "--report-alerts 至少需要一个告警 ID")
        }
        for id in ids where !alerts.contains(where: { $0.id == id }) {
            throw CLIFailure.usage(
                en: "no alert \(id) in this scan (alert ids are shown in the scan's output)",
                zh: "本次扫描中没有告警 \(id)（告警 ID 见扫描输出）")
        }
        return alerts.filter { ids.contains($0.id) }
    }

    /// `2024-06-01 18:00:00 +08:00` in the machine's local zone (the report is read by people, not in UTC).
    static func localNow() -> String {
        var now = time(nil)
        var parts = tm()
        guard localtime_r(&now, &parts) != nil else { return "" }
        let offset = Int32(truncatingIfNeeded: parts.tm_gmtoff)
        return ByteParsing.formatLocal(timestamp: Int64(now), offsetSeconds: offset, withTime: true)
    }
}
