/// The distribution of an operation's successful samples, in milliseconds.
///
/// The median of an even number of samples is the mean of the two middle ones; the percentiles
/// are nearest-rank (p95 is the smallest sample at least 95 % of the samples do not exceed). With
/// no samples every figure is 0.
public struct LatencyStatistics: Sendable, Hashable {
    /// How many samples.
    public var count: Int
    /// The arithmetic mean.
    public var mean: Double
    /// The middle sample.
    public var median: Double
    /// The 95th percentile.
    public var p95: Double
    /// The 99th percentile.
    public var p99: Double
    /// The fastest sample.
    public var min: Double
    /// The slowest sample.
    public var max: Double

    /// Statistics with these values (as read from a saved run).
    public init(count: Int, mean: Double, median: Double, p95: Double, p99: Double, min: Double, max: Double) {
        self.count = count
        self.mean = mean
        self.median = median
        self.p95 = p95
        self.p99 = p99
        self.min = min
        self.max = max
    }

    /// The statistics of `samples`, durations in nanoseconds.
    public init(nanoseconds samples: [UInt64]) {
        guard !samples.isEmpty else {
            self.init(count: 0, mean: 0, median: 0, p95: 0, p99: 0, min: 0, max: 0)
            return
        }
        let sorted = samples.sorted()
        let milliseconds = { (nanoseconds: UInt64) in Double(nanoseconds) / 1_000_000 }
        let middle = sorted.count / 2
        let median =
            sorted.count.isMultiple(of: 2)
            ? (milliseconds(sorted[middle - 1]) + milliseconds(sorted[middle])) / 2 : milliseconds(sorted[middle])
        let total = sorted.reduce(0.0) { $0 + Double($1) }
        self.init(
            count: sorted.count,
            mean: total / Double(sorted.count) / 1_000_000,
            median: median,
            p95: milliseconds(Self.nearestRank(95, of: sorted)),
            p99: milliseconds(Self.nearestRank(99, of: sorted)),
            min: milliseconds(sorted[0]),
            max: milliseconds(sorted[sorted.count - 1])
        )
    }

    /// The nearest-rank `percent`th percentile of non-empty sorted samples.
    static func nearestRank(_ percent: Int, of sorted: [UInt64]) -> UInt64 {
        let rank = (percent * sorted.count + 99) / 100
        return sorted[Swift.min(Swift.max(rank, 1), sorted.count) - 1]
    }
}
