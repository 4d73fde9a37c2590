import BERSJSON

/// The `tenants` section of `bers.json`: where tenant configurations live and how they are checked,
/// cached and combined with the environment configuration.
///
/// ```json
/// "tenants": {
///   "store": "file://../tenants",
///   "hash-shapes": ["legacy", "hex14"],
///   "salt": "picasso-2024-universal-widget",
///   "schema": "schemas/tenant.schema.json",
///   "fallback": "fallback-tenant.json",
///   "overridable": ["widget.debug", "features.streamingEnabled"],
///   "overrides-key": "config_overrides",
///   "cache": {"ttl-ms": 600000, "not-found-ttl-ms": 30000, "capacity": 1000},
///   "max-bytes": 1048576,
///   "timeout-ms": 4000,
///   "references": [{"from": "/branches/*/cta", "to": "/ctas/{value}", "code": "tenant.unknown-cta"}],
///   "rules": [{"each": "/forms/*", "requires": "program", "since": "1.3", "code": "tenant.missing-program"}]
/// }
/// ```
///
/// `references` and `rules` declare the checks JSON Schema cannot express (see ``TenantRules``).
public struct TenantSettings: Sendable {
    /// The store URL (`file://DIR`, relative to the config directory; `s3://bucket/prefix`;
    /// `https://host/prefix`), if set.
    public var store: String?
    /// Accepted hash shapes.
    public var hashPolicy: TenantHashPolicy
    /// The salt of the hash recipe.
    public var salt: String
    /// Path of the tenant JSON Schema, relative to the config directory.
    public var schema: String?
    /// Path of the fallback document served for missing tenants, relative to the config directory;
    /// when unset, a missing tenant is a `tenant.not-found` error.
    public var fallback: String?
    /// Paths of the environment configuration a tenant may override (none by default).
    public var overridable: [JSONPointer]
    /// The member of a tenant document that holds its overrides.
    public var overridesKey: String
    /// Cache limits.
    public var cache: TenantCache.Options
    /// Largest tenant document, in bytes.
    public var maxBytes: Int
    /// Store request timeout, in milliseconds.
    public var timeoutMilliseconds: Int64
    /// The declared rules of tenant documents (`references` and `rules`); none by default.
    public var rules: TenantRules
    /// Path of the tenant migrations file (the version chain's steps, see
    /// ``TenantMigrationCatalog``), relative to the config directory.
    public var migrations: String?

    /// The defaults of a project whose `bers.json` has no `tenants` section.
    public init() {
        store = nil
        hashPolicy = .default
        salt = TenantHash.picassoSalt
        schema = nil
        fallback = nil
        overridable = []
        overridesKey = "config_overrides"
        cache = TenantCache.Options()
        maxBytes = 1 << 20
        timeoutMilliseconds = 4000
        rules = TenantRules()
        migrations = nil
    }

    /// The keys the section may have.
    static let knownKeys = [
        "store", "hash-shapes", "salt", "schema", "fallback", "overridable", "overrides-key", "cache", "max-bytes",
        "timeout-ms", "references", "rules", "migrations",
    ]

    /// Reads the section at `/tenants` of `reader`'s document.
    init(reader: DocumentReader) throws(ConfigError) {
        self.init()
        let base: JSONPointer = "/tenants"
        guard try reader.object(at: base) != nil else { return }
        try reader.rejectUnknownKeys(at: base, allowed: Self.knownKeys)
        store = try reader.string(at: "/tenants/store")
        if let shapes = reader.value(at: "/tenants/hash-shapes") {
            guard case .array(let entries) = shapes, !entries.isEmpty else {
                throw reader.fail(
                    "/tenants/hash-shapes",
                    "expected a non-empty array of \"legacy\", \"hex14\" or {\"min-length\": n, \"max-length\": m}"
                )
            }
            var parsed: [TenantHashShape] = []
            for (index, entry) in entries.enumerated() {
                let pointer = JSONPointer(tokens: ["tenants", "hash-shapes", String(index)])
                switch entry {
                case .string("legacy"): parsed.append(.legacy)
                case .string("hex14"): parsed.append(.hex14)
                case .object:
                    try reader.rejectUnknownKeys(at: pointer, allowed: ["min-length", "max-length"])
                    let minimum = try reader.integer(at: pointer.appending("min-length"), range: 1...64) ?? 1
                    let maximum = try reader.integer(at: pointer.appending("max-length"), range: 1...64) ?? 64
                    guard minimum <= maximum else { throw reader.fail(pointer, "min-length is larger than max-length") }
                    parsed.append(.pattern(minLength: Int(minimum), maxLength: Int(maximum)))
                default:
                    throw reader.fail(
                        pointer,
                        "expected \"legacy\", \"hex14\" or {\"min-length\": n, \"max-length\": m}"
                    )
                }
            }
            hashPolicy = TenantHashPolicy(shapes: parsed)
        }
        salt = try reader.string(at: "/tenants/salt") ?? salt
        schema = try reader.string(at: "/tenants/schema")
        fallback = try reader.string(at: "/tenants/fallback")
        migrations = try reader.string(at: "/tenants/migrations")
        for (index, path) in (try reader.strings(at: "/tenants/overridable") ?? []).enumerated() {
            do {
                overridable.append(try JSONPointer(path: path))
            } catch {
                throw reader.fail(JSONPointer(tokens: ["tenants", "overridable", String(index)]), error.message)
            }
        }
        overridesKey = try reader.string(at: "/tenants/overrides-key") ?? overridesKey
        try reader.rejectUnknownKeys(
            at: "/tenants/cache",
            allowed: ["ttl-ms", "not-found-ttl-ms", "retry-after-error-ms", "capacity"]
        )
        cache = TenantCache.Options(
            timeToLiveMilliseconds: try reader.integer(at: "/tenants/cache/ttl-ms", range: 0...86_400_000) ?? 600_000,
            notFoundTimeToLiveMilliseconds: try reader.integer(
                at: "/tenants/cache/not-found-ttl-ms",
                range: 0...86_400_000
            ) ?? 30_000,
            retryAfterErrorMilliseconds: try reader.integer(
                at: "/tenants/cache/retry-after-error-ms",
                range: 0...86_400_000
            ) ?? 5_000,
            capacity: Int(try reader.integer(at: "/tenants/cache/capacity", range: 1...10_000_000) ?? 1000)
        )
        maxBytes = Int(try reader.integer(at: "/tenants/max-bytes", range: 1024...(64 << 20)) ?? Int64(maxBytes))
        timeoutMilliseconds = try reader.integer(at: "/tenants/timeout-ms", range: 1...600_000) ?? timeoutMilliseconds
        rules = try TenantRules(reader: reader, at: base)
    }

    /// Whether a tenant may set `pointer` (it equals or lies beneath an allowed path).
    public func allowsOverride(of pointer: JSONPointer) -> Bool {
        overridable.contains { pointer.hasPrefix($0) }
    }
}
