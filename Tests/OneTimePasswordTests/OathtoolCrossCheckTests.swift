// Cross-check against oathtool (OATH Toolkit): 200 random secrets, each under SHA1/256/512 with 6/7/8 digits
// (all nine pairs recur), random periods and times out past 2038 (TOTP), and random counters (HOTP).
// Skipped with a printed reason when oathtool is absent.
import Foundation
import WalletCrypto
import XCTest

@testable import OneTimePassword

final class OathtoolCrossCheckTests: XCTestCase {
    func oathtoolPath() -> String? {
        ["/usr/bin/oathtool", "/usr/local/bin/oathtool"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    func run(_ tool: String, _ arguments: [String]) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, arguments.joined(separator: " "))
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    func testAgainstOathtool() throws {
        guard let tool = oathtoolPath() else {
            print("skipped: oathtool is not installed (scripts/setup installs it)")
            throw XCTSkip("oathtool is not installed (scripts/setup installs it)")
        }
        let algorithms: [(HashAlgorithm, String)] = [(.sha1, "sha1"), (.sha256, "sha256"), (.sha512, "sha512")]
        var combinations = Set<String>()
        var compared = 0
        for index in 0..<200 {
            let secret = Random.bytes(10 + Int(Random.uniform(55)))
            let base32 = Base32.encode(secret)
            // Every secret under every algorithm; the digit count rotates so all nine pairs recur.
            for (algorithmIndex, (algorithm, name)) in algorithms.enumerated() {
                let digits = 6 + (index + algorithmIndex) % 3
                combinations.insert("\(name)/\(digits)")
                // Times from 1970 to past 2038 (64-bit steps), three consecutive steps per call via -w 2.
                let time = Int64(Random.uniform(UInt32.max)) * 2 + 30
                let period = [30, 60, 15][Int(Random.uniform(3))]
                let totp = try run(
                    tool,
                    [
                        "--totp=\(name)", "-d", "\(digits)", "-s", "\(period)s", "-N", "@\(time)", "-w", "2", "-b",
                        base32,
                    ])
                let step = OTPGenerator.step(unixTime: time, period: period)
                let account = OTPAccount(
                    issuer: "", account: "x", secret: secret, algorithm: algorithm, digits: digits, period: period)
                XCTAssertEqual(
                    totp, (0..<3).map { OTPGenerator.code(account, step: step + UInt64($0)) },
                    "TOTP \(name) \(digits) @\(time)")
                let generator = try CodeGenerator(account)
                XCTAssertEqual(totp, (0..<3).map { generator.code(step: step + UInt64($0)) }, "reused-context path")
                compared += 3
            }
            if index % 4 == 0 {
                let digits = 6 + (index / 4) % 3
                let counter = UInt64(Random.uniform(1_000_000))
                let hotp = try run(tool, ["--hotp", "-d", "\(digits)", "-c", "\(counter)", "-w", "2", "-b", base32])
                XCTAssertEqual(
                    hotp,
                    (0..<3).map {
                        OTPGenerator.hotp(
                            secret: secret, counter: counter + UInt64($0), algorithm: .sha1, digits: digits)
                    })
                compared += 3
            }
        }
        XCTAssertEqual(combinations.count, 9, "every algorithm with every digit count")
        XCTAssertGreaterThanOrEqual(compared, 1800)
    }
}
