@testable import BERS
import MetricsTestKit
import Testing

/// What a store that pushes its changes relies on: ``TenantCache/expire(changedKeys:)`` and the
/// ``TenantCache/DocumentCheck``.
struct TenantCacheFeedTests {
    private let configKey = "tenants/MYR384719/MYR384719-config.json"

    /// Refuses documents whose `chat_title` is not a string.
    private static let titleCheck: TenantCache.DocumentCheck = { document in
        document.value["chat_title"]?.stringValue == nil
            ? TenantError(.invalidDocument, "\(document.key): chat_title is not a string") : nil
    }

    private func makeCache(_ store: ScriptedTenantStore, clock: ManualClock = ManualClock()) -> TenantCache {
        TenantCache(
            repository: TenantRepository(store: store),
            options: .init(timeToLiveMilliseconds: 600_000),
            clock: clock,
            metrics: TestMetrics(),
            documentCheck: Self.titleCheck
        )
    }

    @Test func aChangedKeyIsRevalidatedAtOnceInsteadOfAfterItsTimeToLive() async throws {
        let store = storeWithOneTenant()
        let cache = makeCache(store)
        let hash = try TenantHash(myrHash)
        _ = try await cache.get(hash)
        store.set(configKey, #"{"tenant_id": "MYR384719", "chat_title": "New"}"#)
        #expect(try await cache.get(hash).document.value["chat_title"] == "Atlanta Angels")
        cache.expire(changedKeys: [configKey])
        let entry = try await cache.get(hash)
        #expect(entry.document.value["chat_title"] == "New")
        guard case .revalidated = entry.freshness else {
            Issue.record("expected a revalidation, got \(entry.freshness)")
            return
        }
    }

    @Test func aDocumentAppearingClearsTheTenantsRememberedAsMissing() async throws {
        let store = ScriptedTenantStore(["mappings/\(myrHash).json": #"{"tenant_id": "MYR384719"}"#])
        let cache = makeCache(store)
        let hash = try TenantHash(myrHash)
        await #expect(throws: TenantError.self) { try await cache.get(hash) }
        store.set(configKey, #"{"tenant_id": "MYR384719", "tenant_hash": "\#(myrHash)", "chat_title": "Here"}"#)
        cache.apply(.changed([configKey]))
        #expect(try await cache.get(hash).document.value["chat_title"] == "Here")
    }

    @Test func aMappingKeyConcernsItsHashAndNilConcernsEveryTenant() async throws {
        let store = storeWithOneTenant()
        let cache = makeCache(store)
        let hash = try TenantHash(myrHash)
        _ = try await cache.get(hash)
        cache.expire(changedKeys: ["tenants/OTHER/OTHER-config.json", "config/default.json", "mappings/x"])
        #expect(cache.freshDocument(hash) != nil)
        cache.expire(changedKeys: ["mappings/\(myrHash).json"])
        #expect(cache.freshDocument(hash) == nil)
        _ = try await cache.get(hash)
        cache.expire(changedKeys: nil)
        #expect(cache.freshDocument(hash) == nil)
    }

    @Test func aRefusedDocumentKeepsThePreviousOneServedAsStale() async throws {
        let store = storeWithOneTenant()
        let cache = makeCache(store)
        let hash = try TenantHash(myrHash)
        _ = try await cache.get(hash)
        store.set(configKey, #"{"tenant_id": "MYR384719", "chat_title": 12345}"#)
        cache.expire(changedKeys: [configKey])
        let entry = try await cache.get(hash)
        #expect(entry.document.value["chat_title"] == "Atlanta Angels")
        guard case .stale(let error) = entry.freshness else {
            Issue.record("expected the previous document, stale, got \(entry.freshness)")
            return
        }
        #expect(error.code == .invalidDocument)
        #expect(cache.statistics.staleServed == 1)
    }

    @Test func aRefusedDocumentWithNothingBeforeItIsAnError() async throws {
        let store = storeWithOneTenant()
        store.set(configKey, #"{"tenant_id": "MYR384719", "chat_title": false}"#)
        let cache = makeCache(store)
        await #expect(throws: TenantError.self) { try await cache.get(try TenantHash(myrHash)) }
        #expect(cache.statistics.errors == 1)
    }

    @Test func whenTheStoreIsReachableAgainStaleCopiesAreCheckedAtOnce() async throws {
        let store = storeWithOneTenant()
        let clock = ManualClock()
        let cache = makeCache(store, clock: clock)
        let hash = try TenantHash(myrHash)
        _ = try await cache.get(hash)
        store.fail(with: TenantError(.storeUnavailable, "down"))
        cache.apply(.changed([configKey]))
        guard case .stale = try await cache.get(hash).freshness else {
            Issue.record("expected a stale copy while the store is down")
            return
        }
        store.fail(with: nil)
        store.set(configKey, #"{"tenant_id": "MYR384719", "chat_title": "Back"}"#)
        // Without the notice, the stale copy stays until its retry is due (5 s).
        guard case .stale = try await cache.get(hash).freshness else {
            Issue.record("expected the stale copy until the retry")
            return
        }
        cache.apply(.reachable)
        let entry = try await cache.get(hash)
        #expect(entry.document.value["chat_title"] == "Back")
        cache.apply(.everything)
        #expect(cache.freshDocument(hash) == nil)
    }

    @Test func aLoadUnderWayWhenAKeyChangesIsNotStored() async throws {
        let store = storeWithOneTenant()
        store.delay(milliseconds: 50)
        let cache = makeCache(store)
        let hash = try TenantHash(myrHash)
        async let first = cache.get(hash)
        // Bounded wait for the load to start (the miss is counted as it starts).
        let deadline = ContinuousClock.now + .seconds(5)
        while cache.statistics.misses == 0, ContinuousClock.now < deadline { await Task.yield() }
        cache.expire(changedKeys: [configKey])
        _ = try await first
        #expect(cache.freshDocument(hash) == nil)
    }
}
