import BERS
import BERSRemoteStores

/// Opens `s3://` and `https://` tenant stores with a client that lives as long as the command.
enum RemoteStoreFactory {
    static func withStore<Result: Sendable>(
        url: String, s3Endpoint: String?, environment: [String: String], timeoutMilliseconds: Int64, maxBytes: Int,
        _ body: (any TenantStore) async throws -> Result
    ) async throws -> Result {
        let limits = RemoteStoreLimits(timeout: .milliseconds(timeoutMilliseconds), maxObjectSize: maxBytes)
        return try await RemoteTenantStores.withHTTPClient { client in
            let store = try RemoteTenantStores.make(
                url: url, environment: environment, s3Endpoint: s3Endpoint, httpClient: client, limits: limits)
            return try await body(store)
        }
    }
}
