// Issue 13 in the CLI: the words for replays and image failures, the manual key's grouping, enroll's
// option rules, and `2fa import`'s inputs: migration parts from two screenshots plus a URI-list file
// combine into one import, images told by content, failures naming the file.
import ArgumentParser
import Foundation
import OneTimePassword
import QRCode
import WalletCore
import WalletCrypto
import XCTest

@testable import WalletsecCLI

final class EnrollAndImageTests: XCTestCase {
    func testReplayIsSaidInPlainWords() {
        let replay = RejectionReason.replay.text(digits: 6)
        XCTAssertEqual(replay.en, "this code was already used; wait for the next one")
        XCTAssertEqual(replay.zh, "此验证码已使用过，请等待下一个验证码")
        XCTAssertEqual(RejectionReason.malformed.text(digits: 8).en, "expected 8 characters")
    }

    func testManualKeyInFours() {
        XCTAssertEqual(ManualKey.grouped("JBSWY3DPEHPK3PXP"), "JBSW Y3DP EHPK 3PXP")
        XCTAssertEqual(ManualKey.grouped("JBSWY3DPEH"), "JBSW Y3DP EH")
        XCTAssertEqual(ManualKey.grouped(""), "")
    }

    func testImageErrorsAreUsageErrorsWithBothTexts() {
        let all: [QRImageError] = [
            .notAnImage, .unsupportedImage(.jpeg), .truncated(.png), .damaged(.jpeg),
            .tooManyPixels(width: 9, height: 9, limit: 50_000_000), .fileTooLarge(bytes: 9, limit: 64 << 20), .noQRCode,
            .decoderUnavailable,
        ]
        for error in all {
            XCTAssertEqual(error.userMessage.status, .usage, "\(error)")
            XCTAssertFalse(error.userMessage.text.zh.isEmpty)
        }
        XCTAssertEqual(
            QRImageError.noQRCode.userMessage.text.en,
            "no QR code found in the picture (crop it to the code, or take a sharper photo)")
        XCTAssertTrue(QRImageError.decoderUnavailable.userMessage.text.en.contains("libzbar0"))
        XCTAssertTrue(QRImageError.decoderUnavailable.userMessage.text.zh.contains("libzbar0"))
    }

    func testEnrollOptionRules() throws {
        XCTAssertNoThrow(try Walletsec.parseAsRoot(["2fa", "enroll", "--resume"]))
        XCTAssertNoThrow(try Walletsec.parseAsRoot(["2fa", "enroll", "--resume", "--confirm", "123456"]))
        XCTAssertThrowsError(try Walletsec.parseAsRoot(["2fa", "enroll", "--resume", "--issuer", "X"]))
        XCTAssertThrowsError(try Walletsec.parseAsRoot(["2fa", "enroll", "--issuer", "X"]))
        XCTAssertNoThrow(try Walletsec.parseAsRoot(["2fa", "enroll", "--issuer", "X", "--account", "y"]))
    }

    func testURIListDetection() {
        XCTAssertTrue(
            ImportInputs.isURIList("otpauth://totp/A:b?secret=AA\n\n# note\n otpauth-migration://offline?data=x\n"))
        XCTAssertFalse(ImportInputs.isURIList("{\"db\": 1}"))
        XCTAssertFalse(ImportInputs.isURIList("otpauth://totp/A:b?secret=AA\nsomething else"))
        XCTAssertFalse(ImportInputs.isURIList("\n# only a comment\n"))
    }

    func testMigrationPartsFromTwoScreenshotsAndAURIFile() throws {
        let folder = NSTemporaryDirectory() + "import-inputs-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let accounts = try (1...12).map { try OTPAccount.enrolling(issuer: "Bank\($0)", account: "user\($0)") }
        let uris = try OTPExporter.export(accounts, format: .migration, password: nil).migrationURIs
        XCTAssertEqual(uris.count, 2, "12 accounts are two Google Authenticator parts")
        // Part 2 as a PNG named .jpg, part 1 twice (two photos of the same screen), and one more account as text.
        try Data(PNGWriter.png(try QRMatrix.encode(uris[1]), scale: 3)).write(
            to: URL(fileURLWithPath: "\(folder)/b.jpg"))
        try Data(PNGWriter.png(try QRMatrix.encode(uris[0]), scale: 3)).write(
            to: URL(fileURLWithPath: "\(folder)/a.png"))
        try Data(PNGWriter.png(try QRMatrix.encode(uris[0]), scale: 4)).write(
            to: URL(fileURLWithPath: "\(folder)/a2.png"))
        let extra = "otpauth://totp/Extra:me?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Extra\n"
        try Data(extra.utf8).write(to: URL(fileURLWithPath: "\(folder)/extra.txt"))
        let paths = ["b.jpg", "extra.txt", "a.png", "a2.png"].map { "\(folder)/\($0)" }
        let (format, file) = try ImportInputs.read(paths) {
            XCTFail("no password asked")
            return SecureBytes([])
        }
        XCTAssertEqual(format, "google_migration")
        XCTAssertEqual(Set(file.accounts.map(\.name)), Set(accounts.map(\.name) + ["Extra:me"]))
        let byName = Dictionary(uniqueKeysWithValues: file.accounts.map { ($0.name, $0) })
        for account in accounts {
            XCTAssertEqual(byName[account.name].map { Base32.encode($0.secret) }, Base32.encode(account.secret))
        }
        // Only the second part: the importer says a part is missing, nothing is half-imported.
        XCTAssertThrowsError(try ImportInputs.read(["\(folder)/b.jpg"]) { SecureBytes([]) })
        // A picture without a code (16x16 white, zlib-compressed as other programs write PNGs) names the file.
        let blank =
            "89504e470d0a1a0a0000000d49484452000000100000001008000000003a98a0bd0000000f49444154789c63f88f061846b6"
            + "000080f9ff0128909c5d0000000049454e44ae426082"
        let bytes = stride(from: 0, to: blank.count, by: 2).map { offset -> UInt8 in
            let start = blank.index(blank.startIndex, offsetBy: offset)
            return UInt8(blank[start..<blank.index(start, offsetBy: 2)], radix: 16) ?? 0
        }
        try Data(bytes).write(to: URL(fileURLWithPath: "\(folder)/blank.png"))
        XCTAssertThrowsError(try ImportInputs.read(["\(folder)/blank.png"]) { SecureBytes([]) }) { error in
            let message = (error as? CLIFailure)?.userMessage
            XCTAssertEqual(message?.status, .usage)
            XCTAssertEqual(
                message?.text.en,
                "\(folder)/blank.png: no QR code found in the picture (crop it to the code, or take a sharper photo)")
        }
    }
}
