// The age error mapping (exit 3 for a wrong identity or passphrase, 4 for malformed or tampered
// files, 2 for bad keys and options, as docs/cli.md says) and the parsing of the age commands.
import AgeFormat
import WalletCore
import XCTest

@testable import WalletsecCLI

final class AgeMessageTests: XCTestCase {
    func message(_ error: AgeError) -> UserMessage { error.userMessage }

    func testWrongKeyIsAuthentication() {
        let text = message(.noIdentityMatched)
        XCTAssertEqual(text.status, .authentication)
        XCTAssertEqual(text.text.en, "no identity or passphrase opens this age file")
        XCTAssertEqual(text.text.zh, "没有哪个私钥或密码能打开这个 age 文件")
    }

    func testMalformedAndTamperedAreIntegrity() {
        let cases: [AgeError] = [
            .notAgeFile, .headerMalformed(.noStanza), .armorMalformed(.missingEnd), .stanzaMalformed(.lowOrderShare),
            .scryptNotAlone, .headerMACMismatch, .chunkRejected(index: 7), .truncated, .emptyFinalChunk,
            .workFactorTooLarge(logN: 30, limit: 22),
        ]
        for error in cases {
            let text = message(error)
            XCTAssertEqual(text.status, .integrity, "\(error)")
            XCTAssertFalse(text.text.en.isEmpty, "\(error)")
            XCTAssertFalse(text.text.zh.isEmpty, "\(error)")
        }
        XCTAssertEqual(
            message(.headerMalformed(.unsupportedVersion)).text.en, "not a valid age file: unsupported age version")
        XCTAssertEqual(message(.armorMalformed(.missingEnd)).text.en, "not a valid age file: armor: missing END line")
        XCTAssertEqual(message(.armorMalformed(.missingEnd)).text.zh, "不是有效的 age 文件：ASCII 封装：缺少 END 行")
        XCTAssertEqual(
            message(.scryptNotAlone).text.en, "not a valid age file: an scrypt stanza must be the only stanza")
        XCTAssertTrue(message(.stanzaMalformed(.lowOrderShare)).text.en.contains("low-order"))
        XCTAssertTrue(message(.chunkRejected(index: 7)).text.en.contains("chunk 7"))
        XCTAssertTrue(message(.chunkRejected(index: 7)).text.zh.contains("第 7 块"))
        XCTAssertTrue(message(.workFactorTooLarge(logN: 30, limit: 22)).text.en.contains("2^30"))
    }

    func testBadUserInputIsUsage() {
        let cases: [AgeError] = [
            .noRecipients, .passphraseNotAlone, .inputTooLarge, .invalidRecipient("age1x"), .invalidRecipientLength,
            .invalidIdentity, .invalidIdentityLength, .workFactorOutOfRange(limit: 22),
            .encryptedIdentityFile(source: "k.txt"), .unsupportedIdentity(source: "k.txt"),
            .invalidIdentityLine(source: "k.txt"), .noIdentities(source: "k.txt"), .noRecipientsInFile(source: "r.txt"),
            .identityGivenAsRecipient(source: "k.txt"), .identityGivenAsRecipient(source: nil),
            .invalidRecipientLine(source: "r.txt", line: 2),
        ]
        for error in cases {
            XCTAssertEqual(message(error).status, .usage, "\(error)")
            XCTAssertFalse(message(error).text.zh.isEmpty, "\(error)")
        }
        XCTAssertEqual(message(.invalidRecipient("age1x")).text.en, "invalid age recipient age1x (expected age1…)")
        XCTAssertEqual(message(.noIdentities(source: "k.txt")).text.zh, "k.txt 中没有私钥")
        XCTAssertTrue(
            message(.identityGivenAsRecipient(source: "k.txt")).text.en.hasPrefix(
                "k.txt holds an identity (AGE-SECRET-KEY-1…), not a recipient"))
        XCTAssertEqual(message(.scryptOutOfMemory).status, .internal)
    }

    func testAgeCommandsParse() throws {
        let encrypt = try Walletsec.parseAsRoot(["age", "encrypt", "-r", "age1x", "-a", "-o", "out.age", "in.txt"])
        let parsed = try XCTUnwrap(encrypt as? AgeEncryptCommand)
        XCTAssertEqual(parsed.recipientOptions.recipient, ["age1x"])
        XCTAssertTrue(parsed.armor)
        XCTAssertEqual(parsed.output, "out.age")
        let decrypt = try XCTUnwrap(
            try Walletsec.parseAsRoot(["age", "decrypt", "-i", "a.txt", "-i", "b.txt", "f.age"]) as? AgeDecryptCommand)
        XCTAssertEqual(decrypt.identity, ["a.txt", "b.txt"])
        XCTAssertTrue(try Walletsec.parseAsRoot(["age", "keygen"]) is AgeKeygenCommand)
        XCTAssertThrowsError(try Walletsec.parseAsRoot(["age", "encrypt", "--no-such-flag"]))
        XCTAssertThrowsError(try Walletsec.parseAsRoot(["age", "decrypt", "-i"]))
    }
}
