// Crash-safe file output: write to a temporary sibling, fsync, then rename into place.
// A reader never sees a partial file, and a crash leaves either the old file or the new one.
// Special files (/dev/null, a FIFO, a terminal) cannot be renamed over: they are written directly.
// Temporary files are registered with TemporaryFiles, which unlinks them on SIGINT, SIGTERM and SIGHUP.
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
    /// True when writing straight into a special file (no temporary file).
    private var direct = false
    /// The temporary file's slot in ``TemporaryFiles`` (removed on a signal until committed or aborted).
    private var registration: Int?

    /// - Parameters:
    ///   - mode: permissions of the new file; secrets use 0600 (the default).
    ///   - overwrite: when false, `commit()` fails with a conflict if the destination exists by then.
    public init(destination: String, mode: mode_t = 0o600, overwrite: Bool = false) throws {
        self.destination = destination
        self.overwrite = overwrite
        switch FileSystem.kind(destination) {
        case .directory:
            throw FileError.isAFolder(path: destination)
        case .special:
            // /dev/null, a FIFO, a terminal: nothing to rename over, and nothing partial to hide.
            let opened = open(destination, O_WRONLY | O_CLOEXEC)
            guard opened >= 0 else { throw FileSystem.error(errno, path: destination, action: "write") }
            self.fd = opened
            self.temporaryPath = destination
            self.direct = true
            return
        case .regular where !overwrite:
            throw FileError.alreadyExists(path: destination)
        case .regular, .missing:
            break
        }
        let directory = FileSystem.directoryName(destination)
        let base = FileSystem.baseName(destination)
        var lastError: Int32 = 0
        for _ in 0..<16 {
            let candidate = "\(directory)/.\(base).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
            // Registered before it exists, so a signal between open and registration cannot leave it.
            let slot = TemporaryFiles.register(candidate)
            let opened = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
            if opened < 0 { TemporaryFiles.unregister(slot) }
            if opened >= 0 {
                self.registration = slot
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
        defer {
            fd = -1
            TemporaryFiles.unregister(registration)
        }
        if direct {
            close(fd)
            return
        }
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
        if !direct { unlink(temporaryPath) }
        TemporaryFiles.unregister(registration)
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

/// Temporary files to remove if the process is interrupted. A signal handler may only make
/// async-signal-safe calls: it walks a fixed table of C strings allocated up front and calls unlink(2),
/// then restores the previous disposition and raises the signal again, so the exit status (and any
/// handler installed before ours) is what it would have been.
///
/// ```swift
/// let slot = TemporaryFiles.register(path)
/// defer { TemporaryFiles.unregister(slot) }
/// ```
public enum TemporaryFiles {
    /// Slots for paths; more temporary files than this at once are simply not cleaned on a signal.
    static let capacity = 64
    nonisolated(unsafe) static let table: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
        let table = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
        table.initialize(repeating: nil, count: capacity)
        return table
    }()
    nonisolated(unsafe) static let previous: UnsafeMutablePointer<sigaction> = {
        let saved = UnsafeMutablePointer<sigaction>.allocate(capacity: 3)
        saved.initialize(repeating: sigaction(), count: 3)
        return saved
    }()
    /// In the order of ``previous`` (the handler maps a signal to its index by a switch).
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    nonisolated(unsafe) static var lock = pthread_mutex_t()
    nonisolated(unsafe) static var installed = false

    /// Remembers `path` for removal on SIGINT, SIGTERM or SIGHUP; returns its slot (nil when the table is full).
    @discardableResult
    public static func register(_ path: String) -> Int? {
        _ = table
        _ = previous
        pthread_mutex_lock(&lock)
        defer { pthread_mutex_unlock(&lock) }
        installHandlers()
        for slot in 0..<capacity where table[slot] == nil {
            table[slot] = strdup(path)
            return slot
        }
        return nil
    }

    /// Forgets a slot (the file was committed or removed).
    public static func unregister(_ slot: Int?) {
        guard let slot, slot >= 0, slot < capacity else { return }
        pthread_mutex_lock(&lock)
        defer { pthread_mutex_unlock(&lock) }
        // The string is not freed: a handler running on another thread may still be reading it, and a
        // few bytes per temporary file are not worth that race.
        table[slot] = nil
    }

    /// The paths registered now (tests).
    static var registered: [String] {
        pthread_mutex_lock(&lock)
        defer { pthread_mutex_unlock(&lock) }
        return (0..<capacity).compactMap { table[$0].map { String(cString: $0) } }
    }

    /// Installs the handler once, leaving alone a signal someone chose to ignore (nohup, a parent's SIG_IGN).
    private static func installHandlers() {
        guard !installed else { return }
        installed = true
        for (index, signal) in signals.enumerated() {
            var current = sigaction()
            guard sigaction(signal, nil, &current) == 0 else { continue }
            previous[index] = current
            if bitPattern(current.__sigaction_handler.sa_handler) == bitPattern(SIG_IGN) { continue }
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { signal in TemporaryFiles.handle(signal) }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(signal, &action, nil)
        }
    }

    private static func bitPattern(_ handler: (@convention(c) (Int32) -> Void)?) -> Int {
        handler.map { unsafeBitCast($0, to: Int.self) } ?? 0
    }

    /// Runs in signal context: unlink(2), sigaction(2) and raise(3) only.
    private static func handle(_ signal: Int32) {
        for slot in 0..<capacity {
            if let path = table[slot] { unlink(path) }
        }
        // A switch rather than the `signals` array: no reference counting in signal context.
        let index: Int
        switch signal {
        case SIGINT: index = 0
        case SIGTERM: index = 1
        default: index = 2
        }
        sigaction(signal, previous + index, nil)
        raise(signal)
    }
}
