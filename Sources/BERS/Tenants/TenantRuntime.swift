import BERSJSON
import BERSSchema
import Synchronization

/// Resolves environment configuration plus tenant configuration for a tenant hash: the service
/// side of multi-tenant BERS.
///
/// ```swift
/// let runtime = try TenantRuntime(project: project, store: FileSystemTenantStore(root: "tenants"))
/// let served = try await runtime.resolve(environment: .production, tenant: try TenantHash("my87674d777bf9"))
/// served.source                         // .store, .revalidated, .stale(error) or .fallback(error)
/// try served.url("configUrl")           // {tenant} filled with the hash
/// ```
///
/// The tenant's allowed overrides (`tenants.overridable` in `bers.json`, none by default) become a
/// layer above the environment files, so provenance names the tenant document and its
/// `file:line:col`. A missing tenant gets the project's fallback document (`tenants.fallback`),
/// marked `fallback`, or is a `tenant.not-found` error when the project has none; any other
/// failure with no cached copy is a typed error.
public struct TenantRuntime: Sendable {
    /// The project.
    public let project: ConfigProject
    /// The cache in front of the store.
    public let cache: TenantCache
    private let fallbackDocument: JSONObject?
    private let environments = EnvironmentCache()
    /// Composed configurations, by environment and tenant document.
    private let memo: RuntimeMemo

    /// What a runtime computes once per environment: its parsed layer files, and their merge with
    /// its endpoint table for requests without override variables or assignments.
    private struct EnvironmentBase: Sendable {
        let layers: [Layer]
        let configuration: Result<ResolvedConfiguration, ConfigError>
        let endpoints: Result<EndpointTable, ConfigError>
    }

    /// The ``EnvironmentBase`` of each environment, built on its first request.
    private final class EnvironmentCache: Sendable {
        // A class so that every copy of the runtime shares the parsed layers.
        private let bases = Mutex<[String: EnvironmentBase]>([:])

        func base(
            for environment: Environment,
            includeLocal: Bool,
            keyring: (any SecretKeyring)?,
            in project: ConfigProject
        ) throws(ConfigError) -> EnvironmentBase {
            let key = "\(environment.name)|\(includeLocal)"
            if let cached = bases.withLock({ $0[key] }) { return cached }
            var diagnostics: [ConfigDiagnostic] = []
            let options = ResolveOptions(includeLocalLayers: includeLocal, secretKeyring: keyring)
            var layers = try project.layers(for: environment, options: options, diagnostics: &diagnostics)
            let merge: ([Layer]) -> Result<ResolvedConfiguration, ConfigError> = { [diagnostics] layers in
                Result { () throws(ConfigError) in
                    try ConfigProject.merge(
                        layers,
                        environment: environment,
                        strategies: project.settings.mergeStrategies,
                        secrets: project.secretLocationSource,
                        diagnostics: diagnostics
                    )
                }
            }
            var configuration = merge(layers)
            // Encrypted values are opened where they survive the merge, each for its layer.
            if case .success(let sealed) = configuration,
                let opened = try project.openSecrets(in: layers, surviving: sealed, options: options)
            {
                layers = opened
                configuration = merge(opened)
            }
            let endpoints = configuration.flatMap { configuration in
                Result { () throws(ConfigError) in try configuration.endpoints() }
            }
            let base = EnvironmentBase(layers: layers, configuration: configuration, endpoints: endpoints)
            bases.withLock { $0[key] = base }
            return base
        }
    }

    /// A runtime reading tenants from `store` through a cache configured by `bers.json`.
    ///
    /// The environment's layer files are read once, on the first request for it; create a new
    /// runtime to pick up edited files.
    ///
    /// - Throws: ``ConfigError`` when the configured fallback document cannot be read or is not
    ///   an object, or the schema cannot be compiled.
    public init(project: ConfigProject, store: any TenantStore, clock: any MonotonicClock = SystemMonotonicClock())
        throws(ConfigError)
    {
        let settings = project.settings.tenants
        let cache = TenantCache(
            repository: TenantRepository(store: store, maxBytes: settings.maxBytes),
            options: settings.cache,
            clock: clock
        )
        try self.init(project: project, cache: cache)
    }

    /// A runtime reading tenants through `cache`, which it shares with other runtimes: a server
    /// that reloads its project keeps the tenant documents it has fetched.
    ///
    /// - Throws: ``ConfigError`` when the configured fallback document cannot be read or is not
    ///   an object, or the schema cannot be compiled.
    public init(project: ConfigProject, cache: TenantCache) throws(ConfigError) {
        self.project = project
        let settings = project.settings.tenants
        self.cache = cache
        self.memo = RuntimeMemo(capacity: settings.cache.capacity)
        // Compiled now (once per project) so that a bad schema fails here, not on a request.
        _ = try project.schemaValidator()
        self.fallbackDocument = try settings.fallback.map { fallback throws(ConfigError) in
            try TenantFallback.load(
                joinPath(project.directory, fallback),
                from: project.fileSystem,
                maxBytes: settings.maxBytes
            )
        }
    }

    /// The configuration for `environment` and the tenant `hash`.
    ///
    /// A tenant's overrides are applied only where `bers.json` allows them, only when each keeps
    /// the type of the value it replaces, and only when the result still satisfies the schema;
    /// otherwise they are ignored and the reason is in the configuration's diagnostics.
    ///
    /// - Throws: ``ConfigError`` for a configuration that does not resolve, ``TenantError`` for a
    ///   tenant that cannot be read and has no cached copy, and `tenant.not-found` for a missing
    ///   tenant when the project has no fallback document.
    public func resolve(environment: Environment, tenant hash: TenantHash, options: ResolveOptions = ResolveOptions())
        async throws -> RuntimeConfiguration
    {
        let (document, tenantValue, source) = try await tenant(hash)
        // Only requests without override variables or assignments are memoised: they all get the
        // same answer.
        let plain = isPlain(options)
        let key = RuntimeMemo.Key(
            environment: environment.name,
            includeLocal: options.includeLocalLayers,
            tenant: hash.value
        )
        // A fallback answer is not memoised: every unknown hash would take an entry.
        let identity = document.flatMap(Self.identity(of:))
        if plain, let identity, let memoised = memo.configuration(key, identity: identity) {
            return memoised.from(source)
        }
        let configuration = try compose(
            environment: environment,
            hash: hash,
            document: document,
            tenantValue: tenantValue,
            source: source,
            options: options
        )
        if plain, let identity { memo.store(configuration, key, identity: identity) }
        return configuration
    }

    /// The configuration for `environment` and `hash`, composed anew even when it is memoised:
    /// what the first request for a tenant document costs (for benchmarks).
    @_spi(Benchmarks)
    public func resolveComposing(environment: Environment, tenant hash: TenantHash) async throws -> RuntimeConfiguration
    {
        let (document, tenantValue, source) = try await tenant(hash)
        return try compose(
            environment: environment,
            hash: hash,
            document: document,
            tenantValue: tenantValue,
            source: source,
            options: ResolveOptions()
        )
    }

    /// Whether `options` change nothing: no assignments and no override variable.
    private func isPlain(_ options: ResolveOptions) -> Bool {
        let settings = project.settings
        let prefix = settings.environmentOverridePrefix
        return options.assignments.isEmpty
            && !(settings.environmentOverridesEnabled
                && options.environmentVariables.keys.contains { $0.hasPrefix(prefix) })
    }

    /// What identifies a version of a tenant document (`nil` when the store gives no tag, and the
    /// document cannot be told apart from an edited one).
    private static func identity(of document: TenantDocument) -> RuntimeMemo.Identity? {
        guard document.etag != nil || document.version != nil else { return nil }
        return RuntimeMemo.Identity(
            key: document.key,
            etag: document.etag,
            version: document.version,
            mappingETag: document.mappingETag
        )
    }

    /// The tenant's document from the cache, or the fallback for a missing tenant.
    private func tenant(_ hash: TenantHash) async throws -> (
        TenantDocument?, JSONValue, RuntimeConfiguration.TenantSource
    ) {
        let lookup: Result<TenantCache.Entry, TenantError>
        do {
            lookup = .success(try await cache.get(hash))
        } catch {
            lookup = .failure(error)
        }
        switch lookup {
        case .success(let entry):
            let source: RuntimeConfiguration.TenantSource
            switch entry.freshness {
            case .fresh: source = .store
            case .revalidated: source = .revalidated
            case .stale(let error): source = .stale(error)
            }
            return (entry.document, entry.document.value, source)
        case .failure(let error):
            guard error.code == .notFound, let fallbackDocument else { throw error }
            return (nil, TenantFallback.marked(fallbackDocument, for: hash), .fallback(error))
        }
    }

    /// Merges the environment with the tenant's allowed overrides, checks the result against the
    /// schema, and compiles its endpoints.
    private func compose(
        environment: Environment,
        hash: TenantHash,
        document: TenantDocument?,
        tenantValue: JSONValue,
        source: RuntimeConfiguration.TenantSource,
        options: ResolveOptions
    ) throws -> RuntimeConfiguration {
        let settings = project.settings.tenants
        // The first request for an environment opens its secrets with its options' keyring.
        let base = try environments.base(
            for: environment,
            includeLocal: options.includeLocalLayers,
            keyring: options.secretKeyring,
            in: project
        )
        let plain = isPlain(options)
        var overrideDiagnostics: [ConfigDiagnostic] = []
        var configuration =
            plain
            ? try base.configuration.get()
            : try project.resolve(
                layers: base.layers,
                environment: environment,
                options: options,
                diagnostics: &overrideDiagnostics
            )
        var endpoints = plain ? base.endpoints : nil
        var tenantDiagnostics: [ConfigDiagnostic] = []
        var refused: [JSONPointer] = []
        if let document {
            let (layer, notAllowed) = try TenantOverrides.layer(
                from: document,
                settings: settings,
                base: configuration.value
            )
            refused = notAllowed.map(\.pointer)
            tenantDiagnostics = notAllowed.map { refusal in
                ConfigDiagnostic(code: .invalidOverride, message: "tenant \(hash.value) \(refusal.reason); ignored")
            }
            if let allowed = layer {
                // Encrypted overrides open for the tenant (id, then hash) or the environment.
                let layer = try SecretOpener.openTenantLayer(
                    allowed,
                    environment: environment.name,
                    tenants: [document.tenantID, hash.value],
                    keyring: options.secretKeyring
                )
                var candidateDiagnostics: [ConfigDiagnostic] = []
                let candidate =
                    plain
                    ? try ConfigProject.merge(
                        base.layers + [layer],
                        environment: environment,
                        strategies: project.settings.mergeStrategies,
                        secrets: project.secretLocationSource,
                        diagnostics: []
                    )
                    : try project.resolve(
                        layers: base.layers + [layer],
                        environment: environment,
                        options: options,
                        diagnostics: &candidateDiagnostics
                    )
                let problems = try project.validate(candidate).map { $0.isValid ? [] : $0.messages } ?? []
                let changed = TenantOverrides.pointers(in: layer)
                if problems.isEmpty {
                    configuration = candidate
                    overrideDiagnostics = candidateDiagnostics
                    // Overrides outside what the endpoints are compiled from keep the base's table.
                    let keepsEndpoints = (try? endpoints?.get())?.isUnaffected(byChangesAt: changed) ?? false
                    if !keepsEndpoints { endpoints = nil }
                } else {
                    refused += changed
                    tenantDiagnostics.append(
                        ConfigDiagnostic(
                            code: .invalidConfiguration,
                            message:
                                "tenant \(hash.value)'s overrides would make the configuration invalid (\(problems.joined(separator: "; "))); ignored"
                        )
                    )
                }
            }
        }
        let diagnostics = overrideDiagnostics + tenantDiagnostics
        if !diagnostics.isEmpty {
            configuration = ResolvedConfiguration(
                environment: environment,
                storage: configuration.storage,
                diagnostics: diagnostics
            )
        }
        return RuntimeConfiguration(
            hash: hash,
            configuration: configuration,
            tenant: tenantValue,
            tenantDocument: document,
            source: source,
            refusedOverrides: refused,
            endpoints: try endpoints?.get() ?? configuration.endpoints(),
            overridesKey: settings.overridesKey
        )
    }
}
