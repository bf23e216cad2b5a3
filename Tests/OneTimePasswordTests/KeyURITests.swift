// otpauth:// parsing, building, round trips and the linter's findings.
import WalletCore
import WalletCrypto
import XCTest

@testable import OneTimePassword

final class KeyURITests: XCTestCase {
    func testParsesTheGoogleWikiExample() throws {
        let (account, warnings) = try KeyURI.parse(
            "otpauth://totp/Example:alice@google.com?secret=JBSWY3DPEHPK3PXP&issuer=Example")
        XCTAssertEqual(account.issuer, "Example")
        XCTAssertEqual(account.account, "alice@google.com")
        XCTAssertEqual(account.secret.copyBytes(), Array("Hello!".utf8) + [0xde, 0xad, 0xbe, 0xef])
        XCTAssertEqual(account.kind, .totp)
        XCTAssertEqual(account.digits, 6)
        XCTAssertEqual(account.period, 30)
        XCTAssertEqual(account.algorithm, .sha1)
        // 80-bit secret: under the recommended 128 bits.
        XCTAssertEqual(warnings.count, 1)
        XCTAssertEqual(warnings[0], LintFinding(.warning, .shortSecret(bits: 80)))
    }

    func testPercentEncodedLabelAndParameters() throws {
        let uri =
            "otpauth://hotp/ACME%20Co:john.doe%40email.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=ACME+Co&algorithm=sha512&digits=8&counter=7"
        let (account, warnings) = try KeyURI.parse(uri)
        XCTAssertEqual(account.issuer, "ACME Co")
        XCTAssertEqual(account.account, "john.doe@email.com")
        XCTAssertEqual(account.kind, .hotp)
        XCTAssertEqual(account.counter, 7)
        XCTAssertEqual(account.algorithm, .sha512)
        XCTAssertEqual(account.digits, 8)
        XCTAssertEqual(warnings, [])
    }

    func testRoundTripThroughBuild() throws {
        let secret = Random.bytes(32)
        let cases = [
            OTPAccount(
                issuer: "Bank: Ünï/€", account: "a b&c=d?e", secret: secret, algorithm: .sha256, digits: 7, period: 60),
            OTPAccount(
                kind: .hotp, issuer: "", account: "solo", secret: secret, algorithm: .sha512, digits: 8, counter: 99),
            OTPAccount(kind: .steam, issuer: "Steam", account: "gamer", secret: secret),
        ]
        for original in cases {
            let uri = KeyURI.build(original)
            let parsed = try KeyURI.parse(uri).account
            XCTAssertEqual(parsed, original, uri)
            XCTAssertEqual(KeyURI.build(parsed), uri)
        }
    }

    func testSteamForms() throws {
        let viaEncoder = try KeyURI.parse(
            "otpauth://totp/Steam:me?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Steam&encoder=steam"
        ).account
        XCTAssertEqual(viaEncoder.kind, .steam)
        XCTAssertEqual(viaEncoder.digits, 5)
        XCTAssertEqual(OTPGenerator.currentCode(viaEncoder, unixTime: 1_700_000_000).count, 5)
    }

    func testLinterFindings() {
        func severities(_ uri: String) -> [LintFinding.Severity] { KeyURI.lint(uri).map(\.severity) }
        let good = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
        XCTAssertEqual(severities("otpauth://totp/A:b?secret=\(good)&issuer=A"), [])
        XCTAssertEqual(severities("otpauth://totp/A:b?secret=\(good)&issuer=B"), [.warning], "issuer mismatch")
        XCTAssertEqual(severities("otpauth://totp/A:b?secret=\(good)&algorithm=MD5"), [.error], "unknown algorithm")
        XCTAssertEqual(severities("otpauth://totp/A:b?secret=\(good)&digits=9"), [.error])
        XCTAssertEqual(severities("otpauth://totp/A:b?secret=\(good)&digits=5"), [.error])
        XCTAssertEqual(severities("otpauth://totp/A:b?secret=GEZDGNBV"), [.warning], "short secret")
        XCTAssertEqual(severities("otpauth://hotp/A:b?secret=\(good)"), [.error], "hotp without counter")
        XCTAssertEqual(severities("otpauth://totp/A:b?issuer=A"), [.error], "no secret")
        XCTAssertEqual(severities("otpauth://foo/A:b?secret=\(good)"), [.error])
        XCTAssertEqual(severities("https://example.com"), [.error])
    }

    func testMalformedURIsThrowTheirFirstProblem() {
        let cases: [(String, URIProblem)] = [
            ("otpauth://totp/A:b?secret=ABC1", .badBase32(position: 4)),
            ("otpauth://totp/A%ZZb?secret=JBSWY3DPEHPK3PXP", .badLabelEncoding),
            ("otpauth://totp", .noLabel),
            ("otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP&period=0", .badPeriod("0")),
            ("mailto:x", .notOTPAuthURI),
            ("otpauth://totp/A:b?issuer=A", .noSecret),
            ("otpauth://hotp/A:b?secret=JBSWY3DPEHPK3PXP", .hotpWithoutCounter),
            ("otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP&algorithm=MD5", .unknownAlgorithm("MD5")),
            ("otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP&digits=9", .badDigits("9")),
            ("otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP&secret=JBSWY3DPEHPK3PXP", .duplicateParameter("secret")),
        ]
        for (uri, problem) in cases {
            XCTAssertThrowsError(try KeyURI.parse(uri), uri) { error in
                XCTAssertEqual(error as? OTPError, .malformedURI(problem), uri)
            }
        }
    }

    func testLintOfAFileNamesLines() {
        let text = "# accounts\n\notpauth://totp/A:b?secret=JBSWY3DP\nmailto:x\n"
        XCTAssertEqual(
            KeyURI.lint(lines: text),
            [LintFinding(.warning, .shortSecret(bits: 40), line: 3), LintFinding(.error, .notOTPAuthURI, line: 4)])
    }
}
