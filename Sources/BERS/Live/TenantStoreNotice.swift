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
