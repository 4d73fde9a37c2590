import AsyncHTTPClient
import BERS
import NIOCore
import NIOHTTP1

/// A ``TenantStore`` over an S3 bucket (or any S3-compatible server), speaking the S3 REST API
/// signed with AWS Signature Version 4.
///
/// `get` is GetObject with `If-None-Match`, `put` is PutObject, `list` is ListObjectsV2 with
/// pagination. Keys are relative to the configured prefix. Every failure is a ``TenantError``
/// naming the operation, key and store:
///
/// | answer | result |
/// |---|---|
/// | 200 | ``StoreResponse/found(_:)`` with `ETag` and `x-amz-version-id` |
/// | 304 | ``StoreResponse/notModified`` |
/// | 404 `NoSuchKey` | ``StoreResponse/notFound`` |
/// | 404 `NoSuchBucket` | `tenant.invalid-store` |
/// | 401, 403 | `tenant.store-forbidden`, with the S3 error code |
/// | 5xx, connection refused or closed | `tenant.store-unavailable` |
/// | no answer within the timeout | `tenant.store-timeout` |
/// | larger than the size limit | `tenant.too-large` |
/// | anything else | `tenant.store-bad-response` |
///
/// ```swift
/// let store = try S3TenantStore(
///     configuration: S3Configuration(bucket: "myrecruiter-picasso", environment: ProcessInfo.processInfo.environment),
///     httpClient: RemoteTenantStores.sharedHTTPClient)
/// if case .found(let object) = try await store.get("mappings/my87674d777bf9.json") { … }
/// ```
public struct S3TenantStore: TenantStore {
    /// Bucket, prefix, region, endpoint, credentials and limits.
    public let configuration: S3Configuration
    let httpClient: HTTPClient
    let clock: @Sendable () -> SigV4Timestamp

    /// A store over a bucket.
    ///
    /// - Parameters:
    ///   - configuration: Where and how to reach the bucket.
    ///   - httpClient: The client to send requests with; the caller owns it (see
    ///     ``RemoteTenantStores/withHTTPClient(_:)`` and ``RemoteTenantStores/sharedHTTPClient``).
    /// - Throws: ``TenantError`` `tenant.invalid-store` when the configuration is invalid.
    public init(configuration: S3Configuration, httpClient: HTTPClient) throws(TenantError) {
        try self.init(configuration: configuration, httpClient: httpClient, clock: { .now() })
    }

    /// A store with an injected clock, for tests.
    init(
        configuration: S3Configuration,
        httpClient: HTTPClient,
        clock: @escaping @Sendable () -> SigV4Timestamp
    ) throws(TenantError) {
        try configuration.validate()
        self.configuration = configuration
        self.httpClient = httpClient
        self.clock = clock
    }

    // swift-format-ignore: AllPublicDeclarationsHaveDocumentation
    public var description: String { configuration.storeDescription }

    // swift-format-ignore: AllPublicDeclarationsHaveDocumentation
    public func get(_ key: String, ifNoneMatch etag: String?) async throws(TenantError) -> StoreResponse {
        try ObjectKey.validate(key, store: description)
        let context = "GET \(ObjectKey.quote(key)) from \(description)"
        var headers: [(name: String, value: String)] = []
        if let etag { headers.append(("if-none-match", etag)) }
        let response = try await send(
            method: .GET,
            fullKey: configuration.keyPrefix + key,
            headers: headers,
            maxBodySize: configuration.limits.maxObjectSize,
            context: context
        )
        switch response.status {
        case 200:
            return .found(
                StoredObject(
                    bytes: response.body,
                    etag: response.headers.first(name: "etag"),
                    version: response.headers.first(name: "x-amz-version-id")
                )
            )
        case 304:
            return .notModified
        case 404:
            let s3Error = S3ErrorResponse(body: response.body)
            if s3Error?.code == "NoSuchBucket" {
                throw TenantError(.invalidStore, "\(context): the bucket '\(configuration.bucket)' does not exist.")
            }
            return .notFound
        default:
            throw error(for: response, context: context)
        }
    }

    // swift-format-ignore: AllPublicDeclarationsHaveDocumentation
    public func put(
        _ key: String,
        _ bytes: [UInt8],
        contentType: String,
        condition: StoreWriteCondition
    ) async throws(TenantError) -> String? {
        try ObjectKey.validate(key, store: description)
        let context = "PUT \(ObjectKey.quote(key)) to \(description)"
        try configuration.limits.checkSize(bytes.count, context: context)
        var headers: [(name: String, value: String)] = [("content-type", contentType)]
        switch condition {
        case .unconditional: break
        case .ifMatch(let etag): headers.append(("if-match", etag))
        case .ifAbsent: headers.append(("if-none-match", "*"))
        }
        let response = try await send(
            method: .PUT,
            fullKey: configuration.keyPrefix + key,
            headers: headers,
            body: bytes,
            maxBodySize: RemoteExchange.errorBodyLimit,
            context: context
        )
        if let conflict = Self.conflict(response, condition: condition) {
            throw TenantError(.conflict, "\(context): \(conflict); nothing was written")
        }
        guard response.status == 200 else { throw error(for: response, context: context) }
        return response.headers.first(name: "etag")
    }

    /// Why a conditional PUT was refused: 412 (the condition failed), 409 (a concurrent
    /// conditional write), or 404 for `If-Match` on a key that no longer exists.
    static func conflict(_ response: RemoteResponse, condition: StoreWriteCondition) -> String? {
        switch (response.status, condition) {
        case (412, .ifAbsent): "the object already exists"
        case (412, .ifMatch(let etag)): "the object changed since it was read (expected entity tag \(etag))"
        case (409, .ifMatch), (409, .ifAbsent): "a concurrent write to the object is in progress"
        case (404, .ifMatch): "the object was removed since it was read"
        default: nil
        }
    }

    // swift-format-ignore: AllPublicDeclarationsHaveDocumentation
    public func list(prefix: String) async throws(TenantError) -> [String] {
        try ObjectKey.validatePrefix(prefix, store: description)
        return try await listAll(prefix: prefix)
    }

    /// Signs and sends one request; `fullKey` `nil` addresses the bucket.
    func send(
        method: HTTPMethod,
        fullKey: String?,
        query: [(name: String, value: String)] = [],
        headers: [(name: String, value: String)],
        body: [UInt8]? = nil,
        maxBodySize: Int,
        context: String
    ) async throws(TenantError) -> RemoteResponse {
        let address = configuration.address(forFullKey: fullKey)
        let signable = SigV4Request(
            method: method.rawValue,
            encodedPath: address.encodedPath,
            query: query,
            headers: [("host", address.host)] + headers,
            payloadSHA256: body.map(SigV4Signer.sha256Hex) ?? SigV4Request.emptyPayloadSHA256
        )
        let allHeaders: [(name: String, value: String)]
        if let credentials = configuration.credentials {
            allHeaders = SigV4Signer(credentials: credentials, region: configuration.region).sign(signable, at: clock())
        } else {
            allHeaders = signable.headers
        }
        var request = HTTPClientRequest(
            url: query.isEmpty ? address.url : address.url + "?" + signable.encodedQuery
        )
        request.method = method
        for (name, value) in allHeaders { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
        return try await RemoteExchange.perform(
            request,
            client: httpClient,
            timeout: configuration.limits.timeout,
            maxBodySize: maxBodySize,
            context: context
        )
    }

    /// The error for a failed answer, with the S3 error code and a hint for wrong regions.
    func error(for response: RemoteResponse, context: String) -> TenantError {
        let s3Error = S3ErrorResponse(body: response.body)
        var detail = s3Error?.summary
        let bucketRegion = response.headers.first(name: "x-amz-bucket-region") ?? s3Error?.region
        if let bucketRegion, bucketRegion != configuration.region {
            detail =
                (detail.map { $0 + "; " } ?? "")
                + "the bucket is in \(bucketRegion), not \(configuration.region): set AWS_REGION"
        }
        // Credential problems are refusals whatever the status (S3 sends 400 for bad or expired tokens).
        let refused = s3Error.map { Self.credentialErrorCodes.contains($0.code) } ?? false
        return StoreStatus.error(status: response.status, detail: detail, context: context, refused: refused)
    }

    /// S3 error codes that mean the credentials were refused.
    static let credentialErrorCodes: Set<String> = [
        "AccessDenied", "ExpiredToken", "InvalidAccessKeyId", "InvalidToken", "SignatureDoesNotMatch",
        "TokenRefreshRequired",
    ]
}
