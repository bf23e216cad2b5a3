// QR encoding: a known-size symbol with finder patterns where the standard puts them.
import XCTest

@testable import QRCode

final class QRMatrixTests: XCTestCase {
    func testFinderPatternsAndSize() throws {
        let matrix = try QRMatrix.encode(
            "otpauth://totp/Example:alice@example.com?secret=JBSWY3DPEHPK3PXP&issuer=Example")
        XCTAssertEqual((matrix.size - 17) % 4, 0, "QR sizes are 17 + 4 * version")
        // The 7x7 finder pattern: dark border ring, light ring, dark 3x3 centre.
        for (ox, oy) in [(0, 0), (matrix.size - 7, 0), (0, matrix.size - 7)] {
            XCTAssertTrue(matrix.isDark(x: ox, y: oy))
            XCTAssertTrue(matrix.isDark(x: ox + 6, y: oy + 6))
            XCTAssertFalse(matrix.isDark(x: ox + 1, y: oy + 1))
            XCTAssertTrue(matrix.isDark(x: ox + 3, y: oy + 3))
        }
    }

    func testTerminalTextHasOneLinePerTwoRows() throws {
        let matrix = try QRMatrix.encode("age1example")
        let lines = matrix.terminalText(quietZone: 2).split(separator: "\n")
        XCTAssertEqual(lines.count, (matrix.size + 4 + 1) / 2)
    }

    func testTextBeyondTheLargestSymbolIsTooLong() {
        // Version 40 at level M holds 2,331 bytes.
        XCTAssertThrowsError(try QRMatrix.encode(String(repeating: "x", count: 3000))) { error in
            XCTAssertEqual(error as? QRCodeError, .textTooLong)
        }
        XCTAssertNoThrow(try QRMatrix.encode(String(repeating: "x", count: 2000)))
    }
}
