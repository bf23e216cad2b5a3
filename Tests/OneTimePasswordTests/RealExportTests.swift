// Real exports of every app Aegis imports from (../shared/otp-exports/aegis/, Aegis's own importer fixtures,
// read in place): each file must import exactly the accounts of plain.txt that its app can hold, with the
// same codes at fixed times, and skip exactly what is expected. Expected accounts are derived from plain.txt
// with our own KeyURI parser; where an app stores less (2FAS schema 1, TOTP Authenticator…) the spec says what
// it kept. Reusable by other format tests: `RealExports.assertImports(file:password:expected:skipped:)`.
import Foundation
import WalletCrypto
import XCTest

@testable import OneTimePassword

/// The shared fixture folder and the expectations built from its plain.txt.
enum RealExports {
    /// `<package root>/../shared/otp-exports/aegis`.
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/otp-exports/aegis")

    /// The times (and, for HOTP, counters from the stored one) whose codes must agree.
    static let times: [Int64] = [59, 1_111_111_109, 2_000_000_000]

    /// The folder, or an XCTSkip saying it is absent.
    static func requireFolder() throws -> URL {
        guard FileManager.default.fileExists(atPath: folder.appendingPathComponent("plain.txt").path) else {
            throw XCTSkip("../shared/otp-exports absent: real-file tests skipped")
        }
        return folder
    }

    /// plain.txt's accounts by issuer, plus Battle.net's vector (Aegis's VaultEntries.java: Battle.net cannot
    /// scan QR codes, so plain.txt has no line for it).
    static func plainAccounts() throws -> [String: OTPAccount] {
        let text = try String(contentsOf: try requireFolder().appendingPathComponent("plain.txt"), encoding: .utf8)
        var accounts: [String: OTPAccount] = [:]
        for line in text.split(whereSeparator: \.isNewline) where !line.isEmpty {
            let account = try KeyURI.parse(String(line)).account
            accounts[account.issuer] = account
        }
        accounts["Battle.net"] = OTPAccount(
            issuer: "Battle.net", account: "US-2211-2050-3346",
            secret: try Base32.decode("BMGRXPGFARQQF4GMT25JATL2VYLAHDBI"), digits: 8)
        return accounts
    }

    /// An expected account: "Deno" is plain.txt's Deno entry as it is; "Deno/mason totp SHA1 6 p30" names
    /// issuer/account (∅ for empty), kind, algorithm, digits and period (pN) or counter (cN) as the app kept
    /// them, the secret being plain.txt's entry of that issuer, or of the issuer after "@" ("∅/Mason … @Deno").
    static func expected(_ spec: String, plain: [String: OTPAccount]) throws -> OTPAccount {
        if let exact = plain[spec] { return exact }
        var words = spec.split(separator: " ").map(String.init)
        var source: String?
        if let last = words.last, last.hasPrefix("@") {
            source = String(last.dropFirst())
            words.removeLast()
        }
        // Issuer/account may contain spaces ("Air Canada/Benjamin"): the last four words are the parameters.
        guard words.count >= 5 else { throw XCTSkip("bad spec \(spec)") }
        let names = words.dropLast(4).joined(separator: " ").split(separator: "/", maxSplits: 1).map(String.init)
        let issuer = names[0] == "∅" ? "" : names[0]
        let account = names.count > 1 ? (names[1] == "∅" ? "" : names[1]) : ""
        let parameters = Array(words.suffix(4))
        let secretSource = try XCTUnwrap(plain[source ?? issuer], "no plain.txt entry for \(spec)")
        let kind = try XCTUnwrap(OTPKind(rawValue: parameters[0]))
        let last = parameters[3]
        let number = try XCTUnwrap(Int(last.dropFirst()))
        return OTPAccount(
            kind: kind, issuer: issuer, account: account, secret: secretSource.secret,
            algorithm: try XCTUnwrap(HashAlgorithm(rawValue: parameters[1])), digits: try XCTUnwrap(Int(parameters[2])),
            period: last.hasPrefix("p") ? number : 30, counter: last.hasPrefix("c") ? UInt64(number) : 0)
    }

    /// Imports `file` from the fixture folder and checks every account against `expected` (specs as above,
    /// any order): names, parameters, and codes at `times` (HOTP: at the stored counter and the next two);
    /// then the skipped entries, and the format when given.
    static func assertImports(
        file: String, password: String? = nil, format: ImportFormat? = nil, expected: [String],
        skipped: [SkippedEntry] = [], line: UInt = #line
    ) throws {
        let plain = try plainAccounts()
        let bytes = try [UInt8](Data(contentsOf: try requireFolder().appendingPathComponent(file)))
        let imported = try OTPImporter.read(bytes) {
            guard let password else {
                XCTFail("\(file): a password was asked", line: line)
                return SecureBytes(count: 0)
            }
            return SecureBytes(Array(password.utf8))
        }
        if let format { XCTAssertEqual(imported.format, format, "\(file)", line: line) }
        let wanted = try expected.map { try self.expected($0, plain: plain) }
        XCTAssertEqual(
            imported.accounts.map(\.name).sorted(), wanted.map(\.name).sorted(), "\(file): accounts", line: line)
        for account in wanted {
            guard let got = imported.accounts.first(where: { $0.name == account.name }) else { continue }
            XCTAssertTrue(got.secret.isEqual(to: account.secret), "\(file) \(account.name): secret", line: line)
            XCTAssertEqual(
                [got.kind.rawValue, got.algorithm.rawValue, "\(got.digits)", "\(got.period)", "\(got.counter)"],
                [
                    account.kind.rawValue, account.algorithm.rawValue, "\(account.digits)", "\(account.period)",
                    "\(account.counter)",
                ],
                "\(file) \(account.name): kind, algorithm, digits, period, counter", line: line)
            let steps: [(OTPAccount) -> UInt64] =
                account.kind == .hotp
                ? [{ $0.counter }, { $0.counter + 1 }, { $0.counter + 2 }]
                : times.map { time in { OTPGenerator.step(unixTime: time, period: $0.period) } }
            for step in steps {
                XCTAssertEqual(
                    OTPGenerator.code(got, step: step(got)), OTPGenerator.code(account, step: step(account)),
                    "\(file) \(account.name): code", line: line)
            }
        }
        XCTAssertEqual(imported.skipped, skipped, "\(file): skipped", line: line)
    }
}

final class RealExportTests: XCTestCase {
    let all = ["Deno", "SPDX", "Airbnb", "Issuu", "Air Canada", "WWE", "Boeing"]

    func testURIListsAndEnte() throws {
        try RealExports.assertImports(file: "plain.txt", format: .uris, expected: all)
        try RealExports.assertImports(file: "ente_auth.txt", format: .enteAuth, expected: all)
    }

    func testAegisAndAndOTPPlain() throws {
        try RealExports.assertImports(file: "aegis_plain.json", format: .aegis, expected: all)
        try RealExports.assertImports(file: "andotp_plain.json", format: .andOTP, expected: all)
    }

    func testTwoFASSchemas() throws {
        // Schema 1 kept names only: every account became TOTP SHA-1, 6 digits, 30 s; Steam was not held.
        try RealExports.assertImports(
            file: "2fas_authenticator.json", format: .twoFAS,
            expected: [
                "Deno", "SPDX/James totp SHA1 6 p30", "Airbnb/Elijah totp SHA1 6 p30", "Issuu/James totp SHA1 6 p30",
                "Air Canada/Benjamin totp SHA1 6 p30", "WWE/Mason totp SHA1 6 p30",
            ])
        // Schema 2 has no token type (HOTP came out as TOTP); this export holds four accounts.
        try RealExports.assertImports(
            file: "2fas_authenticator_plain.2fas", format: .twoFAS,
            expected: ["Deno", "Airbnb", "Issuu/James totp SHA1 6 p30", "WWE/Mason totp SHA512 8 p30"])
        try RealExports.assertImports(
            file: "2fas_authenticator_plain_v3.2fas", format: .twoFAS, expected: Array(all.dropLast()))
        try RealExports.assertImports(
            file: "2fas_authenticator_plain_v4.2fas", format: .twoFAS,
            expected: ["Deno", "Issuu", "Air Canada", "WWE", "Boeing"])
    }

    func testBitwardenProtonSteamDuo() throws {
        let bitwarden = ["Deno", "SPDX", "Airbnb"]
        try RealExports.assertImports(
            file: "bitwarden.json", format: .bitwarden,
            expected: bitwarden + ["Steam/Test Steam steam SHA1 5 p30 @Boeing"])
        try RealExports.assertImports(
            file: "bitwarden.csv", format: .bitwardenCSV,
            expected: bitwarden + ["Steam/Test 4 steam SHA1 5 p30 @Boeing"])
        try RealExports.assertImports(
            file: "proton_authenticator.json", format: .protonAuthenticator, expected: bitwarden)
        for file in ["steam.json", "steam_old.json"] {
            try RealExports.assertImports(
                file: file, format: .steam, expected: ["Steam/Sophia steam SHA1 5 p30 @Boeing"])
        }
        // Duo keeps no issuer and its counter is the app's current one (3, ahead of plain.txt's 1).
        try RealExports.assertImports(
            file: "duo.json", format: .duo,
            expected: ["∅/Mason totp SHA1 6 p30 @Deno", "∅/James hotp SHA1 6 c3 @Issuu"])
    }

    func testSharedPreferencesFormats() throws {
        try RealExports.assertImports(
            file: "battle_net_authenticator.xml", format: .battleNet, expected: ["Battle.net"])
        try RealExports.assertImports(
            file: "freeotp.xml", format: .freeOTP, expected: ["WWE", "Airbnb", "Deno", "Issuu"])
        try RealExports.assertImports(
            file: "freeotp_plus_internal.xml", format: .freeOTP, expected: Array(all.dropLast()))
        // TOTP Authenticator lower-cases names and knows only SHA-1.
        try RealExports.assertImports(
            file: "totp_authenticator_internal.xml", format: .totpAuthenticatorInternal,
            expected: ["Deno/mason totp SHA1 6 p30", "SPDX/james totp SHA1 7 p20", "Airbnb/elijah totp SHA1 8 p50"])
    }

    func testFreeOTPPlusAndStratumJSON() throws {
        try RealExports.assertImports(file: "freeotp_plus.json", format: .freeOTPPlus, expected: Array(all.dropLast()))
        try RealExports.assertImports(file: "stratum_plain.json", format: .stratum, expected: all)
    }

    /// Every one of the 40 fixtures is recognised as some format: none ends in "unknown import format". Stratum's
    /// current encrypted backup is recognised and refused (Argon2id with 4 lanes) before a password is asked.
    func testEveryFixtureIsRecognised() throws {
        let folder = try RealExports.requireFolder()
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        XCTAssertEqual(names.count, 40, "\(names)")
        var unrecognised: [String] = []
        var refused: [String] = []
        for name in names {
            let bytes = try [UInt8](Data(contentsOf: folder.appendingPathComponent(name)))
            var asked = false
            do {
                _ = try OTPImporter.read(bytes) {
                    asked = true
                    return SecureBytes(Array("wrong password".utf8))
                }
                XCTAssertFalse(Self.needsPassword(name), "\(name) read with a wrong password")
            } catch ImportError.unrecognised, ImportError.unknownFormat {
                unrecognised.append(name)
            } catch let error as ImportError
                where error == .unsupportedEncryption(.stratum, reason: .argon2idParallelLanes)
            {
                refused.append(name)
                XCTAssertFalse(asked, "no password is asked for a file that cannot be opened")
            } catch {
                XCTAssertTrue(Self.needsPassword(name), "\(name): \(error)")
                XCTAssertTrue(asked, "\(name) failed before its password: \(error)")
            }
        }
        XCTAssertEqual(unrecognised, [])
        XCTAssertEqual(refused, ["stratum_encrypted.bin"])
    }

    /// Cut short anywhere, or with a byte flipped, a real export fails cleanly or imports less: no trap, no hang.
    func testDamagedRealExportsFailCleanly() throws {
        let folder = try RealExports.requireFolder()
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        let start = Date()
        // Password-protected files are left out: every damaged copy would run the key derivation.
        for name in names where !Self.needsPassword(name) {
            let bytes = try [UInt8](Data(contentsOf: folder.appendingPathComponent(name)))
            let step = max(1, bytes.count / 97)
            for length in stride(from: 0, to: bytes.count, by: step) {
                _ = try? OTPImporter.read(Array(bytes.prefix(length))) { SecureBytes(Array("x".utf8)) }
                var flipped = bytes
                flipped[length] ^= 0x5A
                _ = try? OTPImporter.read(flipped) { SecureBytes(Array("x".utf8)) }
            }
        }
        XCTAssertLessThan(Date().timeIntervalSince(start), 60)
    }

    /// Fixtures that are password-protected (their names do not all say so).
    static func needsPassword(_ name: String) -> Bool {
        name.contains("encrypted") || name.hasPrefix("freeotp_v2_")
            || ["authenticator_plus.zip", "totp_authenticator.bin"].contains(name)
    }
}
