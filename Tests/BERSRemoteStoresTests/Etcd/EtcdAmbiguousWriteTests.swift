import AsyncHTTPClient
import BERS
@testable import BERSRemoteStores
import Foundation
import NIOCore
import Testing

/// Writes whose answer is lost: settled by reading the key back, never sent twice.
struct EtcdAmbiguousWriteTests {
    private func store(_ responder: Responder) async throws -> (EtcdTenantStore, FaultServer, HTTPClient) {
        let server = try await FaultServer.start(responder)
        let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup)
        let url = server.baseURL.replacingOccurrences(of: "http://", with: "etcd://") + "/p"
        return (
            try EtcdTenantStore(url: url, httpClient: client, limits: RemoteStoreLimits(timeout: .seconds(2))), server,
            client
        )
    }

    /// A range answer holding `value` at `p/mappings/x.json`, modified at revision 9.
    private static func range(holding value: String) -> FaultResponse {
        let key = Data("p/mappings/x.json".utf8).base64EncodedString()
        let encoded = Data(value.utf8).base64EncodedString()
        return .json(
            #"{"header":{"revision":"9"},"kvs":[{"key":"\#(key)","mod_revision":"9","value":"\#(encoded)"}],"count":"1"}"#
        )
    }

    @Test func aTimedOutWriteThatLandedIsASuccess() async throws {
        let (store, server, client) = try await store(
            .dynamic { request in
                request.path.hasSuffix("/txn")
                    ? .json(#"{"message":"etcdserver: request timed out"}"#, status: 503) : Self.range(holding: "{}")
            }
        )
        let etag = try await store.put("mappings/x.json", Array("{}".utf8), contentType: "application/json")
        #expect(etag == "\"9\"")
        #expect(server.requests.filter { $0.path.hasSuffix("/txn") }.count == 1)
        await server.stop()
        try await client.shutdown()
    }

    @Test func aTimedOutWriteThatDidNotLandFailsAndIsNotSentAgain() async throws {
        let (store, server, client) = try await store(
            .dynamic { request in
                request.path.hasSuffix("/txn")
                    ? .json(#"{"message":"etcdserver: request timed out"}"#, status: 503) : Self.range(holding: "old")
            }
        )
        await expectTenantError(.storeUnavailable) {
            _ = try await store.put("mappings/x.json", Array("{}".utf8), contentType: "application/json")
        }
        #expect(server.requests.filter { $0.path.hasSuffix("/txn") }.count == 1)
        await server.stop()
        try await client.shutdown()
    }

    @Test func onlyAFailedConnectionMovesAWriteToTheNextEndpoint() {
        let refused = TenantError(.storeUnavailable, "refused", underlying: IOError(errnoCode: 111, reason: "connect"))
        #expect(EtcdClient.neverConnected(refused))
        let lost = TenantError(.storeTimeout, "lost", underlying: HTTPClientError.readTimeout)
        #expect(!EtcdClient.neverConnected(lost))
        #expect(!EtcdClient.neverConnected(TenantError(.storeUnavailable, "etcd answered 503")))
    }
}
