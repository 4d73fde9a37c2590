import AsyncHTTPClient
import BERS
import Testing

@testable import BERSRemoteStores

/// The S3 store against an in-process server that answers with S3 errors, garbage, oversized or
/// endless bodies, or nothing.
@Suite(.timeLimit(.minutes(1)))
struct S3TenantStoreFaultTests {
    static let key = "mappings/my87674d777bf9.json"

    /// Runs `body` with a store whose endpoint is a fault server answering every request with `response`.
    private func withFaultyStore(
        timeout: Duration = .seconds(10),
        maxObjectSize: Int = 1 << 20,
        credentials: AWSCredentials? = S3TestSupport.credentials,
        _ response: Responder,
        _ body: (S3TenantStore, FaultServer) async throws -> Void
    ) async throws {
        try await FaultServer.with(response) { server in
            try await RemoteTenantStores.withHTTPClient { client in
                let store = try S3TestSupport.store(
                    endpoint: server.baseURL,
                    bucket: "picasso",
                    credentials: credentials,
                    client: client,
                    limits: RemoteStoreLimits(timeout: timeout, maxObjectSize: maxObjectSize)
                )
                try await body(store, server)
            }
        }
    }

    private static func s3Error(_ status: Int, _ code: String, _ message: String) -> FaultResponse {
        .response(
            status: status,
            headers: [("content-type", "application/xml")],
            body: Array(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>\(code)</Code><Message>\(message)</Message><RequestId>R1</RequestId></Error>"
                    .utf8
            )
        )
    }

    @Test func requestsAreSignedPathStyleAndCarryIfNoneMatch() async throws {
        var credentials = S3TestSupport.credentials
        credentials.sessionToken = "session-token"
        try await withFaultyStore(credentials: credentials, .always(.response(status: 304))) { store, server in
            #expect(try await store.fetch(Self.key, ifNoneMatch: "\"abc\"") == .notModified)
            let request = try #require(server.requests.first)
            #expect(request.method == "GET")
            #expect(request.path == "/picasso/mappings/my87674d777bf9.json")
            #expect(request.header("if-none-match") == "\"abc\"")
            #expect(request.header("host") == "127.0.0.1:\(server.port)")
            #expect(request.header("x-amz-security-token") == "session-token")
            #expect(request.header("x-amz-content-sha256") == SigV4Request.emptyPayloadSHA256)
            let authorization = try #require(request.header("authorization"))
            #expect(authorization.hasPrefix("AWS4-HMAC-SHA256 Credential=AKIDBERSTESTING/"))
            #expect(
                authorization.contains(
                    "/us-east-1/s3/aws4_request,SignedHeaders=host;if-none-match;x-amz-content-sha256;x-amz-date;x-amz-security-token,Signature="
                )
            )
        }
    }

    @Test func requestsWithoutCredentialsAreUnsigned() async throws {
        try await withFaultyStore(credentials: nil, .always(.response(status: 404))) { store, server async throws in
            #expect(try await store.fetch(Self.key) == .notFound)
            #expect(server.requests.first?.header("authorization") == nil)
        }
    }

    @Test func putSendsTheBodyItsHashAndContentType() async throws {
        try await withFaultyStore(.always(.response(status: 200, headers: [("ETag", "\"e1\"")]))) { store, server in
            let bytes = Array(#"{"tenant_id":"X"}"#.utf8)
            #expect(try await store.upload("tenants/X/X-config.json", bytes) == "\"e1\"")
            let request = try #require(server.requests.first)
            #expect(request.method == "PUT")
            #expect(request.body == bytes)
            #expect(request.header("content-type") == "application/json")
            #expect(request.header("x-amz-content-sha256") == SigV4Signer.sha256Hex(bytes))
        }
    }

    @Test func accessDeniedIsForbiddenWithTheS3Code() async throws {
        try await withFaultyStore(.always(Self.s3Error(403, "AccessDenied", "Access Denied"))) { store, _ in
            let error = await expectTenantError(.storeForbidden) { _ = try await store.get(Self.key) }
            #expect(
                error?.message
                    == "GET '\(Self.key)' from s3://picasso: the store refused access (403 AccessDenied: Access Denied)."
            )
            #expect(error?.isStoreFailure == true)
            await expectTenantError(.storeForbidden) {
                _ = try await store.put(Self.key, [], contentType: "application/json")
            }
            await expectTenantError(.storeForbidden) { _ = try await store.list(prefix: "") }
        }
    }

    @Test func unauthorizedWithoutABodyIsForbidden() async throws {
        try await withFaultyStore(.always(.response(status: 401))) { store, _ in
            let error = await expectTenantError(.storeForbidden) { _ = try await store.get(Self.key) }
            #expect(error?.message.hasSuffix("(401).") == true)
        }
    }

    @Test(arguments: [500, 502, 503])
    func serverErrorsAreUnavailable(status: Int) async throws {
        try await withFaultyStore(.always(Self.s3Error(status, "InternalError", "We encountered an internal error."))) {
            store,
            _ in
            let error = await expectTenantError(.storeUnavailable) { _ = try await store.get(Self.key) }
            #expect(error?.message.contains("(\(status) InternalError: We encountered an internal error.)") == true)
            await expectTenantError(.storeUnavailable) { _ = try await store.list(prefix: "mappings/") }
        }
    }

    @Test func aWrongRegionIsABadResponseNamingTheBucketsRegion() async throws {
        try await withFaultyStore(
            .always(
                .response(
                    status: 301,
                    headers: [("x-amz-bucket-region", "eu-west-1")],
                    body: Array(
                        "<Error><Code>PermanentRedirect</Code><Message>Use the right endpoint.</Message></Error>".utf8
                    )
                )
            )
        ) { store, _ in
            let error = await expectTenantError(.storeBadResponse) { _ = try await store.get(Self.key) }
            #expect(error?.message.contains("PermanentRedirect") == true)
            #expect(error?.message.contains("the bucket is in eu-west-1, not us-east-1: set AWS_REGION") == true)
        }
    }

    @Test(arguments: ["ExpiredToken", "InvalidToken"])
    func credentialErrorsSentAs400AreForbidden(code: String) async throws {
        try await withFaultyStore(.always(Self.s3Error(400, code, "The provided token has expired."))) { store, _ in
            let error = await expectTenantError(.storeForbidden) { _ = try await store.get(Self.key) }
            #expect(error?.message.contains("(400 \(code): The provided token has expired.)") == true)
        }
    }

    @Test func anUnexpectedStatusIsABadResponse() async throws {
        try await withFaultyStore(.always(Self.s3Error(400, "InvalidArgument", "Bad"))) { store, _ in
            let error = await expectTenantError(.storeBadResponse) { _ = try await store.get(Self.key) }
            #expect(error?.message.contains("(400 InvalidArgument: Bad)") == true)
        }
    }

    @Test func garbageInsteadOfHTTPIsABadResponse() async throws {
        try await withFaultyStore(.always(.raw(Array("\u{1}\u{2}garbage that is not HTTP\r\n\r\n".utf8)))) { store, _ in
            let error = await expectTenantError(.storeBadResponse) { _ = try await store.get(Self.key) }
            #expect(error?.message.contains("'\(Self.key)'") == true)
            #expect(error?.message.contains("s3://picasso") == true)
        }
    }

    @Test func aListPageThatIsNotXMLIsABadResponse() async throws {
        try await withFaultyStore(.always(.json("{\"not\": \"xml\"}"))) { store, _ in
            let error = await expectTenantError(.storeBadResponse) { _ = try await store.list(prefix: "") }
            #expect(error?.message.contains("not a ListObjectsV2 result") == true)
        }
    }

    @Test func aTruncatedPageWithoutAContinuationTokenIsABadResponse() async throws {
        let page =
            "<ListBucketResult><IsTruncated>true</IsTruncated><Contents><Key>a</Key></Contents></ListBucketResult>"
        try await withFaultyStore(.always(.response(status: 200, body: Array(page.utf8)))) { store, _ in
            let error = await expectTenantError(.storeBadResponse) { _ = try await store.list(prefix: "") }
            #expect(error?.message.contains("no new continuation token") == true)
        }
    }

    @Test func aRepeatedContinuationTokenStopsTheListing() async throws {
        let page =
            "<ListBucketResult><IsTruncated>true</IsTruncated><Contents><Key>a</Key></Contents>"
            + "<NextContinuationToken>same</NextContinuationToken></ListBucketResult>"
        try await withFaultyStore(.always(.response(status: 200, body: Array(page.utf8)))) { store, server in
            await expectTenantError(.storeBadResponse) { _ = try await store.list(prefix: "") }
            #expect(server.requests.count == 2)
            #expect(server.requests.last?.path.contains("continuation-token=same") == true)
        }
    }

    @Test func aListedKeyOutsideThePrefixIsABadResponse() async throws {
        let page =
            "<ListBucketResult><IsTruncated>false</IsTruncated><Contents><Key>elsewhere/x</Key></Contents></ListBucketResult>"
        try await withFaultyStore(.always(.response(status: 200, body: Array(page.utf8)))) { store, _ in
            await expectTenantError(.storeBadResponse) { _ = try await store.list(prefix: "mappings/") }
        }
    }

    @Test func anAnnouncedBodyOverTheLimitIsTooLargeBeforeReadingIt() async throws {
        try await withFaultyStore(
            maxObjectSize: 100,
            .always(.partialBody(status: 200, declaredLength: 5_000_000, sent: []))
        ) { store, _ in
            let error = await expectTenantError(.tooLarge) { _ = try await store.get(Self.key) }
            #expect(error?.message.contains("5000000 bytes, more than the limit of 100") == true)
        }
    }

    @Test func aChunkedBodyOverTheLimitIsTooLarge() async throws {
        try await withFaultyStore(maxObjectSize: 1000, .always(.chunked(status: 200, chunkSize: 300, chunks: 10))) {
            store,
            _ in
            await expectTenantError(.tooLarge) { _ = try await store.get(Self.key) }
        }
    }

    @Test func aServerThatNeverAnswersTimesOut() async throws {
        try await withFaultyStore(timeout: .milliseconds(300), .always(.stall)) { store, _ in
            let clock = ContinuousClock()
            let start = clock.now
            let error = await expectTenantError(.storeTimeout) { _ = try await store.get(Self.key) }
            // The server never answers: the bound only shows that the call gave up, with room for
            // a loaded machine running the whole suite in parallel.
            #expect(clock.now - start < .seconds(10))
            #expect(error?.message.contains("did not answer within 300 ms") == true)
            #expect(error?.isStoreFailure == true)
        }
    }

    @Test func cancellingTheCallerIsNotReportedAsATimeout() async throws {
        try await withFaultyStore(timeout: .seconds(30), .always(.stall)) { store, server in
            let task = Task { () async throws -> StoreResponse in try await store.get(Self.key) }
            while server.requests.isEmpty { try await Task.sleep(for: .milliseconds(10)) }
            task.cancel()
            let error = await expectTenantError(.storeUnavailable) { _ = try await task.value }
            #expect(error?.message.contains("cancelled") == true)
        }
    }

    @Test func aBodyThatStopsHalfWayTimesOut() async throws {
        let halfway = FaultResponse.partialBody(status: 200, declaredLength: 100, sent: Array("{\"tenant".utf8))
        try await withFaultyStore(timeout: .milliseconds(300), .always(halfway)) { store, _ in
            await expectTenantError(.storeTimeout) { _ = try await store.get(Self.key) }
        }
    }

    @Test func aClosedConnectionIsUnavailable() async throws {
        try await withFaultyStore(.always(.close)) { store, _ in
            await expectTenantError(.storeUnavailable) { _ = try await store.get(Self.key) }
        }
    }

    @Test func aRefusedConnectionIsUnavailable() async throws {
        let server = try await FaultServer.start(.always(.stall))
        let port = server.port
        await server.stop()
        try await RemoteTenantStores.withHTTPClient { client in
            let store = try S3TestSupport.store(
                endpoint: "http://127.0.0.1:\(port)",
                bucket: "picasso",
                client: client,
                limits: RemoteStoreLimits(timeout: .seconds(2))
            )
            let error = await expectTenantError(.storeUnavailable) { _ = try await store.get(Self.key) }
            #expect(error?.message.contains("cannot be reached") == true)
            #expect(error?.message.contains("s3://picasso") == true)
        }
    }
}
