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
    // A class: one cache is shared by every task serving tenants; all state is in one Mutex around
    // a state machine (TenantCacheState); metrics, tasks and resumptions happen after unlocking.

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

    /// Decides whether a document read from the store may be served.
    ///
    /// `nil` accepts it, an error refuses it (typically `tenant.invalid-document` from the tenant
    /// schema). A refused document is never served: the previous one stays, marked stale with the
    /// refusal, or the request fails when there is none.
    public typealias DocumentCheck = @Sendable (TenantDocument) -> TenantError?

    private let repository: TenantRepository
    private let documentCheck: DocumentCheck?
    private let options: Options
    private let clock: any MonotonicClock
    private let storage: Mutex<TenantCacheState<Waiter>>
    private let counters: Counters

    /// A caller waiting for a load.
    typealias Waiter = CheckedContinuation<Result<Entry, TenantError>, Never>

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

    /// A cache in front of `repository`, serving only the documents `documentCheck` accepts
    /// (all when `nil`).
    public init(
        repository: TenantRepository,
        options: Options = Options(),
        clock: any MonotonicClock = SystemMonotonicClock(),
        metrics: any MetricsFactory = MetricsSystem.factory,
        documentCheck: DocumentCheck? = nil
    ) {
        self.repository = repository
        self.documentCheck = documentCheck
        self.options = options
        self.clock = clock
        self.storage = Mutex(TenantCacheState(capacity: options.capacity))
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
        if let answer = storage.withLock({ $0.hit(hash, now: now) }) {
            counters.hits.increment()
            return try answer.get()
        }
        let result = await withCheckedContinuation { (waiter: Waiter) in
            let (lookup, flight) = storage.withLock {
                ($0.lookup(hash, now: now, waiter: waiter), $0.lastStartedFlight)
            }
            switch lookup {
            case .answer(let answer):
                counters.hits.increment()
                waiter.resume(returning: answer)
            case .joined:
                break
            case .load(let previous):
                (previous == nil ? counters.misses : counters.revalidations).increment()
                // Unstructured, so that a caller's cancellation does not fail the others' load.
                Task { await self.load(hash, previous: previous, flight: flight) }
            }
        }
        return try result.get()
    }

    /// The cached document of `hash` while it is fresh (not expired, not a stale copy), without
    /// loading it or counting a hit: what a layer above the cache checks to know that a copy it
    /// made (a rendered response) is still current.
    public func freshDocument(_ hash: TenantHash) -> TenantDocument? {
        let now = clock.nanoseconds()
        return storage.withLock { $0.freshDocument(hash, now: now) }
    }

    /// Forgets one tenant; a load already under way for it is not stored.
    public func invalidate(_ hash: TenantHash) {
        storage.withLock { $0.invalidate(hash) }
    }

    /// Makes the tenants whose store objects changed due now.
    ///
    /// For a store that says what changed (an etcd watch): `mappings/<hash>.json` concerns that
    /// hash, `tenants/<id>/…` every hash of that tenant, `nil` everything. The next request
    /// revalidates with the store, keeping the document it had to fall back on (see
    /// ``DocumentCheck``).
    public func expire(changedKeys keys: [String]?) {
        guard let keys else {
            storage.withLock { $0.expire { _, _ in true } }
            return
        }
        var hashes: Set<String> = []
        var tenantIDs: Set<String> = []
        for key in keys {
            let parts = PathText.segments(of: key)
            if parts.count == 2, parts[0] == "mappings", parts[1].hasSuffix(".json") {
                hashes.insert(String(parts[1].dropLast(5)))
            } else if parts.count >= 3, parts[0] == "tenants" {
                tenantIDs.insert(String(parts[1]))
            }
        }
        guard !hashes.isEmpty || !tenantIDs.isEmpty else { return }
        storage.withLock { state in
            state.expire { hash, content in
                if hashes.contains(hash.value) { return true }
                switch content {
                case .document(let document): return tenantIDs.contains(document.tenantID)
                // A missing tenant may be the one whose document just appeared (its id is unknown).
                case .notFound: return !tenantIDs.isEmpty
                }
            }
        }
    }

    /// Makes the copies served stale after a store failure due now (the store is back), instead
    /// of when their retry is due.
    public func expireStale() {
        storage.withLock { $0.expireStale() }
    }

    /// Forgets every tenant; loads already under way are not stored.
    public func removeAll() {
        storage.withLock { $0.removeAll() }
    }

    /// How many tenants the cache remembers (cached or being loaded): at most the capacity plus
    /// the loads under way.
    var trackedCount: Int { storage.withLock { $0.trackedCount } }

    /// Reads the tenant from the store, records the result and resumes every caller waiting.
    private func load(_ hash: TenantHash, previous: TenantDocument?, flight: UInt64) async {
        let (result, lifetime) = await fetch(hash, previous: previous)
        let (nanoseconds, overflow) = UInt64(max(0, lifetime)).multipliedReportingOverflow(by: 1_000_000)
        let (expires, late) = clock.nanoseconds().addingReportingOverflow(overflow ? UInt64.max : nanoseconds)
        let completion = storage.withLock {
            $0.complete(hash, with: result, expires: late ? UInt64.max : expires, flight: flight)
        }
        if completion.failed { counters.errors.increment() }
        if completion.servedStale { counters.stale.increment() }
        if completion.evictions > 0 { counters.evictions.increment(by: completion.evictions) }
        for waiter in completion.waiters { waiter.resume(returning: result) }
    }

    /// The store's answer for `hash` (revalidating `previous` when set) and how long to keep it,
    /// in milliseconds: a stale copy of `previous` when the store fails or the new document is
    /// refused by the ``DocumentCheck``.
    private func fetch(_ hash: TenantHash, previous: TenantDocument?) async -> (Result<Entry, TenantError>, Int64) {
        do throws(TenantError) {
            if let previous {
                guard let document = try await repository.revalidate(previous) else {
                    return (
                        .success(Entry(document: previous, freshness: .revalidated)), options.timeToLiveMilliseconds
                    )
                }
                if let refusal = documentCheck?(document) { throw refusal }
                return (.success(Entry(document: document, freshness: .revalidated)), options.timeToLiveMilliseconds)
            }
            let document = try await repository.load(hash)
            if let refusal = documentCheck?(document) { throw refusal }
            return (.success(Entry(document: document, freshness: .fresh)), options.timeToLiveMilliseconds)
        } catch  where error.code == .notFound {
            return (.failure(error), options.notFoundTimeToLiveMilliseconds)
        } catch {
            guard let previous else { return (.failure(error), 0) }
            let retry = min(options.retryAfterErrorMilliseconds, options.timeToLiveMilliseconds)
            return (.success(Entry(document: previous, freshness: .stale(error))), retry)
        }
    }
}
