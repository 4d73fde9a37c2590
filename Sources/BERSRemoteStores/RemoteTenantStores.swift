import AsyncHTTPClient
import BERS
import Foundation
import NIOCore

/// Makes remote tenant stores from URLs, and the HTTP clients they use.
///
/// ```swift
/// try await RemoteTenantStores.withHTTPClient { client in
///     let store = try RemoteTenantStores.make(url: "s3://myrecruiter-picasso", httpClient: client)
///     let keys = try await store.list(prefix: "mappings/")
/// }
/// ```
///
/// Stores never own their client. Use ``withHTTPClient(_:)`` for a client that lives as long as a
/// closure (tests, a command), or ``sharedHTTPClient`` for one that lives as long as the process
/// (a server). Both are configured by ``httpClientConfiguration``.
public enum RemoteTenantStores {
    /// A client shared by the whole process, configured by ``httpClientConfiguration``.
    ///
    /// It is never shut down; do not call `shutdown()` on it.
    public static let sharedHTTPClient = HTTPClient(
        eventLoopGroup: HTTPClient.defaultEventLoopGroup,
        configuration: httpClientConfiguration
    )

    /// The configuration of clients made here.
    ///
    /// Connection failures are reported at once rather than retried until the deadline (a store
    /// behind a cache prefers failing fast and serving a stale copy), connections are given 4 s,
    /// and at most 3 redirects are followed. The time a whole request may take is
    /// ``RemoteStoreLimits/timeout``, enforced by the stores, not by the client.
    public static var httpClientConfiguration: HTTPClient.Configuration {
        var pool = HTTPClient.Configuration.ConnectionPool()
        pool.retryConnectionEstablishment = false
        return HTTPClient.Configuration(
            redirectConfiguration: .follow(max: 3, allowCycles: false),
            timeout: .init(connect: .seconds(4)),
            connectionPool: pool,
            decompression: .disabled
        )
    }

    /// Runs `body` with a new client, and shuts the client down afterwards, also when `body` throws.
    ///
    /// - Parameter body: The work to do with the client.
    /// - Returns: What `body` returns.
    /// - Throws: What `body` throws, or the client's shutdown error.
    public static func withHTTPClient<Result: Sendable>(
        _ body: (HTTPClient) async throws -> Result
    ) async throws -> Result {
        let client = HTTPClient(
            eventLoopGroup: HTTPClient.defaultEventLoopGroup,
            configuration: httpClientConfiguration
        )
        let result: Result
        do {
            result = try await body(client)
        } catch {
            try? await client.shutdown()
            throw error
        }
        try await client.shutdown()
        return result
    }

    /// The store a URL names: ``S3TenantStore`` for `s3://bucket/prefix`, ``HTTPTenantStore``
    /// for `https://host/prefix` (and `http://` on loopback hosts), ``EtcdTenantStore`` for
    /// `etcd://host:port/prefix`.
    ///
    /// ```swift
    /// let store = try RemoteTenantStores.make(
    ///     url: "s3://picasso/tenants", environment: ["AWS_ENDPOINT_URL": "http://127.0.0.1:5000"],
    ///     httpClient: RemoteTenantStores.sharedHTTPClient)
    /// ```
    ///
    /// - Parameters:
    ///   - url: The store URL. `file://` URLs are the core's `FileSystemTenantStore`.
    ///   - environment: Variables for S3: region, endpoint override, credentials (see
    ///     ``S3Configuration/init(bucket:keyPrefix:endpoint:environment:limits:)``).
    ///   - s3Endpoint: An explicit S3 endpoint override (a `--s3-endpoint` option).
    ///   - httpClient: The client the store sends requests with; the caller owns it.
    ///   - limits: Timeout and size limit.
    /// - Returns: The store.
    /// - Throws: ``TenantError`` `tenant.invalid-store` for a malformed URL or setting.
    public static func make(
        url: String,
        environment: [String: String],
        s3Endpoint: String? = nil,
        httpClient: HTTPClient,
        limits: RemoteStoreLimits = .default
    ) throws(TenantError) -> any TenantStore {
        switch try RemoteStoreURL(parsing: url) {
        case .s3(let bucket, let keyPrefix):
            let configuration = try S3Configuration(
                bucket: bucket,
                keyPrefix: keyPrefix,
                endpoint: s3Endpoint,
                environment: environment,
                limits: limits
            )
            return try S3TenantStore(configuration: configuration, httpClient: httpClient)
        case .etcd(let address):
            return EtcdTenantStore(address: address, httpClient: httpClient, limits: limits)
        case .http(let endpoint):
            return HTTPTenantStore(
                configuration: HTTPStoreConfiguration(baseURL: endpoint, limits: limits),
                httpClient: httpClient
            )
        }
    }

    /// The store a URL names, with S3 settings from this process's environment.
    ///
    /// - Parameters:
    ///   - url: The store URL.
    ///   - httpClient: The client the store sends requests with (default: ``sharedHTTPClient``).
    ///   - limits: Timeout and size limit.
    /// - Returns: The store.
    /// - Throws: ``TenantError`` `tenant.invalid-store` for a malformed URL or setting.
    public static func make(
        url: String,
        httpClient: HTTPClient = sharedHTTPClient,
        limits: RemoteStoreLimits = .default
    ) throws(TenantError) -> any TenantStore {
        try make(url: url, environment: ProcessInfo.processInfo.environment, httpClient: httpClient, limits: limits)
    }
}
