// Statement parsing: amounts, dates, CSV tokenizing.
import Statements
import XCTest

final class ParsingTests: XCTestCase {
    func testPlaceholderUntilWritten() {}
}
