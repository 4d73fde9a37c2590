@testable import BERS
import MetricsTestKit
import Testing

struct TenantCacheTests {
    func makeCache(
        _ store: ScriptedTenantStore,
        clock: ManualClock = ManualClock(),
        options: TenantCache.Options = .init(),
        metrics: TestMetrics = TestMetrics()
    ) -> TenantCache {
        TenantCache(repository: TenantRepository(store: store), options: options, clock: clock, metrics: metrics)
    }

    @Test func freshEntriesAreServedFromMemory() async throws {
        let store = storeWithOneTenant()
        let metrics = TestMetrics()
        let cache = makeCache(store, metrics: metrics)
        let hash = try TenantHash(myrHash)
        _ = try await cache.get(hash)
        let requests = store.gets
        for _ in 0..<10 { _ = try await cache.get(hash) }
        #expect(store.gets == requests)
        #expect(cache.statistics.hits == 10)
        #expect(cache.statistics.misses == 1)
        #expect(
            try metrics.expectCounter("bers_tenant_cache_hits_total", [("store", "memory://test")]).totalValue == 10
        )
    }

    @Test func thousandConcurrentRequestsCauseOneStoreLoad() async throws {
        let store = storeWithOneTenant()
        store.delay(milliseconds: 50)
        let cache = makeCache(store)
        let hash = try TenantHash(myrHash)
        let titles = try await withThrowingTaskGroup(of: String?.self) { group in
            for _ in 0..<1000 { group.addTask { try await cache.get(hash).document.value["chat_title"]?.stringValue } }
            var titles: [String?] = []
            for try await title in group { titles.append(title) }
            return titles
        }
        #expect(titles.count == 1000)
        #expect(titles.allSatisfy { $0 == "Atlanta Angels" })
        #expect(store.gets == 2)  // the mapping and the configuration, once
        #expect(cache.statistics.misses == 1)
        #expect(cache.statistics.joined + cache.statistics.hits == 999)
    }

    @Test func expiredEntriesAreRevalidatedAndA304KeepsTheDocument() async throws {
        let store = storeWithOneTenant()
        let clock = ManualClock()
        let cache = makeCache(store, clock: clock, options: .init(timeToLiveMilliseconds: 1000))
        let hash = try TenantHash(myrHash)
        let first = try await cache.get(hash)
        clock.advance(byMilliseconds: 1001)
        let second = try await cache.get(hash)
        guard case .revalidated = second.freshness else {
            Issue.record("expected revalidated")
            return
        }
        #expect(second.document.etag == first.document.etag)
        #expect(store.conditionalGets == 2)
        #expect(cache.statistics.revalidations == 1)
    }

    @Test func revalidationPicksUpChanges() async throws {
        let store = storeWithOneTenant()
        let clock = ManualClock()
        let cache = makeCache(store, clock: clock, options: .init(timeToLiveMilliseconds: 1000))
        let hash = try TenantHash(myrHash)
        _ = try await cache.get(hash)
        store.set("tenants/MYR384719/MYR384719-config.json", #"{"tenant_id": "MYR384719", "chat_title": "New"}"#)
        #expect(try await cache.get(hash).document.value["chat_title"] == "Atlanta Angels")
        clock.advance(byMilliseconds: 1001)
        #expect(try await cache.get(hash).document.value["chat_title"] == "New")
    }

    @Test func storeFailureServesTheLastGoodDocumentAndRecordsTheError() async throws {
        let store = storeWithOneTenant()
        let clock = ManualClock()
        let metrics = TestMetrics()
        let cache = makeCache(store, clock: clock, options: .init(timeToLiveMilliseconds: 1000), metrics: metrics)
        let hash = try TenantHash(myrHash)
        _ = try await cache.get(hash)
        store.fail(with: TenantError(.storeUnavailable, "S3 returned 500"))
        clock.advance(byMilliseconds: 1001)
        let stale = try await cache.get(hash)
        guard case .stale(let error) = stale.freshness else {
            Issue.record("expected a stale document")
            return
        }
        #expect(error.code == .storeUnavailable)
        #expect(stale.document.value["chat_title"] == "Atlanta Angels")
        #expect(cache.statistics.errors == 1)
        #expect(cache.statistics.staleServed == 1)
        #expect(
            try metrics.expectCounter("bers_tenant_cache_errors_total", [("store", "memory://test")]).totalValue == 1
        )
    }

    @Test func storeFailureWithoutACopyIsATypedError() async throws {
        let store = storeWithOneTenant()
        store.fail(with: TenantError(.storeTimeout, "no answer in 4 s"))
        let error = await #expect(throws: TenantError.self) { try await makeCache(store).get(try TenantHash(myrHash)) }
        #expect(error?.code == .storeTimeout)
    }

    @Test func missingTenantsAreRememberedBriefly() async throws {
        let store = ScriptedTenantStore()
        let clock = ManualClock()
        let cache = makeCache(store, clock: clock, options: .init(notFoundTimeToLiveMilliseconds: 500))
        let hash = try TenantHash(myrHash)
        for _ in 0..<5 {
            await #expect(throws: TenantError.self) { try await cache.get(hash) }
        }
        #expect(store.gets == 1)
        clock.advance(byMilliseconds: 501)
        store.set("mappings/my87674d777bf9.json", #"{"tenant_id": "MYR384719"}"#)
        store.set("tenants/MYR384719/MYR384719-config.json", "{}")
        #expect(try await cache.get(hash).document.tenantID == "MYR384719")
    }

    @Test func leastRecentlyUsedEntriesAreEvicted() async throws {
        let store = ScriptedTenantStore()
        var hashes: [TenantHash] = []
        for id in ["AAA000001", "BBB000002", "CCC000003"] {
            let hash = try TenantHash.derive(tenantID: id)
            hashes.append(hash)
            store.set("mappings/\(hash.value).json", "{\"tenant_id\": \"\(id)\"}")
            store.set("tenants/\(id)/\(id)-config.json", "{}")
        }
        let metrics = TestMetrics()
        let cache = makeCache(store, options: .init(capacity: 2), metrics: metrics)
        _ = try await cache.get(hashes[0])
        _ = try await cache.get(hashes[1])
        _ = try await cache.get(hashes[0])  // 0 is now more recent than 1
        _ = try await cache.get(hashes[2])  // evicts 1
        let before = store.gets
        _ = try await cache.get(hashes[0])
        #expect(store.gets == before)
        _ = try await cache.get(hashes[1])
        #expect(store.gets == before + 2)
        #expect(cache.statistics.evictions == 2)
        #expect(
            try metrics.expectCounter("bers_tenant_cache_evictions_total", [("store", "memory://test")]).totalValue == 2
        )
    }
}

struct TenantCacheCoherenceTests {
    @Test func aLegacyDocumentIsReplacedOnceThePrimaryKeyExists() async throws {
        let store = ScriptedTenantStore([
            "mappings/my87674d777bf9.json": #"{"tenant_id": "MYR384719"}"#,
            "tenants/MYR384719/config.json": #"{"chat_title": "legacy"}"#,
        ])
        let clock = ManualClock()
        let cache = TenantCache(
            repository: TenantRepository(store: store),
            options: .init(timeToLiveMilliseconds: 1000),
            clock: clock
        )
        let hash = try TenantHash(myrHash)
        #expect(try await cache.get(hash).document.key == "tenants/MYR384719/config.json")
        store.set("tenants/MYR384719/MYR384719-config.json", #"{"chat_title": "primary"}"#)
        clock.advance(byMilliseconds: 1001)
        let entry = try await cache.get(hash)
        #expect(entry.document.key == "tenants/MYR384719/MYR384719-config.json")
        #expect(entry.document.value["chat_title"] == "primary")
    }

    @Test func aLoadUnderWayWhenInvalidatedIsNotStored() async throws {
        let store = storeWithOneTenant()
        store.delay(milliseconds: 100)
        let cache = TenantCache(repository: TenantRepository(store: store))
        let hash = try TenantHash(myrHash)
        async let first = cache.get(hash)
        try await Task.sleep(nanoseconds: 20_000_000)
        cache.invalidate(hash)
        _ = try await first
        store.delay(milliseconds: 0)
        let before = store.gets
        _ = try await cache.get(hash)
        #expect(store.gets > before)
    }

    @Test func hitsDuringTheRetryWindowStillSayTheCopyIsStale() async throws {
        let store = storeWithOneTenant()
        let clock = ManualClock()
        let cache = TenantCache(
            repository: TenantRepository(store: store),
            options: .init(timeToLiveMilliseconds: 1000),
            clock: clock
        )
        let hash = try TenantHash(myrHash)
        _ = try await cache.get(hash)
        store.fail(with: TenantError(.storeUnavailable, "down"))
        clock.advance(byMilliseconds: 1001)
        _ = try await cache.get(hash)
        let hit = try await cache.get(hash)
        guard case .stale(let error) = hit.freshness else {
            Issue.record("a hit on a stale copy must say so")
            return
        }
        #expect(error.code == .storeUnavailable)
    }

    @Test func missingTenantsCannotPushRealTenantsOut() async throws {
        let store = storeWithOneTenant()
        let cache = TenantCache(repository: TenantRepository(store: store), options: .init(capacity: 20))
        let hash = try TenantHash(myrHash)
        _ = try await cache.get(hash)
        for index in 0..<50 {
            let missing = try TenantHash(String(format: "%014x", index + 1))
            await #expect(throws: TenantError.self) { try await cache.get(missing) }
        }
        let before = store.gets
        _ = try await cache.get(hash)
        #expect(store.gets == before)
    }
}

/// Eviction order and bookkeeping through the public cache.
struct TenantCacheEvictionTests {
    @Test func evictionFollowsLastUseAcrossManyTenants() async throws {
        let store = ScriptedTenantStore()
        var hashes: [TenantHash] = []
        for index in 0..<6 {
            let id = "EVI00000\(index)"
            let hash = try TenantHash.derive(tenantID: id)
            hashes.append(hash)
            store.set("mappings/\(hash.value).json", "{\"tenant_id\": \"\(id)\"}")
            store.set("tenants/\(id)/\(id)-config.json", "{}")
        }
        let cache = TenantCache(repository: TenantRepository(store: store), options: .init(capacity: 4))
        for hash in hashes.prefix(4) { _ = try await cache.get(hash) }
        _ = try await cache.get(hashes[0])
        _ = try await cache.get(hashes[2])
        _ = try await cache.get(hashes[4])  // evicts 1, the least recently used
        _ = try await cache.get(hashes[5])  // evicts 3
        let before = store.gets
        for index in [0, 2, 4, 5] { _ = try await cache.get(hashes[index]) }
        #expect(store.gets == before)
        _ = try await cache.get(hashes[1])
        #expect(store.gets == before + 2)
        #expect(cache.statistics.evictions == 3)
    }

    @Test func invalidatedAndEvictedTenantsAreForgotten() async throws {
        let store = storeWithOneTenant()
        let cache = TenantCache(repository: TenantRepository(store: store), options: .init(capacity: 10))
        for index in 0..<200 {
            let digits = String(index, radix: 16)
            let missing = try TenantHash("bb" + String(repeating: "0", count: 12 - digits.count) + digits)
            await #expect(throws: TenantError.self) { try await cache.get(missing) }
            cache.invalidate(missing)
        }
        _ = try await cache.get(try TenantHash(myrHash))
        cache.invalidate(try TenantHash(myrHash))
        #expect(cache.trackedCount == 0)
    }
}
