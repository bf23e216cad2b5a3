// What reaches a terminal from outside text: PrintableText.oneLine for table cells and reports,
// PrintableText.forTerminal for every human line the CLI prints.
import XCTest

@testable import WalletCore

final class PrintableTextTests: XCTestCase {
    func testOrdinaryLinesPassUnchanged() {
        for line in ["美团外卖  ¥28.16", "a\tb\nc", "", "Ünïcødé ✓ 🙂", "\u{1B}[1;31mhigh\u{1B}[0m"] {
            XCTAssertEqual(PrintableText.forTerminal(line), line)
        }
    }

    func testEscapesOtherThanColourLoseTheirEscape() {
        // Window title (OSC 0), clipboard write (OSC 52), clear screen, cursor up: none may act.
        let hostile = "a\u{1B}]0;pwned\u{07}b\u{1B}]52;c;ZXZpbA==\u{07}c\u{1B}[2Jd\u{1B}[1Ae"
        let clean = PrintableText.forTerminal(hostile)
        XCTAssertFalse(clean.unicodeScalars.contains { $0.value < 0x20 }, clean.debugDescription)
        XCTAssertEqual(clean, "a]0;pwnedb]52;c;ZXZpbA==c[2Jd[1Ae")
    }

    func testCarriageReturnDeleteAndC1ControlsAreDropped() {
        // \r would let a name overwrite the start of its own line; U+009B is a one-character CSI.
        XCTAssertEqual(PrintableText.forTerminal("paid\rOK \u{7F}x\u{9B}2Jy\u{85}z"), "paidOK x2Jyz")
        XCTAssertEqual(PrintableText.forTerminal("\u{1B}"), "")
        XCTAssertEqual(PrintableText.forTerminal("\u{1B}[12;3"), "[12;3")
        // U+00A0 and above are printable; the byte scan must not take them for C1.
        XCTAssertEqual(PrintableText.forTerminal("\u{A0}é\u{1}"), "\u{A0}é")
    }

    func testOneLineFoldsBreaksAndDropsEveryControl() {
        XCTAssertEqual(PrintableText.oneLine("a\nb\r\nc\td\u{1B}[31me\u{9B}"), "a b  c d[31me")
    }
}
