import AsyncHTTPClient
import BERS
import Synchronization
import Testing

@testable import BERSRemoteStores

/// The S3 and HTTP stores against a server that answers slowly, cuts bodies, or returns 5xx in
/// bursts, directly and behind a ``TenantCache``: each call completes or fails with its typed
/// error (the stores do not retry), and the cache serves the last good document while the store
/// fails (stale-if-error), or the typed error when it has none.
@Suite(.timeLimit(.minutes(1)))
struct RemoteStoreFaultMatrixTests {
    /// The remote stores.
    enum Kind: String, CaseIterable, Sendable {
        case s3, http
    }

    /// How the tenant server fails once told to.
    enum Failure: String, CaseIterable, Sendable {
        /// 503 Service Unavailable.
        case unavailable
        /// No answer within the timeout.
        case stall
        /// A body announced longer than what is sent before the connection closes.
        case cutBody

        var response: FaultResponse {
            switch self {
            case .unavailable: .response(status: 503, body: Array("Slow Down".utf8))
            case .stall: .stall
            case .cutBody: .cutBody(status: 200, declaredLength: 500, sent: Array(#"{"tenant_id": "MYR"#.utf8))
            }
        }

        /// The store's timeout: short when the failure is to wait for it, else long enough that a
        /// loaded machine (the whole suite runs in parallel) never turns an answer into a timeout.
        var timeout: Duration {
            self == .stall ? .seconds(2) : RemoteStoreFaultMatrixTests.timeout
        }

        /// The code a store call fails with.
        var code: TenantError.Code {
            switch self {
            case .unavailable: .storeUnavailable
            case .stall: .storeTimeout
            case .cutBody: .storeBadResponse
            }
        }
    }

    static let hash = "my87674d777bf9"
    static let timeout: Duration = .seconds(10)
    static let document =
        #"{"tenant_id": "MYR384719", "tenant_hash": "my87674d777bf9", "chat_title": "Atlanta Angels"}"#
    static let configKey = "tenants/MYR384719/MYR384719-config.json"

    /// A tenant server: the mapping and document of one tenant, or `failure` for the next
    /// `remaining` requests.
    final class TenantServer: Sendable {
        private let state = Mutex<(failure: FaultResponse?, remaining: Int)>((nil, 0))

        /// The next `count` requests are answered with `failure`.
        func fail(_ count: Int, with failure: FaultResponse) {
            state.withLock { $0 = (failure, count) }
        }

        func respond(_ request: RecordedRequest) -> FaultResponse {
            let failure = state.withLock { state -> FaultResponse? in
                guard state.remaining > 0, let failure = state.failure else { return nil }
                state.remaining -= 1
                return failure
            }
            if let failure { return failure }
            if request.path.hasSuffix("/mappings/\(RemoteStoreFaultMatrixTests.hash).json") {
                return .json(#"{"tenant_id": "MYR384719"}"#, headers: [("ETag", "\"m1\"")])
            }
            if request.path.hasSuffix("/MYR384719-config.json") {
                return .json(RemoteStoreFaultMatrixTests.document, headers: [("ETag", "\"d1\"")])
            }
            return .response(status: 404)
        }
    }

    /// Runs `body` with a store of `kind` in front of a fault server answering as `responder`.
    private func withStore(
        _ kind: Kind,
        timeout: Duration = RemoteStoreFaultMatrixTests.timeout,
        _ responder: Responder,
        _ body: (any TenantStore, FaultServer) async throws -> Void
    ) async throws {
        try await FaultServer.with(responder) { server in
            try await RemoteTenantStores.withHTTPClient { client in
                let limits = RemoteStoreLimits(timeout: timeout)
                let store: any TenantStore =
                    switch kind {
                    case .s3:
                        try S3TestSupport.store(
                            endpoint: server.baseURL,
                            bucket: "picasso",
                            client: client,
                            limits: limits
                        )
                    case .http:
                        try HTTPTenantStore(baseURL: server.baseURL + "/picasso", httpClient: client, limits: limits)
                    }
                try await body(store, server)
            }
        }
    }

    // MARK: the stores

    @Test(arguments: Kind.allCases)
    func anAnswerSlowerThanTheTimeoutIsATimeout(kind: Kind) async throws {
        try await withStore(
            kind,
            timeout: .milliseconds(300),
            .always(.delayed(milliseconds: 8000, .json(Self.document)))
        ) {
            store,
            _ in
            let clock = ContinuousClock()
            let start = clock.now
            await expectTenantError(.storeTimeout) { _ = try await store.get(Self.configKey) }
            // Far below the answer's delay: the call gave up at its timeout (with room for a
            // loaded machine, where the whole suite shares two cores).
            #expect(clock.now - start < .seconds(7))
        }
    }

    @Test(arguments: Kind.allCases)
    func aSlowAnswerWithinTheTimeoutCompletes(kind: Kind) async throws {
        try await withStore(kind, timeout: .seconds(5), .always(.delayed(milliseconds: 150, .json(Self.document)))) {
            store,
            _ in
            guard case .found(let object) = try await store.get(Self.configKey) else {
                Issue.record("a slow answer within the timeout must be found")
                return
            }
            #expect(object.bytes == Array(Self.document.utf8))
        }
    }

    @Test(arguments: Kind.allCases)
    func aBodyCutShortByAClosedConnectionIsABadResponse(kind: Kind) async throws {
        try await withStore(kind, .always(Failure.cutBody.response)) { store, _ in
            let error = await expectTenantError(.storeBadResponse) { _ = try await store.get(Self.configKey) }
            #expect(error?.isStoreFailure == true)
            #expect(error?.message.contains(Self.configKey) == true, "\(error?.message ?? "")")
        }
    }

    @Test(arguments: Kind.allCases, [500, 502, 503, 504])
    func aBurstOfServerErrorsFailsEachCallWithoutRetrying(kind: Kind, status: Int) async throws {
        let server = TenantServer()
        server.fail(3, with: .response(status: status))
        try await withStore(kind, .dynamic(server.respond)) { store, fault in
            for _ in 0..<3 {
                await expectTenantError(.storeUnavailable) { _ = try await store.get(Self.configKey) }
            }
            guard case .found = try await store.get(Self.configKey) else {
                Issue.record("the call after the burst must succeed")
                return
            }
            #expect(fault.requests.count == 4)
        }
    }

    // MARK: the tenant cache in front of them

    @Test(arguments: Kind.allCases, Failure.allCases)
    func theCacheServesTheLastGoodDocumentWhileTheStoreFails(kind: Kind, failure: Failure) async throws {
        let server = TenantServer()
        try await withStore(kind, timeout: failure.timeout, .dynamic(server.respond)) { store, _ in
            let cache = TenantCache(repository: TenantRepository(store: store))
            let hash = try TenantHash(Self.hash)
            #expect(try await cache.get(hash).document.value["chat_title"] == "Atlanta Angels")

            server.fail(100, with: failure.response)
            cache.expire(changedKeys: nil)
            let entry = try await cache.get(hash)
            guard case .stale(let error) = entry.freshness else {
                Issue.record("expected the last good document, stale, got \(entry.freshness)")
                return
            }
            #expect(error.code == failure.code, "\(error.message)")
            #expect(entry.document.value["chat_title"] == "Atlanta Angels")
            // Within the retry interval the stale copy is served without asking the store.
            guard case .stale = try await cache.get(hash).freshness else {
                Issue.record("the stale copy must be kept until its retry is due")
                return
            }
            #expect(cache.statistics.staleServed == 1)

            server.fail(0, with: failure.response)
            cache.expireStale()
            guard case .revalidated = try await cache.get(hash).freshness else {
                Issue.record("the store is back: the document must be revalidated")
                return
            }
        }
    }

    @Test(arguments: Kind.allCases, Failure.allCases)
    func withNothingCachedTheCacheFailsWithTheStoresError(kind: Kind, failure: Failure) async throws {
        let server = TenantServer()
        server.fail(100, with: failure.response)
        try await withStore(kind, timeout: failure.timeout, .dynamic(server.respond)) { store, _ in
            let cache = TenantCache(repository: TenantRepository(store: store))
            await expectTenantError(failure.code) { _ = try await cache.get(try TenantHash(Self.hash)) }
            #expect(cache.statistics.errors == 1)
        }
    }
}
