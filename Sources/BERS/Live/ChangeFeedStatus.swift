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
