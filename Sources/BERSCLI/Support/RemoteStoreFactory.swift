import BERS

/// Opens s3:// and https:// tenant stores (BERSRemoteStores).
enum RemoteStoreFactory {
    static func withStore<Result: Sendable>(
        url: String,
        s3Endpoint: String?,
        environment: [String: String],
        timeoutMilliseconds: Int64,
        maxBytes: Int,
        _ body: (any TenantStore) async throws -> Result
    ) async throws -> Result {
        throw TenantError(.invalidStore, "remote stores are being integrated")
    }
}
