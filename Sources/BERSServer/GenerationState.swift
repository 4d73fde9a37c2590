import BERS
import BERSJSON
import Synchronization

/// What the server serves for one generation of one environment: the generation, a tenant
/// runtime on its project, and the responses rendered from it so far.
///
/// A new generation gets a new state, so a rendered response never outlives the configuration
/// it was rendered from.
final class GenerationState: Sendable {
    /// The generation served.
    let generation: ConfigurationGeneration
    /// The tenant runtime on the generation's project, `nil` when the server has no tenant store.
    let runtime: TenantRuntime?
    /// The legacy route's defaults document (`serve.legacy.defaults`), if configured.
    let legacyDefaults: JSONObject?
    private let rendered = Mutex<[String: RenderedResponse]>([:])
    private let renderedTenants = Mutex<[String: TenantRendering]>([:])
    private let capacity: Int

    /// A tenant response, and the version of the tenant document it was rendered from.
    private struct TenantRendering: Sendable {
        let identity: String
        let response: RenderedResponse
    }

    /// The state of `generation`, sharing `tenantCache` with the other generations.
    ///
    /// - Throws: ``ConfigError`` when the tenant runtime or the legacy defaults cannot be loaded.
    init(generation: ConfigurationGeneration, tenantCache: TenantCache?) throws(ConfigError) {
        self.generation = generation
        let project = generation.project
        runtime = try tenantCache.map { cache throws(ConfigError) in try TenantRuntime(project: project, cache: cache) }
        legacyDefaults = try project.legacyDefaults()
        capacity = max(64, project.settings.tenants.cache.capacity)
    }

    /// The response for `key`, rendered by `render` the first time.
    func response(_ key: String, render: () -> RenderedResponse) -> RenderedResponse {
        if let cached = rendered.withLock({ $0[key] }) { return cached }
        let response = render()
        guard response.status == .ok else { return response }
        rendered.withLock { responses in
            if responses.count >= capacity { responses.removeAll(keepingCapacity: true) }
            responses[key] = response
        }
        return response
    }

    /// The response for a tenant `key`, rendered again when the tenant document's `identity`
    /// (its store, entity tag and freshness) changed; `nil` identity: never kept.
    func tenantResponse(_ key: String, identity: String?, render: () -> RenderedResponse) -> RenderedResponse {
        guard let identity else { return render() }
        if let cached = renderedTenants.withLock({ $0[key] }), cached.identity == identity { return cached.response }
        let response = render()
        guard response.status == .ok else { return response }
        renderedTenants.withLock { responses in
            if responses.count >= capacity { responses.removeAll(keepingCapacity: true) }
            responses[key] = TenantRendering(identity: identity, response: response)
        }
        return response
    }
}
