// The vault's and the file system's typed errors mapped to exit codes and both languages (docs/cli.md),
// and argument parsing of init, status, passwd and the global options.
import ArgumentParser
import Vault
import WalletCore
import XCTest

@testable import WalletsecCLI

#if canImport(Glibc)
    import Glibc
#endif

final class VaultMessageTests: XCTestCase {
    private func assertMessage(
        _ error: some UserFacingError, _ status: ExitStatus, en: String, zh: String,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        let message = error.userMessage
        XCTAssertEqual(message.status, status, "\(error)", file: file, line: line)
        XCTAssertTrue(message.text.en.contains(en), message.text.en, file: file, line: line)
        XCTAssertTrue(message.text.zh.contains(zh), message.text.zh, file: file, line: line)
    }

    // docs/cli.md: 2 no vault / newer vault, 3 wrong passphrase, 4 corrupt slot / moved sealed value /
    // unsafe permissions, 5 init on a vault / racing change lost, 70 unanticipated.
    func testVaultErrorsFollowTheExitCodeTable() {
        assertMessage(VaultError.notFound(path: "/v"), .usage, en: "no vault at /v; run 'walletsec init'", zh: "没有保险库")
        assertMessage(
            VaultError.newerSchema(found: 9, supported: 4), .usage, en: "schema version 9, newer", zh: "支持的版本 4")
        assertMessage(VaultError.kdfOutOfRange, .usage, en: "out of range", zh: "超出范围")
        assertMessage(
            VaultError.readOnlyMedia(path: "/media/v"), .usage, en: "/media/v is on read-only media",
            zh: "只读介质")
        assertMessage(
            VaultError.needsRecoveryOnReadOnlyMedia(path: "/media/v"), .usage,
            en: "/media/v was not closed cleanly", zh: "/media/v 中的保险库上次未正常关闭")
        assertMessage(VaultError.emptyPassphrase, .usage, en: "the passphrase is empty", zh: "主密码为空")
        assertMessage(
            VaultError.wrongPassphrase, .authentication, en: "wrong passphrase for this vault", zh: "保险库主密码不对")
        assertMessage(VaultError.corruptKeySlot, .integrity, en: "key slot is corrupt", zh: "密钥槽已损坏")
        assertMessage(
            VaultError.sealedValueRejected(table: "otp_accounts"), .integrity, en: "sealed value in otp_accounts",
            zh: "otp_accounts 中的加密数据")
        assertMessage(
            VaultError.unsafePermissions(path: "/v/vault.sqlite"), .integrity, en: "/v/vault.sqlite is writable",
            zh: "chmod 600")
        assertMessage(
            VaultError.foreignFile(path: "/v/vault.sqlite"), .integrity, en: "not a walletsec vault", zh: "不是")
        assertMessage(
            VaultError.alreadyExists(path: "/v"), .conflict,
            en: "a vault already exists at /v; refusing to overwrite it",
            zh: "/v 已有保险库")
        assertMessage(
            VaultError.passphraseChangedConcurrently, .conflict, en: "changed by another process", zh: "另一个进程")
        assertMessage(VaultError.busy, .conflict, en: "busy in another walletsec process; try again", zh: "请重试")
        assertMessage(VaultError.busyNothingChanged, .conflict, en: "nothing changed", zh: "未做任何更改")
        assertMessage(
            VaultError.accountNameTaken(name: "Bank:a"), .conflict, en: "Bank:a with a different secret", zh: "Bank:a")
        assertMessage(
            VaultError.storage(.open, detail: nil), .internal, en: "cannot open the vault: SQLite error",
            zh: "SQLite 错误")
        assertMessage(
            VaultError.storage(.restore, detail: "disk I/O error"), .internal, en: "restore failed: disk I/O",
            zh: "恢复失败")
        assertMessage(
            VaultError.unknownColumns(table: "t", columns: ["a", "b"]), .usage, en: "(a, b)", zh: "（a, b）")
        assertMessage(VaultError.danglingReferences, .integrity, en: "foreign keys", zh: "外键")
    }

    func testFileErrorsKeepTheirTexts() {
        assertMessage(FileError.notAFolder(path: "/x"), .usage, en: "/x is not a folder", zh: "/x 不是文件夹")
        assertMessage(FileError.tooLarge(path: "/x"), .usage, en: "/x is too large", zh: "文件过大")
        assertMessage(
            FileError.unsafePermissions(path: "/d", mode: 0o777), .integrity, en: "(mode 777); run chmod 700 on it",
            zh: "权限 777")
        assertMessage(FileError.ownedByAnotherUser(path: "/d"), .integrity, en: "owned by another user", zh: "属于其他用户")
        assertMessage(
            FileError.alreadyExists(path: "/o"), .conflict, en: "/o already exists; refusing to overwrite it",
            zh: "拒绝覆盖")
        assertMessage(
            FileError.posix(code: ENOENT, path: "/m", action: "read"), .usage,
            en: "cannot read /m: no such file or folder", zh: "无法读取 /m：文件或文件夹不存在")
        assertMessage(
            FileError.posix(code: EACCES, path: "/m", action: "create folder"), .usage,
            en: "cannot create folder /m: permission denied", zh: "无法创建 /m：权限不足")
        assertMessage(
            FileError.posix(code: EEXIST, path: "/m", action: "create"), .conflict, en: "already exists", zh: "已存在")
        assertMessage(
            FileError.posix(code: ENOSPC, path: "/m", action: "write"), .internal, en: "cannot write /m: ", zh: "无法写入")
    }

    func testExitCodesMatchTheDocumentedTable() {
        XCTAssertEqual(
            ExitStatus.allCases.map { "\($0.rawValue) \($0.name)" },
            [
                "0 ok", "1 check_failed", "2 usage", "3 authentication", "4 integrity", "5 conflict", "70 internal",
            ])
    }

    // MARK: Parsing

    func testInitParsesPassphraseFileKDFAndAllowWeak() throws {
        let command = try XCTUnwrap(
            try Walletsec.parseAsRoot([
                "init", "--vault", "/tmp/v", "--passphrase-file", "p.txt", "--kdf-memory", "64", "--kdf-passes", "2",
                "--allow-weak", "--json", "--lang", "zh",
            ]) as? InitCommand)
        XCTAssertEqual(command.globals.vaultFolder, "/tmp/v")
        XCTAssertTrue(command.globals.json)
        XCTAssertEqual(command.globals.language, .zh)
        XCTAssertEqual(command.passphrase.passphraseFile, "p.txt")
        XCTAssertTrue(command.allowWeak)
        XCTAssertEqual(command.kdf.parameters(), KDFParameters(opsLimit: 2, memLimit: 64 << 20))
    }

    func testInitWithoutKDFOptionsUsesTheDefaults() throws {
        let command = try XCTUnwrap(try Walletsec.parseAsRoot(["init"]) as? InitCommand)
        XCTAssertFalse(command.kdf.isSet)
        XCTAssertEqual(command.kdf.parameters(), .default)
        XCTAssertFalse(command.allowWeak)
    }

    func testPasswdKeepsTheUnsetKDFValue() throws {
        let command = try XCTUnwrap(
            try Walletsec.parseAsRoot(["passwd", "--new-passphrase-file", "n.txt", "--kdf-passes", "5"])
                as? PasswdCommand)
        XCTAssertEqual(command.newPassphraseFile, "n.txt")
        XCTAssertTrue(command.kdf.isSet)
        let current = KDFParameters(opsLimit: 3, memLimit: 128 << 20)
        XCTAssertEqual(command.kdf.parameters(base: current), KDFParameters(opsLimit: 5, memLimit: 128 << 20))
    }

    func testStatusAcceptsOnlyGlobalOptions() throws {
        XCTAssertTrue(try Walletsec.parseAsRoot(["status", "--json", "--vault", "/tmp/v"]) is StatusCommand)
        XCTAssertThrowsError(try Walletsec.parseAsRoot(["status", "--passphrase-file", "p"]))
    }

    func testBadOptionsAreParseErrors() {
        XCTAssertThrowsError(try Walletsec.parseAsRoot(["init", "--kdf-memory", "lots"]))
        XCTAssertThrowsError(try Walletsec.parseAsRoot(["status", "--lang", "fr"]))
        XCTAssertThrowsError(try Walletsec.parseAsRoot(["passwd", "--new-passphrase"]))
        XCTAssertThrowsError(try Walletsec.parseAsRoot(["init", "--no-such-option"])) { error in
            XCTAssertEqual(Walletsec.exitCode(for: error), .validationFailure)
        }
    }

    func testErrorContextReadsLanguageAndJSONBeforeParsing() {
        let context = ErrorContext(arguments: ["status", "--json", "--lang=zh"])
        XCTAssertTrue(context.json)
        XCTAssertEqual(context.language, .zh)
        XCTAssertEqual(ErrorContext(arguments: ["status", "--lang", "en"]).language, .en)
    }

    func testVaultLocationPrecedence() {
        XCTAssertEqual(VaultLocation.resolve(explicit: "/a", environment: ["WALLETSEC_HOME": "/b"]), "/a")
        XCTAssertEqual(VaultLocation.resolve(explicit: nil, environment: ["WALLETSEC_HOME": "/b"]), "/b")
        XCTAssertEqual(
            VaultLocation.resolve(explicit: nil, environment: ["XDG_DATA_HOME": "/x", "HOME": "/h"]), "/x/walletsec")
        XCTAssertEqual(VaultLocation.resolve(explicit: nil, environment: ["HOME": "/h"]), "/h/.local/share/walletsec")
    }
}
