// age-v1 format tests: published vectors (spec key pair, BIP-173), round trips at chunk boundaries,
// strict parsing, and tamper rejection (1,000 bit flips, truncations, swapped chunks, foreign headers).
import Foundation
import WalletCore
import WalletCrypto
import XCTest

@testable import AgeFormat

final class AgeFormatTests: XCTestCase {
    // From the age spec (C2SP age.md, "The X25519 recipient type").
    let specIdentity = "AGE-SECRET-KEY-1GFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPQ4EGAEX"
    let specRecipient = "age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwj"

    func encrypt(_ plain: [UInt8], to recipients: [Recipient], armored: Bool = false) throws -> [UInt8] {
        let sink = MemorySink()
        let writer = try AgeWriter(sink: sink, recipients: recipients, armored: armored)
        try writer.encryptAll(from: MemorySource(plain))
        return sink.bytes
    }

    func decrypt(_ file: [UInt8], with identities: [Identity]) throws -> [UInt8] {
        let (_, reader) = try AgeReader.open(MemorySource(file)) { _ in identities }
        let sink = MemorySink()
        try reader.copyAll(to: sink)
        return sink.bytes
    }

    /// How a failure is classed for the user (the CLI maps these to exit 3 and 4): a wrong key, or a
    /// file that is malformed, truncated or altered. Anything else is `.other`, so tests notice it.
    enum Verdict: Hashable { case authentication, integrity, other }

    func status(_ body: () throws -> Void) -> Verdict? {
        do {
            try body()
            return nil
        } catch AgeError.noIdentityMatched {
            return .authentication
        } catch let error as AgeError {
            switch error {
            case .notAgeFile, .headerMalformed, .armorMalformed, .stanzaMalformed, .scryptNotAlone,
                .headerMACMismatch, .chunkRejected, .truncated, .emptyFinalChunk, .workFactorTooLarge:
                return .integrity
            default:
                return .other
            }
        } catch {
            return .other
        }
    }

    /// The AgeError `body` throws, nil when it succeeds or throws something else.
    func ageError(_ body: () throws -> Void) -> AgeError? {
        do {
            try body()
            return nil
        } catch {
            return error as? AgeError
        }
    }

    func pattern(_ count: Int) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
    }

    // MARK: Vectors

    func testSpecKeyPair() throws {
        let identity = try X25519Identity(parsing: specIdentity)
        XCTAssertEqual(identity.recipient.text, specRecipient)
        XCTAssertEqual(identity.text, specIdentity)
        XCTAssertEqual(try X25519Recipient(parsing: specRecipient).publicKey, identity.recipient.publicKey)
    }

    /// Files written by the reference `age` 1.1.1 (keys/README.md), so interop is checked without `age`.
    func testVectorsWrittenByReferenceAge() throws {
        let keys = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("keys").path
        func read(_ name: String) throws -> [UInt8] { try FileSystem.readAll("\(keys)/\(name)") }
        let plain = try read("vector-plaintext.txt")
        let identities = try KeyFile.parseIdentities(
            String(decoding: try read("age-test-identity.txt"), as: UTF8.self), source: "test")
        XCTAssertEqual(try decrypt(try read("vector-x25519.age"), with: identities), plain)
        XCTAssertEqual(try decrypt(try read("vector-x25519-armored.txt"), with: identities), plain)
        let passphrase = ScryptIdentity(passphrase: SecureBytes(Array("test-only vector passphrase".utf8)))
        XCTAssertEqual(try decrypt(try read("vector-scrypt.age"), with: [passphrase]), plain)
        XCTAssertEqual(
            status { _ = try self.decrypt(try read("vector-x25519.age"), with: [passphrase]) }, .authentication)
    }

    func testBech32PublishedVectors() {
        // BIP-173 valid strings.
        for valid in [
            "A12UEL5L", "a12uel5l", "abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw",
            "split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w",
        ] {
            XCTAssertNotNil(Bech32.decode(valid), valid)
        }
        // BIP-173 invalid strings: mixed case, bad checksum, empty HRP, bad characters, short checksum.
        for invalid in ["A12uEL5L", "a12uel5m", "1pzry9x0s0muk", "x1b4n0q5v", "li1dgmt3", "de1lg7wt\u{ff}", "10a06t8"] {
            XCTAssertNil(Bech32.decode(invalid), invalid)
        }
        XCTAssertThrowsError(try X25519Recipient(parsing: specRecipient.uppercased()))
        XCTAssertThrowsError(try X25519Recipient(parsing: String(specRecipient.dropLast()) + "q"))
    }

    func testBase64IsStrict() {
        XCTAssertEqual(Base64.decode("AA"), [0])
        XCTAssertNil(Base64.decode("AB"))  // non-zero trailing bits
        XCTAssertNil(Base64.decode("AA=="))  // padding where none is allowed
        XCTAssertNil(Base64.decode("A"))
        XCTAssertNil(Base64.decode("AA A"))
        XCTAssertEqual(Base64.decode("AA==", variant: .padded), [0])
        XCTAssertNil(Base64.decode("AA", variant: .padded))
        XCTAssertEqual(Base64.encode([0xff, 0xee]), "/+4")
    }

    // MARK: Round trips

    func testRoundTripAtChunkBoundaries() throws {
        let identity = X25519Identity.generate()
        for size in [0, 1, 65535, 65536, 65537, 131072, 16 * 65536 + 5] {
            let plain = pattern(size)
            for armored in [false, true] {
                let file = try encrypt(plain, to: [identity.recipient], armored: armored)
                XCTAssertEqual(try decrypt(file, with: [identity]), plain, "size \(size) armored \(armored)")
                if !armored {
                    // header || 16-byte nonce || chunks of 64 KiB + 16-byte tag (one chunk when empty).
                    let macLine = file.firstRange(of: Array("\n--- ".utf8))!.upperBound + 44
                    let chunks = max(1, (size + 65535) / 65536)
                    XCTAssertEqual(file.count, macLine + 16 + size + 16 * chunks, "size \(size)")
                }
            }
        }
    }

    func testPullReaderMatchesCopyAll() throws {
        let identity = X25519Identity.generate()
        let plain = pattern(200_000)
        let file = try encrypt(plain, to: [identity.recipient])
        let (_, reader) = try AgeReader.open(MemorySource(file)) { _ in [identity] }
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 777)
        while true {
            let count = try buffer.withUnsafeMutableBytes { try reader.read(into: $0) }
            if count == 0 { break }
            out += buffer[0..<count]
        }
        XCTAssertEqual(out, plain)
    }

    func testMultipleRecipientsAndWrongIdentity() throws {
        let first = X25519Identity.generate()
        let second = X25519Identity.generate()
        let file = try encrypt(pattern(10), to: [first.recipient, second.recipient])
        XCTAssertEqual(try decrypt(file, with: [second]), pattern(10))
        XCTAssertEqual(status { _ = try self.decrypt(file, with: [X25519Identity.generate()]) }, .authentication)
        XCTAssertEqual(ageError { _ = try self.decrypt(file, with: [X25519Identity.generate()]) }, .noIdentityMatched)
    }

    func testLowOrderShareAborts() throws {
        let identity = X25519Identity.generate()
        let file = try encrypt(pattern(10), to: [identity.recipient])
        var text = String(decoding: file, as: UTF8.self)
        let share = try XCTUnwrap(text.split(separator: "\n")[1].split(separator: " ").last)
        // The all-zero point gives an all-zero shared secret, which must abort (not just fail to match).
        text = text.replacingOccurrences(of: String(share), with: Base64.encode([UInt8](repeating: 0, count: 32)))
        XCTAssertThrowsError(try decrypt(Array(text.utf8), with: [identity])) { error in
            XCTAssertEqual(error as? AgeError, .stanzaMalformed(.lowOrderShare))
        }
    }

    func testUnknownStanzaIsSkipped() throws {
        let identity = X25519Identity.generate()
        let file = try encrypt(pattern(10), to: [UnknownRecipient(), identity.recipient])
        XCTAssertTrue(String(decoding: file.prefix(200), as: UTF8.self).contains("-> example.com/unknown"))
        XCTAssertEqual(try decrypt(file, with: [identity]), pattern(10))
    }

    struct UnknownRecipient: Recipient {
        func wrap(fileKey: SecureBytes) throws -> [Stanza] {
            [Stanza(type: "example.com/unknown", arguments: ["x"], body: Random.bytes(48))]
        }
    }

    /// Hides `mustBeAlone` so a test can write the mixed header a reader must refuse.
    struct LooseRecipient: Recipient {
        let inner: Recipient
        func wrap(fileKey: SecureBytes) throws -> [Stanza] { try inner.wrap(fileKey: fileKey) }
    }

    func testScryptRoundTripAndLimits() throws {
        let passphrase = SecureBytes(Array("correct horse".utf8))
        let file = try encrypt(pattern(1000), to: [try ScryptRecipient(passphrase: passphrase, logN: 10)])
        XCTAssertEqual(try decrypt(file, with: [ScryptIdentity(passphrase: passphrase)]), pattern(1000))
        let wrong = ScryptIdentity(passphrase: SecureBytes(Array("wrong".utf8)))
        XCTAssertEqual(status { _ = try self.decrypt(file, with: [wrong]) }, .authentication)
        // The work factor rewritten to 23 is refused before deriving anything.
        let text = String(decoding: file, as: UTF8.self)
        let tooBig = Array(text.replacingOccurrences(of: " 10\n", with: " 23\n").utf8)
        XCTAssertEqual(
            status { _ = try self.decrypt(tooBig, with: [ScryptIdentity(passphrase: passphrase)]) }, .integrity)
        XCTAssertEqual(
            ageError { _ = try self.decrypt(tooBig, with: [ScryptIdentity(passphrase: passphrase)]) },
            .workFactorTooLarge(logN: 23, limit: 22))
        let leadingZero = Array(text.replacingOccurrences(of: " 10\n", with: " 010\n").utf8)
        XCTAssertEqual(
            status { _ = try self.decrypt(leadingZero, with: [ScryptIdentity(passphrase: passphrase)]) }, .integrity)
        XCTAssertEqual(
            ageError { _ = try self.decrypt(leadingZero, with: [ScryptIdentity(passphrase: passphrase)]) },
            .stanzaMalformed(.invalidScryptWorkFactor))
        // scrypt cannot be mixed with other recipients, when writing or reading.
        XCTAssertThrowsError(
            try AgeWriter(
                sink: MemorySink(),
                recipients: [
                    try ScryptRecipient(passphrase: passphrase, logN: 10), X25519Identity.generate().recipient,
                ])
        ) { XCTAssertEqual($0 as? AgeError, .passphraseNotAlone) }
        XCTAssertThrowsError(try AgeWriter(sink: MemorySink(), recipients: [])) {
            XCTAssertEqual($0 as? AgeError, .noRecipients)
        }
        XCTAssertThrowsError(try ScryptRecipient(passphrase: passphrase, logN: 23)) {
            XCTAssertEqual($0 as? AgeError, .workFactorOutOfRange(limit: 22))
        }
        let loose = LooseRecipient(inner: try ScryptRecipient(passphrase: passphrase, logN: 10))
        let mixed = try encrypt(pattern(3), to: [loose, UnknownRecipient()])
        XCTAssertEqual(
            status { _ = try self.decrypt(mixed, with: [ScryptIdentity(passphrase: passphrase)]) }, .integrity)
        XCTAssertEqual(
            ageError { _ = try self.decrypt(mixed, with: [ScryptIdentity(passphrase: passphrase)]) }, .scryptNotAlone)
    }

    // MARK: Strict parsing

    func testHeaderGrammarIsStrict() throws {
        let identity = X25519Identity.generate()
        let good = try encrypt(pattern(5), to: [identity.recipient])
        let headerEnd = good.firstRange(of: Array("\n---".utf8))!.upperBound
        let macLineEnd = good[headerEnd...].firstIndex(of: 0x0a)!
        let text = String(decoding: good[..<macLineEnd], as: UTF8.self)
        let payload = Array(good[macLineEnd...])
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func mutated(_ change: (inout [String]) -> Void) -> [UInt8] {
            var copy = lines
            change(&copy)
            return Array(copy.joined(separator: "\n").utf8) + payload
        }
        XCTAssertEqual(try decrypt(mutated { _ in }, with: [identity]), pattern(5))
        let cases: [(String, [UInt8])] = [
            ("version", mutated { $0[0] = "age-encryption.org/v2" }),
            ("double space", mutated { $0[1] = $0[1].replacingOccurrences(of: "-> X25519 ", with: "-> X25519  ") }),
            ("no space", mutated { $0[1] = $0[1].replacingOccurrences(of: "-> ", with: "->") }),
            ("padded body", mutated { $0[2] += "=" }),
            ("CR", mutated { $0[0] += "\r" }),
            ("mac short", mutated { $0[3] = String($0[3].dropLast()) }),
            ("no stanza", mutated { $0.removeSubrange(1...2) }),
            ("extra arg", mutated { $0[1] += " extra" }),
        ]
        for (name, file) in cases {
            let result = status { _ = try self.decrypt(file, with: [identity]) }
            XCTAssertEqual(result, .integrity, name)
        }
        XCTAssertEqual(status { _ = try self.decrypt(Array("hello".utf8), with: [identity]) }, .integrity)
        XCTAssertEqual(ageError { _ = try self.decrypt(Array("hello".utf8), with: [identity]) }, .notAgeFile)
        let expected: [String: AgeError] = [
            "version": .headerMalformed(.unsupportedVersion), "mac short": .headerMalformed(.malformedMACLine),
            "no stanza": .headerMalformed(.noStanza), "no space": .headerMalformed(.unexpectedLine),
            "double space": .headerMalformed(.malformedArguments),
        ]
        for (name, file) in cases {
            guard let error = expected[name] else { continue }
            XCTAssertEqual(ageError { _ = try self.decrypt(file, with: [identity]) }, error, name)
        }
        // The MAC covers every header byte: a stanza slipped in after the fact is detected.
        let altered = mutated { $0.insert(contentsOf: ["-> example.com/x a", ""], at: 3) }
        XCTAssertEqual(ageError { _ = try self.decrypt(altered, with: [identity]) }, .headerMACMismatch)
    }

    func testBodyOfFullLinesNeedsEmptyFinalLine() throws {
        let stanza = Stanza(type: "x", arguments: ["a"], body: [UInt8](repeating: 7, count: 48))
        let marshalled = String(decoding: Header.marshalWithoutMAC([stanza]), as: UTF8.self)
        XCTAssertTrue(marshalled.hasSuffix("\n\n---"))
        let full = marshalled + " " + String(repeating: "A", count: 43) + "\n"
        let header = try Header.parse(BufferedInput(MemorySource(Array(full.utf8))))
        XCTAssertEqual(header.stanzas, [stanza])
        let missingFinal = full.replacingOccurrences(of: "\n\n---", with: "\n---")
        XCTAssertThrowsError(try Header.parse(BufferedInput(MemorySource(Array(missingFinal.utf8)))))
    }

    func testEmptyFinalChunkAfterDataIsRejected() throws {
        let identity = X25519Identity.generate()
        let file = try encrypt(pattern(65536), to: [identity.recipient])
        let payloadStart = file.count - 65536 - 16
        let header = try Header.parse(BufferedInput(MemorySource(file)))
        let fileKey = try XCTUnwrap(try identity.unwrap(header.stanzas)).copyBytes()
        let nonce = Array(file[(payloadStart - 16)..<payloadStart])
        let payloadKey = HKDF.derive(inputKey: fileKey, salt: nonce, info: Array("payload".utf8), length: 32)
        // Seal chunk 0 as non-final and add an empty final chunk: valid tags, invalid structure.
        let sink = MemorySink()
        let writer = PayloadWriter(key: SecureBytes(payloadKey), sink: sink)
        try (pattern(65536) + [0]).withUnsafeBytes { try writer.write($0) }
        try writer.finish()
        var forged = Array(sink.bytes[0..<(65536 + 16)])
        var tag = [UInt8](repeating: 0, count: 16)
        var empty = [UInt8]()
        let engine = ChaCha20Poly1305.makeEngine()
        try payloadKey.withUnsafeBytes { key in
            try PayloadFormat.nonce(counter: 1, last: true).withUnsafeBytes { nonce in
                try empty.withUnsafeMutableBytes { e in
                    try tag.withUnsafeMutableBytes { t in
                        try engine.seal(
                            key: key, nonce: nonce, plaintext: UnsafeRawBufferPointer(e), ciphertext: e, tag: t)
                    }
                }
            }
        }
        forged += tag
        let forgedFile = Array(file[0..<payloadStart]) + forged
        XCTAssertEqual(status { _ = try self.decrypt(forgedFile, with: [identity]) }, .integrity)
        XCTAssertEqual(ageError { _ = try self.decrypt(forgedFile, with: [identity]) }, .emptyFinalChunk)
        // The same file with the proper 1-byte final chunk decrypts.
        XCTAssertEqual(try decrypt(Array(file[0..<payloadStart]) + sink.bytes, with: [identity]), pattern(65536) + [0])
    }

    // MARK: Tampering

    func testThousandBitFlipsAreAllRejected() throws {
        let identity = X25519Identity.generate()
        let plain = pattern(3 * 65536 + 100)
        let file = try encrypt(plain, to: [identity.recipient])
        var counts: [Verdict: Int] = [:]
        for _ in 0..<1000 {
            var copy = file
            let index = Int(Random.uniform(UInt32(copy.count)))
            copy[index] ^= UInt8(1) << UInt8(Random.uniform(8))
            let result = status { _ = try self.decrypt(copy, with: [identity]) }
            XCTAssertNotNil(result, "flip at \(index) accepted")
            if let result {
                XCTAssertTrue(result == .integrity || result == .authentication, "flip at \(index): \(result)")
                counts[result, default: 0] += 1
            }
        }
        XCTAssertGreaterThan(counts[.integrity, default: 0], 900)
    }

    func testTruncationAndReorderingAreRejected() throws {
        let identity = X25519Identity.generate()
        let plain = pattern(3 * 65536 + 100)
        let file = try encrypt(plain, to: [identity.recipient])
        let payloadStart = file.count - plain.count - 4 * 16
        for chunk in 0...4 {
            let boundary = payloadStart + chunk * (65536 + 16)
            for cut in [boundary - 1, boundary, boundary + 1] where cut < file.count {
                XCTAssertEqual(
                    status { _ = try self.decrypt(Array(file[0..<cut]), with: [identity]) }, .integrity, "cut \(cut)")
            }
        }
        var swapped = file
        let a = payloadStart
        let b = payloadStart + 65536 + 16
        swapped.replaceSubrange(a..<(a + 65552), with: file[b..<(b + 65552)])
        swapped.replaceSubrange(b..<(b + 65552), with: file[a..<(a + 65552)])
        XCTAssertEqual(status { _ = try self.decrypt(swapped, with: [identity]) }, .integrity)
        XCTAssertEqual(ageError { _ = try self.decrypt(swapped, with: [identity]) }, .chunkRejected(index: 0))
        // A header (and nonce) from another file for the same recipient: the payload no longer opens.
        let other = try encrypt(plain, to: [identity.recipient])
        let spliced = Array(other[0..<payloadStart]) + Array(file[payloadStart...])
        XCTAssertEqual(status { _ = try self.decrypt(spliced, with: [identity]) }, .integrity)
        XCTAssertEqual(ageError { _ = try self.decrypt(spliced, with: [identity]) }, .chunkRejected(index: 0))
        XCTAssertEqual(status { _ = try self.decrypt(file + [0], with: [identity]) }, .integrity)
        XCTAssertEqual(ageError { _ = try self.decrypt(file + [0], with: [identity]) }, .chunkRejected(index: 3))
        // Cut right after a full chunk: no final chunk follows it.
        let cut = payloadStart + 3 * (65536 + 16)
        XCTAssertEqual(
            ageError { _ = try self.decrypt(Array(file[0..<cut]), with: [identity]) }, .chunkRejected(index: 2))
    }

    func testArmorIsStrict() throws {
        let identity = X25519Identity.generate()
        let armored = String(
            decoding: try encrypt(pattern(300), to: [identity.recipient], armored: true), as: UTF8.self)
        XCTAssertTrue(armored.hasPrefix(Armor.beginLine + "\n"))
        XCTAssertTrue(armored.hasSuffix(Armor.endLine + "\n"))
        XCTAssertEqual(try decrypt(Array(("\n  " + armored + "\n\n").utf8), with: [identity]), pattern(300))
        let crlf = armored.replacingOccurrences(of: "\n", with: "\r\n")
        XCTAssertEqual(try decrypt(Array(crlf.utf8), with: [identity]), pattern(300))
        let bad = [
            armored.replacingOccurrences(of: "-----END", with: "junk\n-----END"),
            armored + "trailing",
            armored.replacingOccurrences(of: "AGE ENCRYPTED FILE-----\n", with: "AGE ENCRYPTED FILE-----\nX: y\n"),
            String(armored.dropLast(Armor.endLine.count + 1)),
            armored.replacingOccurrences(of: "\n-----END", with: " \n-----END"),
        ]
        for text in bad {
            XCTAssertEqual(status { _ = try self.decrypt(Array(text.utf8), with: [identity]) }, .integrity)
        }
        XCTAssertEqual(
            ageError { _ = try self.decrypt(Array((armored + "trailing").utf8), with: [identity]) },
            .armorMalformed(.dataAfterEnd))
        XCTAssertEqual(
            ageError {
                _ = try self.decrypt(Array(String(armored.dropLast(Armor.endLine.count + 1)).utf8), with: [identity])
            }, .armorMalformed(.unexpectedEnd))
    }

    func testIdentityFileSyntax() throws {
        let text = "# created: 2026-01-01T00:00:00Z\n# public key: \(specRecipient)\n\n\(specIdentity)\n"
        let identities = try KeyFile.parseIdentities(text, source: "test")
        XCTAssertEqual(identities.map(\.recipient.text), [specRecipient])
        XCTAssertThrowsError(try KeyFile.parseIdentities("# nothing\n", source: "test")) {
            XCTAssertEqual($0 as? AgeError, .noIdentities(source: "test"))
        }
        XCTAssertThrowsError(try KeyFile.parseIdentities(specIdentity + "x\n", source: "test")) {
            XCTAssertEqual($0 as? AgeError, .invalidIdentityLine(source: "test"))
        }
        XCTAssertThrowsError(try KeyFile.parseIdentities("AGE-PLUGIN-YUBIKEY-1XYZ\n", source: "k")) {
            XCTAssertEqual($0 as? AgeError, .unsupportedIdentity(source: "k"))
        }
        XCTAssertThrowsError(try KeyFile.parseRecipients("# none\n", source: "r")) {
            XCTAssertEqual($0 as? AgeError, .noRecipientsInFile(source: "r"))
        }
        XCTAssertThrowsError(try X25519Recipient(parsing: "age1nope")) {
            XCTAssertEqual($0 as? AgeError, .invalidRecipient("age1nope"))
        }
        // A secret key given as a recipient is not echoed back in the error.
        XCTAssertThrowsError(try KeyFile.parseRecipients("# key\n" + specIdentity + "\n", source: "r")) {
            XCTAssertEqual($0 as? AgeError, .identityGivenAsRecipient(source: "r"))
        }
        XCTAssertThrowsError(try X25519Recipient(parsing: specIdentity.lowercased())) {
            XCTAssertEqual($0 as? AgeError, .identityGivenAsRecipient(source: nil))
        }
        // A line that is not a recipient is named by number, never quoted (it may be a passphrase).
        XCTAssertThrowsError(try KeyFile.parseRecipients("# list\n\nhunter2-my-passphrase\n", source: "r")) {
            XCTAssertEqual($0 as? AgeError, .invalidRecipientLine(source: "r", line: 3))
        }
        XCTAssertThrowsError(try X25519Identity(parsing: "AGE-SECRET-KEY-1NOPE")) {
            XCTAssertEqual($0 as? AgeError, .invalidIdentity)
        }
        XCTAssertEqual(try KeyFile.parseRecipients("# r\n\(specRecipient)\r\n", source: "r").count, 1)
    }
}
