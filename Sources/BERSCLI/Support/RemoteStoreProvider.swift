import BERS

/// Opens the tenant stores that need a network (`s3://`, `http(s)://`, `etcd://`) for the tenant
/// commands, and the change feeds of those that push changes for `bers serve`.
///
/// `BERSCLI` does not link the network stack, so that `bers resolve` and the other local commands
/// start in a few milliseconds: the `bers` executable passes a ``SiblingExecutable`` that hands the
/// command line to `bers-net`, and `bers-net` passes the stores of `BERSRemoteStores`.
public protocol RemoteStoreProvider: Sendable {
    /// Runs `body` with the store at `request.url`, closing any network client afterwards.
    func withStore<Result: Sendable>(
        _ request: RemoteStoreRequest,
        _ body: (any TenantStore) async throws -> Result
    ) async throws -> Result

    /// Runs `body` with the change feed of the store at `request.url` (an `etcd://` store), or
    /// with `nil` for a store that does not push changes; stops the feed afterwards.
    ///
    /// - Parameter mirrorsConfiguration: Whether the feed also mirrors the layer files under
    ///   `<prefix>config/` (`--config-dir etcd://…`).
    func withFeed<Result: Sendable>(
        _ request: RemoteStoreRequest,
        mirrorsConfiguration: Bool,
        _ body: (RemoteFeed?) async throws -> Result
    ) async throws -> Result

    /// Called before a command that may open a remote store runs, so that a provider that hands
    /// the command to another executable does so before the command prints anything.
    func commandWillUseRemoteStore() throws
}

extension RemoteStoreProvider {
    /// Nothing to do for a provider that opens stores itself.
    public func commandWillUseRemoteStore() throws {}

    /// No feeds: `body` gets `nil`.
    public func withFeed<Result: Sendable>(
        _ request: RemoteStoreRequest,
        mirrorsConfiguration: Bool,
        _ body: (RemoteFeed?) async throws -> Result
    ) async throws -> Result {
        try await body(nil)
    }
}

/// What a tenant command asks of a ``RemoteStoreProvider``.
public struct RemoteStoreRequest: Sendable {
    /// The store URL: `s3://bucket/prefix`, `https://host/prefix` or `etcd://host:port/prefix`.
    public let url: String
    /// `--s3-endpoint`, if given.
    public let s3Endpoint: String?
    /// The process environment (AWS credentials and endpoints).
    public let environment: [String: String]
    /// The time limit of one request, in milliseconds.
    public let timeoutMilliseconds: Int64
    /// The largest document accepted, in bytes.
    public let maxBytes: Int
    /// The lowest level a feed logs at (`bers serve --log-level`); `nil`: info.
    public var logLevel: String?

    /// A request for the store at `url`.
    public init(
        url: String,
        s3Endpoint: String? = nil,
        environment: [String: String],
        timeoutMilliseconds: Int64 = 4000,
        maxBytes: Int = 1 << 20
    ) {
        self.url = url
        self.s3Endpoint = s3Endpoint
        self.environment = environment
        self.timeoutMilliseconds = timeoutMilliseconds
        self.maxBytes = maxBytes
    }
}

/// The provider of the running command line, set by ``BERSCommand/runAndExit(_:remoteStores:)``.
enum RemoteStores {
    @TaskLocal static var provider: (any RemoteStoreProvider)?
}
