import BERS
import BERSTestSupport
import BERSTesting
import Testing

@testable import BERSRemoteStores

/// Tenants resolved end to end through the S3 store on a real S3 API (moto on loopback): the
/// repository, the cache's ETag revalidation, the fallback for a missing tenant, and the store
/// conformance suite.
@Suite(
    .enabled(if: MotoServer.isAvailable, MotoServer.skipReason),
    .enabled(if: SharedFixtures.isAvailable, SharedFixtures.skipReason),
    .timeLimit(.minutes(2))
)
struct S3TenantRuntimeTests {
    static let config = SharedFixtures.packageRoot.appendingPathComponent("Examples/picasso/config").path

    @Test func passesTheStoreConformanceSuite() async throws {
        try await S3TestSupport.withPicassoBucket { store, _ in
            try await TenantStoreConformance(store: store).run()
        }
    }

    @Test func resolvesTheRealTenantThroughS3() async throws {
        try await S3TestSupport.withPicassoBucket { store, _ in
            let runtime = try TenantRuntime(project: try ConfigProject(directory: Self.config), store: store)
            let served = try await runtime.resolve(environment: .production, tenant: try TenantHash("my87674d777bf9"))
            #expect(served.source.name == "store")
            #expect(served.tenantDocument?.tenantID == "MYR384719")
            #expect(served.tenant["chat_title"] == "Atlanta Angels")
            #expect(served.tenantDocument?.document.file.hasPrefix("s3://") == true)
            #expect(try served.url("configUrl") == "https://chat.myrecruiter.ai/Master_Function?action=get_config&t=my87674d777bf9")
        }
    }

    @Test func expiredEntriesAreRevalidatedWith304s() async throws {
        try await S3TestSupport.withPicassoBucket { store, _ in
            let clock = ManualClock()
            let cache = TenantCache(
                repository: TenantRepository(store: store), options: .init(timeToLiveMilliseconds: 1000), clock: clock)
            let hash = try TenantHash("auc5b0ecb0adcb")
            let first = try await cache.get(hash)
            clock.advance(byMilliseconds: 1001)
            let second = try await cache.get(hash)
            guard case .revalidated = second.freshness else {
                Issue.record("expected a revalidated entry")
                return
            }
            #expect(second.document.etag == first.document.etag)
            #expect(cache.statistics.revalidations == 1)
            // A change in the bucket is picked up at the next revalidation.
            _ = try await store.put(
                "tenants/AUS123957/AUS123957-config.json", Array(#"{"tenant_id": "AUS123957", "chat_title": "New"}"#.utf8),
                contentType: "application/json")
            clock.advance(byMilliseconds: 1001)
            #expect(try await cache.get(hash).document.value["chat_title"] == "New")
        }
    }

    @Test func aMissingTenantGetsTheFallbackAndAWrongOneIsRefused() async throws {
        try await S3TestSupport.withPicassoBucket { store, _ in
            let runtime = try TenantRuntime(project: try ConfigProject(directory: Self.config), store: store)
            let missing = try await runtime.resolve(environment: .staging, tenant: try TenantHash("zz0000000000ff"))
            #expect(missing.source.name == "fallback")
            #expect(missing.tenant["metadata"]?["source"] == "fallback")
            // A mapping that points at another tenant's document is never served.
            _ = try await store.put("mappings/ab0000000000ff.json", Array(#"{"tenant_id": "MYR384719"}"#.utf8), contentType: "application/json")
            let error = await #expect(throws: TenantError.self) {
                try await runtime.resolve(environment: .staging, tenant: try TenantHash("ab0000000000ff"))
            }
            #expect(error?.code == .invalidDocument)
        }
    }

    @Test func publishingThroughS3KeepsTheOldVersion() async throws {
        try await S3TestSupport.withPicassoBucket { store, _ in
            let document = #"{"tenant_id": "AUS123957", "tenant_hash": "auc5b0ecb0adcb", "chat_title": "v2"}"#
            let outcome = try await TenantPublisher(store: store, validator: TenantValidator(schema: nil))
                .publish(Array(document.utf8), file: "v2.json", now: UTCTimestamp(secondsSince1970: 1_764_401_412))
            #expect(outcome.backupKey == "tenants/AUS123957/AUS123957-20251129T073012Z.json")
            let keys = try await store.list(prefix: "tenants/AUS123957/")
            #expect(keys == ["tenants/AUS123957/AUS123957-20251129T073012Z.json", "tenants/AUS123957/AUS123957-config.json"])
        }
    }
}
