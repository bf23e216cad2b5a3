// Helpers for the password-strength tests: run one matcher over a string and find matches by span.
import XCTest

@testable import PasswordStrength

extension XCTestCase {
    func text(_ value: String) -> PasswordText { PasswordText(value) }

    func spans(_ matches: [Candidate]) -> [String] {
        matches.map { "\($0.i)-\($0.j)" }
    }

    func dictionaryIndex(_ name: String) -> Int {
        RankedDictionaries.shared.dictionaryIndex[name] ?? -1
    }
}
