// Shared fixtures: a fresh folder per test and a fast KDF so the suite stays quick.
import GRDB
import Vault
import WalletCore
import WalletCrypto
import XCTest

class VaultTestCase: XCTestCase {
    var folder = ""
    let fastKDF = KDFParameters(opsLimit: 1, memLimit: 8 << 20)

    override func setUp() {
        folder = "/tmp/walletsec-vault-test-\(UInt32.random(in: 0...UInt32.max))/vault"
    }

    override func tearDown() {
        _ = try? FileManager.default.removeItem(atPath: FileSystem.directoryName(folder))
    }

    func secret(_ text: String) -> SecureBytes {
        SecureBytes(Array(text.utf8))
    }

    func makeVault(passphrase: String = "first passphrase 1") throws -> (Vault, VaultKey) {
        try Vault.create(at: folder, passphrase: secret(passphrase), kdf: fastKDF)
    }

    /// `body` must throw exactly `expected` (a typed VaultError or FileError case).
    func assertThrows<E: Error & Equatable>(
        _ expected: E, file: StaticString = #filePath, line: UInt = #line, _ body: () throws -> Void
    ) {
        XCTAssertThrowsError(try body(), file: file, line: line) { error in
            XCTAssertEqual(error as? E, expected, "\(error)", file: file, line: line)
        }
    }

    /// Every row of every table, as text: equal dumps mean nothing changed.
    func logicalDump(_ vault: Vault) throws -> [String] {
        try vault.read { db in
            let tables = try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            var lines: [String] = []
            for table in tables {
                for row in try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY rowid") {
                    lines.append("\(table): \(row.description)")
                }
            }
            return lines
        }
    }
}
