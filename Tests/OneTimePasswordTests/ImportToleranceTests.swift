// What an import tolerates and how it says what it left out: byte-order marks, CRLF, zbarimg's "QR-Code:"
// prefix, several Google Authenticator exports in one file, forged batch counts, and per-entry skips
// (unsupported type, broken secret, duplicate) that leave the rest of the file importing.
import Foundation
import WalletCrypto
import XCTest

@testable import OneTimePassword

final class ImportToleranceTests: XCTestCase {
    let deno = "otpauth://totp/Deno:Mason?secret=4SJHB4GSD43FZBAI7C2HLRJGPQ&issuer=Deno"
    let spdx = "otpauth://totp/SPDX:James?secret=5OM4WOOGPLQEF6UGN3CPEOOLWU&issuer=SPDX&algorithm=SHA256&digits=7"

    func read(_ text: String) throws -> ImportedFile { try read(Array(text.utf8)) }

    func read(_ bytes: [UInt8]) throws -> ImportedFile {
        try OTPImporter.read(bytes) {
            XCTFail("no password should be asked")
            return SecureBytes(count: 0)
        }
    }

    func error(_ body: () throws -> Any) -> ImportError? {
        do {
            _ = try body()
            return nil
        } catch {
            return error as? ImportError
        }
    }

    func accounts(_ count: Int, issuer: String) -> [OTPAccount] {
        (0..<count).map {
            OTPAccount(issuer: issuer, account: "u\($0)", secret: Array(repeating: UInt8($0 + 1), count: 20))
        }
    }

    func testByteOrderMarkCRLFAndZbarPrefix() throws {
        let file = try read([0xEF, 0xBB, 0xBF] + Array("QR-Code:\(deno)\r\n\r\nQR-Code: \(spdx)\r\n".utf8))
        XCTAssertEqual(file.format, .uris)
        XCTAssertEqual(file.accounts.map(\.name), ["Deno:Mason", "SPDX:James"])
        XCTAssertEqual(file.accounts[1].digits, 7)
        XCTAssertEqual(file.skipped, [])
        // A BOM before a JSON export does not hide it either.
        let aegis = try AegisFormat.export(accounts(2, issuer: "A"), password: nil)
        XCTAssertEqual(try read([0xEF, 0xBB, 0xBF] + aegis).accounts.count, 2)
    }

    func testSeveralCompleteMigrationExportsInOneFile() throws {
        let first = GoogleMigration.encode(accounts(12, issuer: "First"), batchID: 1)
        let second = GoogleMigration.encode(accounts(3, issuer: "Second"), batchID: 2)
        XCTAssertEqual(first.count, 2)
        // zbarimg output of three QR codes, one scanned twice, with its prefix and a BOM.
        let lines = [first[1], second[0], first[0], first[1]].map { "QR-Code:" + $0 }
        let file = try read("\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n")
        XCTAssertEqual(file.format, .googleMigration)
        XCTAssertEqual(
            file.accounts.map(\.issuer), Array(repeating: "First", count: 12) + ["Second", "Second", "Second"])
        XCTAssertEqual(file.accounts.prefix(12).map(\.account), (0..<12).map { "u\($0)" })
        XCTAssertEqual(file.skipped, [])
    }

    func testMissingPartNamesBatchAndIndex() {
        let first = GoogleMigration.encode(accounts(25, issuer: "First"), batchID: 41)
        let second = GoogleMigration.encode(accounts(1, issuer: "Second"), batchID: 42)
        XCTAssertEqual(
            error { try self.read([second[0], first[0], first[2]].joined(separator: "\n")) },
            .malformed(.googleAuthenticator, reason: .missingParts([2], of: 3, batchID: 41)))
    }

    /// A migration payload whose batch_size claims 2^31 parts is refused at once, not looped over.
    func testForgedBatchSizeIsRefusedQuickly() {
        var payload = ProtobufWriter()
        var parameters = ProtobufWriter()
        parameters.field(1, bytes: Array(repeating: UInt8(7), count: 20))
        parameters.field(2, string: "x")
        payload.field(1, bytes: parameters.bytes)
        payload.field(3, varint: 1 << 31)
        payload.field(4, varint: 5)
        payload.field(5, varint: 9)
        let uri =
            GoogleMigration.scheme + "offline?data="
            + KeyURI.percentEncode(Base64.encode(payload.bytes, variant: .padded))
        let start = Date()
        XCTAssertEqual(
            error { try self.read(uri) },
            .onLine(1, .malformed(.googleAuthenticator, reason: .inconsistentBatchNumbers)))
        XCTAssertLessThan(Date().timeIntervalSince(start), 1)
    }

    func testMigrationEntriesGACannotDescribeAreSkipped() throws {
        var payload = ProtobufWriter()
        for (name, algorithm, type) in [("ok", 1, 2), ("md5", 4, 2), ("push", 1, 7)] as [(String, UInt64, UInt64)] {
            var parameters = ProtobufWriter()
            parameters.field(1, bytes: Array(repeating: UInt8(3), count: 20))
            parameters.field(2, string: "Issuer:\(name)")
            parameters.field(3, string: "Issuer")
            parameters.field(4, varint: algorithm)
            parameters.field(6, varint: type)
            payload.field(1, bytes: parameters.bytes)
        }
        let uri =
            GoogleMigration.scheme + "offline?data="
            + KeyURI.percentEncode(Base64.encode(payload.bytes, variant: .padded))
        let file = try read(uri)
        XCTAssertEqual(file.accounts.map(\.name), ["Issuer:ok"])
        XCTAssertEqual(
            file.skipped,
            [
                SkippedEntry(issuer: "Issuer", account: "Issuer:md5", reason: .invalidParameters),
                SkippedEntry(issuer: "Issuer", account: "Issuer:push", reason: .unsupportedType("7")),
            ])
    }

    func testAegisVaultWithYandexMOTPBrokenAndDuplicateEntries() throws {
        func entry(_ type: String, _ name: String, _ secret: String) -> [String: Any] {
            [
                "type": type, "name": name, "issuer": "Bank",
                "info": ["secret": secret, "algo": "SHA1", "digits": 6, "period": 30],
            ]
        }
        let vault: [String: Any] = [
            "version": 1, "header": ["slots": NSNull(), "params": NSNull()],
            "db": [
                "version": 2,
                "entries": [
                    entry("totp", "alice", "JBSWY3DPEHPK3PXP"), entry("yandex", "bob", "JBSWY3DPEHPK3PXP"),
                    entry("motp", "carol", "JBSWY3DPEHPK3PXP"), entry("totp", "dave", "not base32!"),
                    entry("totp", "alice", "JBSWY3DPEHPK3PXP"), entry("hotp", "erin", "KRSXG5A"),
                ],
            ],
        ]
        let file = try read([UInt8](try JSONSerialization.data(withJSONObject: vault)))
        XCTAssertEqual(file.format, .aegis)
        XCTAssertEqual(file.accounts.map(\.name), ["Bank:alice", "Bank:erin"])
        XCTAssertEqual(
            file.skipped,
            [
                SkippedEntry(issuer: "Bank", account: "bob", reason: .unsupportedType("yandex")),
                SkippedEntry(issuer: "Bank", account: "carol", reason: .unsupportedType("motp")),
                SkippedEntry(issuer: "Bank", account: "dave", reason: .invalidSecret),
                SkippedEntry(issuer: "Bank", account: "alice", reason: .duplicate),
            ])
    }

    func testURIListSkipsBrokenLinesAndEnteTrash() throws {
        let trashed =
            "otpauth://totp/Old:x?secret=JBSWY3DPEHPK3PXP&issuer=Old&codeDisplay="
            + KeyURI.percentEncode("{\"pinned\":false,\"trashed\":true,\"tags\":[]}")
        let kept =
            "otpauth://totp/New:y?secret=KRSXG5CTMVRXEZLU&issuer=New&codeDisplay="
            + KeyURI.percentEncode("{\"pinned\":true,\"trashed\":false}")
        let text = [deno, "otpauth://yandex/Y:z?secret=JBSWY3DPEHPK3PXP", trashed, kept, "hello", deno].joined(
            separator: "\n")
        let file = try read(text)
        XCTAssertEqual(file.format, .enteAuth)
        XCTAssertEqual(file.accounts.map(\.name), ["Deno:Mason", "New:y"])
        XCTAssertEqual(
            file.skipped,
            [
                SkippedEntry(issuer: "Y", account: "z", reason: .unsupportedType("yandex"), line: 2),
                SkippedEntry(issuer: "Old", account: "x", reason: .trashed, line: 3),
                SkippedEntry(issuer: "", account: "", reason: .malformedURI(.notOTPAuthURI), line: 5),
                SkippedEntry(issuer: "Deno", account: "Mason", reason: .duplicate, line: 6),
            ])
    }

    func testSharedPreferencesEntitiesAndRejects() {
        let xml = """
            <?xml version='1.0' encoding='utf-8' standalone='yes' ?>
            <map>
                <!-- a comment -->
                <string name="a">x &amp; y &lt;z&gt; &quot;q&quot; &#233;&#x4E2D;</string>
                <int name="n" value="13" />
                <set name="s"><string>one</string><string>two</string></set>
            </map>
            """
        let preferences = SharedPreferences.parse(xml)
        XCTAssertEqual(preferences?["a"], "x & y <z> \"q\" é中")
        XCTAssertEqual(preferences?["n"], "13")
        XCTAssertEqual(preferences?["s"], "one\ntwo")
        XCTAssertEqual(preferences?.names, ["a", "n", "s"])
        XCTAssertNil(SharedPreferences.parse("<map><string name=\"a\">cut"))
        XCTAssertNil(SharedPreferences.parse("<html><body/></html>"))
        XCTAssertNil(SharedPreferences.parse("<map><string name=\"a\">&bogus;</string></map>"))
    }

    func testCSVQuoting() {
        XCTAssertEqual(
            CSVRows.parse("a,\"b,c\",\"d \"\"e\"\"\"\r\n,\"multi\nline\",x\n"),
            [["a", "b,c", "d \"e\""], ["", "multi\nline", "x"]])
    }

    func testBitwardenEncryptedExportIsRefused() {
        let json = #"{"encrypted": true, "passwordProtected": true, "items": []}"#
        XCTAssertEqual(
            error { try self.read(json) }, .unsupportedEncryption(.bitwarden, reason: .passwordProtectedExport))
    }
}
