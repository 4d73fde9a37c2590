import BERS
import BERSJSON
import Hummingbird
import HummingbirdCore
import Logging
import Metrics
import NIOCore
import NIOPosix
import Prometheus
import ServiceLifecycle
import Synchronization

/// The configuration service: a live configuration, its project's other environments and its
/// tenants, served over HTTP.
///
/// ```swift
/// let live = try LiveConfiguration(directory: "config", environment: .production)
/// let registry = PrometheusCollectorRegistry()
/// let server = try ConfigServer(live: live, store: store, options: .init(settings: live.current.project.settings.serve),
///                               registry: registry)
/// try await ServiceGroup(services: [server], gracefulShutdownSignals: [.sigterm], logger: logger).run()
/// ```
///
/// Routes: `/v1/environments`, `/v1/config/{env}`, `/v1/tenants/{hash}`, the legacy
/// `?action=get_config&t=…`, `/healthz`, `/readyz`, `/metrics`, `/v1/status`, `POST /v1/reload`
/// and `POST /v1/tenants/{hash}/invalidate`. Every 200 has a strong `ETag`; each response is
/// rendered once per generation. On graceful shutdown the server stops accepting connections,
/// finishes the requests in flight, and stops watching.
public final class ConfigServer: Service, Sendable {
    private let environments: ServedEnvironments
    private let handler: RequestHandler
    private let options: Options
    private let logger: Logger
    private let metrics: HTTPMetrics
    private let hot: HotResponses

    /// A server of `live` and, when `store` is given, of its tenants.
    ///
    /// - Parameters:
    ///   - live: The environment the server detected for itself; the others of its project are
    ///     started on their first request, with `resolveOptions`.
    ///   - store: The tenant store (`tenants.store`); `nil`: the tenant routes answer 404.
    ///   - options: How to listen and answer.
    ///   - resolveOptions: The override variables and assignments of every environment.
    ///   - registry: What `/metrics` prints.
    ///   - metrics: Where the request, reload and tenant cache metrics go (by default into
    ///     `registry`).
    ///   - logger: The access log and reload logs.
    ///   - feed: The store's change feed (etcd), when it pushes changes: changed tenants are
    ///     revalidated at once, and `/v1/status` reports the feed's health.
    /// - Throws: ``ConfigError`` when the tenant runtime or the legacy defaults of the project
    ///   cannot be loaded.
    public init(
        live: LiveConfiguration,
        store: (any TenantStore)?,
        options: Options,
        resolveOptions: ResolveOptions = ResolveOptions(),
        registry: PrometheusCollectorRegistry,
        metrics: (any MetricsFactory)? = nil,
        logger: Logger = Logger(label: "bers.serve"),
        feed: (any ChangeFeed)? = nil
    ) throws(ConfigError) {
        let factory = metrics ?? PrometheusMetricsFactory(registry: registry)
        let tenants = live.current.project.settings.tenants
        let tenantLog = TenantServeLog(logger: logger)
        let cache = store.map { store in
            TenantCache(
                repository: TenantRepository(store: store, maxBytes: tenants.maxBytes),
                options: tenants.cache,
                metrics: factory,
                documentCheck: Self.documentCheck(live: live, log: tenantLog)
            )
        }
        if let feed, let cache { feed.onTenantChanges { notice in cache.apply(notice) } }
        environments = ServedEnvironments(
            primary: live,
            tenantCache: cache,
            feed: feed,
            tenantLog: tenantLog,
            options: resolveOptions,
            metrics: factory,
            logger: logger
        )
        let metrics = HTTPMetrics(factory: factory)
        let cors = CORSPolicy(allowedOrigins: Set(options.allowedOrigins))
        let hot = HotResponses(capacity: max(1024, 2 * tenants.cache.capacity), metrics: metrics, cors: cors)
        handler = RequestHandler(
            environments: environments,
            options: options,
            registry: registry,
            cors: cors,
            authorizer: RequestAuthorizer(tokens: options.tokens),
            hot: hot
        )
        self.options = options
        self.logger = logger
        self.metrics = metrics
        self.hot = hot
        _ = try environments.primary.current()
    }

    /// The tenant schema and rules of the generation served now (the project keeps its compiled
    /// schemas, so this is a lookup); a refusal is logged.
    private static func documentCheck(live: LiveConfiguration, log: TenantServeLog) -> TenantCache.DocumentCheck {
        { document in
            guard let validator = try? live.current.project.tenantValidator(),
                let refusal = validator.documentCheck(document)
            else { return nil }
            log.refused(document, because: refusal, issue: validator.validate(document.document).errors.first)
            return refusal
        }
    }

    /// Serves until cancelled or shut down gracefully.
    public func run() async throws {
        try await run { _, _ in }
    }

    /// Serves until cancelled or shut down gracefully, calling `onListening` with the host and
    /// the port once the socket listens (the port chosen when ``Options/port`` is 0).
    ///
    /// - Throws: ``ServerError`` `serve.cannot-listen` when the address cannot be bound.
    public func run(onListening: @escaping @Sendable (String, Int) async -> Void) async throws {
        try environments.start()
        defer { environments.stop() }
        let host = options.host
        let port = options.port
        let listening = Atomic<Bool>(false)
        let group = MultiThreadedEventLoopGroup(numberOfThreads: options.threads ?? System.coreCount)
        let application = Application(
            responder: ConfigResponder(handler: handler, metrics: metrics),
            server: serverBuilder(),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "bers"),
            onServerRunning: { channel in
                listening.store(true, ordering: .relaxed)
                await onListening(host, channel.localAddress?.port ?? port)
            },
            eventLoopGroupProvider: .shared(group),
            logger: logger
        )
        do {
            try await application.run()
        } catch {
            try? await group.shutdownGracefully()
            if listening.load(ordering: .relaxed) { throw error }
            throw ServerError.cannotListen(host: host, port: port, error)
        }
        try await group.shutdownGracefully()
    }

    /// Hummingbird's HTTP/1 server with the fast path in front; the fast path closes idle
    /// connections (it sees every byte received and knows what is under way).
    private func serverBuilder() -> HTTPServerBuilder {
        let hot = hot
        let headerLimit = options.limits.headerBytes
        let accessLog = logger.logLevel <= .info ? logger : nil
        let idleTimeout = TimeAmount.milliseconds(options.idleTimeoutMilliseconds)
        return HTTPServerBuilder { responder in
            FastPathChannel(
                http1: HTTP1Channel(responder: responder, configuration: .init(idleTimeout: nil)),
                responses: hot,
                headerLimit: headerLimit,
                accessLog: accessLog,
                idleTimeout: idleTimeout
            )
        }
    }
}
