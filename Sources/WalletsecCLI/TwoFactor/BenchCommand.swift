// walletsec 2fa bench (hidden): code generation throughput for scripts/bench-otp. Timing lives here,
// never in the test suite.
import ArgumentParser
import OneTimePassword

#if canImport(Glibc)
    import Glibc
#endif

struct TwoFactorBench: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "bench",
            abstract: L(
                "Measure code generation throughput (used by scripts/bench-otp).",
                "测量验证码生成速度（供 scripts/bench-otp 使用）。"),
            discussion: L(
                """
                Example:
                  walletsec 2fa bench --count 200000
                """,
                """
                示例：
                  walletsec 2fa bench --count 200000
                """),
            shouldDisplay: false)
    }

    @OptionGroup var globals: GlobalOptions
    @Option(
        help: ArgumentHelp(
            L(
                "How many TOTP codes to generate.",
                "生成多少个 TOTP 验证码。"))) var count: Int = 200_000

    func run() throws {
        let account = OTPAccount(
            issuer: "Bench", account: "bench", secret: Array("12345678901234567890".utf8), algorithm: .sha1, digits: 6)
        let generator = try CodeGenerator(account)
        var start = timespec()
        clock_gettime(CLOCK_MONOTONIC, &start)
        var checksum = 0
        for index in 0..<max(count, 1) {
            let code = generator.code(step: UInt64(1_700_000_000 / 30 + index))
            checksum &+= Int(code.utf8.last ?? 0)
        }
        var end = timespec()
        clock_gettime(CLOCK_MONOTONIC, &end)
        let seconds = Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9
        struct Result: Encodable {
            var codes: Int
            var seconds: Double
            var codesPerSecond: Double
            var checksum: Int
        }
        try Terminal.json(
            Result(codes: count, seconds: seconds, codesPerSecond: Double(count) / seconds, checksum: checksum))
    }
}
