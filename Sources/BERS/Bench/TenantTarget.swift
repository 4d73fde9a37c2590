/// The tenant the tenant operations of `bers bench` read: the first hash the store's mappings
/// hold, or why there is none.
enum TenantTarget: Sendable {
    /// A repository over the project's store and a hash it maps.
    case ready(TenantRepository, TenantHash)
    /// The reason the tenant operations are skipped.
    case unavailable(String)

    /// The target of `store` for a project with `settings`.
    static func find(in store: (any TenantStore)?, settings: TenantSettings) async -> TenantTarget {
        guard let store else { return .unavailable("bers.json sets no tenants.store") }
        let repository = TenantRepository(store: store, maxBytes: settings.maxBytes)
        do {
            guard let hash = try await repository.listHashes(policy: settings.hashPolicy).first else {
                return .unavailable("\(store.description) holds no tenant mappings")
            }
            return .ready(repository, hash)
        } catch {
            return .unavailable("listing \(store.description) failed: \(error.message)")
        }
    }

    /// The hash URL parameters are filled with: the store's, else one derived from a made-up id.
    func sampleHash(_ settings: TenantSettings) -> String {
        if case .ready(_, let hash) = self { return hash.value }
        // A made-up id with letters always has a legacy hash.
        return (try? TenantHash.derive(tenantID: "BENCH000000", salt: settings.salt))?.value ?? "be000000000000"
    }
}
