import BERS
import BERSCLI
import BERSRemoteStores
import Logging

/// Opens `s3://`, `https://` and `etcd://` tenant stores, and etcd change feeds, with a client that
/// lives as long as the command.
struct NetworkStores: RemoteStoreProvider {
    func withStore<Result: Sendable>(
        _ request: RemoteStoreRequest,
        _ body: (any TenantStore) async throws -> Result
    ) async throws -> Result {
        return try await RemoteTenantStores.withHTTPClient { client in
            let store = try RemoteTenantStores.make(
                url: request.url,
                environment: request.environment,
                s3Endpoint: request.s3Endpoint,
                httpClient: client,
                limits: Self.limits(request)
            )
            return try await body(store)
        }
    }

    func withFeed<Result: Sendable>(
        _ request: RemoteStoreRequest,
        mirrorsConfiguration: Bool,
        _ body: (RemoteFeed?) async throws -> Result
    ) async throws -> Result {
        guard RemoteFeed.isFeed(request.url) else { return try await body(nil) }
        return try await RemoteTenantStores.withHTTPClient { client in
            let feed = try await EtcdFeed.connect(
                url: request.url,
                httpClient: client,
                limits: Self.limits(request),
                mirrorsConfiguration: mirrorsConfiguration,
                logger: Self.logger(level: request.logLevel)
            )
            defer { feed.stop() }
            let remote = RemoteFeed(
                feed: feed,
                store: feed.store,
                directory: feed.directory,
                fileSystem: feed.fileSystem,
                makeWatcher: feed.makeWatcher
            )
            return try await body(remote)
        }
    }

    /// The feed's logger: standard error, at `level`.
    private static func logger(level: String?) -> Logger {
        var logger = Logger(label: "bers.etcd") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = level.flatMap(Logger.Level.init(rawValue:)) ?? .info
        return logger
    }

    private static func limits(_ request: RemoteStoreRequest) -> RemoteStoreLimits {
        RemoteStoreLimits(timeout: .milliseconds(request.timeoutMilliseconds), maxObjectSize: request.maxBytes)
    }
}
