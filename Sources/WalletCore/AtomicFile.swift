// Crash-safe file output: write to a temporary sibling, fsync, then rename into place.
// A reader never sees a partial file, and a crash leaves either the old file or the new one.
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Streams bytes into `destination` atomically. Until `commit()` nothing appears at the destination;
/// dropping the writer without committing removes the temporary file.
public final class AtomicFileWriter {
    /// Where the file appears on `commit()`.
    public let destination: String
    /// The hidden sibling being written.
    public let temporaryPath: String
    private let overwrite: Bool
    private var fd: Int32
    private var finished = false

    /// - Parameters:
    ///   - mode: permissions of the new file; secrets use 0600 (the default).
    ///   - overwrite: when false, `commit()` fails with a conflict if the destination exists by then.
    public init(destination: String, mode: mode_t = 0o600, overwrite: Bool = false) throws {
        self.destination = destination
        self.overwrite = overwrite
        if !overwrite && FileSystem.exists(destination) {
            throw FileError.alreadyExists(path: destination)
        }
        let directory = FileSystem.directoryName(destination)
        let base = FileSystem.baseName(destination)
        var lastError: Int32 = 0
        for _ in 0..<16 {
            let candidate = "\(directory)/.\(base).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
            let opened = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
            if opened >= 0 {
                // The umask may have narrowed the mode; secrets must not end up wider, and never narrower
                // than asked either (0600 for the owner to read back).
                _ = fchmod(opened, mode)
                self.fd = opened
                self.temporaryPath = candidate
                return
            }
            lastError = errno
            if lastError != EEXIST { break }
        }
        throw FileSystem.error(lastError, path: destination, action: "create")
    }

    /// Appends bytes to the temporary file.
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        try FileSystem.writeAll(fd, bytes, path: destination)
    }

    /// Appends bytes to the temporary file.
    public func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }

    /// Appends UTF-8 text to the temporary file.
    public func write(_ text: String) throws {
        try write(Array(text.utf8))
    }

    /// fsync the data, move it into place, fsync the directory so the rename itself is durable.
    public func commit() throws {
        precondition(!finished, "AtomicFileWriter committed twice")
        finished = true
        defer { fd = -1 }
        if fsync(fd) != 0 {
            let code = errno
            close(fd)
            unlink(temporaryPath)
            throw FileSystem.error(code, path: destination, action: "sync")
        }
        close(fd)
        if overwrite {
            if rename(temporaryPath, destination) != 0 {
                let code = errno
                unlink(temporaryPath)
                throw FileSystem.error(code, path: destination, action: "rename")
            }
        } else {
            // link(2) fails with EEXIST instead of replacing, which closes the check-then-rename race.
            if link(temporaryPath, destination) != 0 {
                let code = errno
                unlink(temporaryPath)
                if code == EEXIST {
                    throw FileError.alreadyExists(path: destination)
                }
                throw FileSystem.error(code, path: destination, action: "rename")
            }
            unlink(temporaryPath)
        }
        FileSystem.syncDirectory(FileSystem.directoryName(destination))
    }

    /// Throws the work away; safe to call more than once.
    public func abort() {
        guard !finished else { return }
        finished = true
        close(fd)
        fd = -1
        unlink(temporaryPath)
    }

    deinit {
        abort()
    }
}

/// One-call atomic writes.
///
/// ```swift
/// try AtomicFile.write(Array(report.utf8), to: "report.txt", overwrite: false)
/// ```
public enum AtomicFile {
    /// Writes the whole of `bytes` to `path` atomically (0600 unless told otherwise).
    public static func write(_ bytes: [UInt8], to path: String, mode: mode_t = 0o600, overwrite: Bool) throws {
        let writer = try AtomicFileWriter(destination: path, mode: mode, overwrite: overwrite)
        do {
            try writer.write(bytes)
            try writer.commit()
        } catch {
            writer.abort()
            throw error
        }
    }
}
