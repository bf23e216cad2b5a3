import XCTest

@testable import PasswordStrength

final class PasswordStrengthPlaceholderTests: XCTestCase {
    func testModuleLinks() {
        XCTAssertEqual(String(describing: PasswordStrengthLibrary.self), "PasswordStrengthLibrary")
    }
}
