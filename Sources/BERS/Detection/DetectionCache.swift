import Synchronization

/// Remembers detections per context for a fixed time.
///
/// A class because every copy of a detector shares one memo; all state sits in one `Mutex`.
final class DetectionCache: Sendable {
    private struct Entry {
        var result: DetectionResult
        var expires: UInt64
    }

    private struct Storage {
        var entries: [DetectionContext: Entry] = [:]
        var hits = 0
        var misses = 0
    }

    /// Entries beyond this count are dropped, oldest expiry first, to bound memory.
    static let capacity = 1024

    private let timeToLive: UInt64
    private let clock: any MonotonicClock
    private let storage = Mutex(Storage())

    init(timeToLiveNanoseconds: UInt64, clock: any MonotonicClock) {
        self.timeToLive = timeToLiveNanoseconds
        self.clock = clock
    }

    func result(for context: DetectionContext) -> DetectionResult? {
        guard timeToLive > 0 else { return nil }
        let now = clock.nanoseconds()
        return storage.withLock { storage in
            guard let entry = storage.entries[context], entry.expires > now else {
                storage.entries[context] = nil
                storage.misses += 1
                return nil
            }
            storage.hits += 1
            return entry.result
        }
    }

    func store(_ result: DetectionResult, for context: DetectionContext) {
        guard timeToLive > 0 else { return }
        let expires = clock.nanoseconds() &+ timeToLive
        storage.withLock { storage in
            if storage.entries.count >= Self.capacity, storage.entries[context] == nil {
                let now = clock.nanoseconds()
                storage.entries = storage.entries.filter { $0.value.expires > now }
                if storage.entries.count >= Self.capacity,
                    let oldest = storage.entries.min(by: { $0.value.expires < $1.value.expires })?.key
                {
                    storage.entries[oldest] = nil
                }
            }
            storage.entries[context] = Entry(result: result, expires: expires)
        }
    }

    /// Lookups answered from the memo, and lookups that were not.
    var statistics: (hits: Int, misses: Int) {
        storage.withLock { ($0.hits, $0.misses) }
    }

    func removeAll() {
        storage.withLock { $0.entries.removeAll() }
    }
}
