import BERS
import BERSTestSupport
import Testing

@testable import BERSRemoteStores

/// The HTTP store against an in-process server: plain JSON, Lambda envelopes with string and
/// object bodies, 304, 404, errors, garbage, oversized and slow answers.
@Suite(.timeLimit(.minutes(1)))
struct HTTPTenantStoreTests {
    static let key = "tenants/MYR384719/MYR384719-config.json"

    private func withStore(
        timeout: Duration = .seconds(10),
        maxObjectSize: Int = 1 << 20,
        _ response: Responder,
        _ body: (HTTPTenantStore, FaultServer) async throws -> Void
    ) async throws {
        try await FaultServer.with(response) { server in
            try await RemoteTenantStores.withHTTPClient { client in
                let store = try HTTPTenantStore(
                    baseURL: server.baseURL + "/picasso",
                    httpClient: client,
                    limits: RemoteStoreLimits(timeout: timeout, maxObjectSize: maxObjectSize)
                )
                try await body(store, server)
            }
        }
    }

    private static func envelope(_ json: String) -> FaultResponse { .json(json) }

    @Test func plainJSONIsFoundWithItsETag() async throws {
        let document = #"{"tenant_id": "MYR384719", "chat_title": "Chat"}"#
        try await withStore(.always(.json(document, headers: [("ETag", "\"v1\"")]))) { store, server async throws in
            #expect(
                try await store.fetch(Self.key) == .found(StoredObject(bytes: Array(document.utf8), etag: "\"v1\""))
            )
            let request = try #require(server.requests.first)
            #expect(request.method == "GET")
            #expect(request.path == "/picasso/tenants/MYR384719/MYR384719-config.json")
            #expect(request.header("if-none-match") == nil)
        }
    }

    @Test(.enabled(if: SharedFixtures.isAvailable, SharedFixtures.skipReason))
    func theRealFixtureRoundTripsUnchanged() async throws {
        let fixture = try #require(SharedFixtures.bytes("fixtures/picasso/tenants/AUS123957-config.json"))
        try await withStore(.always(.response(status: 200, body: fixture))) { store, _ async throws in
            #expect(try await store.fetch(Self.key) == .found(StoredObject(bytes: fixture)))
        }
    }

    @Test func ifNoneMatchIsSentAnd304IsNotModified() async throws {
        let responder = Responder.dynamic { request in
            request.header("if-none-match") == "\"v1\""
                ? .response(status: 304) : .json("{}", headers: [("ETag", "\"v1\"")])
        }
        try await withStore(responder) { store, server async throws in
            #expect(try await store.fetch(Self.key, ifNoneMatch: "\"v1\"") == .notModified)
            #expect(server.requests.first?.header("if-none-match") == "\"v1\"")
        }
    }

    @Test func keysArePercentEncodedInThePath() async throws {
        try await withStore(.always(.response(status: 404))) { store, server async throws in
            #expect(try await store.fetch("tenants/a b/é+x.json") == .notFound)
            #expect(server.requests.first?.path == "/picasso/tenants/a%20b/%C3%A9%2Bx.json")
        }
    }

    @Test func a404IsNotFound() async throws {
        try await withStore(.always(.response(status: 404, body: Array("Not Found".utf8)))) { store, _ async throws in
            #expect(try await store.fetch(Self.key) == .notFound)
        }
    }

    @Test func anEnvelopeWithAStringBodyIsUnwrapped() async throws {
        try await withStore(
            .always(
                Self.envelope(
                    #"{"statusCode":200,"headers":{"ETag":"\"inner\""},"body":"{\"tenant_id\":\"MYR384719\"}"}"#
                )
            )
        ) { store, _ async throws in
            #expect(
                try await store.fetch(Self.key)
                    == .found(StoredObject(bytes: Array(#"{"tenant_id":"MYR384719"}"#.utf8), etag: "\"inner\""))
            )
        }
    }

    @Test func anEnvelopeWithAnObjectBodyIsUnwrappedAndKeepsTheOuterETag() async throws {
        try await withStore(
            .always(
                .json(#"{"statusCode": 200, "body": {"tenant_id": "AUS123957"}}"#, headers: [("ETag", "\"outer\"")])
            )
        ) { store, _ async throws in
            #expect(
                try await store.fetch(Self.key)
                    == .found(StoredObject(bytes: Array(#"{"tenant_id":"AUS123957"}"#.utf8), etag: "\"outer\""))
            )
        }
    }

    @Test func anEnvelopeSaying404IsNotFound() async throws {
        try await withStore(.always(Self.envelope(#"{"statusCode":404,"body":"{\"error\":\"Tenant not found\"}"}"#))) {
            store,
            _ async throws in
            #expect(try await store.fetch(Self.key) == .notFound)
        }
    }

    @Test func anEnvelopeSaying304IsNotModified() async throws {
        try await withStore(.always(Self.envelope(#"{"statusCode":304,"body":null}"#))) { store, _ async throws in
            #expect(try await store.fetch(Self.key, ifNoneMatch: "\"x\"") == .notModified)
        }
    }

    @Test(arguments: [
        (403, TenantError.Code.storeForbidden), (401, .storeForbidden), (500, .storeUnavailable),
        (503, .storeUnavailable),
        (400, .storeBadResponse), (302, .storeBadResponse),
    ])
    func anEnvelopeStatusIsMappedLikeAnHTTPStatus(status: Int, code: TenantError.Code) async throws {
        try await withStore(.always(Self.envelope(#"{"statusCode":\#(status),"body":"{}"}"#))) {
            store,
            _ async throws in
            let error = await expectTenantError(code) { _ = try await store.get(Self.key) }
            #expect(error?.message.contains("(Lambda envelope)") == true)
            #expect(error?.message.contains("(\(status))") == true)
        }
    }

    @Test func aMalformedEnvelopeIsABadResponseNamingTheKey() async throws {
        try await withStore(.always(Self.envelope(#"{"statusCode":"ok","body":"{}"}"#))) { store, _ async throws in
            let error = await expectTenantError(.storeBadResponse) { _ = try await store.get(Self.key) }
            #expect(error?.message.hasPrefix("GET '\(Self.key)' from http://127.0.0.1:") == true)
        }
    }

    @Test func anEnvelopeOverTheLimitIsTooLarge() async throws {
        let big = String(repeating: "a", count: 400)
        try await withStore(maxObjectSize: 300, .always(Self.envelope(#"{"statusCode":200,"body":"\#(big)"}"#))) {
            store,
            _ in
            await expectTenantError(.tooLarge) { _ = try await store.get(Self.key) }
        }
    }

    @Test func envelopesAreLeftAloneWhenUnwrappingIsOff() async throws {
        let text = #"{"statusCode":404,"body":"{}"}"#
        try await FaultServer.with(.always(.json(text))) { server in
            try await RemoteTenantStores.withHTTPClient { client in
                let store = HTTPTenantStore(
                    configuration: HTTPStoreConfiguration(
                        baseURL: try HTTPEndpoint(parsing: server.baseURL),
                        unwrapsLambdaEnvelopes: false
                    ),
                    httpClient: client
                )
                #expect(try await store.fetch(Self.key) == .found(StoredObject(bytes: Array(text.utf8))))
            }
        }
    }

    @Test(arguments: [
        (500, TenantError.Code.storeUnavailable), (502, .storeUnavailable), (403, .storeForbidden),
        (401, .storeForbidden), (418, .storeBadResponse),
    ])
    func errorStatusesAreMapped(status: Int, code: TenantError.Code) async throws {
        try await withStore(.always(.response(status: status, body: Array("<html>oops</html>".utf8)))) {
            store,
            _ async throws in
            let error = await expectTenantError(code) { _ = try await store.get(Self.key) }
            #expect(error?.message.contains("'\(Self.key)'") == true)
            #expect(error?.message.contains("(\(status))") == true)
        }
    }

    @Test func aCDNForwardingAnS3ErrorShowsItsCode() async throws {
        try await withStore(
            .always(
                .response(
                    status: 403,
                    body: Array("<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>".utf8)
                )
            )
        ) { store, _ async throws in
            let error = await expectTenantError(.storeForbidden) { _ = try await store.get(Self.key) }
            #expect(error?.message.contains("(403 AccessDenied: Access Denied)") == true)
        }
    }

    @Test func garbageIsABadResponse() async throws {
        try await withStore(.always(.raw(Array("HTTP/1.1 abc garbage\r\n\u{0}\u{0}\r\n\r\n".utf8)))) {
            store,
            _ async throws in
            await expectTenantError(.storeBadResponse) { _ = try await store.get(Self.key) }
        }
    }

    @Test func aBodyThatIsNotJSONIsReturnedForTheCallerToReject() async throws {
        // The store moves bytes; the repository reports tenant.malformed-document.
        try await withStore(.always(.response(status: 200, body: Array("<html>maintenance</html>".utf8)))) {
            store,
            _ async throws in
            #expect(
                try await store.fetch(Self.key) == .found(StoredObject(bytes: Array("<html>maintenance</html>".utf8)))
            )
        }
    }

    @Test func anOversizedBodyIsTooLarge() async throws {
        try await withStore(
            maxObjectSize: 1000,
            .always(.response(status: 200, body: [UInt8](repeating: 0x20, count: 1001)))
        ) {
            store,
            _ async throws in
            let error = await expectTenantError(.tooLarge) { _ = try await store.get(Self.key) }
            #expect(error?.message.contains("1001 bytes, more than the limit of 1000") == true)
        }
    }

    @Test func aSlowServerTimesOut() async throws {
        try await withStore(timeout: .milliseconds(300), .always(.stall)) { store, _ async throws in
            let error = await expectTenantError(.storeTimeout) { _ = try await store.get(Self.key) }
            #expect(error?.message.contains("within 300 ms") == true)
        }
    }

    @Test func aSlowBodyTimesOut() async throws {
        try await withStore(
            timeout: .milliseconds(300),
            .always(.partialBody(status: 200, declaredLength: 50, sent: [0x7B]))
        ) {
            store,
            _ async throws in
            await expectTenantError(.storeTimeout) { _ = try await store.get(Self.key) }
        }
    }

    @Test func putAndListAreRefusedBecauseTheStoreIsReadOnly() async throws {
        try await withStore(.always(.json("{}"))) { store, server async throws in
            let put = await expectTenantError(.invalidStore) {
                _ = try await store.put(Self.key, Array("{}".utf8), contentType: "application/json")
            }
            #expect(put?.message.contains("the HTTP store is read-only") == true)
            let list = await expectTenantError(.invalidStore) { _ = try await store.list(prefix: "mappings/") }
            #expect(list?.message.contains("the HTTP store is read-only") == true)
            #expect(server.requests.isEmpty)
        }
    }

    @Test func traversalKeysAreRefusedBeforeAnyRequest() async throws {
        try await withStore(.always(.json("{}"))) { store, server async throws in
            for key in ["../secrets.json", "tenants/../../etc/passwd", "/etc/passwd", "a/./b", ""] {
                await expectTenantError(.invalidMapping) { _ = try await store.get(key) }
            }
            #expect(server.requests.isEmpty)
        }
    }

    @Test func aRefusedConnectionIsUnavailable() async throws {
        let server = try await FaultServer.start(.always(.stall))
        let url = server.baseURL
        await server.stop()
        try await RemoteTenantStores.withHTTPClient { client in
            let store = try HTTPTenantStore(baseURL: url, httpClient: client)
            await expectTenantError(.storeUnavailable) { _ = try await store.get(Self.key) }
        }
    }
}
