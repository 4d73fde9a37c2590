/// The state of a ``TenantCache`` as a machine: each mutating method changes it and returns what
/// the cache must do afterwards (answer, resume waiters, count metrics), so that nothing but
/// bookkeeping happens under the cache's lock and tests drive it without I/O.
///
/// Documents and missing tenants are kept in two recency lists, so touching, inserting and
/// evicting take constant time; missing tenants have their own small bound, so that random hashes
/// cannot push real tenants out. A tenant being loaded has a ``Flight`` whose waiters all get the
/// one load's result; ``invalidate(_:)``, ``expire(where:)`` and ``removeAll()`` mark flights so
/// that their results are not stored and later callers start a load of their own (the marked one
/// is kept as superseded until it ends). Nothing else is remembered per tenant, so the state never
/// holds more than `capacity` entries plus the loads under way.
struct TenantCacheState<Waiter> {
    /// What is cached for a tenant.
    enum Content {
        /// Its document.
        case document(TenantDocument)
        /// That it does not exist.
        case notFound(TenantError)
    }

    /// One cached tenant.
    struct Slot {
        /// The document or the missing marker.
        var content: Content
        /// When it expires (clock nanoseconds).
        var expires: UInt64
        /// The store error when the document is a stale copy served after a failure.
        var staleBecause: TenantError?
    }

    /// A load under way and the callers waiting for it.
    struct Flight {
        /// Which load it is (loads of one tenant can overlap when one is superseded).
        var id: UInt64 = 0
        /// The callers, the one that started the load first.
        var waiters: [Waiter]
        /// Whether the result is stored (false once the tenant was invalidated during the load).
        var storesResult = true
    }

    /// What a caller does after ``lookup(_:now:waiter:)``.
    enum Lookup {
        /// Return this (a hit; the waiter was not registered).
        case answer(Result<TenantCache.Entry, TenantError>)
        /// Nothing: the waiter joined a load under way.
        case joined
        /// Start a load (a revalidation when `previous` is set); the waiter waits for it.
        case load(previous: TenantDocument?)
    }

    /// What the loader does after ``complete(_:with:expires:)``.
    struct Completion {
        /// The callers to resume with the result.
        var waiters: [Waiter]
        /// Whether the store or the document failed.
        var failed: Bool
        /// Whether a stale copy was served because of it.
        var servedStale: Bool
        /// How many tenants were evicted to make room.
        var evictions: Int
    }

    /// Most tenants kept.
    let capacity: Int
    /// Most missing tenants kept.
    let missingCapacity: Int
    /// The counts so far.
    private(set) var statistics = TenantCache.Statistics()
    private var slots: [TenantHash: Slot] = [:]
    private var documents = RecencyList<TenantHash>()
    private var missing = RecencyList<TenantHash>()
    private var flights: [TenantHash: Flight] = [:]
    /// Loads that began before a change was announced, by id: their callers get their result,
    /// which is not stored; new callers wait for a load of their own.
    private var superseded: [UInt64: Flight] = [:]
    /// The id of the load ``lookup(_:now:waiter:)`` started last.
    private(set) var lastStartedFlight: UInt64 = 0
    private var tick: UInt64 = 0

    /// An empty state keeping at most `capacity` tenants, a tenth of them (at least one) missing.
    init(capacity: Int) {
        self.capacity = max(1, capacity)
        self.missingCapacity = max(1, capacity / 10)
    }

    /// The tenants remembered: cached ones and ones being loaded.
    var trackedCount: Int { slots.count + flights.count + superseded.count }

    /// Recency nodes allocated, for both lists: bounded by the capacity (plus one being inserted).
    var allocatedNodes: Int { documents.allocated + missing.allocated }

    /// The cached tenants, least recently used first (documents, then missing tenants).
    var cachedFromOldest: (documents: [TenantHash], missing: [TenantHash]) {
        (documents.keysFromOldest, missing.keysFromOldest)
    }

    /// The document of `hash` when it is cached, fresh at `now` and not a stale copy; no hit is
    /// counted and nothing is touched.
    func freshDocument(_ hash: TenantHash, now: UInt64) -> TenantDocument? {
        guard let slot = slots[hash], slot.expires > now, slot.staleBecause == nil,
            case .document(let document) = slot.content
        else { return nil }
        return document
    }

    /// The answer for `hash` when it is cached and fresh at `now`, counting a hit.
    mutating func hit(_ hash: TenantHash, now: UInt64) -> Result<TenantCache.Entry, TenantError>? {
        guard let slot = slots[hash], slot.expires > now else { return nil }
        tick &+= 1
        switch slot.content {
        case .document(let document):
            documents.touch(hash, stamp: tick)
            statistics.hits += 1
            let freshness: TenantCache.Freshness = slot.staleBecause.map { .stale($0) } ?? .fresh
            return .success(TenantCache.Entry(document: document, freshness: freshness))
        case .notFound(let error):
            missing.touch(hash, stamp: tick)
            statistics.hits += 1
            return .failure(error)
        }
    }

    /// A hit, or else `waiter` joins the load under way for `hash`, or starts one.
    mutating func lookup(_ hash: TenantHash, now: UInt64, waiter: Waiter) -> Lookup {
        if let answer = hit(hash, now: now) { return .answer(answer) }
        if let flight = flights[hash] {
            guard flight.storesResult else { return supersede(flight, of: hash, waiter: waiter) }
            flights[hash]?.waiters.append(waiter)
            statistics.joined += 1
            return .joined
        }
        return start(hash, waiter: waiter)
    }

    /// Keeps `flight` (whose result may predate a change) for its callers, and starts a new load.
    private mutating func supersede(_ flight: Flight, of hash: TenantHash, waiter: Waiter) -> Lookup {
        superseded[flight.id] = flight
        flights[hash] = nil
        return start(hash, waiter: waiter)
    }

    /// Starts a load of `hash` for `waiter`: a revalidation when a document is cached.
    private mutating func start(_ hash: TenantHash, waiter: Waiter) -> Lookup {
        lastStartedFlight &+= 1
        flights[hash] = Flight(id: lastStartedFlight, waiters: [waiter])
        guard case .document(let previous)? = slots[hash]?.content else {
            statistics.misses += 1
            return .load(previous: nil)
        }
        statistics.revalidations += 1
        return .load(previous: previous)
    }

    /// Ends the load `flight` of `hash` (`nil`: the current one) with `result`: stores it
    /// (unless invalidated or superseded meanwhile, or a failure with nothing to serve) until
    /// `expires`, and hands back the waiters.
    mutating func complete(
        _ hash: TenantHash,
        with result: Result<TenantCache.Entry, TenantError>,
        expires: UInt64,
        flight id: UInt64? = nil
    ) -> Completion {
        let flight: Flight
        if let id, let old = superseded.removeValue(forKey: id) {
            flight = old
        } else {
            flight = flights.removeValue(forKey: hash) ?? Flight(waiters: [])
        }
        var completion = Completion(waiters: flight.waiters, failed: false, servedStale: false, evictions: 0)
        let content: Content?
        var staleBecause: TenantError?
        switch result {
        case .success(let entry):
            content = .document(entry.document)
            if case .stale(let error) = entry.freshness { staleBecause = error }
        case .failure(let error) where error.code == .notFound: content = .notFound(error)
        case .failure: content = nil
        }
        completion.failed = staleBecause != nil || content == nil
        completion.servedStale = staleBecause != nil
        if completion.failed { statistics.errors += 1 }
        if completion.servedStale { statistics.staleServed += 1 }
        if let content, flight.storesResult {
            completion.evictions = insert(Slot(content: content, expires: expires, staleBecause: staleBecause), hash)
        }
        return completion
    }

    /// Forgets `hash`; a load under way for it is not stored.
    mutating func invalidate(_ hash: TenantHash) {
        flights[hash]?.storesResult = false
        remove(hash)
    }

    /// Makes the tenants `matching` due now, keeping their documents to revalidate and fall back
    /// on (so a refused document keeps the previous one served); every load under way is not
    /// stored, since it may have read the store before the change.
    mutating func expire(where matching: (TenantHash, Content) -> Bool) {
        for hash in flights.keys { flights[hash]?.storesResult = false }
        for (hash, slot) in slots where matching(hash, slot.content) { slots[hash]?.expires = 0 }
    }

    /// Makes the stale copies due now; loads under way are left alone.
    mutating func expireStale() {
        for (hash, slot) in slots where slot.staleBecause != nil { slots[hash]?.expires = 0 }
    }

    /// Forgets every tenant; loads under way are not stored.
    mutating func removeAll() {
        for hash in flights.keys { flights[hash]?.storesResult = false }
        slots.removeAll()
        documents = RecencyList()
        missing = RecencyList()
    }

    /// Stores `slot`, then evicts the least recently used tenants beyond the capacities; returns
    /// how many were evicted for the overall capacity.
    private mutating func insert(_ slot: Slot, _ hash: TenantHash) -> Int {
        remove(hash)
        tick &+= 1
        if case .notFound = slot.content {
            while missing.count >= missingCapacity, let oldest = missing.oldest { remove(oldest.key) }
            missing.touch(hash, stamp: tick)
        } else {
            documents.touch(hash, stamp: tick)
        }
        slots[hash] = slot
        var evictions = 0
        while slots.count > capacity, let oldest = leastRecentlyUsed {
            remove(oldest)
            evictions += 1
        }
        statistics.evictions += evictions
        return evictions
    }

    /// The least recently used tenant of both lists.
    private var leastRecentlyUsed: TenantHash? {
        switch (documents.oldest, missing.oldest) {
        case (let document?, let absent?): document.stamp < absent.stamp ? document.key : absent.key
        case (let document?, nil): document.key
        case (nil, let absent?): absent.key
        case (nil, nil): nil
        }
    }

    private mutating func remove(_ hash: TenantHash) {
        guard slots.removeValue(forKey: hash) != nil else { return }
        documents.remove(hash)
        missing.remove(hash)
    }
}
