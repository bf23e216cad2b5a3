import XCTest

@testable import Statements

final class StatementsPlaceholderTests: XCTestCase {
    func testModuleLinks() {
        XCTAssertEqual(String(describing: StatementsLibrary.self), "StatementsLibrary")
    }
}
