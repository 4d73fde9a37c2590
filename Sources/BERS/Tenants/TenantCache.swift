import Metrics
import Synchronization

/// Keeps tenant documents read through a ``TenantRepository``: bounded (least recently used
/// entries are evicted), fresh for a time to live, then revalidated with entity tags (a 304 keeps
/// the cached document), with one store request per tenant however many callers wait for it
/// (single flight), the last good document served when the store fails (stale-if-error), and
/// missing tenants remembered briefly.
///
/// ```swift
/// let cache = TenantCache(repository: TenantRepository(store: store))
/// let tenant = try await cache.get(try TenantHash("my87674d777bf9"))
/// tenant.freshness   // .fresh, .revalidated or .stale(error)
/// ```
///
/// Counters `bers_tenant_cache_{hits,misses,revalidations,errors,evictions,stale}_total` are
/// reported through swift-metrics.
public final class TenantCache: Sendable {
    // A class: one cache is shared by every task serving tenants; all state is in one Mutex.

    /// Cache limits and times.
    public struct Options: Sendable, Hashable {
        /// How long a document is served without asking the store (default 10 minutes).
        public var timeToLiveMilliseconds: Int64
        /// How long a missing tenant is remembered (default 30 seconds).
        public var notFoundTimeToLiveMilliseconds: Int64
        /// How long a stale document is served before the store is asked again after a failure
        /// (default 5 seconds).
        public var retryAfterErrorMilliseconds: Int64
        /// Most tenants kept (default 1000).
        public var capacity: Int

        /// Options with these values.
        public init(
            timeToLiveMilliseconds: Int64 = 600_000,
            notFoundTimeToLiveMilliseconds: Int64 = 30_000,
            retryAfterErrorMilliseconds: Int64 = 5_000,
            capacity: Int = 1000
        ) {
            self.timeToLiveMilliseconds = timeToLiveMilliseconds
            self.notFoundTimeToLiveMilliseconds = notFoundTimeToLiveMilliseconds
            self.retryAfterErrorMilliseconds = retryAfterErrorMilliseconds
            self.capacity = max(1, capacity)
        }
    }

    /// How current a returned document is.
    public enum Freshness: Sendable {
        /// Read from the store by this call, or cached and younger than the time to live.
        case fresh
        /// Cached, expired, and confirmed or refreshed by the store.
        case revalidated
        /// The store failed; this is the last good document.
        case stale(TenantError)
    }

    /// A document and how current it is.
    public struct Entry: Sendable {
        /// The document.
        public let document: TenantDocument
        /// How current it is.
        public let freshness: Freshness
    }

    /// Counts since the cache was made.
    public struct Statistics: Sendable, Hashable {
        /// Answers from memory without asking the store.
        public var hits = 0
        /// Tenants loaded because nothing was cached.
        public var misses = 0
        /// Expired entries checked with the store.
        public var revalidations = 0
        /// Store or document failures.
        public var errors = 0
        /// Stale documents served after a failure.
        public var staleServed = 0
        /// Entries dropped to stay within capacity.
        public var evictions = 0
        /// Calls that waited for another call's load instead of asking the store.
        public var joined = 0
    }

    private enum State {
        case document(TenantDocument)
        case notFound(TenantError)
    }

    private struct Slot {
        var state: State
        var expires: UInt64
        var lastUse: UInt64
        /// The store error when the document is a stale copy served after a failure.
        var staleBecause: TenantError?
    }

    private struct Storage {
        var slots: [TenantHash: Slot] = [:]
        var loading: [TenantHash: Task<Result<Entry, TenantError>, Never>] = [:]
        var tick: UInt64 = 0
        var statistics = Statistics()
        /// Bumped by ``invalidate(_:)``: a load that started under an older generation does not
        /// store its result.
        var generations: [TenantHash: UInt64] = [:]
        var notFoundCount = 0
    }

    /// Most missing tenants remembered at once, so that random hashes cannot push real tenants out.
    private var notFoundCapacity: Int { max(1, options.capacity / 10) }

    private let repository: TenantRepository
    private let options: Options
    private let clock: any MonotonicClock
    private let storage = Mutex(Storage())
    private let counters: Counters

    private struct Counters: Sendable {
        let hits, misses, revalidations, errors, evictions, stale: Counter
        init(store: String, factory: any MetricsFactory) {
            let dimensions = [("store", store)]
            func counter(_ name: String) -> Counter {
                Counter(label: "bers_tenant_cache_\(name)_total", dimensions: dimensions, factory: factory)
            }
            hits = counter("hits")
            misses = counter("misses")
            revalidations = counter("revalidations")
            errors = counter("errors")
            evictions = counter("evictions")
            stale = counter("stale")
        }
    }

    /// A cache in front of `repository`.
    public init(
        repository: TenantRepository,
        options: Options = Options(),
        clock: any MonotonicClock = SystemMonotonicClock(),
        metrics: any MetricsFactory = MetricsSystem.factory
    ) {
        self.repository = repository
        self.options = options
        self.clock = clock
        self.counters = Counters(store: repository.store.description, factory: metrics)
    }

    /// The counts so far.
    public var statistics: Statistics { storage.withLock { $0.statistics } }

    /// The tenant's document, from memory when fresh, else from the store (once for all callers).
    ///
    /// - Throws: ``TenantError`` `tenant.not-found` (also remembered briefly), or the store's or
    ///   document's error when there is no good copy to fall back on.
    public func get(_ hash: TenantHash) async throws(TenantError) -> Entry {
        let now = clock.nanoseconds()
        enum Action {
            case answer(Result<Entry, TenantError>)
            case wait(Task<Result<Entry, TenantError>, Never>)
        }
        let action: Action = storage.withLock { storage in
            storage.tick &+= 1
            if var slot = storage.slots[hash], slot.expires > now {
                slot.lastUse = storage.tick
                storage.slots[hash] = slot
                storage.statistics.hits += 1
                counters.hits.increment()
                switch slot.state {
                case .document(let document):
                    let freshness: Freshness = slot.staleBecause.map { .stale($0) } ?? .fresh
                    return .answer(.success(Entry(document: document, freshness: freshness)))
                case .notFound(let error): return .answer(.failure(error))
                }
            }
            if let task = storage.loading[hash] {
                storage.statistics.joined += 1
                return .wait(task)
            }
            var previous: TenantDocument?
            if case .document(let document)? = storage.slots[hash]?.state {
                previous = document
                storage.statistics.revalidations += 1
                counters.revalidations.increment()
            } else {
                storage.statistics.misses += 1
                counters.misses.increment()
            }
            let generation = storage.generations[hash] ?? 0
            let task = Task { await self.load(hash, previous: previous, generation: generation) }
            storage.loading[hash] = task
            return .wait(task)
        }
        switch action {
        case .answer(let result): return try result.get()
        case .wait(let task): return try await task.value.get()
        }
    }

    /// Forgets one tenant; a load already under way for it is not stored.
    public func invalidate(_ hash: TenantHash) {
        storage.withLock { storage in
            storage.generations[hash, default: 0] &+= 1
            Self.removeSlot(hash, from: &storage)
        }
    }

    /// Forgets every tenant; loads already under way are not stored.
    public func removeAll() {
        storage.withLock { storage in
            for hash in Set(storage.slots.keys).union(storage.loading.keys) {
                storage.generations[hash, default: 0] &+= 1
            }
            storage.slots.removeAll()
            storage.notFoundCount = 0
        }
    }

    private static func removeSlot(_ hash: TenantHash, from storage: inout Storage) {
        guard let old = storage.slots.removeValue(forKey: hash) else { return }
        if case .notFound = old.state { storage.notFoundCount -= 1 }
    }

    private func insert(_ slot: Slot, for hash: TenantHash, into storage: inout Storage) {
        Self.removeSlot(hash, from: &storage)
        if case .notFound = slot.state {
            // Missing tenants have their own small bound, oldest first.
            while storage.notFoundCount >= notFoundCapacity {
                let oldest = storage.slots.filter { if case .notFound = $0.value.state { true } else { false } }
                    .min { $0.value.lastUse < $1.value.lastUse }?
                    .key
                guard let oldest else { break }
                Self.removeSlot(oldest, from: &storage)
            }
            storage.notFoundCount += 1
        }
        storage.slots[hash] = slot
        while storage.slots.count > options.capacity {
            guard let oldest = storage.slots.min(by: { $0.value.lastUse < $1.value.lastUse })?.key else { break }
            Self.removeSlot(oldest, from: &storage)
            storage.statistics.evictions += 1
            counters.evictions.increment()
        }
    }

    private func load(_ hash: TenantHash, previous: TenantDocument?, generation: UInt64) async -> Result<
        Entry, TenantError
    > {
        let outcome: Result<Entry, TenantError>
        var newState: State?
        var lifetime = options.timeToLiveMilliseconds
        var failed = false
        var staleBecause: TenantError?
        do {
            if let previous {
                let document = try await repository.revalidate(previous) ?? previous
                newState = .document(document)
                outcome = .success(Entry(document: document, freshness: .revalidated))
            } else {
                let document = try await repository.load(hash)
                newState = .document(document)
                outcome = .success(Entry(document: document, freshness: .fresh))
            }
        } catch  where error.code == .notFound {
            newState = .notFound(error)
            lifetime = options.notFoundTimeToLiveMilliseconds
            outcome = .failure(error)
        } catch {
            failed = true
            if let previous {
                newState = .document(previous)
                lifetime = min(options.retryAfterErrorMilliseconds, options.timeToLiveMilliseconds)
                outcome = .success(Entry(document: previous, freshness: .stale(error)))
                staleBecause = error
            } else {
                outcome = .failure(error)
            }
        }
        let (nanoseconds, overflow) = UInt64(max(0, lifetime)).multipliedReportingOverflow(by: 1_000_000)
        let (expires, late) = clock.nanoseconds().addingReportingOverflow(overflow ? UInt64.max : nanoseconds)
        storage.withLock { storage in
            storage.loading[hash] = nil
            if failed {
                storage.statistics.errors += 1
                counters.errors.increment()
                if previous != nil {
                    storage.statistics.staleServed += 1
                    counters.stale.increment()
                }
            }
            guard let newState, (storage.generations[hash] ?? 0) == generation else { return }
            storage.tick &+= 1
            let slot = Slot(
                state: newState,
                expires: late ? UInt64.max : expires,
                lastUse: storage.tick,
                staleBecause: staleBecause
            )
            insert(slot, for: hash, into: &storage)
        }
        return outcome
    }
}
