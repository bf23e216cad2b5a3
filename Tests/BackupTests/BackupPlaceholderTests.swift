import XCTest

@testable import Backup

final class BackupPlaceholderTests: XCTestCase {
    func testModuleLinks() {
        XCTAssertEqual(String(describing: BackupLibrary.self), "BackupLibrary")
    }
}
