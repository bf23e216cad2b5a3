import XCTest

@testable import AgeFormat

final class AgeFormatPlaceholderTests: XCTestCase {
    func testModuleLinks() {
        XCTAssertEqual(String(describing: AgeFormatLibrary.self), "AgeFormatLibrary")
    }
}
