/// How a measure compares with its KPI threshold.
///
/// The rule, for a measure where lower is better (a median latency, the memory growth): at most
/// the target is `excellent`, at most the warning limit is `good`, more is `slow`. For the success
/// rate: at least the target is `excellent`, at least the warning limit is `good`, less is `slow`.
/// Boundaries belong to the better rating. The verdict of a run is its worst rating.
public enum BenchRating: String, Sendable, CaseIterable, Hashable, Comparable {
    /// At or better than the target.
    case excellent
    /// Worse than the target, at or better than the warning limit.
    case good
    /// Worse than the warning limit (for memory: grows too much; for success: fails too often).
    case slow

    /// The rating of `value` against `threshold`; `higherIsBetter` for the success rate.
    public init(_ value: Double, against threshold: KPIThreshold, higherIsBetter: Bool = false) {
        let meets = { (limit: Double) in higherIsBetter ? value >= limit : value <= limit }
        if meets(threshold.target) {
            self = .excellent
        } else if meets(threshold.warning) {
            self = .good
        } else {
            self = .slow
        }
    }

    /// The worst of `ratings`, `excellent` when there are none.
    public static func worst(_ ratings: some Sequence<BenchRating>) -> BenchRating {
        ratings.max() ?? .excellent
    }

    // swift-format-ignore: AllPublicDeclarationsHaveDocumentation
    public static func < (lhs: BenchRating, rhs: BenchRating) -> Bool { lhs.rank < rhs.rank }

    private var rank: Int {
        switch self {
        case .excellent: 0
        case .good: 1
        case .slow: 2
        }
    }
}
