import BERSJSON
import Testing

@testable import BERS

/// The cache's state machine, driven without a store or a clock: eviction order, the bound on
/// missing tenants, what is remembered per tenant, and single flight.
struct TenantCacheStateTests {
    typealias State = TenantCacheState<Int>

    static func hash(_ index: Int) -> TenantHash {
        let digits = String(index, radix: 16)
        let text = "aa" + String(repeating: "0", count: 12 - digits.count) + digits
        return (try? TenantHash(text)) ?? TenantHash(unchecked: "aa000000000000")
    }

    static func document(_ hash: TenantHash) -> TenantCache.Entry {
        let document = TenantDocument(
            hash: hash,
            tenantID: "T",
            key: "tenants/T/T-config.json",
            document: JSONDocument(value: [:], file: "t.json"),
            etag: nil,
            version: nil,
            mappingETag: nil
        )
        return TenantCache.Entry(document: document, freshness: .fresh)
    }

    /// Loads `index` into `state` (a document, or a missing tenant) to expire at `expires`.
    static func load(_ index: Int, into state: inout State, missing: Bool = false, expires: UInt64 = 100) {
        let hash = hash(index)
        _ = state.lookup(hash, now: 0, waiter: index)
        let result: Result<TenantCache.Entry, TenantError> =
            missing ? .failure(TenantError(.notFound, "no tenant")) : .success(document(hash))
        _ = state.complete(hash, with: result, expires: expires)
    }

    @Test func theLeastRecentlyUsedTenantIsEvictedFirst() {
        var state = State(capacity: 3)
        for index in 0..<3 { Self.load(index, into: &state) }
        _ = state.hit(Self.hash(0), now: 1)
        #expect(state.cachedFromOldest.documents == [1, 2, 0].map(Self.hash))
        Self.load(3, into: &state)
        #expect(state.cachedFromOldest.documents == [2, 0, 3].map(Self.hash))
        #expect(state.hit(Self.hash(1), now: 1) == nil)
        #expect(state.statistics.evictions == 1)
    }

    @Test func theOverallCapacityEvictsTheOlderOfDocumentsAndMissingTenants() {
        var state = State(capacity: 20)
        Self.load(0, into: &state, missing: true)
        for index in 1..<20 { Self.load(index, into: &state) }
        Self.load(20, into: &state)
        #expect(state.cachedFromOldest.missing.isEmpty)
        _ = state.hit(Self.hash(1), now: 1)
        Self.load(21, into: &state, missing: true)
        #expect(!state.cachedFromOldest.documents.contains(Self.hash(2)))
        #expect(state.cachedFromOldest.documents.last == Self.hash(1))
        #expect(state.statistics.evictions == 2)
    }

    @Test func missingTenantsHaveTheirOwnBoundOldestFirst() {
        var state = State(capacity: 20)
        Self.load(100, into: &state)
        for index in 0..<5 { Self.load(index, into: &state, missing: true) }
        #expect(state.cachedFromOldest.missing == [3, 4].map(Self.hash))
        #expect(state.cachedFromOldest.documents == [Self.hash(100)])
        #expect(state.statistics.evictions == 0)
    }

    @Test func nothingIsRememberedBeyondTheCapacity() {
        var state = State(capacity: 5)
        for index in 0..<1000 {
            Self.load(index, into: &state, missing: index.isMultiple(of: 3))
            if index.isMultiple(of: 7) { state.invalidate(Self.hash(index)) }
            if index.isMultiple(of: 11) {
                _ = state.lookup(Self.hash(index + 5000), now: 0, waiter: 0)
                state.invalidate(Self.hash(index + 5000))
                _ = state.complete(Self.hash(index + 5000), with: .success(Self.document(Self.hash(0))), expires: 1)
            }
        }
        #expect(state.trackedCount <= 5)
        #expect(state.allocatedNodes <= 5 + 2)
        state.removeAll()
        #expect(state.trackedCount == 0)
    }

    @Test func callersOfOneTenantShareOneLoad() {
        var state = State(capacity: 5)
        let hash = Self.hash(1)
        guard case .load(previous: nil) = state.lookup(hash, now: 0, waiter: 1) else {
            Issue.record("the first caller starts the load")
            return
        }
        guard case .joined = state.lookup(hash, now: 0, waiter: 2) else {
            Issue.record("the second caller joins it")
            return
        }
        let completion = state.complete(hash, with: .success(Self.document(hash)), expires: 10)
        #expect(completion.waiters == [1, 2])
        #expect(state.statistics.joined == 1)
        #expect(state.statistics.misses == 1)
    }

    @Test func aLoadInvalidatedMeanwhileAnswersItsCallersButIsNotStored() {
        var state = State(capacity: 5)
        let hash = Self.hash(1)
        _ = state.lookup(hash, now: 0, waiter: 1)
        state.invalidate(hash)
        let completion = state.complete(hash, with: .success(Self.document(hash)), expires: 10)
        #expect(completion.waiters == [1])
        #expect(state.hit(hash, now: 1) == nil)
        #expect(state.trackedCount == 0)
    }

    @Test func aCallerAfterAChangeStartsItsOwnLoadInsteadOfJoiningTheOldOne() {
        var state = State(capacity: 5)
        let hash = Self.hash(1)
        Self.load(1, into: &state, expires: 10)
        _ = state.lookup(hash, now: 10, waiter: 2)
        let old = state.lastStartedFlight
        state.expire { _, _ in true }
        guard case .load = state.lookup(hash, now: 10, waiter: 3) else {
            Issue.record("a caller after the change must not join the load that read the old document")
            return
        }
        let new = state.lastStartedFlight
        #expect(new != old)
        #expect(state.trackedCount == 3)  // the slot, the superseded load and the new one
        let first = state.complete(hash, with: .success(Self.document(hash)), expires: 20, flight: old)
        #expect(first.waiters == [2])
        #expect(state.hit(hash, now: 11) == nil)  // the old load's result is not stored
        let second = state.complete(hash, with: .success(Self.document(hash)), expires: 20, flight: new)
        #expect(second.waiters == [3])
        #expect(state.hit(hash, now: 11) != nil)
        #expect(state.trackedCount == 1)
    }

    @Test func anExpiredDocumentIsRevalidatedAndAFailureKeepsItStale() {
        var state = State(capacity: 5)
        let hash = Self.hash(1)
        Self.load(1, into: &state, expires: 10)
        guard case .load(let previous?) = state.lookup(hash, now: 10, waiter: 2) else {
            Issue.record("an expired document is revalidated")
            return
        }
        let failure = TenantError(.storeUnavailable, "down")
        let stale = TenantCache.Entry(document: previous, freshness: .stale(failure))
        let completion = state.complete(hash, with: .success(stale), expires: 20)
        #expect(completion.failed && completion.servedStale)
        guard case .success(let entry)? = state.hit(hash, now: 15), case .stale = entry.freshness else {
            Issue.record("hits within the retry window say the copy is stale")
            return
        }
        #expect(state.statistics.revalidations == 1)
    }
}
