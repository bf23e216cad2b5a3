// Transaction history in the vault: dedup on import, reading back, acknowledgements.
import XCTest

final class HistoryStoreTests: XCTestCase {
    func testPlaceholder() {}
}
