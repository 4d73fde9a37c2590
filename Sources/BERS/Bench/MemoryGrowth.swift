/// How much the resident set size grew while the project was resolved again and again.
///
/// Megabytes are 2^20 bytes; a resident set that shrank grew by 0.
public struct MemoryGrowth: Sendable, Hashable {
    /// How many resolves ran between the two readings.
    public var resolves: Int
    /// The resident set size before, in bytes.
    public var beforeBytes: Int
    /// The resident set size after, in bytes.
    public var afterBytes: Int
    /// The `memory-growth-mb` threshold.
    public var threshold: KPIThreshold

    /// A measurement with these values.
    public init(resolves: Int, beforeBytes: Int, afterBytes: Int, threshold: KPIThreshold) {
        self.resolves = resolves
        self.beforeBytes = beforeBytes
        self.afterBytes = afterBytes
        self.threshold = threshold
    }

    /// The growth in megabytes.
    public var megabytes: Double { Double(max(0, afterBytes - beforeBytes)) / 1_048_576 }

    /// The growth against the threshold.
    public var rating: BenchRating { BenchRating(megabytes, against: threshold) }
}
