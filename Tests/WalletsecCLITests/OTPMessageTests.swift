// The two-factor errors as the CLI words them (exit status and both texts, as before the typed errors),
// and parsing of the 2fa commands.
import ArgumentParser
import OneTimePassword
import QRCode
import WalletCore
import XCTest

@testable import WalletsecCLI

final class OTPMessageTests: XCTestCase {
    func testAccountErrors() {
        let base32 = OTPError.badBase32(position: 3).userMessage
        XCTAssertEqual(base32.status, .usage)
        XCTAssertEqual(base32.text.en, "the secret is not valid Base32 (character 3 is not A-Z or 2-7)")
        XCTAssertEqual(base32.text.zh, "密钥不是有效的 Base32（第 3 个字符不是 A-Z 或 2-7）")
        let uri = OTPError.malformedURI(.badDigits("9")).userMessage
        XCTAssertEqual(uri.status, .usage)
        XCTAssertEqual(uri.text.en, "malformed otpauth URI: digits '9' outside 6-8")
        XCTAssertEqual(uri.text.zh, "otpauth URI 格式错误：位数“9”不在 6-8 之间")
        XCTAssertEqual(
            OTPError.unsupportedParameter(name: "algorithm", value: "MD5").userMessage.text.en,
            "unsupported algorithm 'MD5'")
    }

    func testImportErrorsKeepTheirStatusAndWords() {
        let wrong = ImportError.wrongPassword(.aegis).userMessage
        XCTAssertEqual(wrong.status, .authentication)
        XCTAssertEqual(wrong.text.en, "wrong import password for this Aegis file")
        XCTAssertEqual(wrong.text.zh, "这个 Aegis 导出文件的密码不对")
        let andOTP = ImportError.wrongPasswordOrDamaged(.andOTP).userMessage
        XCTAssertEqual(andOTP.status, .authentication)
        XCTAssertEqual(
            andOTP.text.en,
            "wrong import password for this andOTP file (or the file is damaged: andOTP cannot tell the two apart)")
        XCTAssertEqual(ImportError.corrupted(.twoFAS).userMessage.status, .integrity)
        XCTAssertEqual(ImportError.truncatedJSON.userMessage.status, .integrity)
        XCTAssertEqual(ImportError.unknownFormat.userMessage.status, .usage)
        let unrecognised = ImportError.unrecognised(tried: [.aegis, .uris]).userMessage
        XCTAssertEqual(unrecognised.status, .usage)
        XCTAssertEqual(
            unrecognised.text.en, "unknown import format; tried: aegis, uris (`2fa import --help` lists every app)")
        XCTAssertEqual(unrecognised.text.zh, "无法识别的导入格式；已尝试：aegis, uris（`2fa import --help` 列出所有应用）")
        let missing = ImportError.malformed(.googleAuthenticator, reason: .missingParts([1, 3], of: 3, batchID: 5))
        XCTAssertEqual(
            missing.userMessage.text.en,
            "malformed Google Authenticator migration file: missing part(s) 1, 3 of 3 (batch id 5)")
        XCTAssertEqual(
            ImportError.unsupportedEntryType(.twoFAS, "PUSH").userMessage.text.en, "unsupported 2FAS entry type 'PUSH'")
    }

    func testLineNumbersWrapTheInnerMessageAndStatus() {
        let message = ImportError.onLine(2, .invalidAccount(.malformedURI(.noSecret))).userMessage
        XCTAssertEqual(message.status, .usage)
        XCTAssertEqual(message.text.en, "line 2: malformed otpauth URI: no secret parameter")
        XCTAssertEqual(message.text.zh, "第 2 行：otpauth URI 格式错误：缺少 `secret` 参数")
        let finding = LintFinding(.warning, .shortSecret(bits: 80), line: 4)
        XCTAssertEqual(finding.text.en, "line 4: the secret has 80 bits, under the recommended 128")
    }

    func testEveryMalformedReasonHasBothTexts() {
        let reasons: [ImportError.MalformedReason] = [
            .noEntriesList, .entryWithoutInfo, .entryNotObject, .noServicesList, .entryWithoutSecret,
            .notMigrationURI, .noDataParameter, .dataNotBase64, .protobufMalformed, .inconsistentBatchNumbers,
            .mixedExports(count: 2), .batchSizesDisagree, .duplicatePart(part: 1, of: 2),
            .missingParts([2], of: 2, batchID: 1), .noAccountList("items"),
        ]
        for app in AuthenticatorApp.allCases {
            for reason in reasons {
                let message = ImportError.malformed(app, reason: reason).userMessage
                XCTAssertEqual(message.status, .usage)
                XCTAssertTrue(message.text.en.hasPrefix("malformed \(app.displayName) file: "), message.text.en)
                XCTAssertTrue(message.text.zh.hasPrefix("\(app.displayName) 文件格式错误："), message.text.zh)
            }
        }
    }

    func testSkippedEntriesAndPasswordProtectedExports() {
        let yandex = SkippedEntry(issuer: "Bank", account: "bob", reason: .unsupportedType("yandex"))
        XCTAssertEqual(
            yandex.text.en, "Bank:bob: unsupported type 'yandex' (walletsec computes TOTP, HOTP and Steam codes)")
        XCTAssertEqual(yandex.text.zh, "Bank:bob：不支持的类型“yandex”（walletsec 支持 TOTP、HOTP 和 Steam）")
        let line = SkippedEntry(issuer: "", account: "", reason: .malformedURI(.noSecret), line: 3)
        XCTAssertEqual(line.text.en, "? (line 3): malformed otpauth URI: no secret parameter")
        let reasons: [SkippedEntry.Reason] = [
            .unsupportedType("motp"), .invalidSecret, .duplicate, .invalidParameters, .malformedURI(.noSecret),
            .trashed,
        ]
        XCTAssertEqual(
            reasons.map(\.code),
            ["unsupported_type", "invalid_secret", "duplicate", "invalid_parameters", "malformed_uri", "trashed"])
        for reason in reasons {
            XCTAssertFalse(reason.text.en.isEmpty)
            XCTAssertFalse(reason.text.zh.isEmpty)
        }
        let json = SkippedEntryJSON(yandex, language: .en)
        XCTAssertEqual([json.reason, json.detail], ["unsupported_type", "yandex"])
        let bitwarden = ImportError.unsupportedEncryption(.bitwarden, reason: .passwordProtectedExport).userMessage
        XCTAssertEqual(bitwarden.status, .usage)
        XCTAssertEqual(
            bitwarden.text.en,
            "this Bitwarden export is password-protected, which walletsec cannot read; export it unencrypted")
    }

    func testQRCodeError() {
        let message = QRCodeError.textTooLong.userMessage
        XCTAssertEqual(message.status, .usage)
        XCTAssertEqual(message.text.en, "text too long for a QR code")
        XCTAssertFalse(message.text.zh.isEmpty)
    }

    func testTwoFactorParsing() throws {
        let verify = try XCTUnwrap(
            try Walletsec.parseAsRoot(["2fa", "verify", "wallet", "123456", "--window", "2", "--at", "59"])
                as? TwoFactorVerify)
        XCTAssertEqual(verify.name, "wallet")
        XCTAssertEqual(verify.code, "123456")
        XCTAssertEqual(verify.window, 2)
        XCTAssertEqual(verify.at, 59)
        let export = try XCTUnwrap(
            try Walletsec.parseAsRoot(["2fa", "export", "--format", "migration", "-o", "ga.txt", "--qr"])
                as? TwoFactorExport)
        XCTAssertEqual(export.format, .migration)
        XCTAssertTrue(export.qr)
        XCTAssertTrue(try Walletsec.parseAsRoot(["2fa", "lint"]) is TwoFactorLint)
        XCTAssertThrowsError(try Walletsec.parseAsRoot(["2fa", "verify", "wallet"]), "the code is required")
        XCTAssertThrowsError(try Walletsec.parseAsRoot(["2fa", "export", "--format", "png", "-o", "x"]))
        XCTAssertThrowsError(
            try Walletsec.parseAsRoot(["2fa", "enroll", "--issuer", "W", "--account", "a", "--bogus"]))
        XCTAssertThrowsError(
            try Walletsec.parseAsRoot(["2fa", "enroll", "--issuer", "W", "--account", "a", "--algorithm", "MD5"]))
    }
}
