// How the CLI words the refusals of issue 13's encrypted imports: Authenticator Pro's Argon2id backup (exit 2,
// with what to do instead) and the wrong password of each app (exit 3).
import OneTimePassword
import XCTest

@testable import WalletsecCLI

final class EncryptedImportMessageTests: XCTestCase {
    func testStratumArgon2idBackupIsAUsageErrorThatSaysWhatToDoInstead() {
        let message = ImportError.unsupportedEncryption(.stratum, reason: .argon2idParallelLanes).userMessage
        XCTAssertEqual(message.status, .usage)
        XCTAssertEqual(message.status.rawValue, 2)
        XCTAssertTrue(message.text.en.contains("Argon2id with parallel lanes"), message.text.en)
        XCTAssertTrue(message.text.en.contains("export it unencrypted"), message.text.en)
        XCTAssertTrue(message.text.zh.contains("Argon2id"), message.text.zh)
        XCTAssertTrue(message.text.zh.contains("不加密"), message.text.zh)
    }

    func testWrongPasswordOfEveryAppIsAnAuthenticationErrorNamingTheApp() {
        let apps: [(AuthenticatorApp, String)] = [
            (.authy, "Authy"), (.freeOTP, "FreeOTP"), (.stratum, "Stratum (Authenticator Pro)"),
            (.totpAuthenticator, "TOTP Authenticator"), (.authenticatorPlus, "Authenticator Plus"),
        ]
        for (app, name) in apps {
            let message = ImportError.wrongPassword(app).userMessage
            XCTAssertEqual(message.status.rawValue, 3)
            XCTAssertEqual(message.text.en, "wrong import password for this \(name) file")
        }
        XCTAssertEqual(ImportError.corrupted(.microsoftAuthenticator).userMessage.status.rawValue, 4)
        XCTAssertEqual(
            ImportError.malformed(.googleAuthenticatorDatabase, reason: .noAccountsTable).userMessage.text.en,
            "malformed Google Authenticator database file: the database has no accounts table")
    }
}
