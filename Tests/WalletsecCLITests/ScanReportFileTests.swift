// `scan --report` through the command itself: the file is private (0600), in the format its
// extension asks for, and an existing file is never replaced (exit 5, contents untouched).
import WalletCore
import XCTest

@testable import WalletsecCLI

#if canImport(Glibc)
    import Glibc
#endif

final class ScanReportFileTests: XCTestCase {
    func testReportIsPrivateAndNeverOverwritesAnExistingFile() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let sample = root.appendingPathComponent("docs/samples/alipay-sample.csv").path
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scan-report-\(getpid())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/report.txt"
        func scan() throws {
            let command = try XCTUnwrap(
                try Walletsec.parseAsRoot([
                    "scan", sample, "--no-history", "--vault", folder + "/no-vault", "--lang", "zh", "--json",
                    "--report", path,
                ]) as? ScanCommand)
            try command.run()
        }
        try scan()
        var info = stat()
        XCTAssertEqual(stat(path, &info), 0)
        XCTAssertEqual(info.st_mode & 0o777, 0o600)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertTrue(text.hasPrefix("交易争议报告"), "plain text, Chinese")
        XCTAssertTrue(text.contains("95188"))
        XCTAssertFalse(text.contains("|"))
        XCTAssertThrowsError(try scan()) { error in
            XCTAssertEqual((error as? any UserFacingError)?.userMessage.status, .conflict)
        }
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), text, "existing report untouched")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.contains(".tmp-") }
        XCTAssertEqual(leftovers, [], "no temporary file left behind")
    }
}
