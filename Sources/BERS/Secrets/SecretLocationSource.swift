import Synchronization

/// Where a resolved configuration learns its schema's secret places, asked only when something
/// needs to know which values are secret (resolving alone never compiles a schema for it).
final class SecretLocationSource: Sendable {
    private let compute: @Sendable () -> SecretLocations
    private let computed = Mutex<SecretLocations?>(nil)

    /// A source that asks `compute` once.
    init(_ compute: @escaping @Sendable () -> SecretLocations) {
        self.compute = compute
    }

    /// A source with no secret places.
    static let none = SecretLocationSource { .none }

    /// The places, computed on first use.
    var locations: SecretLocations {
        if let known = computed.withLock({ $0 }) { return known }
        let found = compute()
        computed.withLock { $0 = found }
        return found
    }
}
