/// A target and a warning limit for one measure, as the `kpi` section of `bers.json` sets them.
///
/// A measure at or better than the target is `excellent`, at or better than the warning limit
/// `good`, otherwise `slow` (see ``BenchRating``). For a measure where lower is better the
/// warning limit is at least the target; for the success rate it is at most the target.
public struct KPIThreshold: Sendable, Hashable {
    /// The value to reach.
    public var target: Double
    /// The value beyond which the measure is rated `slow`.
    public var warning: Double

    /// A threshold with these values.
    public init(target: Double, warning: Double) {
        self.target = target
        self.warning = warning
    }

    /// The default threshold of `kpi`.
    public init(defaultFor kpi: KPI) {
        self.init(target: kpi.defaultTarget, warning: kpi.defaultWarning(forTarget: kpi.defaultTarget))
    }
}
