import BERS
import BERSJSON

/// Runs the configuration service of `bers serve`.
///
/// `BERSCLI` does not link an HTTP server: the `bers` executable passes a ``SiblingExecutable``
/// that hands `bers serve` to `bers-net`, and `bers-net` passes the Hummingbird server of
/// `BERSServer`.
public protocol ServerLauncher: Sendable {
    /// Serves until SIGTERM or SIGINT, then finishes the requests in flight and returns.
    ///
    /// - Parameters:
    ///   - request: What to serve and how.
    ///   - store: The tenant store, or `nil` when the project has none.
    func serve(_ request: ServeRequest, store: (any TenantStore)?) async throws

    /// Called before `bers serve` runs, so that a launcher that hands the command to another
    /// executable does so before anything is printed.
    func commandWillServe() throws
}

extension ServerLauncher {
    /// Nothing to do for a launcher that serves itself.
    public func commandWillServe() throws {}
}

/// What `bers serve` asks of a ``ServerLauncher``.
public struct ServeRequest: Sendable {
    /// The environment the server detected for itself, live (resolved, validated, not yet
    /// watching).
    public let live: LiveConfiguration
    /// The `serve` settings with the command line's flags applied.
    public let settings: ServeSettings
    /// The tokens of `--tokens` or `serve.tokens`, read and checked.
    public let tokens: AccessTokens?
    /// How the environment was detected (`bers detect --json`), or `nil` for `--env`.
    public let detection: JSONValue?
    /// The overrides of every environment served.
    public let resolveOptions: ResolveOptions
    /// The lowest level logged: `trace` … `critical`.
    public let logLevel: String
    /// The store's change feed when it pushes changes (etcd), else `nil`.
    public var feed: (any ChangeFeed)? = nil
}

/// The launcher of the running command line, set by ``BERSCommand/runAndExit(_:remoteStores:server:)``.
enum ServerLaunchers {
    @TaskLocal static var launcher: (any ServerLauncher)?
}
