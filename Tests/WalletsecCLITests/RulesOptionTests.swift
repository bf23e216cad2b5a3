// `--rules` and `--year` on scan and history import: the rules file is loaded with its includes, and
// the year reaches rules whose date-format has none.
import Foundation
import Statements
import XCTest

@testable import WalletsecCLI

final class RulesOptionTests: XCTestCase {
    func testYearReachesTheRulesAndNeedsThem() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rules-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("fields date, amount\n".utf8).write(to: folder.appendingPathComponent("common.rules"))
        try Data("include common.rules\ndate-format %m/%d\n".utf8).write(to: folder.appendingPathComponent("b.rules"))
        let rules = folder.appendingPathComponent("b.rules").path

        let scan = try XCTUnwrap(
            try Walletsec.parseAsRoot(["scan", "a.csv", "--rules", rules, "--year", "2024"]) as? ScanCommand)
        let options = try scan.input.readOptions()
        XCTAssertEqual(options.rules?.year, 2024)
        XCTAssertEqual(options.rules?.fieldNames, ["date", "amount"], "the include was followed")
        XCTAssertEqual(options.format, .csv)

        let noRules = try XCTUnwrap(try Walletsec.parseAsRoot(["scan", "a.csv", "--year", "2024"]) as? ScanCommand)
        XCTAssertThrowsError(try noRules.input.readOptions()) { error in
            XCTAssertEqual((error as? CLIFailure)?.userMessage.status, .usage)
        }
        let badYear = try XCTUnwrap(
            try Walletsec.parseAsRoot(["scan", "a.csv", "--rules", rules, "--year", "0"]) as? ScanCommand)
        XCTAssertThrowsError(try badYear.input.readOptions())
    }
}
