import Synchronization

/// Remembers detections per context for a fixed time.
///
/// A class because every copy of a detector shares one memo; all state sits in one `Mutex`.
/// Entries are filed under the context's precomputed hash (its memo key), so a lookup hashes one
/// integer and compares the stored context, usually by identity; two contexts with the same key
/// share a place, the later replacing the earlier.
final class DetectionCache: Sendable {
    /// A class so that a lookup reads the stored context and result in place, with one
    /// reference count for the entry rather than one for each of its fields.
    private final class Entry: Sendable {
        let context: DetectionContext
        let result: DetectionResult
        let expires: UInt64

        init(context: DetectionContext, result: DetectionResult, expires: UInt64) {
            self.context = context
            self.result = result
            self.expires = expires
        }
    }

    struct MemoKey: Hashable {
        let value: Int
        func hash(into hasher: inout Hasher) { hasher.combine(value) }
        func _rawHashValue(seed: Int) -> Int { value ^ seed }
    }

    private struct Storage {
        var entries: [MemoKey: Entry] = [:]
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

    /// The remembered result for `context`, if younger than the time to live.
    func result(for context: DetectionContext) -> DetectionResult? {
        result(for: context, key: context.memoKey)
    }

    /// The remembered result for `context`, filed under `key` (tests force collisions with it).
    func result(for context: DetectionContext, key: Int) -> DetectionResult? {
        guard timeToLive > 0 else { return nil }
        let now = clock.nanoseconds()
        return storage.withLock { storage in
            guard let entry = storage.entries[MemoKey(value: key)], entry.expires > now else {
                storage.entries[MemoKey(value: key)] = nil
                storage.misses += 1
                return nil
            }
            guard entry.context == context else {
                storage.misses += 1
                return nil
            }
            storage.hits += 1
            return entry.result
        }
    }

    /// Remembers `result` for `context`.
    func store(_ result: DetectionResult, for context: DetectionContext) {
        store(result, for: context, key: context.memoKey)
    }

    /// Remembers `result` for `context` under `key`, replacing whatever was there.
    func store(_ result: DetectionResult, for context: DetectionContext, key: Int) {
        guard timeToLive > 0 else { return }
        let expires = clock.nanoseconds() &+ timeToLive
        storage.withLock { storage in
            if storage.entries.count >= Self.capacity, storage.entries[MemoKey(value: key)] == nil {
                let now = clock.nanoseconds()
                storage.entries = storage.entries.filter { $0.value.expires > now }
                if storage.entries.count >= Self.capacity,
                    let oldest = storage.entries.min(by: { $0.value.expires < $1.value.expires })?.key
                {
                    storage.entries[oldest] = nil
                }
            }
            storage.entries[MemoKey(value: key)] = Entry(context: context, result: result, expires: expires)
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
