/// An operation `bers bench` measures on a project.
///
/// Each sample of an operation is one call: one detection, one load of the project and resolve of
/// the environment from disk, one typed read of one leaf path, one expansion of one endpoint, one
/// validation of the resolved configuration, one read of a tenant through the store or the cache.
public enum BenchOperation: String, Sendable, CaseIterable, Hashable {
    /// The project's detector, run without its memo on the process's context.
    case detection
    /// `bers.json` read, the directory listed, and the environment resolved from its layer files.
    case loading
    /// A typed read (`int`, `string`, …) of a leaf path of the resolved configuration.
    case lookup
    /// An endpoint of the `endpoints` section expanded with sample parameters.
    case url
    /// The resolved configuration checked against the project's schema.
    case validation
    /// A tenant document read through the configured store, bypassing any cache.
    case tenantCold = "tenant-cold"
    /// A tenant document answered by a warm ``TenantCache``.
    case tenantCached = "tenant-cached"

    /// The key of the `kpi` section of `bers.json` holding this operation's target.
    public var kpi: KPI {
        switch self {
        case .detection: .detection
        case .loading: .loading
        case .lookup: .lookup
        case .url: .url
        case .validation: .validation
        case .tenantCold: .tenant
        case .tenantCached: .tenantCached
        }
    }
}
