import AsyncHTTPClient
import BERS
import NIOCore
import NIOHTTP1

/// A read-only ``TenantStore`` over a base URL: a CDN or an API in front of the bucket.
///
/// `get` sends `GET <base>/<key>` with `If-None-Match`, and unwraps a Lambda proxy envelope
/// (``LambdaEnvelope``) when the answer is one, mapping the envelope's status like the outer one:
/// 200 → found, 304 → not modified, 404 → not found, 401/403 → `tenant.store-forbidden`, 5xx →
/// `tenant.store-unavailable`, anything else → `tenant.store-bad-response`. Timeouts and the size
/// limit are those of ``RemoteStoreLimits``. `put` and `list` throw `tenant.invalid-store`.
///
/// ```swift
/// let store = try HTTPTenantStore(baseURL: "https://cdn.example.com/picasso", httpClient: RemoteTenantStores.sharedHTTPClient)
/// let response = try await store.get("mappings/my87674d777bf9.json", ifNoneMatch: cachedETag)
/// ```
public struct HTTPTenantStore: TenantStore {
    /// Base URL, limits and envelope handling.
    public let configuration: HTTPStoreConfiguration
    let httpClient: HTTPClient

    /// A store over a base URL.
    ///
    /// - Parameters:
    ///   - configuration: Base URL, limits and envelope handling.
    ///   - httpClient: The client to send requests with; the caller owns it.
    public init(configuration: HTTPStoreConfiguration, httpClient: HTTPClient) {
        self.configuration = configuration
        self.httpClient = httpClient
    }

    /// A store over a base URL given as text.
    ///
    /// - Parameters:
    ///   - baseURL: `https://host[:port][/path]`; `http://` only for loopback hosts.
    ///   - httpClient: The client to send requests with; the caller owns it.
    ///   - limits: Timeout and size limit.
    /// - Throws: ``TenantError`` `tenant.invalid-store` for a malformed URL.
    public init(baseURL: String, httpClient: HTTPClient, limits: RemoteStoreLimits = .default) throws(TenantError) {
        self.init(
            configuration: HTTPStoreConfiguration(baseURL: try HTTPEndpoint(parsing: baseURL), limits: limits),
            httpClient: httpClient
        )
    }

    // swift-format-ignore: AllPublicDeclarationsHaveDocumentation
    public var description: String { configuration.baseURL.string }

    // swift-format-ignore: AllPublicDeclarationsHaveDocumentation
    public func get(_ key: String, ifNoneMatch etag: String?) async throws(TenantError) -> StoreResponse {
        try ObjectKey.validate(key, store: description)
        let context = "GET \(ObjectKey.quote(key)) from \(description)"
        let limits = configuration.limits
        var request = HTTPClientRequest(url: configuration.baseURL.url(forEncodedPath: AWSURIEncoding.encodePath(key)))
        request.method = .GET
        request.headers.add(name: "accept", value: "application/json")
        if let etag { request.headers.add(name: "if-none-match", value: etag) }
        let response = try await RemoteExchange.perform(
            request,
            client: httpClient,
            timeout: limits.timeout,
            maxBodySize: limits.maxObjectSize,
            context: context
        )

        switch response.status {
        case 200:
            let outerETag = response.headers.first(name: "etag")
            guard configuration.unwrapsLambdaEnvelopes else {
                return .found(StoredObject(bytes: response.body, etag: outerETag))
            }
            let envelope: LambdaEnvelope?
            do {
                envelope = try LambdaEnvelope.unwrap(response.body)
            } catch {
                throw TenantError(error.code, "\(context): \(error.message)")
            }
            guard let envelope else { return .found(StoredObject(bytes: response.body, etag: outerETag)) }
            return try result(of: envelope, outerETag: outerETag, context: context)
        case 304:
            return .notModified
        case 404:
            return .notFound
        default:
            throw StoreStatus.error(
                status: response.status,
                detail: S3ErrorResponse(body: response.body)?.summary,
                context: context
            )
        }
    }

    /// The answer the envelope carries.
    private func result(
        of envelope: LambdaEnvelope,
        outerETag: String?,
        context: String
    ) throws(TenantError) -> StoreResponse {
        let inner = "\(context) (Lambda envelope)"
        switch envelope.statusCode {
        case 200:
            guard envelope.body.count <= configuration.limits.maxObjectSize else {
                throw TenantError(
                    .tooLarge,
                    "\(inner): the object has \(envelope.body.count) bytes, more than the limit of \(configuration.limits.maxObjectSize)."
                )
            }
            return .found(StoredObject(bytes: envelope.body, etag: envelope.headers["etag"] ?? outerETag))
        case 304:
            return .notModified
        case 404:
            return .notFound
        default:
            throw StoreStatus.error(status: envelope.statusCode, detail: nil, context: inner)
        }
    }

    /// Throws `tenant.invalid-store`: the HTTP store is read-only.
    public func put(
        _ key: String,
        _ bytes: [UInt8],
        contentType: String,
        condition: StoreWriteCondition
    ) async throws(TenantError) -> String? {
        throw TenantError(
            .invalidStore,
            "PUT \(ObjectKey.quote(key)) to \(description): the HTTP store is read-only; write to the bucket (s3://…) instead."
        )
    }

    /// Throws `tenant.invalid-store`: the HTTP store cannot list.
    public func list(prefix: String) async throws(TenantError) -> [String] {
        throw TenantError(
            .invalidStore,
            "LIST \(ObjectKey.quote(prefix)) in \(description): the HTTP store is read-only and cannot list; list the bucket (s3://…) instead."
        )
    }
}
