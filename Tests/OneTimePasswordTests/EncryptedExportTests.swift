// The encrypted and database exports of other authenticator apps (issue 13), read IN PLACE from the real files
// in ../shared/otp-exports/aegis/ (Aegis's importer fixtures, made by scanning plain.txt's QR codes into each app):
// every account must equal plain.txt's entry as far as the app can hold it, and give the same codes; wrong
// passwords, truncation and flipped bits must end in a typed error.
import Foundation
import WalletCore
import WalletCrypto
import XCTest

@testable import OneTimePassword

final class EncryptedExportTests: XCTestCase {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/otp-exports/aegis")
    /// Times (Unix seconds) at which TOTP/Steam codes are compared.
    static let times: [Int64] = [0, 1_111_111_109, 1_608_374_963, 2_000_000_000]

    func fixture(_ name: String) throws -> [UInt8] {
        let url = Self.folder.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: Self.folder.path) else {
            throw XCTSkip("../shared/otp-exports absent: real-file tests skipped")
        }
        return Array(try Data(contentsOf: url))
    }

    /// plain.txt's seven accounts, keyed by issuer.
    func plain() throws -> [String: OTPAccount] {
        let text = String(decoding: try fixture("plain.txt"), as: UTF8.self)
        var accounts: [String: OTPAccount] = [:]
        for line in text.split(whereSeparator: \.isNewline) {
            let account = try KeyURI.parse(String(line)).account
            accounts[account.issuer] = account
        }
        XCTAssertEqual(accounts.count, 7)
        return accounts
    }

    func read(_ name: String, password: String?) throws -> ImportedFile {
        try OTPImporter.read(try fixture(name)) {
            guard let password else {
                XCTFail("\(name): no password should be asked")
                return SecureBytes(count: 0)
            }
            return SecureBytes(Array(password.utf8))
        }
    }

    func importError(_ body: () throws -> Any) -> ImportError? {
        do {
            _ = try body()
            return nil
        } catch let error as ImportError {
            return error
        } catch {
            XCTFail("not an ImportError: \(error)")
            return nil
        }
    }

    /// Each imported account equals `expected` (plain.txt's entry after `adjust`, the app's known losses),
    /// including its codes; nothing is skipped.
    func assertHolds(
        _ name: String, password: String? = nil, format: ImportFormat, issuers: [String],
        adjust: (inout OTPAccount) -> Void = { _ in }, file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let plain = try plain()
        let imported = try read(name, password: password)
        XCTAssertEqual(imported.format, format, name, file: file, line: line)
        XCTAssertEqual(imported.skipped, [], name, file: file, line: line)
        XCTAssertEqual(
            Set(imported.accounts.map(\.issuer)), Set(issuers), "\(name): accounts held", file: file, line: line)
        XCTAssertEqual(imported.accounts.count, issuers.count, name, file: file, line: line)
        for account in imported.accounts {
            guard var expected = plain[account.issuer] else {
                XCTFail("\(name): unexpected issuer \(account.issuer)", file: file, line: line)
                continue
            }
            adjust(&expected)
            let label = "\(name) \(account.issuer)"
            XCTAssertEqual(account.account, expected.account, label, file: file, line: line)
            XCTAssertEqual(account.kind, expected.kind, label, file: file, line: line)
            XCTAssertEqual(account.algorithm, expected.algorithm, label, file: file, line: line)
            XCTAssertEqual(account.digits, expected.digits, label, file: file, line: line)
            if expected.kind == .hotp {
                XCTAssertEqual(account.counter, expected.counter, label, file: file, line: line)
            } else {
                XCTAssertEqual(account.period, expected.period, label, file: file, line: line)
            }
            XCTAssertTrue(account.secret.isEqual(to: expected.secret), "\(label): secret", file: file, line: line)
            for time in Self.times {
                XCTAssertEqual(
                    OTPGenerator.currentCode(account, unixTime: time),
                    OTPGenerator.currentCode(expected, unixTime: time),
                    "\(label) at \(time)", file: file, line: line)
            }
            if expected.kind == .hotp {
                XCTAssertEqual(
                    OTPGenerator.code(account, step: account.counter),
                    OTPGenerator.code(expected, step: expected.counter),
                    label, file: file, line: line)
            }
        }
    }

    static let allIssuers = ["Deno", "SPDX", "Airbnb", "Issuu", "Air Canada", "WWE", "Boeing"]
    static let noSteam = ["Deno", "SPDX", "Airbnb", "Issuu", "Air Canada", "WWE"]
    static let totpOnly = ["Deno", "SPDX", "Airbnb"]

    // MARK: Authy

    func testAuthyPlainAndEncryptedHoldTheThreeTOTPAccountsAsSHA1Period30() throws {
        // Authy keeps neither algorithm nor period: SPDX and Airbnb come back SHA-1, 30 s, with their digits.
        let authy: (inout OTPAccount) -> Void = {
            $0.algorithm = .sha1
            $0.period = 30
        }
        try assertHolds("authy_plain.xml", format: .authy, issuers: Self.totpOnly, adjust: authy)
        try assertHolds(
            "authy_encrypted.xml", password: "testtest", format: .authyEncrypted, issuers: Self.totpOnly, adjust: authy)
    }

    // MARK: FreeOTP v2

    func testFreeOTPBackupsOfEveryAndroidVersionHoldTheSixTOTPAndHOTPAccounts() throws {
        for api in ["23", "25", "27", "34"] {
            try assertHolds(
                "freeotp_v2_api\(api).xml", password: "test", format: .freeOTPEncrypted, issuers: Self.noSteam)
        }
    }

    func testFreeOTPTokenWithoutAlgorithmDigitsOrPeriodGetsTheDefaults() throws {
        try assertHolds("freeotp_v2_null_algo.xml", password: "test", format: .freeOTPEncrypted, issuers: ["Deno"])
    }

    // MARK: Authenticator Pro / Stratum

    func testStratumLegacyBackupAndDatabaseHoldAllSevenAccounts() throws {
        try assertHolds(
            "stratum_encrypted_legacy.bin", password: "test", format: .stratumEncrypted, issuers: Self.allIssuers)
        try assertHolds("stratum_internal.db", format: .stratumDatabase, issuers: Self.allIssuers)
    }

    func testStratumCurrentEncryptedFormatIsRefusedBeforeAskingForAPassword() throws {
        let bytes = try fixture("stratum_encrypted.bin")
        let error = importError { try OTPImporter.read(bytes) { throw CancellationError() } }
        XCTAssertEqual(error, .unsupportedEncryption(.stratum, reason: .argon2idParallelLanes))
    }

    func testStratumEntriesOfUnsupportedTypesAreSkippedAndTheRestImported() throws {
        // Hand-built (not evidence of the app's format, which the real files above are): the skip path only.
        let json =
            #"{"Authenticators":[{"Type":3,"Issuer":"M","Username":"u","Secret":"JBSWY3DPEHPK3PXP","Pin":"1234","#
            + #""Algorithm":0,"Digits":6,"Period":10},{"Type":2,"Issuer":"T","Username":null,"Secret":"JBSWY3DPEHPK3PXP","#
            + #""Algorithm":1,"Digits":6,"Period":30},{"Type":2,"Issuer":"B","Username":"b","Secret":"!!","Algorithm":0,"#
            + #""Digits":6,"Period":30}]}"#
        let file = try OTPImporter.read(Array(json.utf8)) { SecureBytes(count: 0) }
        XCTAssertEqual(file.format, .stratum)
        XCTAssertEqual(file.accounts.map(\.issuer), ["T"])
        XCTAssertEqual(file.accounts.first?.algorithm, .sha256)
        XCTAssertEqual(
            file.skipped,
            [
                SkippedEntry(issuer: "M", account: "u", reason: .unsupportedType("motp")),
                SkippedEntry(issuer: "B", account: "b", reason: .invalidSecret),
            ])
    }

    // MARK: TOTP Authenticator

    func testTOTPAuthenticatorBackupHoldsTheThreeTOTPAccountsWithLowerCasedNames() throws {
        try assertHolds(
            "totp_authenticator.bin", password: "Testtest1", format: .totpAuthenticator, issuers: Self.totpOnly
        ) {
            $0.account = $0.account.lowercased()
            $0.algorithm = .sha1
        }
    }

    // MARK: andOTP before 0.6.3

    func testOldAndOTPEncryptedBackupHoldsTheSixTOTPAndHOTPAccounts() throws {
        try assertHolds("andotp_encrypted_old.bin", password: "test", format: .andOTPEncrypted, issuers: Self.noSteam)
    }

    // MARK: App databases

    func testGoogleAuthenticatorDatabaseHoldsSixAccountsAsSHA1SixDigitsPeriod30() throws {
        try assertHolds(
            "google_authenticator.sqlite", format: .googleAuthenticatorDatabase, issuers: Self.noSteam
        ) {
            $0.algorithm = .sha1
            $0.digits = 6
            $0.period = 30
        }
    }

    func testMicrosoftAuthenticatorDatabaseHoldsAllSevenAsPlainTOTP() throws {
        try assertHolds(
            "microsoft_authenticator.sqlite", format: .microsoftAuthenticatorDatabase, issuers: Self.allIssuers
        ) {
            $0 = OTPAccount(issuer: $0.issuer, account: $0.account, secret: $0.secret)
        }
    }

    func testDatabasesAreReadWithoutWritingBesideTheSharedFiles() throws {
        for name in ["google_authenticator.sqlite", "microsoft_authenticator.sqlite", "stratum_internal.db"] {
            _ = try read(name, password: nil)
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
        XCTAssertEqual(names.count, 40, "the shared fixture folder must keep exactly its 40 files")
        XCTAssertEqual(names.filter { $0.hasSuffix("-wal") || $0.hasSuffix("-shm") || $0.hasSuffix("-journal") }, [])
    }

    // MARK: Failures

    static let encrypted: [(name: String, password: String, error: ImportError)] = [
        ("authy_encrypted.xml", "testtest", .wrongPassword(.authy)),
        ("freeotp_v2_api23.xml", "test", .wrongPassword(.freeOTP)),
        ("freeotp_v2_api34.xml", "test", .wrongPassword(.freeOTP)),
        ("stratum_encrypted_legacy.bin", "test", .wrongPassword(.stratum)),
        ("totp_authenticator.bin", "Testtest1", .wrongPassword(.totpAuthenticator)),
        ("andotp_encrypted_old.bin", "test", .wrongPasswordOrDamaged(.andOTP)),
    ]

    func testWrongPasswordIsAnAuthenticationError() throws {
        for (name, password, expected) in Self.encrypted {
            for wrong in [password + "x", "", String(password.dropLast())] {
                XCTAssertEqual(importError { try self.read(name, password: wrong) }, expected, "\(name) '\(wrong)'")
            }
        }
    }

    /// Cut short anywhere or with a bit flipped anywhere, every file ends in a typed import error or (where
    /// the damage hit a name) a successful read — never a crash, never another error type.
    func testTruncatedAndBitFlippedFilesEndInTypedErrors() throws {
        let names =
            Self.encrypted.map(\.name) + [
                "stratum_internal.db", "google_authenticator.sqlite", "microsoft_authenticator.sqlite",
                "freeotp_v2_null_algo.xml", "authy_plain.xml",
            ]
        let passwords = Dictionary(uniqueKeysWithValues: Self.encrypted.map { ($0.name, $0.password) })
        for name in names {
            let bytes = try fixture(name)
            let password = SecureBytes(Array((passwords[name] ?? "").utf8))
            var variants: [[UInt8]] = [[], Array(bytes.prefix(1)), Array(bytes.prefix(16))]
            for fraction in [4, 2] { variants.append(Array(bytes.prefix(bytes.count / fraction))) }
            variants.append(Array(bytes.dropLast()))
            for position in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 23)) {
                var flipped = bytes
                flipped[position] ^= 0x04
                variants.append(flipped)
            }
            assertTypedFailures(variants, password: password, name)
        }
    }

    func testTruncatedEncryptedFilesAreCorrupted() throws {
        let cases: [(String, String, ImportError)] = [
            ("freeotp_v2_api27.xml", "test", .corrupted(.freeOTP)),
            ("stratum_encrypted_legacy.bin", "test", .corrupted(.stratum)),
        ]
        for (name, password, expected) in cases {
            let bytes = try fixture(name)
            for cut in [1, 7, 100] {
                let error = importError {
                    try OTPImporter.read(Array(bytes.dropLast(cut))) { SecureBytes(Array(password.utf8)) }
                }
                XCTAssertEqual(error, expected, "\(name) minus \(cut) bytes")
            }
        }
    }
}

extension EncryptedExportTests {
    // MARK: Authenticator Plus

    func testAuthenticatorPlusZipHoldsAllSevenAccounts() throws {
        try assertHolds(
            "authenticator_plus.zip", password: "testtesttest", format: .authenticatorPlus, issuers: Self.allIssuers)
    }

    func testAuthenticatorPlusWrongPasswordIsAnAuthenticationError() throws {
        for wrong in ["testtesttesx", "", "test"] {
            let error = importError { try self.read("authenticator_plus.zip", password: wrong) }
            XCTAssertTrue(
                error == .wrongPassword(.authenticatorPlus) || error == .wrongPasswordOrDamaged(.authenticatorPlus),
                "'\(wrong)': \(String(describing: error))")
        }
    }

    func testAuthenticatorPlusTruncatedOrFlippedEndsInTypedErrors() throws {
        let bytes = try fixture("authenticator_plus.zip")
        let password = SecureBytes(Array("testtesttest".utf8))
        var variants = [Array(bytes.dropLast()), Array(bytes.prefix(bytes.count / 2)), Array(bytes.prefix(30))]
        for position in stride(from: 0, to: bytes.count, by: 17) {
            var flipped = bytes
            flipped[position] ^= 0x10
            variants.append(flipped)
        }
        assertTypedFailures(variants, password: password, "authenticator_plus.zip")
        XCTAssertEqual(
            importError { try OTPImporter.read(Array(bytes.dropLast(22))) { password } }, .corrupted(.authenticatorPlus)
        )
    }
}

extension EncryptedExportTests {
    func testPreferencesWithADocumentTypeAreNotRead() {
        let xml =
            #"<?xml version="1.0"?><!DOCTYPE map [<!ENTITY a "x">]><map><string name="com.authy.storage.tokens.authenticator.key">[]</string></map>"#
        XCTAssertNil(SharedPreferences.parse(xml))
        let plain = #"<map><string name="com.authy.storage.tokens.authenticator.key">[]</string></map>"#
        XCTAssertEqual(SharedPreferences.parse(plain)?.names.count, 1)
    }
}

extension EncryptedExportTests {
    func testABareBase32SecretIsNotTakenForATOTPAuthenticatorBackup() {
        XCTAssertFalse(TOTPAuthenticatorFormat.looksLike(Array("JBSWY3DPEHPK3PXPJBSWY3DP".utf8)))
        XCTAssertEqual(
            importError { try OTPImporter.read(Array("JBSWY3DPEHPK3PXPJBSWY3DP\n".utf8)) { SecureBytes(count: 0) } },
            .unrecognised(tried: OTPImporter.triedFormats))
    }
}

extension EncryptedExportTests {
    func testAnImagePickedByMistakeIsAnUnknownFormatWithoutAPasswordPrompt() {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + [UInt8](repeating: 0xA5, count: 200)
        XCTAssertEqual(
            importError {
                try OTPImporter.read(png) {
                    XCTFail("no password should be asked for an image")
                    return SecureBytes(count: 0)
                }
            }, .unrecognised(tried: OTPImporter.triedFormats))
    }
}

extension EncryptedExportTests {
    func testAuthyFirstPartyTokensAreTenSecondTOTPFromAHexSeed() throws {
        // Hand-built (no real file of this list among the fixtures): hex seed, digits, name as the issuer.
        let tokens =
            #"[{&quot;digits&quot;:7,&quot;name&quot;:&quot;Authy Wallet&quot;,&quot;secretSeed&quot;:"#
            + #"&quot;3132333435363738393031323334353637383930&quot;}]"#
        let xml = #"<map><string name="com.authy.storage.tokens.authy.key">"# + tokens + "</string></map>"
        let file = try OTPImporter.read(Array(xml.utf8)) { SecureBytes(count: 0) }
        XCTAssertEqual(file.format, .authy)
        let account = try XCTUnwrap(file.accounts.first)
        XCTAssertEqual([account.issuer, account.account], ["Authy Wallet", ""])
        XCTAssertEqual([account.digits, account.period], [7, 10])
        XCTAssertTrue(account.secret.isEqual(to: SecureBytes(Array("12345678901234567890".utf8))))
        // RFC 6238's SHA-1 vector at T=59 with a 30 s step is step 1; with 10 s it is step 5.
        XCTAssertEqual(OTPGenerator.currentCode(account, unixTime: 59), OTPGenerator.code(account, step: 5))
    }
}

extension EncryptedExportTests {
    /// Each damaged copy imports (less) or fails with an ImportError: nothing else, no trap.
    func assertTypedFailures(
        _ variants: [[UInt8]], password: SecureBytes, _ name: String, line: UInt = #line
    ) {
        for variant in variants {
            do {
                _ = try OTPImporter.read(variant) { password }
            } catch is ImportError {
            } catch {
                XCTFail("\(name) (\(variant.count) bytes): \(error)", line: line)
            }
        }
    }
}
