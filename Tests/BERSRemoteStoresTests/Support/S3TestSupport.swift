import AsyncHTTPClient
import BERS
import BERSTestSupport
import Foundation
import Testing

@testable import BERSRemoteStores

/// Buckets, stores and the Picasso fixtures on an S3 test server.
enum S3TestSupport {
    /// Credentials moto accepts when it does not check signatures.
    static let credentials = AWSCredentials(accessKeyID: "AKIDBERSTESTING", secretAccessKey: "bers-testing-secret")

    /// A bucket name no other test uses.
    static func uniqueBucket() -> String {
        "bers-test-" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
    }

    /// A path-style store on `endpoint`.
    static func store(
        endpoint: String,
        bucket: String,
        keyPrefix: String = "",
        credentials: AWSCredentials? = credentials,
        client: HTTPClient,
        limits: RemoteStoreLimits = RemoteStoreLimits(timeout: .seconds(10)),
        listPageSize: Int? = nil
    ) throws -> S3TenantStore {
        let configuration = S3Configuration(
            bucket: bucket,
            keyPrefix: keyPrefix,
            region: "us-east-1",
            endpoint: try HTTPEndpoint(parsing: endpoint),
            credentials: credentials,
            limits: limits,
            listPageSize: listPageSize
        )
        return try S3TenantStore(configuration: configuration, httpClient: client)
    }

    /// Creates the store's bucket (CreateBucket, us-east-1).
    static func createBucket(_ store: S3TenantStore) async throws {
        let response = try await store.send(
            method: .PUT,
            fullKey: nil,
            headers: [],
            body: [],
            maxBodySize: 1 << 16,
            context: "create bucket"
        )
        guard response.status == 200 else {
            throw S3TestError.unexpected(
                "CreateBucket answered \(response.status): \(String(decoding: response.body, as: UTF8.self))"
            )
        }
    }

    /// The fixture objects: two mappings and the two real tenant configurations.
    static func picassoObjects() throws -> [(key: String, bytes: [UInt8])] {
        guard let myr = SharedFixtures.bytes("fixtures/picasso/tenants/MYR384719-config.json"),
            let aus = SharedFixtures.bytes("fixtures/picasso/tenants/AUS123957-config.json")
        else { throw S3TestError.unexpected("the Picasso fixtures are missing") }
        return [
            ("mappings/my87674d777bf9.json", Array(#"{"tenant_id": "MYR384719"}"#.utf8)),
            ("mappings/auc5b0ecb0adcb.json", Array(#"{"tenant_id": "AUS123957"}"#.utf8)),
            ("tenants/MYR384719/MYR384719-config.json", myr),
            ("tenants/AUS123957/AUS123957-config.json", aus),
        ]
    }

    /// Uploads the fixture objects and returns their entity tags by key.
    @discardableResult
    static func uploadPicasso(_ store: S3TenantStore) async throws -> [String: String] {
        var etags: [String: String] = [:]
        for (key, bytes) in try picassoObjects() {
            etags[key] = try await store.put(key, bytes, contentType: "application/json")
        }
        return etags
    }

    /// A fresh bucket on the shared server with the fixtures uploaded, and a store over it.
    static func withPicassoBucket<Result: Sendable>(
        keyPrefix: String = "",
        listPageSize: Int? = nil,
        _ body: (S3TenantStore, HTTPClient) async throws -> Result
    ) async throws -> Result {
        let endpoint = try await MotoServer.endpoint()
        return try await RemoteTenantStores.withHTTPClient { client in
            let store = try store(
                endpoint: endpoint,
                bucket: uniqueBucket(),
                keyPrefix: keyPrefix,
                client: client,
                listPageSize: listPageSize
            )
            try await createBucket(store)
            try await uploadPicasso(store)
            return try await body(store, client)
        }
    }
}

enum S3TestError: Error, CustomStringConvertible {
    case unexpected(String)
    var description: String {
        switch self {
        case .unexpected(let text): text
        }
    }
}

/// Runs `body`, expecting a ``TenantError`` with `code`, and returns it.
@discardableResult
func expectTenantError(
    _ code: TenantError.Code,
    sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () async throws -> Void
) async -> TenantError? {
    do {
        try await body()
        Issue.record("expected \(code), but nothing was thrown", sourceLocation: sourceLocation)
        return nil
    } catch let error as TenantError {
        #expect(error.code == code, "\(error.message)", sourceLocation: sourceLocation)
        return error
    } catch {
        Issue.record("expected a TenantError \(code), got \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

/// Untyped-throwing forms of the store calls, for use inside `#expect` (whose expansion does not
/// compose with typed throws).
extension TenantStore {
    func fetch(_ key: String, ifNoneMatch etag: String? = nil) async throws -> StoreResponse {
        try await get(key, ifNoneMatch: etag)
    }

    func keys(_ prefix: String) async throws -> [String] {
        try await list(prefix: prefix)
    }

    func upload(_ key: String, _ bytes: [UInt8]) async throws -> String? {
        try await put(key, bytes, contentType: "application/json")
    }
}
