/// How far a `bers bench` run is: the phase under way and its completed iterations.
///
/// A run reports each phase about a hundred times, between samples (never inside a timed call).
public struct BenchProgress: Sendable, Hashable {
    /// The phase: an operation's name, or `memory-growth`.
    public var phase: String
    /// Iterations done in this phase.
    public var completed: Int
    /// Iterations the phase has.
    public var total: Int

    /// Progress with these values.
    public init(phase: String, completed: Int, total: Int) {
        self.phase = phase
        self.completed = completed
        self.total = total
    }

    /// Whether the reports of a phase of `total` iterations include iteration `completed`: about a
    /// hundred per phase, always the last.
    static func isReported(_ completed: Int, of total: Int) -> Bool {
        completed == total || completed.isMultiple(of: Swift.max(1, total / 100))
    }
}
