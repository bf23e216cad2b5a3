import XCTest

@testable import Anomaly

final class AnomalyPlaceholderTests: XCTestCase {
    func testModuleLinks() {
        XCTAssertEqual(String(describing: AnomalyLibrary.self), "AnomalyLibrary")
    }
}
