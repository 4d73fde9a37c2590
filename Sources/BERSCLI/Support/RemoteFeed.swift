import BERS

/// A store that pushes its changes (etcd), opened for `bers serve`: its tenant store, its change
/// feed, and the mirror of its layer files when they are read from it (`--config-dir etcd://…`).
public struct RemoteFeed: Sendable {
    /// The change feed (status, tenant changes).
    public let feed: any ChangeFeed
    /// The tenant store at the same prefix.
    public let store: any TenantStore
    /// Where the mirrored layer files are in ``fileSystem``.
    public let directory: String
    /// The mirrored layer files (empty when only tenants were asked for).
    public let fileSystem: any FileSystem
    /// Watchers of the mirrored files, for a ``LiveConfiguration``.
    public let makeWatcher: LiveConfiguration.WatcherFactory

    /// A feed with these parts.
    public init(
        feed: any ChangeFeed,
        store: any TenantStore,
        directory: String,
        fileSystem: any FileSystem,
        makeWatcher: @escaping LiveConfiguration.WatcherFactory
    ) {
        self.feed = feed
        self.store = store
        self.directory = directory
        self.fileSystem = fileSystem
        self.makeWatcher = makeWatcher
    }

    /// Whether `url` names a store that pushes its changes (`etcd://`, `etcds://`).
    public static func isFeed(_ url: String) -> Bool {
        let lowered = url.lowercased()
        return lowered.hasPrefix("etcd://") || lowered.hasPrefix("etcds://")
    }
}
