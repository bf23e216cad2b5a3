// Breach lists: a sorted HIBP SHA-1 file binary-searched through a memory map, and k-anonymity range files.
import WalletCrypto
import XCTest

@testable import PasswordStrength

final class BreachListTests: XCTestCase {
    private var folder = ""

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "breach-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: folder)
    }

    private func sha1(_ password: String) -> String {
        Digest.sha1(Array(password.utf8)).map { String(format: "%02X", $0) }.joined()
    }

    private func write(_ name: String, _ lines: [String], ending: String = "\n") throws -> String {
        let path = folder + "/" + name
        try (lines.joined(separator: ending) + ending).write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func testSHA1MatchesThePublishedVector() {
        XCTAssertEqual(sha1("password"), "5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8")
    }

    func testFullListIsBinarySearched() throws {
        let breached = ["password", "123456", "woaini1314", "qwerty", "dragon"]
        var lines = breached.enumerated().map { "\(sha1($1)):\($0 + 7)" }
        // Filler hashes so the search crosses many lines.
        for k in 0..<2000 { lines.append(sha1("filler-\(k)") + ":1") }
        lines.sort()
        for ending in ["\n", "\r\n"] {
            let list = try BreachList(path: write("full\(ending.count).txt", lines, ending: ending))
            for (index, password) in breached.enumerated() {
                XCTAssertEqual(list.count(for: password), index + 7, password)
            }
            XCTAssertEqual(list.count(for: "filler-0"), 1)
            XCTAssertEqual(list.count(for: "filler-1999"), 1)
            XCTAssertFalse(list.contains("correct horse battery staple"))
            XCTAssertFalse(list.contains(""))
        }
    }

    func testLowercaseHexAndTheFirstAndLastLines() throws {
        let lines = ["password", "abc"].map { sha1($0).lowercased() + ":3" }.sorted()
        let list = try BreachList(path: write("lower.txt", lines))
        XCTAssertTrue(list.contains("password"))
        XCTAssertTrue(list.contains("abc"))
        XCTAssertFalse(list.contains("abcd"))
    }

    func testRangeFileNamedByPrefix() throws {
        let hash = sha1("password")
        let prefix = String(hash.prefix(5))
        let lines = [
            String(hash.dropFirst(5)) + ":3861493", "0018A45C4D1DEF81644B54AB7F969B88D65:0",
            "00D4F6E8FA6EECAD2A3AA415EEC418D38EC:2",
        ]
        let list = try BreachList(path: write("\(prefix).txt", lines, ending: "\r\n"))
        XCTAssertEqual(list.count(for: "password"), 3_861_493)
        XCTAssertFalse(list.contains("123456"), "another prefix")
    }

    func testRangeFileWithPrefixLineAndPaddingIgnored() throws {
        let hash = sha1("woaini1314")
        let lines = [String(hash.prefix(5)), String(hash.dropFirst(5)) + ":0"]
        let list = try BreachList(path: write("range.txt", lines))
        XCTAssertFalse(list.contains("woaini1314"), "padding lines (count 0) are not breaches")
    }

    func testMalformedAndMissingFilesAreUsageErrors() throws {
        func failure(_ path: String) -> BreachListError? {
            do {
                _ = try BreachList(path: path)
                return nil
            } catch {
                return error
            }
        }
        XCTAssertEqual(failure(folder + "/missing.txt"), .cannotOpen(path: folder + "/missing.txt"))
        let notes = try write("notes.txt", ["hello world"])
        XCTAssertEqual(failure(notes), .unrecognized(path: notes))
        XCTAssertEqual(failure(folder), .notRegularFile(path: folder), "a folder")
        let range = try write("ABCDE.txt", ["not-a-hash:1"])
        XCTAssertEqual(failure(range), .malformedRangeLine(path: range))
        let empty = try BreachList(path: write("empty.txt", []))
        XCTAssertFalse(empty.contains("password"))
    }
}
