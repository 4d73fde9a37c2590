import AsyncHTTPClient
import BERS
import BERSJSON
import BERSServer
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import Prometheus
import ServiceLifecycle

/// A ``ConfigServer`` on a free loopback port, with a client, stopped by ``stop()``.
final class RunningServer: Sendable {
    let port: Int
    let live: LiveConfiguration
    let registry: PrometheusCollectorRegistry
    private let task: Task<Void, any Error>
    private let group: ServiceGroup
    let client: HTTPClient

    /// A response as the tests look at it.
    struct Reply: Sendable {
        let status: Int
        let headers: HTTPHeaders
        let body: [UInt8]

        var text: String { String(decoding: body, as: UTF8.self) }
        var json: JSONValue? { try? JSONValue(parsing: text) }
        func header(_ name: String) -> String? { headers.first(name: name) }
        /// Every value of the header `name`, in order (a browser refuses a repeated
        /// `Access-Control-Allow-Origin`).
        func headerValues(_ name: String) -> [String] { headers[name] }
    }

    /// Starts a server of `example` for `environment`.
    private static func start(
        _ example: ServedExample,
        environment: Environment = .production,
        store: (any TenantStore)? = nil,
        tokens: AccessTokens? = nil,
        allowOrigins: [String] = [],
        limits: ServeSettings.RequestLimits = ServeSettings.RequestLimits(),
        feed: (any ChangeFeed)? = nil,
        logger: Logger = Logger(label: "bers.serve.test") { _ in SwiftLogNoOpLogHandler() }
    ) async throws -> RunningServer {
        let registry = PrometheusCollectorRegistry()
        let factory = PrometheusMetricsFactory(registry: registry)
        let live = try LiveConfiguration(
            directory: example.configDirectory,
            environment: environment,
            metrics: factory,
            logger: nil
        )
        var settings = live.current.project.settings.serve
        settings.port = 0
        settings.allowedOrigins = allowOrigins
        settings.limits = limits
        let server = try ConfigServer(
            live: live,
            store: store ?? example.store(),
            options: ConfigServer.Options(settings: settings, tokens: tokens),
            registry: registry,
            metrics: factory,
            logger: logger,
            feed: feed
        )
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let service = ListeningService(server: server, continuation: continuation)
        let group = ServiceGroup(
            configuration: .init(services: [service], logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
        )
        let task = Task { try await group.run() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw ServerDidNotStart() }
        return RunningServer(port: port, live: live, registry: registry, task: task, group: group)
    }

    private init(
        port: Int,
        live: LiveConfiguration,
        registry: PrometheusCollectorRegistry,
        task: Task<Void, any Error>,
        group: ServiceGroup
    ) {
        self.port = port
        self.live = live
        self.registry = registry
        self.task = task
        self.group = group
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: 64)
        // A thousand requests queue for 64 connections; under ThreadSanitizer the wait for one
        // passes AsyncHTTPClient's default of 10 s.
        configuration.timeout = .init(connect: .seconds(60), read: .seconds(60))
        self.client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    /// Sends a request and collects the whole response.
    func request(
        _ target: String,
        method: HTTPMethod = .GET,
        headers: [(String, String)] = [],
        body: [UInt8]? = nil
    ) async throws -> Reply {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(target)")
        request.method = method
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
        let response = try await client.execute(request, timeout: .seconds(30))
        let buffer = try await response.body.collect(upTo: 16 << 20)
        return Reply(
            status: Int(response.status.code),
            headers: response.headers,
            body: Array(buffer.readableBytesView)
        )
    }

    /// Runs `body` with a server of `example`, then shuts it down, whether `body` threw or not.
    static func with(
        _ example: ServedExample,
        environment: Environment = .production,
        store: (any TenantStore)? = nil,
        tokens: AccessTokens? = nil,
        allowOrigins: [String] = [],
        limits: ServeSettings.RequestLimits = ServeSettings.RequestLimits(),
        feed: (any ChangeFeed)? = nil,
        logger: Logger = Logger(label: "bers.serve.test") { _ in SwiftLogNoOpLogHandler() },
        _ body: (RunningServer) async throws -> Void
    ) async throws {
        let server = try await start(
            example,
            environment: environment,
            store: store,
            tokens: tokens,
            allowOrigins: allowOrigins,
            limits: limits,
            feed: feed,
            logger: logger
        )
        do {
            try await body(server)
        } catch {
            try await server.close()
            throw error
        }
        try await server.close()
    }

    /// Shuts the server down gracefully (it finishes the requests in flight); see
    /// ``waitUntilStopped()``.
    func beginShutdown() async {
        await group.triggerGracefulShutdown()
    }

    /// Waits for the server to end.
    func waitUntilStopped() async throws {
        try await task.value
    }

    /// Shuts the server down, waits for it, and closes the client.
    private func close() async throws {
        await group.triggerGracefulShutdown()
        let ended = await task.result
        try await client.shutdown()
        try ended.get()
    }
}

/// The server as a service that reports its port.
private struct ListeningService: Service {
    let server: ConfigServer
    let continuation: AsyncStream<Int>.Continuation

    func run() async throws {
        defer { continuation.finish() }
        try await server.run { _, port in continuation.yield(port) }
    }
}

struct ServerDidNotStart: Error {}
