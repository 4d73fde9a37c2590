import BERS
import BERSTestSupport
import Testing

@testable import BERSRemoteStores

/// The S3 store against a real S3 API (moto on loopback), with the Picasso fixtures uploaded to
/// a fresh bucket per test.
@Suite(
    .enabled(if: MotoServer.isAvailable, MotoServer.skipReason),
    .enabled(if: SharedFixtures.isAvailable, SharedFixtures.skipReason),
    .timeLimit(.minutes(2))
)
struct S3TenantStoreMotoTests {
    @Test func getReturnsTheFixtureWithItsETag() async throws {
        try await S3TestSupport.withPicassoBucket { store, _ in
            let expected = try #require(SharedFixtures.bytes("fixtures/picasso/tenants/MYR384719-config.json"))
            let response = try await store.get("tenants/MYR384719/MYR384719-config.json")
            guard case .found(let object) = response else {
                Issue.record("expected the object, got \(response)")
                return
            }
            #expect(object.bytes == expected)
            #expect(object.etag?.hasPrefix("\"") == true)
            guard case .found(let mapping) = try await store.get("mappings/my87674d777bf9.json") else {
                Issue.record("the mapping is missing")
                return
            }
            #expect(mapping.bytes == Array(#"{"tenant_id": "MYR384719"}"#.utf8))
        }
    }

    @Test func putReturnsTheETagThatGetReports() async throws {
        try await S3TestSupport.withPicassoBucket { store, _ in
            let etags = try await S3TestSupport.uploadPicasso(store)
            for (key, etag) in etags {
                guard case .found(let object) = try await store.get(key) else {
                    Issue.record("\(key) not found")
                    continue
                }
                #expect(object.etag == etag, "\(key)")
            }
        }
    }

    @Test func conditionalGetWithTheCurrentETagIsNotModified() async throws {
        try await S3TestSupport.withPicassoBucket { store, _ in
            guard case .found(let object) = try await store.get("mappings/auc5b0ecb0adcb.json") else {
                Issue.record("mapping not found")
                return
            }
            #expect(try await store.fetch("mappings/auc5b0ecb0adcb.json", ifNoneMatch: object.etag) == .notModified)
            let changed = try await store.get("mappings/auc5b0ecb0adcb.json", ifNoneMatch: "\"0123456789abcdef\"")
            #expect(changed == .found(object))
        }
    }

    @Test func aMissingKeyIsNotFound() async throws {
        try await S3TestSupport.withPicassoBucket { store, _ async throws in
            #expect(try await store.fetch("mappings/zz0000000000ff.json") == .notFound)
            #expect(try await store.fetch("tenants/MYR384719/config.json") == .notFound)
        }
    }

    @Test func putThenGetReturnsTheNewBytesAndAChangedETag() async throws {
        try await S3TestSupport.withPicassoBucket { store, _ in
            let key = "tenants/AUS123957/AUS123957-config.json"
            guard case .found(let before) = try await store.get(key) else {
                Issue.record("fixture missing")
                return
            }
            let bytes = Array(#"{"tenant_id":"AUS123957","version":"1.1"}"#.utf8)
            let etag = try await store.put(key, bytes, contentType: "application/json")
            #expect(etag != nil && etag != before.etag)
            #expect(try await store.fetch(key) == .found(StoredObject(bytes: bytes, etag: etag)))
            #expect(
                try await store.fetch(key, ifNoneMatch: before.etag) == .found(StoredObject(bytes: bytes, etag: etag))
            )
        }
    }

    @Test func listReadsEveryPage() async throws {
        // Two keys per page: the fixtures plus eight more keys make six pages.
        try await S3TestSupport.withPicassoBucket(listPageSize: 2) { store, _ in
            var extra: [String] = []
            for index in 0..<8 {
                let key = "tenants/T\(index)/T\(index)-config.json"
                extra.append(key)
                _ = try await store.put(key, Array("{}".utf8), contentType: "application/json")
            }
            let all = try await store.list(prefix: "")
            let expected = (try S3TestSupport.picassoObjects().map(\.key) + extra).sorted()
            #expect(all == expected)
            #expect(
                try await store.keys("mappings/") == ["mappings/auc5b0ecb0adcb.json", "mappings/my87674d777bf9.json"]
            )
            #expect(try await store.keys("tenants/MYR384719/") == ["tenants/MYR384719/MYR384719-config.json"])
            #expect(try await store.keys("nothing/") == [])
        }
    }

    @Test func listPaginatesPastTheServersDefaultOf1000Keys() async throws {
        try await S3TestSupport.withPicassoBucket { store, _ in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for worker in 0..<4 {
                    group.addTask {
                        for index in stride(from: worker, to: 1001, by: 4) {
                            _ = try await store.put(
                                "bulk/\(index).json",
                                Array("{}".utf8),
                                contentType: "application/json"
                            )
                        }
                    }
                }
                try await group.waitForAll()
            }
            let keys = try await store.list(prefix: "bulk/")
            #expect(keys.count == 1001)
            #expect(Set(keys).count == 1001)
        }
    }

    @Test func keyPrefixIsolatesTheStoreAndIsStrippedFromListedKeys() async throws {
        try await S3TestSupport.withPicassoBucket(keyPrefix: "picasso/staging") { store, client in
            #expect(
                try await store.keys("mappings/") == ["mappings/auc5b0ecb0adcb.json", "mappings/my87674d777bf9.json"]
            )
            let endpoint = try await MotoServer.endpoint()
            let root = try S3TestSupport.store(endpoint: endpoint, bucket: store.configuration.bucket, client: client)
            #expect(try await root.keys("").allSatisfy { $0.hasPrefix("picasso/staging/") })
            #expect(try await root.fetch("mappings/my87674d777bf9.json") == .notFound)
        }
    }

    @Test func keysWithSpacesAndSymbolsRoundTrip() async throws {
        try await S3TestSupport.withPicassoBucket { store, _ in
            let key = "tenants/odd key/a+b=c&d (1)~é.json"
            let etag = try await store.put(key, Array("{}".utf8), contentType: "application/json")
            #expect(try await store.fetch(key) == .found(StoredObject(bytes: Array("{}".utf8), etag: etag)))
            #expect(try await store.keys("tenants/odd key/") == [key])
        }
    }

    @Test func anObjectOverTheSizeLimitIsTooLarge() async throws {
        try await S3TestSupport.withPicassoBucket { store, client in
            var configuration = store.configuration
            configuration.limits.maxObjectSize = 1024
            let small = try S3TenantStore(configuration: configuration, httpClient: client)
            let error = await expectTenantError(.tooLarge) {
                _ = try await small.get("tenants/MYR384719/MYR384719-config.json")
            }
            #expect(error?.message.contains("tenants/MYR384719/MYR384719-config.json") == true)
            #expect(error?.message.contains("more than the limit of 1024") == true)
            await expectTenantError(.tooLarge) {
                _ = try await small.put(
                    "big.json",
                    [UInt8](repeating: 0x20, count: 1025),
                    contentType: "application/json"
                )
            }
            #expect(try await store.fetch("big.json") == .notFound)
        }
    }

    @Test func aMissingBucketIsAnInvalidStore() async throws {
        let endpoint = try await MotoServer.endpoint()
        try await RemoteTenantStores.withHTTPClient { client in
            let store = try S3TestSupport.store(
                endpoint: endpoint,
                bucket: S3TestSupport.uniqueBucket(),
                client: client
            )
            let error = await expectTenantError(.invalidStore) {
                _ = try await store.get("mappings/my87674d777bf9.json")
            }
            #expect(error?.message.contains("does not exist") == true)
            await expectTenantError(.invalidStore) { _ = try await store.list(prefix: "") }
        }
    }

    @Test func invalidKeysAreRefusedBeforeAnyRequest() async throws {
        let endpoint = try await MotoServer.endpoint()
        try await RemoteTenantStores.withHTTPClient { client in
            let store = try S3TestSupport.store(
                endpoint: endpoint,
                bucket: S3TestSupport.uniqueBucket(),
                client: client
            )
            for key in ["", "/abs", "a/../b", "a//b", "./a", "a\u{0}b", "a\\b", String(repeating: "k", count: 1025)] {
                await expectTenantError(.invalidMapping) { _ = try await store.get(key) }
            }
            await expectTenantError(.invalidMapping) { _ = try await store.list(prefix: "../") }
        }
    }
}
