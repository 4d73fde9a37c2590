import Synchronization

/// The runtime configurations a ``TenantRuntime`` composed, by environment and tenant, kept while
/// the tenant document they were made from is the one the cache returns.
///
/// Composing (merge with the tenant's overrides, schema check, endpoints) happens once per
/// environment and tenant document; later requests get the stored result. An entry is replaced
/// when the document's identity (entity tag, version and mapping tag) changes, and a new runtime
/// (for edited layer files) starts empty. At most `capacity` entries are kept, the least recently
/// used going first.
final class RuntimeMemo: Sendable {
    /// Which configuration: the environment, whether local layers were read, the tenant.
    struct Key: Hashable, Sendable {
        var environment: String
        var includeLocal: Bool
        var tenant: String
    }

    /// Which version of a tenant document.
    struct Identity: Hashable, Sendable {
        var key: String
        var etag: String?
        var version: String?
        var mappingETag: String?
    }

    private struct State {
        var entries: [Key: (identity: Identity, configuration: RuntimeConfiguration)] = [:]
        var recency = RecencyList<Key>()
        var uses: UInt64 = 0
    }

    private let state = Mutex(State())
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// The configuration stored under `key` for a document of this `identity`.
    func configuration(_ key: Key, identity: Identity) -> RuntimeConfiguration? {
        state.withLock { state in
            guard let entry = state.entries[key], entry.identity == identity else { return nil }
            state.uses += 1
            state.recency.touch(key, stamp: state.uses)
            return entry.configuration
        }
    }

    /// Stores `configuration` under `key`, dropping the least recently used entry when full.
    func store(_ configuration: RuntimeConfiguration, _ key: Key, identity: Identity) {
        state.withLock { state in
            if state.entries[key] == nil, state.entries.count >= capacity, let oldest = state.recency.oldest?.key {
                state.entries[oldest] = nil
                state.recency.remove(oldest)
            }
            state.uses += 1
            state.entries[key] = (identity, configuration)
            state.recency.touch(key, stamp: state.uses)
        }
    }
}
