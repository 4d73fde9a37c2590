/// What `bers bench` measured for one operation: the latency of its successful calls, its
/// failures, and its rating against the operation's KPI.
public struct BenchOperationReport: Sendable, Hashable {
    /// The operation.
    public var operation: BenchOperation
    /// The distribution of the successful calls.
    public var latency: LatencyStatistics
    /// How many calls failed.
    public var failures: Int
    /// The message of the first failure, if any.
    public var firstFailure: String?
    /// The KPI threshold of the operation, in milliseconds.
    public var threshold: KPIThreshold

    /// A report with these values.
    public init(
        operation: BenchOperation,
        latency: LatencyStatistics,
        failures: Int = 0,
        firstFailure: String? = nil,
        threshold: KPIThreshold
    ) {
        self.operation = operation
        self.latency = latency
        self.failures = failures
        self.firstFailure = firstFailure
        self.threshold = threshold
    }

    /// Every call made: successes and failures.
    public var calls: Int { latency.count + failures }

    /// The percentage of calls that succeeded (100 when there were none).
    public var successPercent: Double { calls == 0 ? 100 : Double(latency.count) * 100 / Double(calls) }

    /// The median against the threshold; `slow` when no call succeeded.
    public var rating: BenchRating {
        latency.count == 0 ? .slow : BenchRating(latency.median, against: threshold)
    }
}
