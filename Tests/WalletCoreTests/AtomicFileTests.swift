// Atomic writes: all or nothing, private by default, no clobbering unless asked.
import XCTest

@testable import WalletCore

final class AtomicFileTests: XCTestCase {
    var folder = ""

    override func setUpWithError() throws {
        folder = "/tmp/walletsec-core-\(UInt32.random(in: 0...UInt32.max))"
        try FileSystem.createPrivateDirectory(folder)
    }

    override func tearDown() {
        _ = try? FileManager.default.removeItem(atPath: folder)
    }

    func testWriteCreatesPrivateFile() throws {
        let path = folder + "/secret.txt"
        try AtomicFile.write(Array("hello".utf8), to: path, overwrite: false)
        XCTAssertEqual(try FileSystem.readAll(path), Array("hello".utf8))
        XCTAssertEqual(FileSystem.permissions(path), 0o600)
        XCTAssertEqual(FileSystem.permissions(folder), 0o700)
    }

    func testRefusesToClobber() throws {
        let path = folder + "/a"
        try AtomicFile.write([1], to: path, overwrite: false)
        XCTAssertThrowsError(try AtomicFile.write([2], to: path, overwrite: false)) { error in
            XCTAssertEqual(error as? FileError, .alreadyExists(path: path))
        }
        XCTAssertEqual(try FileSystem.readAll(path), [1])
        try AtomicFile.write([3], to: path, overwrite: true)
        XCTAssertEqual(try FileSystem.readAll(path), [3])
    }

    func testAbortLeavesNothing() throws {
        let path = folder + "/b"
        do {
            let writer = try AtomicFileWriter(destination: path)
            try writer.write([1, 2, 3])
            writer.abort()
        }
        XCTAssertFalse(FileSystem.exists(path))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), [])
    }

    func testSpecialFilesAreWrittenDirectlyAndFoldersRefused() throws {
        // /dev/null exists but takes writes: no "already exists", no temporary file beside it.
        try AtomicFile.write([1, 2, 3], to: "/dev/null", overwrite: false)
        XCTAssertEqual(FileSystem.kind("/dev/null"), .special)
        XCTAssertFalse(FileSystem.isOccupied("/dev/null"))
        XCTAssertThrowsError(try AtomicFile.write([1], to: folder, overwrite: false)) { error in
            XCTAssertEqual(error as? FileError, .isAFolder(path: self.folder))
        }
        XCTAssertThrowsError(try FileSystem.readAll(folder)) { error in
            XCTAssertEqual(error as? FileError, .isAFolder(path: self.folder))
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), [])
    }

    func testTemporaryFilesAreRegisteredUntilCommitOrAbort() throws {
        let path = folder + "/c"
        let writer = try AtomicFileWriter(destination: path)
        XCTAssertTrue(TemporaryFiles.registered.contains(writer.temporaryPath), "removed if a signal arrives")
        try writer.write([7])
        try writer.commit()
        XCTAssertFalse(TemporaryFiles.registered.contains(writer.temporaryPath))
        let aborted = try AtomicFileWriter(destination: folder + "/d")
        let temporary = aborted.temporaryPath
        aborted.abort()
        XCTAssertFalse(TemporaryFiles.registered.contains(temporary))
        XCTAssertEqual(try FileSystem.readAll(path), [7])
    }

    func testUnsafeFolderIsRefused() throws {
        chmod(folder, 0o777)
        XCTAssertThrowsError(try FileSystem.checkPrivateDirectory(folder)) { error in
            XCTAssertEqual(error as? FileError, .unsafePermissions(path: folder, mode: 0o777))
        }
        chmod(folder, 0o700)
        XCTAssertNoThrow(try FileSystem.checkPrivateDirectory(folder))
    }

    func testLanguageFromEnvironment() {
        XCTAssertEqual(Language.fromEnvironment(["LANG": "zh_CN.UTF-8"]), .zh)
        XCTAssertEqual(Language.fromEnvironment(["LANG": "zh_CN.UTF-8", "LC_ALL": "en_US.UTF-8"]), .en)
        XCTAssertEqual(Language.fromEnvironment([:]), .en)
    }

    func testJSONUsesSnakeCase() throws {
        struct Sample: Encodable {
            var schemaVersion = 1
            var lastBackupAt: String? = nil
        }
        XCTAssertEqual(try JSONOutput.line(Sample()), "{\"schema_version\":1}")
    }
}

final class PrivateDirectoryTests: XCTestCase {
    func testExistingSharedFolderKeepsItsMode() throws {
        let shared = "/tmp/walletsec-shared-\(UInt32.random(in: 0...UInt32.max))"
        defer { _ = try? FileManager.default.removeItem(atPath: shared) }
        mkdir(shared, 0o755)
        chmod(shared, 0o1777)
        try FileSystem.createPrivateDirectory(shared)
        XCTAssertEqual(FileSystem.permissions(shared), 0o1777)
        XCTAssertThrowsError(try FileSystem.checkPrivateDirectory(shared))
        try FileSystem.createPrivateDirectory(shared + "/a/b")
        XCTAssertEqual(FileSystem.permissions(shared + "/a"), 0o700)
        XCTAssertEqual(FileSystem.permissions(shared + "/a/b"), 0o700)
    }
}
