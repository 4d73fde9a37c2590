import AsyncHTTPClient
import BERS
import BERSRemoteStores
import BERSTesting
import Testing

@Suite(.enabled(if: EtcdServer.isAvailable, EtcdServer.skipReason))
struct EtcdTenantStoreTests {
    @Test func passesTheTenantStoreConformanceChecks() async throws {
        try await RemoteTenantStores.withHTTPClient { client in
            let store = try RemoteTenantStores.make(url: EtcdServer.uniqueURL("conformance"), httpClient: client)
            try await TenantStoreConformance(store: store).run()
        }
    }

    @Test func conditionalWritesCompareRevisionsSoNoUpdateIsLost() async throws {
        try await RemoteTenantStores.withHTTPClient { client in
            let store = try EtcdTenantStore(url: EtcdServer.uniqueURL("conditional"), httpClient: client)
            let first = try await store.put(
                "tenants/A/A-config.json",
                Array("1".utf8),
                contentType: "",
                condition: .ifAbsent
            )
            await expectTenantError(.conflict) {
                _ = try await store.put(
                    "tenants/A/A-config.json",
                    Array("2".utf8),
                    contentType: "",
                    condition: .ifAbsent
                )
            }
            let second = try await store.put(
                "tenants/A/A-config.json",
                Array("3".utf8),
                contentType: "",
                condition: .ifMatch(first ?? "")
            )
            // A writer still holding the first version loses: its condition no longer holds.
            let lost = await expectTenantError(.conflict) {
                _ = try await store.put(
                    "tenants/A/A-config.json",
                    Array("4".utf8),
                    contentType: "",
                    condition: .ifMatch(first ?? "")
                )
            }
            #expect(lost?.message.contains("nothing was written") == true)
            await expectTenantError(.conflict) {
                _ = try await store.put(
                    "tenants/A/A-config.json",
                    Array("5".utf8),
                    contentType: "",
                    condition: .ifMatch("W/\"abc\"")
                )
            }
            guard case .found(let object) = try await store.fetch("tenants/A/A-config.json") else {
                Issue.record("the object is missing")
                return
            }
            #expect(object.bytes == Array("3".utf8))
            #expect(object.etag == second)
        }
    }

    @Test func listingPagesThroughMoreThanOnePage() async throws {
        try await RemoteTenantStores.withHTTPClient { client in
            let url = EtcdServer.uniqueURL("pages")
            let store = try EtcdTenantStore(url: url, httpClient: client)
            let prefix = store.address.keyPrefix
            // 1,030 keys, written by transactions of 103 puts each (etcd allows 128 operations).
            for batch in 0..<10 {
                let keys = (0..<103).map { "\(prefix)mappings/k\(batch * 103 + $0 + 10_000).json" }
                try await EtcdServer.rawTransaction(puts: keys, client: client)
            }
            let keys = try await store.keys("mappings/")
            #expect(keys.count == 1030)
            #expect(keys == keys.sorted())
            #expect(keys.first == "mappings/k10000.json")
        }
    }

    @Test func anUnreachableEndpointIsSkippedForTheNextOne() async throws {
        try await RemoteTenantStores.withHTTPClient { client in
            let working = EtcdServer.uniqueURL("failover").replacingOccurrences(of: "etcd://", with: "")
            let store = try EtcdTenantStore(url: "etcd://127.0.0.1:1,\(working)", httpClient: client)
            _ = try await store.put("mappings/x.json", Array("{}".utf8), contentType: "application/json")
            #expect(try await store.fetch("mappings/x.json") != .notFound)
        }
    }

    @Test func noEndpointAnsweringIsStoreUnavailableNamingEach() async throws {
        try await RemoteTenantStores.withHTTPClient { client in
            let store = try EtcdTenantStore(url: "etcd://127.0.0.1:1,127.0.0.1:2/p", httpClient: client)
            let error = await expectTenantError(.storeUnavailable) { _ = try await store.fetch("mappings/x.json") }
            #expect(error?.message.contains("127.0.0.1:1") == true)
            #expect(error?.message.contains("127.0.0.1:2") == true)
        }
    }

    @Test func tooLargeObjectsAreRefusedBeforeWriting() async throws {
        try await RemoteTenantStores.withHTTPClient { client in
            let store = try EtcdTenantStore(
                url: EtcdServer.uniqueURL("large"),
                httpClient: client,
                limits: RemoteStoreLimits(maxObjectSize: 16)
            )
            await expectTenantError(.tooLarge) {
                _ = try await store.put("mappings/x.json", Array(repeating: 0x20, count: 17), contentType: "")
            }
            #expect(try await store.fetch("mappings/x.json") == .notFound)
        }
    }
}

/// Answers of the gateway that are not etcd's usual ones, from a fault server.
struct EtcdGatewayFaultTests {
    private func store(answering response: FaultResponse) async throws -> (EtcdTenantStore, FaultServer, HTTPClient) {
        let server = try await FaultServer.start(.always(response))
        let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup)
        let url = server.baseURL.replacingOccurrences(of: "http://", with: "etcd://") + "/p"
        return (
            try EtcdTenantStore(url: url, httpClient: client, limits: RemoteStoreLimits(timeout: .seconds(2))), server,
            client
        )
    }

    @Test(arguments: [
        (
            FaultResponse.json(#"{"error":"etcdserver: user name is empty","code":3}"#, status: 401),
            TenantError.Code.storeForbidden
        ),
        (.json(#"{"message":"etcdserver: no leader"}"#, status: 503), .storeUnavailable),
        (.json(#"{"message":"etcdserver: request timed out"}"#, status: 504), .storeTimeout),
        (.json(#"{"message":"bad"}"#, status: 400), .storeBadResponse),
        (.json("[1, 2]"), .storeBadResponse),
        (.response(status: 200, body: Array("not json".utf8)), .storeBadResponse),
    ])
    func failedAnswersAreTypedErrors(response: FaultResponse, code: TenantError.Code) async throws {
        let (store, server, client) = try await store(answering: response)
        await expectTenantError(code) { _ = try await store.fetch("mappings/x.json") }
        await server.stop()
        try await client.shutdown()
    }
}
