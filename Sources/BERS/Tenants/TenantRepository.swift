import BERSJSON

/// Reads tenants through a store, following the real layout: `mappings/<hash>.json` holds
/// `{"tenant_id": …}`, whose configuration is `tenants/<id>/<id>-config.json`, falling back to the
/// legacy `tenants/<id>/config.json`.
///
/// Every answer is checked: a mapping must name a plain tenant id (never a path), and a document
/// that names another tenant hash or id is refused, so a broken mapping can never serve a wrong
/// tenant's document.
public struct TenantRepository: Sendable {
    /// The store.
    public let store: any TenantStore
    /// Largest document accepted, in bytes.
    public let maxBytes: Int

    /// A repository over `store`.
    public init(store: any TenantStore, maxBytes: Int = 1 << 20) {
        self.store = store
        self.maxBytes = maxBytes
    }

    /// The key of a hash's mapping.
    public static func mappingKey(_ hash: TenantHash) -> String { "mappings/\(hash.value).json" }
    /// The key of a tenant's configuration.
    public static func configKey(tenantID: String) -> String { "tenants/\(tenantID)/\(tenantID)-config.json" }
    /// The legacy key of a tenant's configuration.
    public static func legacyConfigKey(tenantID: String) -> String { "tenants/\(tenantID)/config.json" }

    /// Whether `id` is a plain tenant id: 1 to 64 characters of letters, digits, `_` and `-`,
    /// starting with a letter or digit.
    public static func isValidTenantID(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, id.utf8.count <= 64,
            first.properties.isASCIIHexDigit || first.isASCIILetter
        else {
            return false
        }
        return id.unicodeScalars.allSatisfy { $0.isASCIILetter || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" }
    }

    /// Loads the tenant's document.
    ///
    /// - Throws: ``TenantError`` `tenant.not-found` when there is no mapping or no configuration,
    ///   `tenant.invalid-mapping`, `tenant.malformed-document`, `tenant.invalid-document` (the
    ///   document names another tenant), `tenant.too-large`, or a store error.
    public func load(_ hash: TenantHash) async throws(TenantError) -> TenantDocument {
        let (tenantID, mapping) = try await mapping(of: hash)
        return try await loadConfiguration(hash: hash, tenantID: tenantID, mappingETag: mapping.etag)
    }

    /// The tenant id the mapping of `hash` names, and the mapping read, without reading the
    /// configuration (which may be missing or broken).
    ///
    /// - Throws: ``TenantError`` `tenant.not-found` when there is no mapping,
    ///   `tenant.invalid-mapping`, or a store error.
    func mapping(of hash: TenantHash) async throws(TenantError) -> (tenantID: String, object: StoredObject) {
        let mappingKey = Self.mappingKey(hash)
        guard case .found(let mapping) = try await store.get(mappingKey) else {
            throw TenantError(
                .notFound,
                "no tenant has hash \(hash.value) (\(store.description)/\(mappingKey) does not exist)"
            )
        }
        return (try parseMapping(mapping, key: mappingKey, hash: hash), mapping)
    }

    /// Checks a cached document against the store with conditional reads.
    ///
    /// - Returns: `nil` when the mapping and the configuration are unchanged, else the new document.
    public func revalidate(_ cached: TenantDocument) async throws(TenantError) -> TenantDocument? {
        let mappingKey = Self.mappingKey(cached.hash)
        switch try await store.get(mappingKey, ifNoneMatch: cached.mappingETag) {
        case .notFound:
            throw TenantError(
                .notFound,
                "no tenant has hash \(cached.hash.value) any more (\(store.description)/\(mappingKey) was removed)"
            )
        case .found(let mapping):
            let tenantID = try parseMapping(mapping, key: mappingKey, hash: cached.hash)
            if tenantID != cached.tenantID || mapping.etag == nil {
                return try await loadConfiguration(hash: cached.hash, tenantID: tenantID, mappingETag: mapping.etag)
            }
            return try await revalidateConfiguration(cached, mappingETag: mapping.etag)
        case .notModified:
            return try await revalidateConfiguration(cached, mappingETag: cached.mappingETag)
        }
    }

    /// Every tenant of the store: each hash with a mapping, and the tenant id its mapping names
    /// (mappings that are malformed or leave `tenants/` are left out).
    public func listTenants(policy: TenantHashPolicy = .default) async throws(TenantError) -> [(
        hash: TenantHash, tenantID: String
    )] {
        var tenants: [(hash: TenantHash, tenantID: String)] = []
        for hash in try await listHashes(policy: policy) {
            let key = Self.mappingKey(hash)
            guard case .found(let mapping) = try await store.get(key),
                let id = try? parseMapping(mapping, key: key, hash: hash)
            else {
                continue
            }
            tenants.append((hash, id))
        }
        return tenants
    }

    /// The hashes that have mappings.
    public func listHashes(policy: TenantHashPolicy = .default) async throws(TenantError) -> [TenantHash] {
        try await store.list(prefix: "mappings/")
            .compactMap { key in
                guard key.hasSuffix(".json") else { return nil }
                let name = String(key.dropFirst("mappings/".count).dropLast(".json".count))
                return try? TenantHash(name, policy: policy)
            }
    }

    private func revalidateConfiguration(_ cached: TenantDocument, mappingETag: String?) async throws(TenantError)
        -> TenantDocument?
    {
        // A document read from the legacy key is replaced as soon as the primary key exists.
        let primary = Self.configKey(tenantID: cached.tenantID)
        if cached.key != primary, case .found(let object) = try await store.get(primary) {
            return try makeDocument(
                object,
                hash: cached.hash,
                tenantID: cached.tenantID,
                key: primary,
                mappingETag: mappingETag
            )
        }
        switch try await store.get(cached.key, ifNoneMatch: cached.etag) {
        case .notModified:
            guard mappingETag != cached.mappingETag else { return nil }
            return TenantDocument(
                hash: cached.hash,
                tenantID: cached.tenantID,
                key: cached.key,
                document: cached.document,
                etag: cached.etag,
                version: cached.version,
                mappingETag: mappingETag
            )
        case .found(let object):
            if object.etag != nil, object.etag == cached.etag, mappingETag == cached.mappingETag { return nil }
            return try makeDocument(
                object,
                hash: cached.hash,
                tenantID: cached.tenantID,
                key: cached.key,
                mappingETag: mappingETag
            )
        case .notFound:
            return try await loadConfiguration(hash: cached.hash, tenantID: cached.tenantID, mappingETag: mappingETag)
        }
    }

    private func loadConfiguration(hash: TenantHash, tenantID: String, mappingETag: String?) async throws(TenantError)
        -> TenantDocument
    {
        for key in [Self.configKey(tenantID: tenantID), Self.legacyConfigKey(tenantID: tenantID)] {
            if case .found(let object) = try await store.get(key) {
                return try makeDocument(object, hash: hash, tenantID: tenantID, key: key, mappingETag: mappingETag)
            }
        }
        throw TenantError(
            .notFound,
            "tenant \(tenantID) (hash \(hash.value)) has no configuration at \(store.description)/\(Self.configKey(tenantID: tenantID)) or the legacy \(Self.legacyConfigKey(tenantID: tenantID))"
        )
    }

    private func parseMapping(_ object: StoredObject, key: String, hash: TenantHash) throws(TenantError) -> String {
        let file = "\(store.description)/\(key)"
        guard object.bytes.count <= 64 * 1024 else {
            throw TenantError(.tooLarge, "\(file) is \(object.bytes.count) bytes, too large for a mapping")
        }
        let document: JSONDocument
        do {
            document = try JSONParser(options: .init(maxDepth: 16, maxBytes: 64 * 1024)).parse(object.bytes, file: file)
        } catch {
            throw TenantError(
                .invalidMapping,
                "mapping for \(hash.value) is not JSON: \(error.message)",
                location: error.location,
                underlying: error
            )
        }
        guard case .string(let tenantID)? = document.value["tenant_id"] else {
            throw TenantError(
                .invalidMapping,
                "mapping for \(hash.value) has no \"tenant_id\" string",
                location: document.location(ofNode: 0)
            )
        }
        guard Self.isValidTenantID(tenantID) else {
            throw TenantError(
                .invalidMapping,
                "mapping for \(hash.value) names tenant_id \(JSONValue.string(tenantID).jsonText), which is not a plain id and would point outside tenants/",
                location: document.location(of: "/tenant_id")
            )
        }
        return tenantID
    }

    private func makeDocument(
        _ object: StoredObject,
        hash: TenantHash,
        tenantID: String,
        key: String,
        mappingETag: String?
    ) throws(TenantError) -> TenantDocument {
        let file = "\(store.description)/\(key)"
        guard object.bytes.count <= maxBytes else {
            throw TenantError(.tooLarge, "\(file) is \(object.bytes.count) bytes, more than the limit of \(maxBytes)")
        }
        let document: JSONDocument
        do {
            document = try JSONParser(options: .init(maxBytes: maxBytes)).parse(object.bytes, file: file)
        } catch {
            throw TenantError(
                .malformedDocument,
                "tenant \(tenantID): \(error.message)",
                location: error.location,
                underlying: error
            )
        }
        guard case .object = document.value else {
            throw TenantError(
                .malformedDocument,
                "tenant \(tenantID): the document must be an object, found \(document.value.typeName)",
                location: document.location(ofNode: 0)
            )
        }
        if case .string(let named)? = document.value["tenant_hash"], named != hash.value {
            throw TenantError(
                .invalidDocument,
                "\(file) is for tenant hash \(named), not \(hash.value); refusing to serve it",
                location: document.location(of: "/tenant_hash")
            )
        }
        if case .string(let named)? = document.value["tenant_id"], named != tenantID {
            throw TenantError(
                .invalidDocument,
                "\(file) is for tenant \(named), not \(tenantID); refusing to serve it",
                location: document.location(of: "/tenant_id")
            )
        }
        return TenantDocument(
            hash: hash,
            tenantID: tenantID,
            key: key,
            document: document,
            etag: object.etag,
            version: object.version,
            mappingETag: mappingETag
        )
    }
}
