// Reading QR codes out of images: PNG (ours, 1-bit and 8-bit) and JPEG (libjpeg, gray, colour, progressive),
// a photo-like picture, two codes in one picture, every otpauth line of a real export, zbarimg as the
// independent cross-check, and every bad input refused with its own error.
import Foundation
import XCTest

@testable import QRCode

final class QRImageReaderTests: XCTestCase {
    let totp = "otpauth://totp/Wallet:alice%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Wallet"
    // Two parts of one Google Authenticator export (batch_size 2), as the phone shows them one after the other.
    let migrationParts = [
        "otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8SGEV4YW1wbGU6YWxpY2VAZXhhbXBsZS5jb20aB0V4YW1wbGUgASgBMAIQAhgCIAA%3D",
        "otpauth-migration://offline?data=CjAKCkhlbGxvId6tvu8SF0V4YW1wbGU6Ym9iQGV4YW1wbGUuY29tGgdFeGFtcGxlIAEoATACEAIYAiAB",
    ]

    var folder = ""

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "qrimage-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Writes `bytes`, decodes the file with the reader and, where zbarimg is installed, with zbarimg too.
    func decodeBoth(_ bytes: [UInt8], name: String, file: StaticString = #filePath, line: UInt = #line) throws
        -> [String]
    {
        let path = "\(folder)/\(name)"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let ours = try QRImageReader.decode(imageFile: path)
        if let theirs = ImageFixtures.zbarimg(path) {
            XCTAssertEqual(ours.sorted(), theirs.sorted(), "zbarimg reads \(name) differently", file: file, line: line)
        }
        return ours
    }

    func testOurOwnOneBitPNG() throws {
        let png = PNGWriter.png(try QRMatrix.encode(totp))
        XCTAssertEqual(try decodeBoth(png, name: "totp.png"), [totp])
    }

    func testMigrationPartsOverTwoImages() throws {
        var read: [String] = []
        for (index, part) in migrationParts.enumerated() {
            read += try decodeBoth(PNGWriter.png(try QRMatrix.encode(part), scale: 3), name: "part-\(index + 1).png")
        }
        XCTAssertEqual(read, migrationParts)
    }

    func testEightBitGrayPNG() throws {
        let image = ImageFixtures.render(try QRMatrix.encode(totp), scale: 5)
        XCTAssertEqual(try decodeBoth(ImageFixtures.png(image), name: "gray8.png"), [totp])
    }

    func testGrayscaleJPEG() throws {
        let image = ImageFixtures.render(try QRMatrix.encode(migrationParts[0]), scale: 6)
        let jpeg = ImageFixtures.jpeg(image, quality: 80)
        XCTAssertEqual(QRImageReader.format(of: jpeg), .jpeg)
        XCTAssertEqual(try decodeBoth(jpeg, name: "gray.jpg"), [migrationParts[0]])
    }

    func testColourAndProgressiveJPEG() throws {
        let image = ImageFixtures.render(try QRMatrix.encode(totp), scale: 5)
        XCTAssertEqual(try decodeBoth(ImageFixtures.jpeg(image, color: true), name: "rgb.jpg"), [totp])
        XCTAssertEqual(
            try decodeBoth(ImageFixtures.jpeg(image, color: true, progressive: true), name: "progressive.jpg"), [totp])
    }

    /// A phone photo of a screen: rotated, off-centre, uneven light, noise, colour JPEG at quality 80.
    func testPhotoOfAScreen() throws {
        let code = ImageFixtures.render(try QRMatrix.encode(migrationParts[1]), scale: 7)
        for (degrees, seed) in [(6.0, UInt64(1)), (-11.0, 2), (23.0, 3)] {
            let photo = ImageFixtures.photo(of: code, degrees: degrees, seed: seed)
            let jpeg = ImageFixtures.jpeg(photo, quality: 80, color: true)
            XCTAssertEqual(try decodeBoth(jpeg, name: "photo-\(seed).jpg"), [migrationParts[1]], "rotated \(degrees)°")
        }
    }

    func testTwoCodesInOnePicture() throws {
        let left = ImageFixtures.render(try QRMatrix.encode(migrationParts[0]), scale: 4)
        let right = ImageFixtures.render(try QRMatrix.encode(totp), scale: 4)
        let both = ImageFixtures.sideBySide([left, right])
        XCTAssertEqual(
            try decodeBoth(ImageFixtures.png(both), name: "two.png").sorted(), [migrationParts[0], totp].sorted())
        XCTAssertEqual(
            try decodeBoth(ImageFixtures.jpeg(both), name: "two.jpg").sorted(), [migrationParts[0], totp].sorted())
    }

    /// Every account line of a real export (Aegis's test vectors), through a QR image and back, unchanged:
    /// non-ASCII issuers and long secrets included.
    func testEveryLineOfARealExportSurvivesTheRoundTrip() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "../../../shared/otp-exports/aegis/plain.txt"
        ).standardized.path
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw XCTSkip("../shared/otp-exports absent: real-file tests skipped")
        }
        let lines = text.split(whereSeparator: \.isNewline).map(String.init).filter { $0.hasPrefix("otpauth") }
        XCTAssertFalse(lines.isEmpty)
        for (index, line) in lines.enumerated() {
            let png = PNGWriter.png(try QRMatrix.encode(line), scale: 3)
            XCTAssertEqual(try decodeBoth(png, name: "real-\(index).png"), [line])
        }
    }

    // MARK: Loading libzbar at run time

    func testZbarLoadsOnDemandAndAMissingLibraryIsNil() throws {
        // The real soname resolves every function (the decode tests above depend on it) …
        XCTAssertNotNil(ZbarLibrary.load(ZbarLibrary.soname))
        XCTAssertNotNil(ZbarLibrary.shared)
        // … a library that is not there, or one without zbar's symbols, gives nil rather than a crash.
        XCTAssertNil(ZbarLibrary.load("libwalletsec-no-such-zbar.so.0"))
        XCTAssertNil(ZbarLibrary.load("libz.so.1"))
    }

    // MARK: Refusals

    func testPictureWithoutACode() throws {
        let blank = QRImageReader.GrayImage(
            width: 200, height: 120, pixels: (0..<24_000).map { UInt8(truncatingIfNeeded: $0 * 7 % 251) })
        XCTAssertThrowsError(try QRImageReader.decode(imageBytes: ImageFixtures.png(blank))) {
            XCTAssertEqual($0 as? QRImageError, .noQRCode)
        }
        XCTAssertThrowsError(try QRImageReader.decode(imageBytes: ImageFixtures.jpeg(blank))) {
            XCTAssertEqual($0 as? QRImageError, .noQRCode)
        }
    }

    func testNotAnImage() {
        for bytes in [
            Array(totp.utf8), [], [0x89, 0x50, 0x4e], Array("GIF89a".utf8) + [UInt8](repeating: 0, count: 20),
        ] {
            XCTAssertThrowsError(try QRImageReader.decode(imageBytes: bytes)) {
                XCTAssertEqual($0 as? QRImageError, .notAnImage)
            }
        }
    }

    func testFormatIsTheContentNotTheName() throws {
        let png = PNGWriter.png(try QRMatrix.encode(totp))
        let path = "\(folder)/really-a-png.jpg"
        try Data(png).write(to: URL(fileURLWithPath: path))
        XCTAssertEqual(try QRImageReader.decode(imageFile: path), [totp])
        try Data(totp.utf8).write(to: URL(fileURLWithPath: "\(folder)/text.png"))
        XCTAssertThrowsError(try QRImageReader.decode(imageFile: "\(folder)/text.png")) {
            XCTAssertEqual($0 as? QRImageError, .notAnImage)
        }
    }

    func testTruncatedImages() throws {
        let image = ImageFixtures.render(try QRMatrix.encode(totp), scale: 4)
        let png = ImageFixtures.png(image)
        for cut in [png.count / 2, 40, png.count - 20] {
            XCTAssertThrowsError(try QRImageReader.decode(imageBytes: Array(png.prefix(cut))), "PNG cut at \(cut)") {
                XCTAssertEqual($0 as? QRImageError, .truncated(.png), "PNG cut at \(cut)")
            }
        }
        let jpeg = ImageFixtures.jpeg(image)
        for cut in [jpeg.count / 2, jpeg.count - 2, 300] {
            XCTAssertThrowsError(try QRImageReader.decode(imageBytes: Array(jpeg.prefix(cut))), "JPEG cut at \(cut)") {
                XCTAssertEqual($0 as? QRImageError, .truncated(.jpeg), "JPEG cut at \(cut)")
            }
        }
    }

    func testDamagedPNG() throws {
        var png = ImageFixtures.png(ImageFixtures.render(try QRMatrix.encode(totp)))
        png[60] ^= 0xff  // inside IDAT: its CRC no longer matches
        XCTAssertThrowsError(try QRImageReader.decode(imageBytes: png)) {
            XCTAssertEqual($0 as? QRImageError, .damaged(.png))
        }
    }

    /// A header announcing a gigantic picture is refused from the header alone, before any pixel buffer.
    func testHugeDimensionsAreRefusedFromTheHeader() throws {
        let header = PNGWriter.bigEndian(100_000) + PNGWriter.bigEndian(90_000) + [8, 0, 0, 0, 0]
        let png = PNGWriter.signature + PNGWriter.chunk("IHDR", header) + PNGWriter.chunk("IDAT", [0x78, 0x01])
        XCTAssertThrowsError(try QRImageReader.decode(imageBytes: png)) {
            XCTAssertEqual(
                $0 as? QRImageError, .tooManyPixels(width: 100_000, height: 90_000, limit: QRImageReader.maxPixels))
        }
        // A small JPEG whose frame header (SOF) is edited to claim 60000 x 60000.
        var jpeg = ImageFixtures.jpeg(ImageFixtures.render(try QRMatrix.encode(totp)))
        let sof = try XCTUnwrap((0..<(jpeg.count - 1)).first { jpeg[$0] == 0xff && jpeg[$0 + 1] == 0xc0 })
        jpeg[sof + 5] = 0xea
        jpeg[sof + 6] = 0x60
        jpeg[sof + 7] = 0xea
        jpeg[sof + 8] = 0x60
        XCTAssertThrowsError(try QRImageReader.decode(imageBytes: jpeg)) {
            XCTAssertEqual(
                $0 as? QRImageError, .tooManyPixels(width: 60_000, height: 60_000, limit: QRImageReader.maxPixels))
        }
    }

    func testOversizedFileIsRefusedUnread() throws {
        let path = "\(folder)/big.png"
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: UInt64(QRImageReader.maxFileBytes + 1))
        try handle.close()
        XCTAssertThrowsError(try QRImageReader.decode(imageFile: path)) {
            XCTAssertEqual(
                $0 as? QRImageError,
                .fileTooLarge(bytes: QRImageReader.maxFileBytes + 1, limit: QRImageReader.maxFileBytes))
        }
    }
}
