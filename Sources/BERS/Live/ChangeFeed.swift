/// A store that pushes its changes (an etcd watch), so that a server follows it without polling:
/// changed tenant objects are revalidated at once instead of when their time to live ends, and
/// the feed's health is reported (`/v1/status`).
///
/// The configuration side of a feed is a ``FileSystem`` and a ``LiveConfiguration/WatcherFactory``
/// given to ``LiveConfiguration``; this protocol carries the rest.
public protocol ChangeFeed: Sendable {
    /// Whether the feed is connected, and since when its copy may be stale.
    var status: ChangeFeedStatus { get }

    /// Calls `handler` with what happened to the tenant objects of the store, as it happens.
    func onTenantChanges(_ handler: @escaping @Sendable (TenantStoreNotice) -> Void)
}

/// What a ``ChangeFeed`` says about a store's tenant objects.
public enum TenantStoreNotice: Sendable, Hashable {
    /// These keys changed (`mappings/…`, `tenants/…`).
    case changed([String])
    /// Anything may have changed: the feed lost its place and read everything again.
    case everything
    /// The store is reachable again after an outage: copies kept because it was not (stale)
    /// should be checked now rather than when their retry is due.
    case reachable
}

extension TenantCache {
    /// Follows `notice`: changed keys and everything are made due (see
    /// ``expire(changedKeys:)``), and after an outage the stale copies are.
    public func apply(_ notice: TenantStoreNotice) {
        switch notice {
        case .changed(let keys): expire(changedKeys: keys)
        case .everything: expire(changedKeys: nil)
        case .reachable: expireStale()
        }
    }
}

/// The health of a ``ChangeFeed``.
public struct ChangeFeedStatus: Sendable, Hashable {
    /// The store, without credentials: `etcd://127.0.0.1:2379/picasso`.
    public var source: String
    /// Whether the feed is receiving changes now.
    public var connected: Bool
    /// The store revision of the newest change applied.
    public var revision: Int64
    /// Since when the feed has been disconnected (what is served may be stale since then);
    /// `nil` while connected.
    public var staleSince: UTCTimestamp?
    /// Why the feed last disconnected.
    public var lastError: String?
    /// How many times the feed connected again after losing its connection.
    public var reconnects: Int
    /// How many times the feed lost its place (the store compacted the revisions it needed) and
    /// read everything again.
    public var resyncs: Int

    /// A status with these values.
    public init(
        source: String,
        connected: Bool,
        revision: Int64,
        staleSince: UTCTimestamp? = nil,
        lastError: String? = nil,
        reconnects: Int = 0,
        resyncs: Int = 0
    ) {
        self.source = source
        self.connected = connected
        self.revision = revision
        self.staleSince = staleSince
        self.lastError = lastError
        self.reconnects = reconnects
        self.resyncs = resyncs
    }
}
