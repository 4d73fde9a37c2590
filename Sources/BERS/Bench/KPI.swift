/// A key of the `kpi` section of `bers.json`: a performance target `bers bench` rates against.
///
/// The defaults are those of the original system's audit (detection 0.1 ms, loading 0.5 ms,
/// URL 0.1 ms, memory growth 1 MB, 100 % success), plus targets for the operations it did not
/// measure.
public enum KPI: String, Sendable, CaseIterable, Hashable {
    /// Median milliseconds of one detection.
    case detection = "detection-ms"
    /// Median milliseconds of one project load and resolve.
    case loading = "loading-ms"
    /// Median milliseconds of one typed lookup.
    case lookup = "lookup-ms"
    /// Median milliseconds of one endpoint expansion.
    case url = "url-ms"
    /// Median milliseconds of one schema validation.
    case validation = "validation-ms"
    /// Median milliseconds of one tenant read through the store.
    case tenant = "tenant-ms"
    /// Median milliseconds of one tenant read from a warm cache.
    case tenantCached = "tenant-cached-ms"
    /// Megabytes the resident set may grow over the memory phase's resolves.
    case memoryGrowth = "memory-growth-mb"
    /// Percentage of calls that must succeed.
    case success = "success-percent"

    /// Whether larger values are better (only the success rate).
    public var higherIsBetter: Bool { self == .success }

    /// The unit the key's values are written in: `ms`, `MB` or `%`.
    public var unit: String {
        switch self {
        case .memoryGrowth: "MB"
        case .success: "%"
        default: "ms"
        }
    }

    /// The target when `bers.json` sets none.
    public var defaultTarget: Double {
        switch self {
        case .detection: 0.1
        case .loading: 0.5
        case .lookup: 0.01
        case .url: 0.1
        case .validation: 1
        case .tenant: 1
        case .tenantCached: 0.05
        case .memoryGrowth: 1
        case .success: 100
        }
    }

    /// The warning limit that goes with `target` when `bers.json` gives none: five times the
    /// target, or for the success rate five points below it.
    public func defaultWarning(forTarget target: Double) -> Double {
        higherIsBetter ? max(0, target - 5) : target * 5
    }
}
