// The backup error mapping (4 invalid contents, 5 data or file in the way, 3 nothing opens it,
// 2 unsupported version) and the parsing of backup, restore and device commands.
import Backup
import WalletCore
import XCTest

@testable import WalletsecCLI

final class BackupMessageTests: XCTestCase {
    func testStatusesAndTexts() {
        let invalid = BackupError.invalidContents(.recordNotJSON(record: 3)).userMessage
        XCTAssertEqual(invalid.status, .integrity)
        XCTAssertEqual(invalid.text.en, "invalid backup contents: record 3 is not valid JSON")
        XCTAssertEqual(invalid.text.zh, "备份内容无效：第 3 条记录不是有效的 JSON")
        XCTAssertEqual(BackupError.invalidContents(.digestMismatch).userMessage.status, .integrity)
        XCTAssertEqual(BackupError.vaultHoldsData.userMessage.status, .conflict)
        XCTAssertTrue(BackupError.vaultHoldsData.userMessage.text.en.contains("--merge"))
        let exists = BackupError.destinationExists(path: "b.age").userMessage
        XCTAssertEqual(exists.status, .conflict)
        XCTAssertEqual(exists.text.en, "b.age already exists; refusing to overwrite it")
        XCTAssertEqual(BackupError.noIdentityAvailable.userMessage.status, .authentication)
        let version = BackupError.unsupportedVersion(found: 2, supported: 1).userMessage
        XCTAssertEqual(version.status, .usage)
        XCTAssertEqual(version.text.en, "backup format version 2 is not supported by this walletsec (1)")
        XCTAssertEqual(BackupError.nothingToWrite.userMessage.status, .internal)
    }

    func testCommandsParse() throws {
        let create = try XCTUnwrap(
            try Walletsec.parseAsRoot(["backup", "-r", "age1x", "-o", "b.age", "--include-identities"])
                as? BackupCreateCommand)
        XCTAssertEqual(create.output, "b.age")
        XCTAssertTrue(create.includeIdentities)
        XCTAssertThrowsError(try Walletsec.parseAsRoot(["backup", "create"]))  // -o is required
        let restore = try XCTUnwrap(
            try Walletsec.parseAsRoot(["restore", "--merge", "-i", "k.txt", "b.age"]) as? RestoreCommand)
        XCTAssertTrue(restore.merge)
        XCTAssertEqual(restore.keys.identity, ["k.txt"])
        XCTAssertTrue(try Walletsec.parseAsRoot(["backup", "verify", "b.age"]) is BackupVerifyCommand)
        XCTAssertTrue(try Walletsec.parseAsRoot(["device", "keygen", "--label", "x"]) is DeviceKeygenCommand)
        XCTAssertThrowsError(try Walletsec.parseAsRoot(["restore"]))  // the file is required
    }
}
