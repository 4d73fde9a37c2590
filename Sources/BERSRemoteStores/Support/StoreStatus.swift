import BERS

/// The ``TenantError`` for an HTTP status that is not a success, a 304 or a 404.
enum StoreStatus {
    /// 401/403 (or `refused`: the store named a credential problem) → `store-forbidden`, 5xx →
    /// `store-unavailable`, anything else → `store-bad-response`; `detail` (an S3 error code and
    /// message) is added to the message.
    static func error(status: Int, detail: String?, context: String, refused: Bool = false) -> TenantError {
        let suffix = detail.map { " (\(status) \($0))" } ?? " (\(status))"
        switch status {
        case _ where refused, 401, 403:
            return TenantError(.storeForbidden, "\(context): the store refused access\(suffix).")
        case 500...599:
            return TenantError(.storeUnavailable, "\(context): the store failed\(suffix).")
        default:
            return TenantError(.storeBadResponse, "\(context): the store answered an unexpected status\(suffix).")
        }
    }
}
