import AsyncHTTPClient
import BERS
import NIOCore
import Testing

@testable import BERSRemoteStores

/// Transport failures read as one sentence, with balanced brackets.
struct TransportErrorTests {
    struct Described: Error, CustomStringConvertible {
        var description: String
    }

    @Test func systemErrorsNameTheReasonAndNumber() {
        let error = IOError(errnoCode: 111, reason: "connection reset (error set)")
        #expect(RemoteExchange.reason(for: error) == "Connection refused (errno 111)")
        let mapped = RemoteExchange.mapTransportError(error, context: "GET 'x' from s3://b", timeout: .seconds(1))
        #expect(mapped.code == .storeUnavailable)
        #expect(mapped.message == "GET 'x' from s3://b: the store cannot be reached: Connection refused (errno 111).")
    }

    @Test(arguments: [
        ("a (b) c) (d)", "a (b) c (d)"), ("a (b", "a (b)"), ("plain", "plain"), (")(", "()"),
    ])
    func otherDescriptionsGetBalancedBrackets(_ text: String, _ expected: String) {
        #expect(RemoteExchange.reason(for: Described(description: text)) == expected)
    }

    @Test func aRefusedConnectionToARealPortIsReadable() async throws {
        try await RemoteTenantStores.withHTTPClient { client in
            let store = try RemoteTenantStores.make(
                url: "https://127.0.0.1:1/prefix",
                environment: [:],
                s3Endpoint: nil,
                httpClient: client,
                limits: RemoteStoreLimits(timeout: .seconds(5), maxObjectSize: 1024)
            )
            let error = await #expect(throws: TenantError.self) { _ = try await store.get("a.json", ifNoneMatch: nil) }
            // A loaded machine may retry the connection until the deadline.
            #expect(error?.code == .storeUnavailable || error?.code == .storeTimeout)
            let message = error?.message ?? ""
            #expect(message.filter { $0 == "(" }.count == message.filter { $0 == ")" }.count, "\(message)")
            #expect(!message.contains("))"), "\(message)")
        }
    }
}
