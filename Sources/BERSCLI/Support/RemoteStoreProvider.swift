import BERS

/// Opens the tenant stores that need a network (`s3://`, `http(s)://`) for the tenant commands.
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

    /// Called before a command that may open a remote store runs, so that a provider that hands
    /// the command to another executable does so before the command prints anything.
    func commandWillUseRemoteStore() throws
}

extension RemoteStoreProvider {
    /// Nothing to do for a provider that opens stores itself.
    public func commandWillUseRemoteStore() throws {}
}

/// What a tenant command asks of a ``RemoteStoreProvider``.
public struct RemoteStoreRequest: Sendable {
    /// The store URL: `s3://bucket/prefix` or `https://host/prefix`.
    public let url: String
    /// `--s3-endpoint`, if given.
    public let s3Endpoint: String?
    /// The process environment (AWS credentials and endpoints).
    public let environment: [String: String]
    /// The time limit of one request, in milliseconds.
    public let timeoutMilliseconds: Int64
    /// The largest document accepted, in bytes.
    public let maxBytes: Int
}

/// The provider of the running command line, set by ``BERSCommand/runAndExit(_:remoteStores:)``.
enum RemoteStores {
    @TaskLocal static var provider: (any RemoteStoreProvider)?
}
