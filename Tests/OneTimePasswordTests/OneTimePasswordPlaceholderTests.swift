import XCTest

@testable import OneTimePassword

final class OneTimePasswordPlaceholderTests: XCTestCase {
    func testModuleLinks() {
        XCTAssertEqual(String(describing: OneTimePasswordLibrary.self), "OneTimePasswordLibrary")
    }
}
