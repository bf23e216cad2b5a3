// A tour of walletsec's libraries from another Swift package: one short block per capability.
// `swift run` prints what each step did and exits 0; scripts/test builds and runs it so it keeps working.
import AgeFormat
import Anomaly
import Foundation
import OneTimePassword
import PasswordStrength
import Statements
import Vault

// Password strength: zxcvbn-class, with Chinese patterns (pinyin, birthdays, lucky numbers).
let estimator = Estimator()
for password in ["zhangwei1988", "correct horse battery staple"] {
    let result = estimator.estimate(password)
    print("password: \(password.count) characters, score \(result.score)/4, 10^\(Int(result.guessesLog10)) guesses")
}

// Two-factor: read an otpauth URI, compute the RFC 6238 code, verify it (a second use is a replay).
let uri = "otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&issuer=Example"
let account = try KeyURI.parse(uri).account
let now: Int64 = 1_700_000_000
let code = OTPGenerator.currentCode(account, unixTime: now)
/// Keeps the replay state in memory; walletsec's vault keeps it in one SQLite transaction.
final class MemoryReplayStore: ReplayStateStore {
    var state = ReplayState(counter: 0, lastAcceptedStep: nil)
    func updateReplayState(_ decide: (ReplayState) throws -> ReplayState?) throws {
        if let next = try decide(state) { state = next }
    }
}
let store = MemoryReplayStore()
let first = try OTPVerifier.verify(code, account: account, unixTime: now, window: 1, store: store)
let second = try OTPVerifier.verify(code, account: account, unixTime: now, window: 1, store: store)
func describe(_ result: VerificationResult) -> String {
    switch result {
    case .accepted(let step): return "accepted (step \(step))"
    case .rejected(let reason): return "rejected (\(reason.rawValue))"
    }
}
print("2fa: \(account.name) code \(code): first \(describe(first)), then \(describe(second))")

// age: encrypt to a fresh X25519 key and decrypt with its identity; stock `age -d` opens the same bytes.
let identity = X25519Identity.generate()
let sink = MemorySink()
let writer = try AgeWriter(sink: sink, recipients: [identity.recipient])
try writer.write(Array("recovery codes: 1234-5678".utf8))
try writer.finish()
let opened = try AgeReader.open(MemorySource(sink.bytes)) { _ in [identity] }
let plain = MemorySink()
try opened.payload.copyAll(to: plain)
print(
    "age: \(sink.bytes.count) encrypted bytes to \(identity.recipient.text.prefix(12))…, decrypted \"\(String(decoding: plain.bytes, as: UTF8.self))\""
)

// Statements and alerts: read a bundled Alipay export and run the detectors on it.
guard let samplePath = Bundle.module.path(forResource: "sample-statement", ofType: "csv") else {
    fatalError("the bundled sample statement is missing")
}
let statement = try StatementReader.read(path: samplePath, options: ReadOptions())
let ledger = Ledger(items: IdentifiedTransaction.identify(statement.transactions, fileIndex: 0))
let alerts = Detection.run(ledger)
print("statement: \(statement.transactions.count) transactions, \(alerts.count) alert(s)")
for alert in alerts {
    print("  [\(alert.severity.rawValue)] \(alert.kind.rawValue): \(alert.explanation.en)")
}

// Vault: create one in a temporary folder, seal a secret, reopen and unlock it.
let folder = FileManager.default.temporaryDirectory.appendingPathComponent("toolkit-tour-\(getpid())").path
defer { try? FileManager.default.removeItem(atPath: folder) }
let passphrase = SecureBytes(Array("a long tour passphrase, not for real use".utf8))
let fast = KDFParameters.minimum  // tiny cost: a tour, not a real vault
let (vault, key) = try Vault.create(at: folder, passphrase: passphrase, kdf: fast)
let row = RowIdentity(table: "tour", rowID: "1", field: "note")
let sealed = try vault.seal(Array("seed".utf8), key: key, row: row)
let reopened = try Vault.open(at: folder)
let unsealed = try reopened.openSealed(sealed, key: try reopened.unlock(passphrase: passphrase), row: row)
print("vault: created, sealed \(sealed.count) bytes, reopened and read back \(unsealed.count) bytes")
