// The age v1 header: version line, recipient stanzas, MAC line. Parsing follows the spec's ABNF to the
// letter (canonical unpadded base64, 64-column bodies ending with a shorter line, single spaces, VCHAR
// arguments) so that no two byte strings parse to the same header.
import WalletCore
import WalletCrypto

/// One recipient stanza: `-> type args…` and a binary body.
public struct Stanza: Sendable, Equatable {
    /// The stanza type, e.g. `X25519` or `scrypt`.
    public var type: String
    /// The arguments after the type.
    public var arguments: [String]
    /// The decoded body.
    public var body: [UInt8]

    /// A stanza as a custom `Recipient` would produce it.
    public init(type: String, arguments: [String], body: [UInt8]) {
        self.type = type
        self.arguments = arguments
        self.body = body
    }
}

/// A parsed age header, handed to the identity callback of `AgeReader.open` before any key is tried.
public struct Header: Sendable, Equatable {
    static let versionLine = "age-encryption.org/v1"
    static let columnsPerLine = 64
    /// Limits that keep a hostile header from using unbounded memory.
    static let maxLineLength = 1 << 16
    static let maxHeaderLength = 1 << 20

    /// The recipient stanzas, in file order.
    public var stanzas: [Stanza]
    var mac: [UInt8]
    /// The exact bytes the MAC covers: from the version line through `---`.
    var macInput: [UInt8]

    // MARK: Marshal

    /// Serialises the stanzas and `---`, the bytes the MAC is computed over.
    static func marshalWithoutMAC(_ stanzas: [Stanza]) -> [UInt8] {
        var out = Array((versionLine + "\n").utf8)
        for stanza in stanzas {
            out += Array((["->", stanza.type] + stanza.arguments).joined(separator: " ").utf8)
            out.append(0x0a)
            let encoded = stanza.body.withUnsafeBytes { Base64.encodeBytes($0, variant: .unpadded) }
            var offset = 0
            while encoded.count - offset >= columnsPerLine {
                out += encoded[offset..<(offset + columnsPerLine)]
                out.append(0x0a)
                offset += columnsPerLine
            }
            out += encoded[offset...]  // the final, shorter (possibly empty) line
            out.append(0x0a)
        }
        out += Array("---".utf8)
        return out
    }

    /// The full header: stanzas, `---`, space, MAC, LF.
    static func marshal(_ stanzas: [Stanza], macKey: [UInt8]) -> [UInt8] {
        var out = marshalWithoutMAC(stanzas)
        let mac = HMAC.authenticate(.sha256, key: macKey, message: out)
        out += Array((" " + Base64.encode(mac) + "\n").utf8)
        return out
    }

    // MARK: Parse

    static func isVisible(_ byte: UInt8) -> Bool { byte >= 33 && byte <= 126 }

    static func isBase64Char(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a) || (byte >= 0x30 && byte <= 0x39)
            || byte == 0x2b || byte == 0x2f
    }

    /// Canonical unpadded base64 or nil.
    static func decodeBase64(_ chars: [UInt8]) -> [UInt8]? {
        guard chars.allSatisfy(isBase64Char) else { return nil }
        return chars.withUnsafeBytes { Base64.decodeBytes($0, variant: .unpadded) }
    }

    /// Reads the header from `input`, leaving it positioned at the first payload byte.
    package static func parse(_ input: BufferedInput) throws -> Header {
        var macInput: [UInt8] = []
        func nextLine() throws -> [UInt8] {
            let result: (line: [UInt8], terminated: Bool)?
            do {
                result = try input.readLine(maxLength: maxLineLength)
            } catch is BufferedInput.LineError {
                throw AgeError.headerMalformed(.lineTooLong)
            }
            guard let result, result.terminated else {
                throw AgeError.headerMalformed(.endsEarly)
            }
            macInput += result.line
            macInput.append(0x0a)
            guard macInput.count <= maxHeaderLength else {
                throw AgeError.headerMalformed(.tooLarge)
            }
            return result.line
        }

        let first = try nextLine()
        guard first == Array(versionLine.utf8) else {
            if first.starts(with: Array("age-encryption.org/".utf8)) {
                throw AgeError.headerMalformed(.unsupportedVersion)
            }
            throw AgeError.headerMalformed(.missingVersionLine)
        }
        var stanzas: [Stanza] = []
        var line = try nextLine()
        while true {
            if line.starts(with: Array("---".utf8)) {
                // end = "--- " 43base64char LF
                guard line.count == 4 + 43, line[3] == 0x20, let mac = decodeBase64(Array(line[4...])), mac.count == 32
                else {
                    throw AgeError.headerMalformed(.malformedMACLine)
                }
                guard !stanzas.isEmpty else {
                    throw AgeError.headerMalformed(.noStanza)
                }
                macInput.removeLast(line.count + 1)
                macInput += Array("---".utf8)
                return Header(stanzas: stanzas, mac: mac, macInput: macInput)
            }
            guard line.starts(with: Array("-> ".utf8)) else {
                throw AgeError.headerMalformed(.unexpectedLine)
            }
            let parts = line[3...].split(separator: 0x20, omittingEmptySubsequences: false)
            guard !parts.isEmpty, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(isVisible) }) else {
                throw AgeError.headerMalformed(.malformedArguments)
            }
            var bodyChars: [UInt8] = []
            while true {
                let bodyLine = try nextLine()
                guard bodyLine.count <= columnsPerLine, bodyLine.allSatisfy(isBase64Char) else {
                    throw AgeError.headerMalformed(.malformedBody)
                }
                bodyChars += bodyLine
                if bodyLine.count < columnsPerLine { break }
            }
            guard let body = decodeBase64(bodyChars) else {
                throw AgeError.headerMalformed(.nonCanonicalBase64)
            }
            let strings = parts.map { String(decoding: $0, as: UTF8.self) }
            stanzas.append(Stanza(type: strings[0], arguments: Array(strings.dropFirst()), body: body))
            line = try nextLine()
        }
    }
}
