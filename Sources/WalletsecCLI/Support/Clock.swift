// Time for the CLI: wall-clock Unix seconds (with a test override) and a monotonic clock for timings.
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

enum Clock {
    /// Unix time now, unless `--at` gave one.
    static func now(_ override: Int64?) -> Int64 {
        override ?? Int64(Date().timeIntervalSince1970)
    }

    /// Monotonic seconds, for the hidden --timing/--timings benchmark flags.
    static func seconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }
}
