/// The result of `bers bench`: every operation measured, the memory growth, the success rate, what
/// was skipped and why, and the verdict.
///
/// Ratings are computed from the figures and the thresholds, so a report read back from a saved
/// run rates exactly as it did when it was made.
public struct BenchReport: Sendable, Hashable {
    /// An operation or measure that was not run, and why.
    public struct Skipped: Sendable, Hashable {
        /// The operation's name (``BenchOperation``) or `memory-growth`.
        public var name: String
        /// Why it was not run (`bers.json names no schema`).
        public var reason: String

        /// A skipped measure.
        public init(name: String, reason: String) {
            self.name = name
            self.reason = reason
        }
    }

    /// The environment measured.
    public var environment: String
    /// Calls per operation.
    public var iterations: Int
    /// The operations measured, in the order they ran.
    public var operations: [BenchOperationReport]
    /// The memory growth, `nil` when it was not measured.
    public var memory: MemoryGrowth?
    /// The `success-percent` threshold.
    public var successThreshold: KPIThreshold
    /// What was not measured.
    public var skipped: [Skipped]

    /// A report with these values.
    public init(
        environment: String,
        iterations: Int,
        operations: [BenchOperationReport] = [],
        memory: MemoryGrowth? = nil,
        successThreshold: KPIThreshold = KPIThreshold(defaultFor: .success),
        skipped: [Skipped] = []
    ) {
        self.environment = environment
        self.iterations = iterations
        self.operations = operations
        self.memory = memory
        self.successThreshold = successThreshold
        self.skipped = skipped
    }

    /// The report of `operation`, if it was measured.
    public subscript(operation: BenchOperation) -> BenchOperationReport? {
        operations.first { $0.operation == operation }
    }

    /// The share of every measured call that succeeded.
    public var success: SuccessRate {
        SuccessRate(
            calls: operations.reduce(0) { $0 + $1.calls },
            failures: operations.reduce(0) { $0 + $1.failures },
            threshold: successThreshold
        )
    }

    /// Whether any call failed.
    public var hasFailures: Bool { operations.contains { $0.failures > 0 } }

    /// The worst rating of the operations, the memory growth and the success rate.
    public var verdict: BenchRating {
        BenchRating.worst(operations.map(\.rating) + [memory?.rating, success.rating].compactMap { $0 })
    }
}
