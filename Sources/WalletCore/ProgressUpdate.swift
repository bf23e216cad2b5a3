// How long-running library work reports progress without printing: the CLI decides whether to draw it.

/// How far a long operation has got.
public struct ProgressUpdate: Sendable, Equatable {
    /// Units done so far.
    public var done: Int64
    /// Units in all, when known.
    public var total: Int64?
    /// What is being counted: "bytes", "rows", "passwords".
    public var unit: String

    /// A progress report.
    public init(done: Int64, total: Int64?, unit: String) {
        self.done = done
        self.total = total
        self.unit = unit
    }
}

/// Receives progress; called on the working thread, so keep it quick.
public typealias ProgressHandler = @Sendable (ProgressUpdate) -> Void
