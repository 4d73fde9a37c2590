import BERSJSON

/// A tenant's configuration document as read from a store, with where it came from.
public struct TenantDocument: Sendable {
    /// The tenant hash it was requested for.
    public let hash: TenantHash
    /// The tenant id the mapping named.
    public let tenantID: String
    /// The key of the configuration object (`tenants/<id>/<id>-config.json`).
    public let key: String
    /// The parsed document; its file is `<store>/<key>`, so positions print as locations.
    public let document: JSONDocument
    /// Entity tag of the configuration object.
    public let etag: String?
    /// Store version of the configuration object.
    public let version: String?
    /// Entity tag of the mapping object.
    public let mappingETag: String?

    /// A document with these fields.
    public init(
        hash: TenantHash,
        tenantID: String,
        key: String,
        document: JSONDocument,
        etag: String?,
        version: String?,
        mappingETag: String?
    ) {
        self.hash = hash
        self.tenantID = tenantID
        self.key = key
        self.document = document
        self.etag = etag
        self.version = version
        self.mappingETag = mappingETag
    }

    /// The document's value.
    public var value: JSONValue { document.value }
}
