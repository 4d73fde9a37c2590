import BERS

/// What a build applies on top of the config directory, and what it stamps into artifacts.
///
/// Builds are reproducible: `BERS__…` environment variables are never read, `local.*` layers only
/// with ``includeLocalLayers``, and no time is written unless ``buildTime`` is set.
public struct BuildOptions: Sendable {
    /// `path=value` assignments applied last (`--set`), recorded as inputs (`path=<redacted>`
    /// when the value is a secret).
    public var assignments: [String]
    /// Whether `local.*` and `<env>.local.*` are read (`--include-local`).
    public var includeLocalLayers: Bool
    /// Whether the JSON artifact carries the provenance of every value (`--provenance`).
    public var provenance: Bool
    /// The build time written into artifacts (ISO 8601, `--build-time`); `nil` writes none.
    public var buildTime: String?
    /// The version of BERS written into artifacts (``BERSVersion/current`` by default).
    public var bersVersion: String
    /// The tenant whose allowed overrides apply (`--tenant`), read from ``tenantStore``.
    public var tenant: TenantHash?
    /// The store the tenant is read from.
    public var tenantStore: (any TenantStore)?

    /// Options with these values; by default nothing is applied, and no time is stamped.
    public init(
        assignments: [String] = [],
        includeLocalLayers: Bool = false,
        provenance: Bool = false,
        buildTime: String? = nil,
        bersVersion: String = BERSVersion.current,
        tenant: TenantHash? = nil,
        tenantStore: (any TenantStore)? = nil
    ) {
        self.assignments = assignments
        self.includeLocalLayers = includeLocalLayers
        self.provenance = provenance
        self.buildTime = buildTime
        self.bersVersion = bersVersion
        self.tenant = tenant
        self.tenantStore = tenantStore
    }
}
