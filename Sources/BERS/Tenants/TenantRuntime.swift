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
/// `file:line:col`. A missing tenant gets the fallback document, marked `fallback`; any other
/// failure with no cached copy is a typed error.
public struct TenantRuntime: Sendable {
    /// The project.
    public let project: ConfigProject
    /// The cache in front of the store.
    public let cache: TenantCache
    /// The environment configuration's schema, compiled once; the configuration with a tenant's
    /// overrides must still satisfy it.
    public let schema: SchemaValidator?
    private let fallbackDocument: JSONValue?
    private let layerCache = LayerCache()

    /// The parsed layer files of each environment, read once per runtime.
    private final class LayerCache: Sendable {
        // A class so that every copy of the runtime shares the parsed layers.
        private let layers = Mutex<[String: [Layer]]>([:])

        func layers(for environment: Environment, includeLocal: Bool, in project: ConfigProject) throws(ConfigError)
            -> [Layer]
        {
            let key = "\(environment.name)|\(includeLocal)"
            if let cached = layers.withLock({ $0[key] }) { return cached }
            var loaded: [Layer] = []
            for file in try project.layerFiles(for: environment, includeLocal: includeLocal) {
                loaded.append(try file.load(from: project.fileSystem))
            }
            layers.withLock { $0[key] = loaded }
            return loaded
        }
    }

    /// A runtime reading tenants from `store` through a cache configured by `bers.json`.
    ///
    /// The environment's layer files are read once, on the first request for it; create a new
    /// runtime to pick up edited files.
    ///
    /// - Throws: ``ConfigError`` when the configured fallback document cannot be read or the
    ///   schema cannot be compiled.
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
        self.schema = try project.schemaValidator()
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
    /// A tenant's overrides are applied only where `bers.json` allows them, only when each keeps
    /// the type of the value it replaces, and only when the result still satisfies the schema;
    /// otherwise they are ignored and the reason is in the configuration's diagnostics.
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

        let fileLayers = try layerCache.layers(for: environment, includeLocal: options.includeLocalLayers, in: project)
        var diagnostics: [ConfigDiagnostic] = []
        var refused: [JSONPointer] = []
        var configuration = try resolve(
            fileLayers,
            environment: environment,
            options: options,
            diagnostics: &diagnostics
        )
        if let document {
            let (layer, notAllowed) = TenantOverrides.layer(
                from: document,
                settings: settings,
                base: configuration.value
            )
            refused = notAllowed.map(\.pointer)
            diagnostics += notAllowed.map { refusal in
                ConfigDiagnostic(code: .invalidOverride, message: "tenant \(hash.value) \(refusal.reason); ignored")
            }
            if let layer {
                var withTenant = diagnostics
                let candidate = try resolve(
                    fileLayers + [layer],
                    environment: environment,
                    options: options,
                    diagnostics: &withTenant
                )
                let problems = schema.map { candidate.validate(with: $0) }.map { $0.isValid ? [] : $0.messages } ?? []
                if problems.isEmpty {
                    configuration = candidate
                    diagnostics = withTenant
                } else {
                    refused += TenantOverrides.pointers(in: layer)
                    diagnostics.append(
                        ConfigDiagnostic(
                            code: .invalidConfiguration,
                            message:
                                "tenant \(hash.value)'s overrides would make the configuration invalid (\(problems.joined(separator: "; "))); ignored"
                        )
                    )
                }
            }
        }
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
            endpoints: try configuration.endpoints()
        )
    }

    private func resolve(
        _ layers: [Layer],
        environment: Environment,
        options: ResolveOptions,
        diagnostics: inout [ConfigDiagnostic]
    ) throws(ConfigError) -> ResolvedConfiguration {
        if options.environmentVariables.isEmpty && options.assignments.isEmpty {
            return try ConfigProject.merge(
                layers,
                environment: environment,
                strategies: project.settings.mergeStrategies,
                diagnostics: []
            )
        }
        return try project.resolve(
            layers: layers,
            environment: environment,
            options: options,
            diagnostics: &diagnostics
        )
    }
}
