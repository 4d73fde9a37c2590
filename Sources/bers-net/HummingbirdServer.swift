import BERS
import BERSCLI
import BERSServer
import Logging
import Metrics
import Prometheus
import ServiceLifecycle

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs `bers serve` with the Hummingbird server of `BERSServer`, stopped gracefully by SIGTERM
/// or SIGINT; the access log goes to standard error.
struct HummingbirdServer: ServerLauncher {
    /// What `/metrics` prints: every metric of the process, once bootstrapped.
    let registry = PrometheusCollectorRegistry()

    /// Sends the process's metrics (the live configuration's reloads among them) to `registry`.
    func commandWillServe() throws {
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
    }

    func serve(_ request: ServeRequest, store: (any TenantStore)?) async throws {
        var logger = Logger(label: "bers.serve") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = Logger.Level(rawValue: request.logLevel) ?? .info
        let options = ConfigServer.Options(
            settings: request.settings,
            tokens: request.tokens,
            detection: request.detection
        )
        let server = try ConfigServer(
            live: request.live,
            store: store,
            options: options,
            resolveOptions: request.resolveOptions,
            registry: registry,
            logger: logger,
            feed: request.feed
        )
        let listening = ListeningServer(server: server)
        let group = ServiceGroup(
            configuration: .init(
                services: [listening],
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger
            )
        )
        try await group.run()
    }
}

/// The server, printing `listening on http://HOST:PORT` on standard output once it listens.
private struct ListeningServer: Service {
    let server: ConfigServer

    func run() async throws {
        try await server.run { host, port in
            let line = Array("listening on http://\(host):\(port)\n".utf8)
            _ = line.withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
        }
    }
}
