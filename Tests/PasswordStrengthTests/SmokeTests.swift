// Temporary.
import XCTest

@testable import PasswordStrength

final class SmokeTests: XCTestCase {
    func testSmoke() {
        let e = Estimator()
        XCTAssertEqual(e.estimate("password").score, 0)
    }
}
