/// An object read from a store.
public struct StoredObject: Sendable, Hashable {
    /// The bytes.
    public var bytes: [UInt8]
    /// The entity tag (S3 `ETag`, HTTP `ETag`, or a content hash for files), quotes included.
    public var etag: String?
    /// The store's version id, when it versions objects (S3 `x-amz-version-id`).
    public var version: String?

    /// An object with these fields.
    public init(bytes: [UInt8], etag: String? = nil, version: String? = nil) {
        self.bytes = bytes
        self.etag = etag
        self.version = version
    }
}
