// The PNG writer: published checksum vectors, and a decode of our own output back to the QR matrix.
import Foundation
import XCTest

@testable import QRCode

final class PNGWriterTests: XCTestCase {
    func testChecksumVectors() {
        XCTAssertEqual(PNGWriter.crc32(Array("123456789".utf8)), 0xCBF4_3926)  // the CRC-32 check value
        XCTAssertEqual(PNGWriter.crc32(Array("IEND".utf8)), 0xAE42_6082)  // every PNG's last chunk CRC
        XCTAssertEqual(PNGWriter.adler32(Array("Wikipedia".utf8)), 0x11E6_0398)
    }

    func be32(_ bytes: ArraySlice<UInt8>) -> Int {
        bytes.reduce(0) { $0 << 8 | Int($1) }
    }

    func testDecodesBackToTheMatrix() throws {
        let matrix = try QRMatrix.encode("otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP&issuer=A")
        let scale = 3
        let quiet = 4
        let png = PNGWriter.png(matrix, scale: scale, quietZone: quiet)
        XCTAssertEqual(Array(png.prefix(8)), [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
        var offset = 8
        var idat: [UInt8] = []
        var width = 0
        var types: [String] = []
        while offset < png.count {
            let length = be32(png[offset..<(offset + 4)])
            let type = String(decoding: png[(offset + 4)..<(offset + 8)], as: UTF8.self)
            let body = Array(png[(offset + 8)..<(offset + 8 + length)])
            let crc = be32(png[(offset + 8 + length)..<(offset + 12 + length)])
            XCTAssertEqual(UInt32(crc), PNGWriter.crc32(Array(type.utf8) + body), type)
            if type == "IHDR" {
                width = be32(body[0..<4])
                XCTAssertEqual(be32(body[4..<8]), width)
                XCTAssertEqual(Array(body[8...]), [1, 0, 0, 0, 0], "1-bit grayscale, no interlace")
            }
            if type == "IDAT" { idat += body }
            types.append(type)
            offset += 12 + length
        }
        XCTAssertEqual(types, ["IHDR", "IDAT", "IEND"])
        XCTAssertEqual(width, (matrix.size + 2 * quiet) * scale)
        // Inflate stored blocks by hand (BFINAL/BTYPE=00, LEN, NLEN, bytes), then check Adler-32.
        XCTAssertEqual(Array(idat.prefix(2)), [0x78, 0x01])
        var raw: [UInt8] = []
        var position = 2
        var final = false
        while !final {
            final = idat[position] & 1 == 1
            XCTAssertEqual(idat[position] >> 1 & 3, 0, "stored block")
            let length = Int(idat[position + 1]) | Int(idat[position + 2]) << 8
            let complement = Int(idat[position + 3]) | Int(idat[position + 4]) << 8
            XCTAssertEqual(length ^ 0xffff, complement)
            raw += idat[(position + 5)..<(position + 5 + length)]
            position += 5 + length
        }
        XCTAssertEqual(UInt32(be32(idat[position..<(position + 4)])), PNGWriter.adler32(raw))
        let rowBytes = (width + 7) / 8
        XCTAssertEqual(raw.count, width * (rowBytes + 1))
        for y in 0..<width {
            XCTAssertEqual(raw[y * (rowBytes + 1)], 0, "filter none")
            for x in 0..<width {
                let byte = raw[y * (rowBytes + 1) + 1 + x / 8]
                let white = byte & (0x80 >> UInt8(x % 8)) != 0
                let dark = matrix.isDark(x: x / scale - quiet, y: y / scale - quiet)
                if white == dark { return XCTFail("pixel \(x),\(y) disagrees with the matrix") }
            }
        }
    }
}

final class TerminalRenderingTests: XCTestCase {
    /// Reads the half-block drawing back into modules: it must be the matrix plus a light quiet zone.
    func testHalfBlocksDrawTheMatrixExactly() throws {
        let matrix = try QRMatrix.encode("otpauth://totp/Wallet:alice?secret=JBSWY3DPEHPK3PXP&issuer=Wallet")
        let quiet = 2
        let lines = matrix.terminalText(quietZone: quiet).split(separator: "\n").map { line -> [Character] in
            var text = String(line)
            for code in ["\u{1b}[47m", "\u{1b}[30m", "\u{1b}[0m"] {
                text = text.replacingOccurrences(of: code, with: "")
            }
            return Array(text)
        }
        let width = matrix.size + 2 * quiet
        for (row, line) in lines.enumerated() {
            XCTAssertEqual(line.count, width, "line \(row)")
            for (column, character) in line.enumerated() {
                let x = column - quiet
                let top = row * 2 - quiet
                let expected: Character =
                    switch (matrix.isDark(x: x, y: top), matrix.isDark(x: x, y: top + 1)) {
                    case (true, true): "\u{2588}"
                    case (true, false): "\u{2580}"
                    case (false, true): "\u{2584}"
                    case (false, false): " "
                    }
                if character != expected { return XCTFail("cell \(column),\(row) is '\(character)'") }
            }
        }
        XCTAssertTrue(lines.first?.allSatisfy { $0 == " " } == true, "quiet zone above")
    }
}
