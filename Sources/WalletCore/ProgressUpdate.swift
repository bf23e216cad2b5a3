// How long-running library work reports progress without printing: the CLI decides whether to draw it.

public struct ProgressUpdate: Sendable, Equatable {
    public var done: Int64
    public var total: Int64?
    /// What is being counted: "bytes", "rows", "passwords".
    public var unit: String

    public init(done: Int64, total: Int64?, unit: String) {
        self.done = done
        self.total = total
        self.unit = unit
    }
}

public typealias ProgressHandler = @Sendable (ProgressUpdate) -> Void
