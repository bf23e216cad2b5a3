// In-process tests of the command line: argument parsing and the error-to-exit-code mapping.
import XCTest

@testable import WalletsecCLI

final class ParsingTests: XCTestCase {
    func testRootParsesStatus() throws {
        let command = try Walletsec.parseAsRoot(["status", "--json"])
        XCTAssertTrue(command is StatusCommand)
    }
}
