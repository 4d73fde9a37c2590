import BERS
import BERSTestSupport
import Testing

@testable import BERSRemoteStores

struct RemoteTenantStoresTests {
    @Test func anS3URLMakesAnS3StoreConfiguredFromTheEnvironment() async throws {
        try await RemoteTenantStores.withHTTPClient { client in
            let store = try RemoteTenantStores.make(
                url: "s3://myrecruiter-picasso/staging",
                environment: [
                    "AWS_REGION": "eu-west-1", "AWS_ENDPOINT_URL_S3": "http://127.0.0.1:5000",
                    "AWS_ACCESS_KEY_ID": "AKIA1", "AWS_SECRET_ACCESS_KEY": "s",
                ],
                httpClient: client
            )
            let s3 = try #require(store as? S3TenantStore)
            #expect(s3.description == "s3://myrecruiter-picasso/staging")
            #expect(s3.configuration.region == "eu-west-1")
            #expect(s3.configuration.keyPrefix == "staging/")
            #expect(s3.configuration.effectiveAddressingStyle == .path)
            #expect(s3.configuration.credentials?.accessKeyID == "AKIA1")
        }
    }

    @Test func anExplicitEndpointOptionWinsOverTheVariables() async throws {
        try await RemoteTenantStores.withHTTPClient { client in
            let store = try RemoteTenantStores.make(
                url: "s3://picasso",
                environment: ["AWS_ENDPOINT_URL": "http://127.0.0.1:5000"],
                s3Endpoint: "http://localhost:9000",
                httpClient: client,
                limits: RemoteStoreLimits(timeout: .seconds(1), maxObjectSize: 10)
            )
            let s3 = try #require(store as? S3TenantStore)
            #expect(s3.configuration.endpoint?.string == "http://localhost:9000")
            #expect(s3.configuration.limits == RemoteStoreLimits(timeout: .seconds(1), maxObjectSize: 10))
        }
    }

    @Test func anHTTPSURLMakesAnHTTPStore() async throws {
        try await RemoteTenantStores.withHTTPClient { client in
            let store = try RemoteTenantStores.make(
                url: "https://cdn.example.com/picasso/",
                environment: [:],
                httpClient: client
            )
            #expect(store is HTTPTenantStore)
            #expect(store.description == "https://cdn.example.com/picasso")
        }
    }

    @Test(arguments: ["file:///srv/tenants", "http://cdn.example.com", "s3://B", "gs://bucket", "s3://bucket?x=1"])
    func badURLsAreInvalidStores(url: String) async throws {
        try await RemoteTenantStores.withHTTPClient { client in
            let error = #expect(throws: TenantError.self) {
                _ = try RemoteTenantStores.make(url: url, environment: [:], httpClient: client)
            }
            #expect(error?.code == .invalidStore)
        }
    }

    @Test func aBadEndpointVariableIsAnInvalidStore() async throws {
        try await RemoteTenantStores.withHTTPClient { client in
            let error = #expect(throws: TenantError.self) {
                _ = try RemoteTenantStores.make(
                    url: "s3://picasso",
                    environment: ["AWS_ENDPOINT_URL": "127.0.0.1:5000"],
                    httpClient: client
                )
            }
            #expect(error?.message.contains("no scheme") == true)
        }
    }

    @Test func withHTTPClientShutsTheClientDownAlsoWhenTheBodyThrows() async throws {
        struct Boom: Error {}
        await #expect(throws: Boom.self) {
            try await RemoteTenantStores.withHTTPClient { _ in throw Boom() }
        }
    }

    @Test(
        .enabled(if: MotoServer.isAvailable, MotoServer.skipReason),
        .enabled(if: SharedFixtures.isAvailable, SharedFixtures.skipReason)
    )
    func aStoreMadeFromAnS3URLReadsTheFixturesFromMoto() async throws {
        let endpoint = try await MotoServer.endpoint()
        try await RemoteTenantStores.withHTTPClient { client in
            let bucket = S3TestSupport.uniqueBucket()
            let setup = try S3TestSupport.store(
                endpoint: endpoint,
                bucket: bucket,
                keyPrefix: "tenants-root",
                client: client
            )
            try await S3TestSupport.createBucket(setup)
            try await S3TestSupport.uploadPicasso(setup)
            let store = try RemoteTenantStores.make(
                url: "s3://\(bucket)/tenants-root",
                environment: [
                    "AWS_ENDPOINT_URL": endpoint, "AWS_ACCESS_KEY_ID": "AKIDX", "AWS_SECRET_ACCESS_KEY": "x",
                ],
                httpClient: client
            )
            #expect(
                try await store.keys("mappings/") == ["mappings/auc5b0ecb0adcb.json", "mappings/my87674d777bf9.json"]
            )
            guard case .found(let mapping) = try await store.get("mappings/auc5b0ecb0adcb.json") else {
                Issue.record("mapping missing")
                return
            }
            #expect(mapping.bytes == Array(#"{"tenant_id": "AUS123957"}"#.utf8))
        }
    }
}
