// The age payload: STREAM over ChaCha20-Poly1305 in 64 KiB chunks. Nonce = 11-byte big-endian chunk
// counter || last-chunk flag. Memory stays constant: a batch of chunks in, a batch out.
import WalletCore
import WalletCrypto

enum PayloadFormat {
    static let chunkSize = 1 << 16
    static let tagSize = ChaCha20Poly1305.tagLength
    static let sealedChunkSize = chunkSize + tagSize
    /// Chunks per read/write system call.
    static let batch = 16

    static func nonce(counter: UInt64, last: Bool) -> [UInt8] {
        var nonce = [UInt8](repeating: 0, count: 12)
        for index in 0..<8 { nonce[3 + index] = UInt8(truncatingIfNeeded: counter >> UInt64(8 * (7 - index))) }
        nonce[11] = last ? 1 : 0
        return nonce
    }
}

/// Encrypts what is written to it; `finish()` seals the final chunk. A full chunk is sealed only once
/// more data arrives, so the last chunk is never empty unless the whole payload is.
final class PayloadWriter {
    private let key: SecureBytes
    private let sink: ByteSink
    private let engine = ChaCha20Poly1305.makeEngine()
    private let plain: UnsafeMutableRawBufferPointer
    private var plainCount = 0
    private let output: UnsafeMutableRawBufferPointer
    private var outputCount = 0
    private var counter: UInt64 = 0
    private var finished = false

    init(key: SecureBytes, sink: ByteSink) {
        self.key = key
        self.sink = sink
        plain = .allocate(byteCount: PayloadFormat.chunkSize, alignment: 16)
        output = .allocate(byteCount: PayloadFormat.sealedChunkSize * PayloadFormat.batch, alignment: 16)
    }

    deinit {
        plain.initializeMemory(as: UInt8.self, repeating: 0)
        plain.deallocate()
        output.deallocate()
    }

    private func seal(_ chunk: UnsafeRawBufferPointer, last: Bool) throws {
        if outputCount + PayloadFormat.sealedChunkSize > output.count { try flush() }
        let nonce = PayloadFormat.nonce(counter: counter, last: last)
        let body = UnsafeMutableRawBufferPointer(rebasing: output[outputCount..<(outputCount + chunk.count)])
        let tag = UnsafeMutableRawBufferPointer(
            rebasing: output[(outputCount + chunk.count)..<(outputCount + chunk.count + PayloadFormat.tagSize)])
        try key.withUnsafeBytes { key in
            try nonce.withUnsafeBytes { nonce in
                try engine.seal(key: key, nonce: nonce, plaintext: chunk, ciphertext: body, tag: tag)
            }
        }
        outputCount += chunk.count + PayloadFormat.tagSize
        guard counter < UInt64.max else { throw AgeError.inputTooLarge }
        counter += 1
    }

    private func flush() throws {
        if outputCount > 0 {
            try sink.write(UnsafeRawBufferPointer(rebasing: output[0..<outputCount]))
            outputCount = 0
        }
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws {
        precondition(!finished)
        var offset = 0
        while offset < bytes.count {
            if plainCount == PayloadFormat.chunkSize {
                try seal(UnsafeRawBufferPointer(plain), last: false)
                plainCount = 0
            }
            let remaining = bytes.count - offset
            if plainCount == 0 && remaining > PayloadFormat.chunkSize {
                // A full chunk with more data after it: seal straight from the caller's buffer.
                try seal(
                    UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + PayloadFormat.chunkSize)]), last: false)
                offset += PayloadFormat.chunkSize
                continue
            }
            let count = min(remaining, PayloadFormat.chunkSize - plainCount)
            (plain.baseAddress! + plainCount).copyMemory(from: bytes.baseAddress! + offset, byteCount: count)
            plainCount += count
            offset += count
        }
    }

    func finish() throws {
        precondition(!finished)
        finished = true
        try seal(UnsafeRawBufferPointer(rebasing: plain[0..<plainCount]), last: true)
        try flush()
    }
}

/// Decrypts and verifies chunk by chunk; nothing of a chunk is handed out before its tag verifies,
/// and the end of input without a valid final chunk is an error.
/// The verified plaintext of an opened age file (from `AgeReader.open`). Reading past a chunk that
/// fails authentication throws `AgeError.chunkRejected`; the end without a final chunk throws `.truncated`.
public final class PayloadReader: ByteSource {
    private let key: SecureBytes
    private let input: ByteSource
    private let engine = ChaCha20Poly1305.makeEngine()
    private let sealed: UnsafeMutableRawBufferPointer
    private var sealedStart = 0
    private var sealedEnd = 0
    private var inputEnded = false
    private let plain: UnsafeMutableRawBufferPointer
    private var plainStart = 0
    private var plainEnd = 0
    private var counter: UInt64 = 0
    private var sawFinal = false
    /// Plaintext bytes handed out so far.
    public private(set) var bytesRead: Int64 = 0

    init(key: SecureBytes, input: ByteSource) {
        self.key = key
        self.input = input
        sealed = .allocate(byteCount: PayloadFormat.sealedChunkSize * PayloadFormat.batch + 1, alignment: 16)
        plain = .allocate(byteCount: PayloadFormat.chunkSize * PayloadFormat.batch, alignment: 16)
    }

    deinit {
        plain.initializeMemory(as: UInt8.self, repeating: 0)
        plain.deallocate()
        sealed.deallocate()
    }

    private func open(_ start: Int, _ length: Int, last: Bool) throws {
        let bodyLength = length - PayloadFormat.tagSize
        let nonce = PayloadFormat.nonce(counter: counter, last: last)
        let body = UnsafeRawBufferPointer(rebasing: sealed[start..<(start + bodyLength)])
        let tag = UnsafeRawBufferPointer(rebasing: sealed[(start + bodyLength)..<(start + length)])
        let target = UnsafeMutableRawBufferPointer(rebasing: plain[plainEnd..<(plainEnd + bodyLength)])
        do {
            try key.withUnsafeBytes { key in
                try nonce.withUnsafeBytes { nonce in
                    try engine.open(key: key, nonce: nonce, ciphertext: body, tag: tag, plaintext: target)
                }
            }
        } catch {
            throw AgeError.chunkRejected(index: counter)
        }
        plainEnd += bodyLength
        counter += 1
    }

    /// Decrypts the next batch of chunks into `plain`. Returns false at the verified end.
    private func decryptBatch() throws -> Bool {
        if sawFinal { return false }
        plainStart = 0
        plainEnd = 0
        if sealedStart > 0 {
            let leftover = sealedEnd - sealedStart
            if leftover > 0 {
                sealed.baseAddress!.copyMemory(from: sealed.baseAddress! + sealedStart, byteCount: leftover)
            }
            sealedStart = 0
            sealedEnd = leftover
        }
        while sealedEnd < sealed.count && !inputEnded {
            let count = try input.read(into: UnsafeMutableRawBufferPointer(rebasing: sealed[sealedEnd...]))
            if count == 0 { inputEnded = true } else { sealedEnd += count }
        }
        while true {
            let available = sealedEnd - sealedStart
            if available > PayloadFormat.sealedChunkSize {
                try open(sealedStart, PayloadFormat.sealedChunkSize, last: false)
                sealedStart += PayloadFormat.sealedChunkSize
            } else if inputEnded {
                guard available > PayloadFormat.tagSize || (available == PayloadFormat.tagSize && counter == 0) else {
                    if available == PayloadFormat.tagSize { throw AgeError.emptyFinalChunk }
                    throw AgeError.truncated
                }
                try open(sealedStart, available, last: true)
                sealedStart += available
                sawFinal = true
                break
            } else {
                break  // need more input to know whether this chunk is the last
            }
        }
        return plainEnd > 0 || sawFinal
    }

    /// Copies verified plaintext into `buffer`; 0 at the verified end.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        while plainStart == plainEnd {
            if !(try decryptBatch()) { return 0 }
            if plainStart == plainEnd && sawFinal { return 0 }
        }
        let count = min(buffer.count, plainEnd - plainStart)
        buffer.baseAddress!.copyMemory(from: plain.baseAddress! + plainStart, byteCount: count)
        plainStart += count
        bytesRead += Int64(count)
        return count
    }

    /// Decrypts everything into `sink`, batch by batch (the fast path for whole files).
    public func copyAll(to sink: ByteSink, progress: ((Int64) -> Void)? = nil) throws {
        if plainEnd > plainStart {
            try sink.write(UnsafeRawBufferPointer(rebasing: plain[plainStart..<plainEnd]))
            bytesRead += Int64(plainEnd - plainStart)
            plainStart = plainEnd
        }
        while try decryptBatch() {
            if plainEnd > 0 {
                try sink.write(UnsafeRawBufferPointer(rebasing: plain[0..<plainEnd]))
                bytesRead += Int64(plainEnd)
                plainStart = plainEnd
                progress?(bytesRead)
            }
        }
    }
}
