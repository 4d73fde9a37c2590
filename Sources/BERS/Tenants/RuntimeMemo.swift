import Synchronization

/// The runtime configurations a ``TenantRuntime`` composed, by environment and tenant, kept while
/// the tenant document they were made from is the one the cache returns.
///
/// Composing (merge with the tenant's overrides, schema check, endpoints) happens once per
/// environment and tenant document; later requests get the stored result. An entry is replaced
/// when the document's identity (entity tag, version and mapping tag) changes, and a new runtime
/// (for edited layer files) starts empty. At most `capacity` entries are kept.
final class RuntimeMemo: Sendable {
    private struct Entry {
        let identity: String
        let configuration: RuntimeConfiguration
    }

    private let entries = Mutex<[String: Entry]>([:])
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// The configuration stored under `key` for a document of this `identity`.
    func configuration(_ key: String, identity: String) -> RuntimeConfiguration? {
        entries.withLock { entries in
            guard let entry = entries[key], entry.identity == identity else { return nil }
            return entry.configuration
        }
    }

    /// Stores `configuration` under `key`, dropping an older entry when full.
    func store(_ configuration: RuntimeConfiguration, _ key: String, identity: String) {
        entries.withLock { entries in
            if entries[key] == nil, entries.count >= capacity, let victim = entries.keys.first {
                entries[victim] = nil
            }
            entries[key] = Entry(identity: identity, configuration: configuration)
        }
    }
}
