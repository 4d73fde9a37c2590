extension ServerRoute {
    /// The tenant hash the request names, if any (logged shortened).
    var tenantHash: String? {
        switch self {
        case .tenant(let hash, _), .invalidate(let hash): hash
        case .legacy(_, let hash): hash
        default: nil
        }
    }

    /// The query parameters the route reads.
    var queryNames: Set<String> {
        switch self {
        case .config: ["provenance", "path"]
        case .tenant: ["env"]
        case .legacy: ["action", "t"]
        default: []
        }
    }
}
