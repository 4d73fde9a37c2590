import BERS

/// What an ``EtcdFeed`` keeps under its lock: the revision reached, the connection's health, and
/// who hears about changes.
struct EtcdFeedState {
    var revision: Int64 = 0
    var connected = false
    var staleSince: UTCTimestamp?
    var lastError: String?
    var reconnects = 0
    var resyncs = 0
    var wasConnected = false
    var backoff: Duration
    var task: Task<Void, Never>?
    var stopped = false
    var queues: [Int: DirectoryChangeQueue] = [:]
    var nextQueueID = 0
    var tenantHandlers: [@Sendable (TenantStoreNotice) -> Void] = []

    init(backoff: Duration) { self.backoff = backoff }

    /// Connected (again): counts a reconnection after a loss, and starts backing off afresh.
    ///
    /// - Returns: Whether this is a reconnection after a loss.
    @discardableResult
    mutating func markConnected(resetBackoff: Duration? = nil) -> Bool {
        let reconnected = !connected && wasConnected
        if reconnected { reconnects += 1 }
        defer { if let resetBackoff { backoff = resetBackoff } }
        connected = true
        wasConnected = true
        staleSince = nil
        return reconnected
    }

    /// Disconnected: what is served may be stale from now (or from the first loss).
    ///
    /// - Returns: Whether it was connected until now (the start of an outage).
    @discardableResult
    mutating func markDisconnected(_ reason: String) -> Bool {
        let wasConnectedNow = connected
        if connected || staleSince == nil { staleSince = .now() }
        connected = false
        lastError = reason
        return wasConnectedNow
    }

    /// The pause before the next reconnection, doubling the next one up to `maximum`.
    mutating func nextBackoff(maximum: Duration) -> Duration {
        defer { backoff = min(backoff * 2, maximum) }
        return backoff
    }

    func status(source: String) -> ChangeFeedStatus {
        ChangeFeedStatus(
            source: source,
            connected: connected,
            revision: revision,
            staleSince: staleSince,
            lastError: lastError,
            reconnects: reconnects,
            resyncs: resyncs
        )
    }
}
