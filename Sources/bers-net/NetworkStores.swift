import BERS
import BERSCLI
import BERSRemoteStores

/// Opens `s3://` and `https://` tenant stores with a client that lives as long as the command.
struct NetworkStores: RemoteStoreProvider {
    func withStore<Result: Sendable>(
        _ request: RemoteStoreRequest,
        _ body: (any TenantStore) async throws -> Result
    ) async throws -> Result {
        let limits = RemoteStoreLimits(
            timeout: .milliseconds(request.timeoutMilliseconds),
            maxObjectSize: request.maxBytes
        )
        return try await RemoteTenantStores.withHTTPClient { client in
            let store = try RemoteTenantStores.make(
                url: request.url,
                environment: request.environment,
                s3Endpoint: request.s3Endpoint,
                httpClient: client,
                limits: limits
            )
            return try await body(store)
        }
    }
}
