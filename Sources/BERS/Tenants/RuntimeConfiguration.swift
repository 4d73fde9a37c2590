import BERSJSON

/// What a multi-tenant service serves for one request: the environment configuration (with the
/// overrides the tenant is allowed to make) and the tenant's document, and where both came from.
public struct RuntimeConfiguration: Sendable {
    /// Where the tenant document came from.
    public enum TenantSource: Sendable {
        /// The store, read now or from a fresh cache entry.
        case store
        /// The cache, confirmed by the store after expiry.
        case revalidated
        /// The cache, because the store failed with this error.
        case stale(TenantError)
        /// The configured fallback, because the tenant does not exist.
        case fallback(TenantError)

        /// `store`, `revalidated`, `stale` or `fallback`.
        public var name: String {
            switch self {
            case .store: "store"
            case .revalidated: "revalidated"
            case .stale: "stale"
            case .fallback: "fallback"
            }
        }
    }

    /// The tenant hash requested.
    public let hash: TenantHash
    /// The environment configuration, tenant overrides applied (their provenance names the tenant).
    public let configuration: ResolvedConfiguration
    /// The tenant document (the fallback document when ``source`` is `fallback`).
    public let tenant: JSONValue
    /// The tenant document as read, with its location and entity tag (nil for a fallback).
    public let tenantDocument: TenantDocument?
    /// Where the tenant document came from.
    public let source: TenantSource
    /// Overrides the tenant asked for that the project does not allow (ignored).
    public let refusedOverrides: [JSONPointer]
    /// The endpoints of ``configuration``.
    public let endpoints: EndpointTable
    /// The member of a tenant document that holds its overrides.
    let overridesKey: String

    /// The same configuration, its tenant document now from `source` (for a memoised answer).
    func from(_ source: TenantSource) -> RuntimeConfiguration {
        RuntimeConfiguration(
            hash: hash,
            configuration: configuration,
            tenant: tenant,
            tenantDocument: tenantDocument,
            source: source,
            refusedOverrides: refusedOverrides,
            endpoints: endpoints,
            overridesKey: overridesKey
        )
    }

    /// The URL of endpoint `name`; a `tenant` parameter is filled with the hash when the endpoint
    /// takes one and the caller did not give it.
    public func url(_ name: String, _ parameters: [String: String] = [:]) throws(ConfigError) -> String {
        var parameters = parameters
        if parameters["tenant"] == nil, let endpoint = endpoints.endpoint(name), endpoint.parameters.contains("tenant")
        {
            parameters["tenant"] = hash.value
        }
        return try endpoints.url(name, parameters)
    }

    /// The tenant document with its overrides of secrets `<redacted>`: what to print of it.
    public var redactedTenant: JSONValue {
        configuration.redactingOverrides(in: tenant, overridesKey: overridesKey)
    }

    /// `{"tenant_hash", "tenant_id", "source", "etag", "environment", "tenant", "configuration"}`,
    /// what `bers tenant get --json` prints.
    public var jsonValue: JSONValue { jsonValue(revealingSecrets: false) }

    /// ``jsonValue`` with the configuration's secrets `<redacted>`, or in clear when
    /// `revealingSecrets` (a caller allowed to read secrets).
    public func jsonValue(revealingSecrets: Bool) -> JSONValue {
        var object: JSONObject = [
            "tenant_hash": .string(hash.value),
            "tenant_id": tenantDocument.map { .string($0.tenantID) } ?? .null,
            "source": .string(source.name),
            "environment": .string(configuration.environment.name),
        ]
        if case .stale(let error) = source { object["error"] = .string(error.description) }
        if case .fallback(let error) = source { object["reason"] = .string(error.message) }
        object["key"] = tenantDocument.map { .string($0.key) } ?? .null
        object["etag"] = tenantDocument?.etag.map(JSONValue.string) ?? .null
        object["refused_overrides"] = .array(refusedOverrides.map { .string($0.dottedPath) })
        object["tenant"] = revealingSecrets ? tenant : redactedTenant
        object["configuration"] = revealingSecrets ? configuration.value : configuration.redactedValue()
        return .object(object)
    }
}
