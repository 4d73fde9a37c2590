import BERS

/// A remote store named by URL: `s3://bucket/prefix`, `https://host/prefix` (`http://` for
/// loopback hosts), or `etcd://host:port[,host:port]/prefix`.
///
/// ```swift
/// let url = try RemoteStoreURL(parsing: "s3://myrecruiter-picasso/staging")
/// // .s3(bucket: "myrecruiter-picasso", keyPrefix: "staging/")
/// ```
public enum RemoteStoreURL: Sendable, Hashable {
    /// An S3 bucket and a key prefix (empty or ending with `/`).
    case s3(bucket: String, keyPrefix: String)
    /// An HTTP(S) base URL.
    case http(HTTPEndpoint)
    /// An etcd cluster and a key prefix.
    case etcd(EtcdAddress)

    /// Parses a store URL.
    ///
    /// - Parameter text: `s3://bucket[/prefix]`, `https://host[:port][/path]` or
    ///   `http://localhost[:port][/path]`.
    /// - Throws: ``TenantError`` `tenant.invalid-store` saying what is wrong: an unknown scheme,
    ///   `file://` (made by the core's file-system store), a bad bucket name, a query or fragment,
    ///   `http://` to a remote host, a `..` segment.
    public init(parsing text: String) throws(TenantError) {
        let lowered = text.lowercased()
        if lowered.hasPrefix("s3://") {
            let rest = text.dropFirst(5)
            func fail(_ reason: String) -> TenantError {
                TenantError(.invalidStore, "The URL \(ObjectKey.quote(text)) is not a valid store URL: \(reason).")
            }
            guard !rest.contains("?") else { throw fail("query strings are not supported") }
            guard !rest.contains("#") else { throw fail("fragments are not supported") }
            let bucket = String(rest.prefix { $0 != "/" })
            guard !bucket.isEmpty else { throw fail("the bucket name is empty (s3://bucket/prefix)") }
            try S3Configuration.validateBucket(bucket)
            let prefix = S3Configuration.normalizePrefix(String(rest.dropFirst(bucket.count)))
            try ObjectKey.validatePrefix(prefix, store: "s3://\(bucket)", code: .invalidStore)
            self = .s3(bucket: bucket, keyPrefix: prefix)
        } else if lowered.hasPrefix("etcd://") || lowered.hasPrefix("etcds://") {
            self = .etcd(try EtcdAddress(parsing: text))
        } else if lowered.hasPrefix("https://") || lowered.hasPrefix("http://") {
            self = .http(try HTTPEndpoint(parsing: text))
        } else if lowered.hasPrefix("file://") {
            throw TenantError(
                .invalidStore,
                "The URL \(ObjectKey.quote(text)) names a directory: file:// stores are FileSystemTenantStore, in BERS, not remote stores."
            )
        } else {
            throw TenantError(
                .invalidStore,
                "The URL \(ObjectKey.quote(text)) is not a store URL: use s3://bucket/prefix, https://host/prefix, etcd://host:port/prefix or file://DIR."
            )
        }
    }
}
