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
