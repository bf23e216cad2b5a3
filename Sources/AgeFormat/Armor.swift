// age's ASCII armor: strict PEM with label "AGE ENCRYPTED FILE", padded canonical base64 in 64-column
// lines, the last one shorter or full. Whitespace is tolerated only before and after the block, and
// lines may end in LF or CRLF; everything else non-canonical is rejected.
import WalletCore
import WalletCrypto

enum Armor {
    static let beginLine = "-----BEGIN AGE ENCRYPTED FILE-----"
    static let endLine = "-----END AGE ENCRYPTED FILE-----"
    static let columns = 64
    static let bytesPerLine = 48

    static func isWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0a || byte == 0x0d }
}

/// Encodes everything written to it; `finish()` writes the last line and the END line.
final class ArmorWriter: ByteSink {
    private let sink: ByteSink
    private var pending: [UInt8] = []
    private var started = false

    init(sink: ByteSink) {
        self.sink = sink
        pending.reserveCapacity(Armor.bytesPerLine * 1024)
    }

    private func emit(_ bytes: ArraySlice<UInt8>) throws {
        var out: [UInt8] = []
        if !started {
            out += Array((Armor.beginLine + "\n").utf8)
            started = true
        }
        let encoded = bytes.withUnsafeBytes { Base64.encodeBytes($0, variant: .padded) }
        out.reserveCapacity(out.count + encoded.count + encoded.count / Armor.columns + 1)
        var offset = 0
        while offset < encoded.count {
            let end = min(offset + Armor.columns, encoded.count)
            out += encoded[offset..<end]
            out.append(0x0a)
            offset = end
        }
        try sink.write(out)
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws {
        pending.append(contentsOf: bytes)
        let whole = pending.count / Armor.bytesPerLine * Armor.bytesPerLine
        if whole >= Armor.bytesPerLine * 1024 {
            try emit(pending[0..<whole])
            pending.removeSubrange(0..<whole)
        }
    }

    func finish() throws {
        try emit(pending[...])
        pending = []
        try sink.write(Array((Armor.endLine + "\n").utf8))
    }
}

/// Decodes an armored file from `input` (positioned anywhere in leading whitespace before BEGIN).
final class ArmorReader: ByteSource {
    private let input: BufferedInput
    private var decoded: [UInt8] = []
    private var decodedStart = 0
    private var done = false

    init(input: BufferedInput) throws {
        self.input = input
        // Skip leading whitespace, then expect the BEGIN line.
        while true {
            let next = try input.peek(1)
            guard let byte = next.first, Armor.isWhitespace(byte) else { break }
            input.skip(1)
        }
        guard try readLine() == Array(Armor.beginLine.utf8) else {
            throw AgeError.armorMalformed(.missingBegin)
        }
    }

    private func readLine() throws -> [UInt8] {
        let result: (line: [UInt8], terminated: Bool)?
        do {
            result = try input.readLine(maxLength: Armor.columns + 1)
        } catch {
            throw AgeError.armorMalformed(.lineTooLong)
        }
        guard let result else { throw AgeError.armorMalformed(.unexpectedEnd) }
        var line = result.line
        if line.last == 0x0d { line.removeLast() }
        return line
    }

    private func decodeMore() throws {
        decoded.removeAll(keepingCapacity: true)
        decodedStart = 0
        for _ in 0..<1024 {
            let line = try readLine()
            if line == Array(Armor.endLine.utf8) {
                throw AgeError.armorMalformed(.endWhereDataExpected)
            }
            guard line.count <= Armor.columns, line.count % 4 == 0, !line.isEmpty,
                let bytes = line.withUnsafeBytes({ Base64.decodeBytes($0, variant: .padded) })
            else {
                throw AgeError.armorMalformed(.invalidBase64Line)
            }
            decoded += bytes
            if line.count < Armor.columns || line.last == 0x3d {
                // Only the last line may be short (or padded): the END line must follow.
                try expectEnd()
                return
            }
            // A full line may also be the last one: look for END.
            let peeked = try input.peek(Armor.endLine.utf8.count)
            if peeked == Array(Armor.endLine.utf8) {
                try expectEnd()
                return
            }
        }
    }

    private func expectEnd() throws {
        guard try readLine() == Array(Armor.endLine.utf8) else {
            throw AgeError.armorMalformed(.missingEnd)
        }
        var scratch = [UInt8](repeating: 0, count: 4096)
        var total = 0
        while true {
            let count = try scratch.withUnsafeMutableBytes { try input.read(into: $0) }
            if count == 0 { break }
            total += count
            guard scratch[0..<count].allSatisfy(Armor.isWhitespace), total <= 1 << 20 else {
                throw AgeError.armorMalformed(.dataAfterEnd)
            }
        }
        done = true
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        while decodedStart == decoded.count {
            if done { return 0 }
            try decodeMore()
        }
        let count = min(buffer.count, decoded.count - decodedStart)
        decoded.withUnsafeBytes { source in
            buffer.baseAddress!.copyMemory(from: source.baseAddress! + decodedStart, byteCount: count)
        }
        decodedStart += count
        return count
    }
}
