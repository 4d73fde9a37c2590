import BERS
import Logging
import Metrics
import Synchronization

/// The environments a server serves: the one it was started with, and every other environment
/// of the project, each started (resolved, validated, watched) on its first request.
final class ServedEnvironments: Sendable {
    /// The environment the server was started with.
    let primary: EnvironmentService
    /// The tenant cache all environments share (one store).
    let tenantCache: TenantCache?
    /// The store's change feed, when it pushes changes.
    let feed: (any ChangeFeed)?
    /// Where refused documents and stale tenant serves are logged.
    let tenantLog: TenantServeLog
    private let others = Mutex<[String: EnvironmentService]>([:])
    private let options: ResolveOptions
    private let metrics: any MetricsFactory
    private let logger: Logger

    /// Serves `primary` and, on demand, the other environments of its project.
    init(
        primary: LiveConfiguration,
        tenantCache: TenantCache?,
        feed: (any ChangeFeed)? = nil,
        tenantLog: TenantServeLog,
        options: ResolveOptions,
        metrics: any MetricsFactory,
        logger: Logger
    ) {
        self.primary = EnvironmentService(live: primary, tenantCache: tenantCache)
        self.tenantCache = tenantCache
        self.feed = feed
        self.tenantLog = tenantLog
        self.options = options
        self.metrics = metrics
        self.logger = logger
    }

    /// What tenant answers are resolved with: the server's keyring, so that encrypted values
    /// open, and nothing that would make every answer a new one.
    var tenantOptions: ResolveOptions {
        var tenantOptions = ResolveOptions()
        tenantOptions.secretKeyring = options.secretKeyring
        tenantOptions.includeLocalLayers = options.includeLocalLayers
        return tenantOptions
    }

    /// The project of the primary environment's current generation.
    var project: ConfigProject { primary.live.current.project }

    /// Every environment started so far, the primary first.
    var started: [EnvironmentService] {
        [primary] + others.withLock { $0.values.sorted { $0.environment.name < $1.environment.name } }
    }

    /// The service of the environment called `name`.
    ///
    /// - Throws: ``ConfigError`` `config.unknown-environment` for a name the project does not
    ///   declare, or what resolving and validating it reports.
    func service(for name: String) throws(ConfigError) -> EnvironmentService {
        if name == primary.environment.name { return primary }
        if let existing = others.withLock({ $0[name] }) { return existing }
        let environment = try project.catalog.environment(named: name)
        let live = try primary.live.sibling(
            environment: environment,
            options: options,
            metrics: metrics,
            logger: logger
        )
        let service = EnvironmentService(live: live, tenantCache: tenantCache)
        let (kept, isNew) = others.withLock { others in
            if let existing = others[name] { return (existing, false) }
            others[name] = service
            return (service, true)
        }
        guard isNew else {
            live.stop()
            return kept
        }
        do {
            try live.watch()
        } catch {
            others.withLock { _ = $0.removeValue(forKey: name) }
            live.stop()
            throw error
        }
        return kept
    }

    /// Starts watching the primary environment.
    func start() throws(ConfigError) {
        try primary.live.watch()
    }

    /// Stops watching every environment.
    func stop() {
        for service in started { service.live.stop() }
    }
}
