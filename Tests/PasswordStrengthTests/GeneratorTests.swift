// Passphrase and password generation: sizes, alphabets, entropy, and that what we generate scores well.
import XCTest

@testable import PasswordStrength

final class GeneratorTests: XCTestCase {
    func testPasswordsUseTheAlphabetAndLength() {
        let alphabet = Set(PasswordGenerator.characters)
        for length in [4, 14, 64] {
            let password = PasswordGenerator.password(length: length)
            XCTAssertEqual(password.unicodeScalars.count, length)
            XCTAssertTrue(password.unicodeScalars.allSatisfy(alphabet.contains))
        }
        XCTAssertNotEqual(PasswordGenerator.password(length: 20), PasswordGenerator.password(length: 20))
    }

    func testPassphrases() {
        XCTAssertEqual(PasswordGenerator.englishWords.count, 8192)
        XCTAssertEqual(Set(PasswordGenerator.englishWords).count, 8192, "no duplicates")
        let phrase = PasswordGenerator.passphrase(words: 6)
        let words = phrase.split(separator: "-")
        XCTAssertEqual(words.count, 6)
        XCTAssertTrue(words.allSatisfy { PasswordGenerator.englishWords.contains(String($0)) })
        XCTAssertEqual(PasswordGenerator.entropyBits(words: 6, pinyin: false), 78, accuracy: 1e-9)
        XCTAssertGreaterThanOrEqual(Estimator().estimate(phrase).score, 3)
        let pinyin = PasswordGenerator.passphrase(words: 8, pinyin: true)
        XCTAssertEqual(pinyin.split(separator: "-").count, 8)
        XCTAssertGreaterThan(PasswordGenerator.entropyBits(words: 8, pinyin: true), 60)
    }
}
