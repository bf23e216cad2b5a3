// Have I Been Pwned lists: a full sorted "SHA1HEX:count" file (possibly many GB) binary-searched through a
// read-only memory map without loading it, or a k-anonymity range file (the 5-hex prefix, from the file
// name or a first line, then "SUFFIX:count" lines; padding lines with count 0 are not breaches).
import WalletCrypto

#if canImport(Glibc)
    import Glibc
#endif

/// Why a breach list could not be used. The path is the one given; no password is ever in it.
public enum BreachListError: Error, Sendable, Equatable {
    /// The file cannot be opened.
    case cannotOpen(path: String)
    /// A directory, device or other non-regular file.
    case notRegularFile(path: String)
    /// The file cannot be memory-mapped.
    case cannotMap(path: String)
    /// Neither `SHA1:count` lines nor a range file named (or headed by) its 5-hex prefix.
    case unrecognized(path: String)
    /// A range file line that is not `SUFFIX35:count`.
    case malformedRangeLine(path: String)
}

/// A Have I Been Pwned SHA-1 list (full sorted file, memory-mapped, or a k-anonymity range file).
///
/// ```swift
/// let list = try BreachList(path: "pwned-passwords-sha1-ordered-by-hash.txt")
/// let result = Estimator().estimate(password, breaches: list)   // breached: score 0
/// ```
public final class BreachList: @unchecked Sendable {
    private enum Storage {
        case full(UnsafePointer<UInt8>, Int)
        case range(prefix: [UInt8], suffixes: [[UInt8]: Int])
        case empty
    }

    private let storage: Storage
    private var mapping: UnsafeMutableRawPointer?
    private var mappedLength = 0

    /// Opens `path`: a full file is mapped read-only, a range file is read whole.
    public init(path: String) throws(BreachListError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw BreachListError.cannotOpen(path: path)
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            throw BreachListError.notRegularFile(path: path)
        }
        let length = Int(info.st_size)
        guard length > 0 else {
            storage = .empty
            return
        }
        guard let pointer = mmap(nil, length, PROT_READ, MAP_PRIVATE, fd, 0), pointer != MAP_FAILED else {
            throw BreachListError.cannotMap(path: path)
        }
        madvise(pointer, length, MADV_RANDOM)
        let bytes = UnsafePointer(pointer.assumingMemoryBound(to: UInt8.self))
        if UnsafeBufferPointer(start: bytes, count: length).allSatisfy({ $0 == 0x0a || $0 == 0x0d }) {
            munmap(pointer, length)
            storage = .empty
            return
        }
        let (firstLine, afterFirst) = BreachList.line(bytes, length, at: 0)
        let hexCount = firstLine.prefix { BreachList.isHex($0) }.count
        if hexCount == 40 {
            mapping = pointer
            mappedLength = length
            storage = .full(bytes, length)
            return
        }
        // A range file is small: read it whole, then let the mapping go.
        defer { munmap(pointer, length) }
        var prefix: [UInt8] = []
        var start = 0
        if hexCount == 5 && firstLine.count == 5 {
            prefix = firstLine.map(BreachList.upper)
            start = afterFirst
        } else {
            let name = path.split(separator: "/").last.map { String($0) } ?? path
            let stem = Array(name.utf8.prefix { $0 != 0x2e })
            guard stem.count == 5, stem.allSatisfy(BreachList.isHex) else {
                throw BreachListError.unrecognized(path: path)
            }
            prefix = stem.map(BreachList.upper)
        }
        var suffixes: [[UInt8]: Int] = [:]
        var position = start
        while position < length {
            let (line, next) = BreachList.line(bytes, length, at: position)
            position = next
            if line.isEmpty { continue }
            guard line.count >= 37, line[35] == 0x3a, line[0..<35].allSatisfy(BreachList.isHex) else {
                throw BreachListError.malformedRangeLine(path: path)
            }
            let count = BreachList.number(line[36...])
            if count > 0 { suffixes[line[0..<35].map(BreachList.upper)] = count }
        }
        storage = .range(prefix: prefix, suffixes: suffixes)
    }

    deinit {
        if let mapping { munmap(mapping, mappedLength) }
    }

    /// How many times the password appears in the list (0 when it does not).
    public func count(for password: String) -> Int {
        let digest = Digest.sha1(Array(password.utf8))
        let hex = BreachList.hex(digest)
        switch storage {
        case .empty:
            return 0
        case .range(let prefix, let suffixes):
            guard Array(hex[0..<5]) == prefix else { return 0 }
            return suffixes[Array(hex[5...])] ?? 0
        case .full(let bytes, let length):
            return BreachList.search(hex, bytes, length)
        }
    }

    /// Whether the password appears in the list.
    public func contains(_ password: String) -> Bool { count(for: password) > 0 }

    /// Binary search by byte offset: land anywhere, back up to the line start, compare the 40 hex digits.
    private static func search(_ key: [UInt8], _ bytes: UnsafePointer<UInt8>, _ length: Int) -> Int {
        var low = 0
        var high = length
        while low < high {
            let middle = low + (high - low) / 2
            var start = middle
            while start > low && bytes[start - 1] != 0x0a { start -= 1 }
            let (line, next) = Self.line(bytes, length, at: start)
            let order = compare(key, line)
            if order == 0 {
                return line.count > 41 ? number(line[41...]) : 1
            }
            if order < 0 {
                high = start
            } else {
                low = next
            }
        }
        return 0
    }

    private static func compare(_ key: [UInt8], _ line: ArraySlice<UInt8>) -> Int {
        for k in 0..<40 {
            let other = k < line.count ? upper(line[line.startIndex + k]) : 0
            if key[k] != other { return key[k] < other ? -1 : 1 }
        }
        return 0
    }

    /// The line starting at `start` without its CR/LF, and the offset just past its LF.
    private static func line(_ bytes: UnsafePointer<UInt8>, _ length: Int, at start: Int) -> (
        text: ArraySlice<UInt8>, next: Int
    ) {
        var end = start
        while end < length && bytes[end] != 0x0a { end += 1 }
        var trimmed = end
        if trimmed > start && bytes[trimmed - 1] == 0x0d { trimmed -= 1 }
        return (Array(UnsafeBufferPointer(start: bytes + start, count: trimmed - start))[...], end + 1)
    }

    private static func number(_ digits: ArraySlice<UInt8>) -> Int {
        var value = 0
        for byte in digits {
            guard byte >= 0x30 && byte <= 0x39 else { break }
            value = min(value * 10 + Int(byte - 0x30), Int(Int32.max))
        }
        return value
    }

    private static func isHex(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66)
    }

    private static func upper(_ byte: UInt8) -> UInt8 { byte >= 0x61 && byte <= 0x7a ? byte - 32 : byte }

    private static func hex(_ bytes: [UInt8]) -> [UInt8] {
        let digits = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 15)])
        }
        return out
    }
}
