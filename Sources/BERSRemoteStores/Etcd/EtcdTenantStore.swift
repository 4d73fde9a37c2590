import AsyncHTTPClient
import BERS
import BERSJSON

/// A ``TenantStore`` in etcd (v3, through its JSON gateway): the bucket layout under a key prefix
/// (`<prefix>mappings/<hash>.json`, `<prefix>tenants/<id>/<id>-config.json`, and the environment
/// layers under `<prefix>config/`).
///
/// An object's entity tag is its key's `mod_revision`. Conditional writes are transactions:
/// ``StoreWriteCondition/ifMatch(_:)`` compares `mod_revision`, ``StoreWriteCondition/ifAbsent``
/// compares `create_revision` with 0, so no update is ever lost. Reads go to the endpoint that
/// last answered, then to the others.
///
/// ```swift
/// let store = try EtcdTenantStore(url: "etcd://127.0.0.1:2379/picasso", httpClient: client)
/// _ = try await store.put("mappings/my87674d777bf9.json", bytes, contentType: "application/json",
///                         condition: .ifAbsent)
/// ```
public struct EtcdTenantStore: TenantStore {
    /// The cluster and the key prefix.
    public var address: EtcdAddress { client.address }
    let client: EtcdClient

    /// A store at `address`; the caller owns `httpClient`.
    public init(address: EtcdAddress, httpClient: HTTPClient, limits: RemoteStoreLimits = .default) {
        client = EtcdClient(address: address, httpClient: httpClient, limits: limits)
    }

    /// A store at an `etcd://` URL.
    ///
    /// - Throws: ``TenantError`` `tenant.invalid-store` for a malformed URL.
    public init(url: String, httpClient: HTTPClient, limits: RemoteStoreLimits = .default) throws(TenantError) {
        self.init(address: try EtcdAddress(parsing: url), httpClient: httpClient, limits: limits)
    }

    // swift-format-ignore: AllPublicDeclarationsHaveDocumentation
    public var description: String { address.description }

    // swift-format-ignore: AllPublicDeclarationsHaveDocumentation
    public func get(_ key: String, ifNoneMatch etag: String?) async throws(TenantError) -> StoreResponse {
        try ObjectKey.validate(key, store: description)
        let context = "GET \(ObjectKey.quote(key)) from \(description)"
        let maxSize = client.limits.maxObjectSize
        let page = try await client.range(
            Array((address.keyPrefix + key).utf8),
            maxBodySize: maxSize * 4 / 3 + 65_536,
            context: context
        )
        guard let found = page.keyValues.first else { return .notFound }
        let tag = Self.etag(found.modRevision)
        if tag == etag { return .notModified }
        try client.limits.checkSize(found.value.count, context: context)
        return .found(StoredObject(bytes: found.value, etag: tag, version: String(found.modRevision)))
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
        try client.limits.checkSize(bytes.count, context: context)
        let fullKey = EtcdJSON.base64(address.keyPrefix + key)
        let compare = try Self.comparison(condition, key: fullKey, context: context)
        let put: JSONValue = ["request_put": ["key": fullKey, "value": EtcdJSON.base64(bytes)]]
        let succeeded: Bool
        let revision: Int64
        do {
            (succeeded, revision) = try await client.transaction(
                compare: compare.map { [$0] } ?? [],
                success: [put],
                context: context
            )
        } catch  where error.code == .storeTimeout || error.code == .storeUnavailable {
            // The answer was lost, not necessarily the write: the key holds these bytes or not.
            if case .found(let object)? = try? await get(key, ifNoneMatch: nil), object.bytes == bytes {
                return object.etag
            }
            throw error
        }
        guard succeeded else {
            let reason =
                if case .ifMatch(let etag) = condition {
                    "the object changed or was removed since it was read (expected entity tag \(etag))"
                } else {
                    "the object already exists"
                }
            throw TenantError(.conflict, "\(context): \(reason); nothing was written")
        }
        return Self.etag(revision)
    }

    // swift-format-ignore: AllPublicDeclarationsHaveDocumentation
    public func list(prefix: String) async throws(TenantError) -> [String] {
        try ObjectKey.validatePrefix(prefix, store: description)
        let (keyValues, _) = try await client.rangeAll(
            prefix: address.keyPrefix + prefix,
            keysOnly: true,
            context: "LIST \(ObjectKey.quote(prefix)) in \(description)"
        )
        return keyValues.map { String($0.key.dropFirst(address.keyPrefix.count)) }.sorted()
    }

    /// The entity tag of a revision: `"<revision>"`, quoted as HTTP entity tags are.
    static func etag(_ revision: Int64) -> String { "\"\(revision)\"" }

    /// The transaction comparison for `condition`, `nil` for an unconditional write.
    private static func comparison(
        _ condition: StoreWriteCondition,
        key: JSONValue,
        context: String
    ) throws(TenantError) -> JSONValue? {
        switch condition {
        case .unconditional:
            return nil
        case .ifAbsent:
            return ["key": key, "target": "CREATE", "result": "EQUAL", "create_revision": "0"]
        case .ifMatch(let etag):
            let digits = etag.filter { $0 != "\"" }
            guard let revision = Int64(digits), revision > 0 else {
                throw TenantError(
                    .conflict,
                    "\(context): the entity tag \(etag) is not an etcd revision, so the object cannot have it; nothing was written"
                )
            }
            return ["key": key, "target": "MOD", "result": "EQUAL", "mod_revision": .string(String(revision))]
        }
    }
}
