// Tests for the device-identity store and the generic table dump used by backups.
import XCTest

@testable import Vault

final class DeviceStoreTests: XCTestCase {
    func testSchemaHasDeviceTable() {
        XCTAssertGreaterThan(Schema.currentVersion, 0)
    }
}
