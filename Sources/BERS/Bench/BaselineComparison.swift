/// A run compared with a saved one, operation by operation, by median.
///
/// The change is `(current − baseline) / baseline` in percent. An operation is `regressed` when
/// its median is slower by more than the threshold, `improved` when faster by more than it, else
/// `within`; a baseline median of 0 compares as `within` when the current one is 0 too, else as
/// `regressed`. Operations measured on one side only (or whose every call failed) are `missing`
/// (in this run) or `new` (not in the baseline); they never count as regressions.
public struct BaselineComparison: Sendable, Hashable {
    /// How one operation compares.
    public enum Verdict: String, Sendable, Hashable {
        /// Slower by more than the threshold.
        case regressed
        /// Faster by more than the threshold.
        case improved
        /// Within the threshold either way.
        case within
        /// In the baseline, not measured in this run.
        case missing
        /// Measured in this run, not in the baseline.
        case new
    }

    /// One operation's medians and verdict.
    public struct Entry: Sendable, Hashable {
        /// The operation.
        public var operation: BenchOperation
        /// The baseline's median in milliseconds, if it measured the operation.
        public var baseline: Double?
        /// This run's median in milliseconds, if it measured the operation.
        public var current: Double?
        /// The verdict.
        public var verdict: Verdict

        /// The change in percent, when both medians exist and the baseline's is not 0.
        public var changePercent: Double? {
            guard let baseline, let current, baseline > 0 else { return nil }
            return (current - baseline) / baseline * 100
        }
    }

    /// The machine the baseline was measured on.
    public var baselineMachine: MachineFacts
    /// The slowdown in percent beyond which a median has regressed.
    public var thresholdPercent: Double
    /// One entry per operation of either run, in the order of ``BenchOperation``.
    public var entries: [Entry]

    /// Compares `current` with `baseline`.
    public init(baseline: BenchRun, current: BenchReport, thresholdPercent: Double = 20) {
        self.baselineMachine = baseline.machine
        self.thresholdPercent = thresholdPercent
        entries = BenchOperation.allCases.compactMap { operation in
            let before = Self.median(of: operation, in: baseline.report)
            let after = Self.median(of: operation, in: current)
            guard before != nil || after != nil else { return nil }
            return Entry(
                operation: operation,
                baseline: before,
                current: after,
                verdict: Self.verdict(before, after, threshold: thresholdPercent)
            )
        }
    }

    /// The operations that regressed.
    public var regressions: [Entry] { entries.filter { $0.verdict == .regressed } }

    /// Whether any operation regressed.
    public var hasRegression: Bool { !regressions.isEmpty }

    private static func median(of operation: BenchOperation, in report: BenchReport) -> Double? {
        guard let measured = report[operation], measured.latency.count > 0 else { return nil }
        return measured.latency.median
    }

    private static func verdict(_ baseline: Double?, _ current: Double?, threshold: Double) -> Verdict {
        guard let baseline else { return .new }
        guard let current else { return .missing }
        guard baseline > 0 else { return current > 0 ? .regressed : .within }
        let change = (current - baseline) / baseline * 100
        if change > threshold { return .regressed }
        if change < -threshold { return .improved }
        return .within
    }
}
