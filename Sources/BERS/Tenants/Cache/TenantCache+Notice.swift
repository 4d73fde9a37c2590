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
