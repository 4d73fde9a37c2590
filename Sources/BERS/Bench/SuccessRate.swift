/// The share of all measured calls of a run that succeeded, rated against `success-percent`.
public struct SuccessRate: Sendable, Hashable {
    /// Every call measured.
    public var calls: Int
    /// The calls that threw.
    public var failures: Int
    /// The `success-percent` threshold.
    public var threshold: KPIThreshold

    /// A rate with these values.
    public init(calls: Int, failures: Int, threshold: KPIThreshold) {
        self.calls = calls
        self.failures = failures
        self.threshold = threshold
    }

    /// The percentage of calls that succeeded (100 when there were none).
    public var percent: Double { calls == 0 ? 100 : Double(calls - failures) * 100 / Double(calls) }

    /// The percentage against the threshold (higher is better).
    public var rating: BenchRating { BenchRating(percent, against: threshold, higherIsBetter: true) }
}
