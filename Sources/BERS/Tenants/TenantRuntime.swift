import BERSJSON

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
/// `file:line:col`. A missing tenant gets the fallback document, marked `fallback`; any other
/// failure with no cached copy is a typed error.
public struct TenantRuntime: Sendable {
    /// The project.
    public let project: ConfigProject
    /// The cache in front of the store.
    public let cache: TenantCache
    private let fallbackDocument: JSONValue?

    /// A runtime reading tenants from `store` through a cache configured by `bers.json`.
    ///
    /// - Throws: ``ConfigError`` when the configured fallback document cannot be read.
    public init(project: ConfigProject, store: any TenantStore, clock: any MonotonicClock = SystemMonotonicClock())
        throws(ConfigError)
    {
        self.project = project
        let settings = project.settings.tenants
        self.cache = TenantCache(
            repository: TenantRepository(store: store, maxBytes: settings.maxBytes),
            options: settings.cache,
            clock: clock
        )
        if let fallback = settings.fallback {
            let path = joinPath(project.directory, fallback)
            let bytes = try project.fileSystem.contents(atPath: path, maxBytes: settings.maxBytes)
            do {
                fallbackDocument = try JSONParser().parse(bytes, file: path).value
            } catch {
                throw ConfigError.malformed(error)
            }
        } else {
            fallbackDocument = nil
        }
    }

    /// The configuration for `environment` and the tenant `hash`.
    ///
    /// - Throws: ``ConfigError`` for a configuration that does not resolve, ``TenantError`` for a
    ///   tenant that cannot be read and has no cached copy (a missing tenant is not an error: it
    ///   gets the fallback).
    public func resolve(environment: Environment, tenant hash: TenantHash, options: ResolveOptions = ResolveOptions())
        async throws -> RuntimeConfiguration
    {
        let settings = project.settings.tenants
        let tenantValue: JSONValue
        let document: TenantDocument?
        let source: RuntimeConfiguration.TenantSource
        let lookup: Result<TenantCache.Entry, TenantError>
        do {
            lookup = .success(try await cache.get(hash))
        } catch {
            lookup = .failure(error)
        }
        switch lookup {
        case .success(let entry):
            document = entry.document
            tenantValue = entry.document.value
            switch entry.freshness {
            case .fresh: source = .store
            case .revalidated: source = .revalidated
            case .stale(let error): source = .stale(error)
            }
        case .failure(let error):
            guard error.code == .notFound else { throw error }
            document = nil
            tenantValue =
                fallbackDocument.map { TenantFallback.marked($0, for: hash) } ?? TenantFallback.generic(for: hash)
            source = .fallback(error)
        }

        var layers: [Layer] = []
        for file in try project.layerFiles(for: environment, includeLocal: options.includeLocalLayers) {
            layers.append(try file.load(from: project.fileSystem))
        }
        var refused: [JSONPointer] = []
        if let document {
            let (layer, notAllowed) = TenantOverrides.layer(from: document, settings: settings)
            refused = notAllowed
            if let layer { layers.append(layer) }
        }
        var diagnostics = refused.map { pointer in
            ConfigDiagnostic(
                code: .invalidOverride,
                message: "tenant \(hash.value) may not override \(pointer.dottedPath); ignored"
            )
        }
        let base = try ConfigProject.merge(
            layers,
            environment: environment,
            strategies: project.settings.mergeStrategies,
            diagnostics: []
        )
        var configuration = base
        if !options.environmentVariables.isEmpty || !options.assignments.isEmpty {
            configuration = try project.resolve(
                layers: layers,
                environment: environment,
                options: options,
                diagnostics: &diagnostics
            )
        } else if !diagnostics.isEmpty {
            configuration = ResolvedConfiguration(
                environment: environment,
                storage: base.storage,
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
            endpoints: try configuration.endpoints()
        )
    }
}
