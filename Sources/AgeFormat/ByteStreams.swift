// Byte sources and sinks the streaming encryptor and decryptor read and write through, so files of any
// size pass in constant memory: file descriptors, in-memory buffers, and a buffered reader for headers.
import WalletCore

#if canImport(Glibc)
    import Glibc
#endif

/// Something to read bytes from. `read` returns 0 only at the end of the input.
public protocol ByteSource: AnyObject {
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
}

/// Something to write bytes to. `write` writes everything or throws.
public protocol ByteSink: AnyObject {
    func write(_ bytes: UnsafeRawBufferPointer) throws
}

extension ByteSink {
    /// Writes all of an array.
    public func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }
}

extension AtomicFileWriter: ByteSink {}

/// Reads from an open file descriptor (not closed by this object).
public final class FileDescriptorSource: ByteSource {
    /// The descriptor read from.
    public let fd: Int32
    private let name: String

    /// `name` identifies the file in errors.
    public init(fd: Int32, name: String) {
        self.fd = fd
        self.name = name
    }

    /// Reads what is available, retrying on EINTR; 0 at the end of the file.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard buffer.count > 0 else { return 0 }
        while true {
            let count = Glibc.read(fd, buffer.baseAddress, buffer.count)
            if count >= 0 { return count }
            if errno == EINTR { continue }
            throw FileSystem.error(errno, path: name, action: "read")
        }
    }
}

/// Writes to an open file descriptor (not closed by this object).
public final class FileDescriptorSink: ByteSink {
    /// The descriptor written to.
    public let fd: Int32
    private let name: String

    /// `name` identifies the file in errors.
    public init(fd: Int32, name: String) {
        self.fd = fd
        self.name = name
    }

    /// Writes all of `bytes`.
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        try FileSystem.writeAll(fd, bytes, path: name)
    }
}

/// Reads from an in-memory array.
public final class MemorySource: ByteSource {
    private let bytes: [UInt8]
    private var position = 0

    /// A source that yields `bytes` and then ends.
    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Copies the next bytes into `buffer`; 0 at the end.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let count = min(buffer.count, bytes.count - position)
        if count > 0 {
            bytes.withUnsafeBytes { source in
                buffer.baseAddress!.copyMemory(from: source.baseAddress! + position, byteCount: count)
            }
            position += count
        }
        return count
    }
}

/// Collects everything written to it in memory.
public final class MemorySink: ByteSink {
    /// Everything written so far.
    public private(set) var bytes: [UInt8] = []

    /// An empty sink.
    public init() {}

    /// Appends `bytes`.
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        self.bytes.append(contentsOf: bytes)
    }
}

/// A read buffer over a source with line reading (for the textual header) and peeking (for armor detection).
/// After the header, plain reads drain the buffer first and then go straight to the source.
package final class BufferedInput: ByteSource {
    private let source: ByteSource
    private var buffer: UnsafeMutableRawBufferPointer
    private var start = 0
    private var end = 0
    private var sawEnd = false

    package init(_ source: ByteSource, capacity: Int = 1 << 16) {
        self.source = source
        buffer = .allocate(byteCount: capacity, alignment: 16)
    }

    deinit { buffer.deallocate() }

    private var available: Int { end - start }

    /// Reads more into the buffer; false at the end of the input.
    private func fill() throws -> Bool {
        if sawEnd { return false }
        if start > 0 && start == end {
            start = 0
            end = 0
        }
        if end == buffer.count {
            if start > 0 {
                let count = available
                buffer.baseAddress!.copyMemory(from: buffer.baseAddress! + start, byteCount: count)
                start = 0
                end = count
            } else {
                return true  // full: callers check their own limits
            }
        }
        let count = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[end...]))
        if count == 0 {
            sawEnd = true
            return false
        }
        end += count
        return true
    }

    /// Up to `count` bytes from the current position without consuming them (fewer at the end of input).
    package func peek(_ count: Int) throws -> [UInt8] {
        precondition(count <= buffer.count)
        while available < count {
            if start > 0 && end == buffer.count {
                let have = available
                buffer.baseAddress!.copyMemory(from: buffer.baseAddress! + start, byteCount: have)
                start = 0
                end = have
            }
            if !(try fill()) { break }
        }
        return Array(UnsafeRawBufferPointer(rebasing: buffer[start..<(start + min(count, available))]))
    }

    package func skip(_ count: Int) {
        precondition(count <= available)
        start += count
    }

    /// One line without its LF. nil at the end of input before any byte; `terminated` is false when the
    /// input ended without a LF. Throws `tooLong` past `maxLength` bytes.
    package func readLine(maxLength: Int) throws -> (line: [UInt8], terminated: Bool)? {
        var line: [UInt8] = []
        while true {
            if available == 0 {
                if !(try fill()) {
                    return line.isEmpty ? nil : (line, false)
                }
                continue
            }
            let region = UnsafeRawBufferPointer(rebasing: buffer[start..<end])
            if let newline = region.firstIndex(of: 0x0a) {
                line.append(contentsOf: region[..<newline])
                start += newline + 1
                if line.count > maxLength { throw LineError.tooLong }
                return (line, true)
            }
            line.append(contentsOf: region)
            start = end
            if line.count > maxLength { throw LineError.tooLong }
        }
    }

    package enum LineError: Error { case tooLong }

    package func read(into target: UnsafeMutableRawBufferPointer) throws -> Int {
        if available > 0 {
            let count = min(available, target.count)
            target.baseAddress!.copyMemory(from: buffer.baseAddress! + start, byteCount: count)
            start += count
            return count
        }
        if sawEnd { return 0 }
        let count = try source.read(into: target)
        if count == 0 { sawEnd = true }
        return count
    }

    /// Fills `target` completely unless the input ends first; returns how many bytes were read.
    package func readFully(into target: UnsafeMutableRawBufferPointer) throws -> Int {
        var total = 0
        while total < target.count {
            let count = try read(into: UnsafeMutableRawBufferPointer(rebasing: target[total...]))
            if count == 0 { break }
            total += count
        }
        return total
    }
}
