/// An object store holding tenant configurations in the real bucket layout:
/// `mappings/<hash>.json`, `tenants/<id>/<id>-config.json` (legacy `tenants/<id>/config.json`).
///
/// Stores are dumb: they get, put and list objects by key. ``TenantRepository`` walks the layout,
/// and ``TenantCache`` keeps what was read. Keys are relative to the store's root (its directory,
/// bucket prefix or base URL) and use `/` separators.
///
/// Implementations: ``FileSystemTenantStore`` (`file://DIR`), and in `BERSRemoteStores` the S3
/// store (`s3://bucket/prefix`) and the HTTP store (`https://host/prefix`).
public protocol TenantStore: Sendable {
    /// Reads the object at `key`. With `ifNoneMatch`, a store that supports conditional reads
    /// answers ``StoreResponse/notModified`` when the object still has that entity tag.
    ///
    /// - Throws: ``TenantError`` (`tenant.store-unavailable`, `tenant.store-timeout`,
    ///   `tenant.store-forbidden`, `tenant.store-bad-response`, `tenant.too-large`).
    func get(_ key: String, ifNoneMatch etag: String?) async throws(TenantError) -> StoreResponse

    /// Writes `bytes` at `key` atomically when `condition` holds, and returns the new entity tag,
    /// if the store has them.
    ///
    /// - Throws: ``TenantError`` `tenant.conflict` when the condition does not hold (someone else
    ///   wrote in between); on any failure nothing is written.
    func put(_ key: String, _ bytes: [UInt8], contentType: String, condition: StoreWriteCondition)
        async throws(TenantError) -> String?

    /// Writes `bytes`, read from the object at `source`, at `key` where nothing is yet (a
    /// backup); a store with access modes gives it `source`'s, so that a backup is no easier
    /// to read than its document. The default is ``put(_:_:contentType:condition:)`` with
    /// ``StoreWriteCondition/ifAbsent``.
    ///
    /// - Throws: ``TenantError`` `tenant.conflict` when something is at `key`; on any failure
    ///   nothing is written.
    func putCopy(_ key: String, _ bytes: [UInt8], of source: String) async throws(TenantError) -> String?

    /// The keys under `prefix`, sorted.
    func list(prefix: String) async throws(TenantError) -> [String]

    /// A short description for messages and metrics labels (`file:///srv/tenants`, `s3://bucket/prefix`).
    var description: String { get }
}

extension TenantStore {
    /// Reads the object at `key` unconditionally.
    public func get(_ key: String) async throws(TenantError) -> StoreResponse {
        try await get(key, ifNoneMatch: nil)
    }

    /// Writes `bytes` at `key` where nothing is yet (a store without access modes).
    public func putCopy(_ key: String, _ bytes: [UInt8], of source: String) async throws(TenantError) -> String? {
        try await put(key, bytes, contentType: "application/json", condition: .ifAbsent)
    }

    /// Writes `bytes` at `key` atomically, whatever is there.
    public func put(_ key: String, _ bytes: [UInt8], contentType: String) async throws(TenantError) -> String? {
        try await put(key, bytes, contentType: contentType, condition: .unconditional)
    }
}
