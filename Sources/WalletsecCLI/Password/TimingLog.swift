// Per-password timings for `password check --timing` (hidden; used by scripts/bench-password): throughput,
// p50/p99/max latency for passwords up to 64 characters, and the slowest longer input, in thread CPU time.
#if canImport(Glibc)
    import Glibc
#endif

struct TimingLog {
    let enabled: Bool
    private var short: [Double] = []
    private var long: [Double] = []
    private var total = 0.0

    init(enabled: Bool) { self.enabled = enabled }

    static func now() -> Double {
        var clock = timespec()
        // CPU time of this thread: on a shared, loaded machine wall time measures the neighbours too.
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &clock)
        return Double(clock.tv_sec) + Double(clock.tv_nsec) / 1e9
    }

    mutating func record(length: Int, since started: Double) {
        guard enabled else { return }
        let elapsed = TimingLog.now() - started
        total += elapsed
        if length <= 64 { short.append(elapsed) } else { long.append(elapsed) }
    }

    func report() {
        guard enabled else { return }
        let sorted = short.sorted()
        func percentile(_ p: Double) -> Double {
            sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))] * 1e6
        }
        let count = short.count + long.count
        var line =
            "timing: passwords=\(count) seconds=\(rounded(total, 4)) per_second=\(Int(Double(count) / max(total, 1e-9)))"
        line +=
            " p50_us=\(rounded(percentile(0.5), 1)) p99_us=\(rounded(percentile(0.99), 1)) max_us=\(rounded(percentile(1.0), 1))"
        if let longest = long.max() { line += " long_inputs=\(long.count) long_max_ms=\(rounded(longest * 1000, 2))" }
        Terminal.err(line)
    }

    private func rounded(_ value: Double, _ digits: Int) -> Double {
        let scale = pow(10, Double(digits))
        return (value * scale).rounded() / scale
    }
}
