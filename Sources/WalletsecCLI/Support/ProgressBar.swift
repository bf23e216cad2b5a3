// Progress on stderr when it is a terminal; silent when piped, so scripts and logs stay clean.
import WalletCore

#if canImport(Glibc)
    import Glibc
#endif

final class ProgressBar: @unchecked Sendable {
    private let label: String
    private let enabled: Bool
    private var lastDrawn: Double = 0
    private var drewSomething = false

    init(label: String, enabled: Bool = Terminal.stderrIsTTY) {
        self.label = label
        self.enabled = enabled
    }

    /// A handler to pass to library calls; redraws at most ten times a second.
    var handler: ProgressHandler {
        { [self] update in self.draw(update) }
    }

    func draw(_ update: ProgressUpdate) {
        guard enabled else { return }
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        let seconds = Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
        let finished = update.total.map { update.done >= $0 } ?? false
        guard finished || seconds - lastDrawn >= 0.1 else { return }
        lastDrawn = seconds
        // The label comes localized; the unit and brackets follow the language resolved at start-up.
        let zh = HelpLanguage.current == .zh
        let unit = zh ? (Self.chineseUnits[update.unit] ?? update.unit) : update.unit
        var line = "\r\u{1b}[2K\(label) \(update.done)"
        if let total = update.total, total > 0 {
            let percent = Int(Double(update.done) * 100 / Double(total))
            line += zh ? "/\(total) \(unit)（\(percent)%）" : "/\(total) \(unit) (\(percent)%)"
        } else {
            line += " \(unit)"
        }
        Terminal.writeAll(STDERR_FILENO, line)
        drewSomething = true
    }

    private static let chineseUnits = ["bytes": "字节", "rows": "行", "passwords": "个密码", "lines": "行"]

    /// Clears the progress line so the next output starts clean.
    func finish() {
        guard enabled, drewSomething else { return }
        Terminal.writeAll(STDERR_FILENO, "\r\u{1b}[2K")
    }
}
