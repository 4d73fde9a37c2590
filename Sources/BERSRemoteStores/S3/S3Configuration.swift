import BERS

/// Where an ``S3TenantStore`` reads and writes: bucket, key prefix, region, endpoint, addressing
/// style, credentials and limits.
///
/// ```swift
/// // Real AWS, credentials and region from the standard variables:
/// let configuration = try S3Configuration(bucket: "myrecruiter-picasso", environment: ProcessInfo.processInfo.environment)
/// // An S3-compatible server on loopback:
/// let local = S3Configuration(
///     bucket: "picasso", region: "us-east-1",
///     endpoint: try HTTPEndpoint(parsing: "http://127.0.0.1:5000"),
///     credentials: AWSCredentials(accessKeyID: "test", secretAccessKey: "test"))
/// ```
public struct S3Configuration: Sendable, Hashable {
    /// How the bucket appears in request URLs.
    public enum AddressingStyle: Sendable, Hashable {
        /// `https://endpoint/bucket/key`: the default with an endpoint override or a bucket with dots.
        case path
        /// `https://bucket.endpoint/key`: the default for AWS.
        case virtualHosted
    }

    /// The bucket name (3 to 63 characters: lower-case letters, digits, `.` and `-`).
    public var bucket: String
    /// The prefix put before every key, empty or ending with `/` (`picasso/`).
    public var keyPrefix: String
    /// The region requests are signed for (`us-east-1`).
    public var region: String
    /// A server to use instead of AWS (`http://127.0.0.1:5000`, a MinIO, a VPC endpoint).
    public var endpoint: HTTPEndpoint?
    /// The addressing style; `nil` chooses: path-style with an ``endpoint`` or a bucket with dots,
    /// virtual-hosted otherwise.
    public var addressingStyle: AddressingStyle?
    /// The key that signs requests; `nil` sends them unsigned (public buckets only).
    public var credentials: AWSCredentials?
    /// Request timeout and size limit.
    public var limits: RemoteStoreLimits
    /// `max-keys` of each ListObjectsV2 page; `nil` leaves the server's default (1000).
    public var listPageSize: Int?

    /// A configuration with these values.
    ///
    /// Use ``validate()`` (or the store's initialiser) to check it.
    ///
    /// - Parameters:
    ///   - bucket: The bucket name.
    ///   - keyPrefix: A prefix put before every key; a missing trailing `/` is added.
    ///   - region: The signing region (default `us-east-1`).
    ///   - endpoint: A server to use instead of AWS.
    ///   - addressingStyle: Path or virtual-hosted; `nil` chooses.
    ///   - credentials: The key that signs requests; `nil` sends them unsigned.
    ///   - limits: Timeout and size limit.
    ///   - listPageSize: `max-keys` of each list page.
    public init(
        bucket: String,
        keyPrefix: String = "",
        region: String = "us-east-1",
        endpoint: HTTPEndpoint? = nil,
        addressingStyle: AddressingStyle? = nil,
        credentials: AWSCredentials? = nil,
        limits: RemoteStoreLimits = .default,
        listPageSize: Int? = nil
    ) {
        self.bucket = bucket
        self.keyPrefix = Self.normalizePrefix(keyPrefix)
        self.region = region
        self.endpoint = endpoint
        self.addressingStyle = addressingStyle
        self.credentials = credentials
        self.limits = limits
        self.listPageSize = listPageSize
    }

    /// The addressing style in effect.
    public var effectiveAddressingStyle: AddressingStyle {
        addressingStyle ?? (endpoint != nil || bucket.contains(".") ? .path : .virtualHosted)
    }

    /// `s3://bucket/prefix`, for messages.
    public var storeDescription: String {
        keyPrefix.isEmpty ? "s3://\(bucket)" : "s3://\(bucket)/\(keyPrefix.dropLast())"
    }

    /// Checks the bucket name, prefix, region, limits and page size.
    ///
    /// - Throws: ``TenantError`` `tenant.invalid-store` naming the bad setting.
    public func validate() throws(TenantError) {
        try Self.validateBucket(bucket)
        try ObjectKey.validatePrefix(keyPrefix, store: storeDescription, code: .invalidStore)
        guard !region.isEmpty, region.utf8.count <= 64,
            region.utf8.allSatisfy({ (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D })
        else {
            throw TenantError(
                .invalidStore,
                "The region \(ObjectKey.quote(region)) of \(storeDescription) is not a region name (us-east-1)."
            )
        }
        guard limits.maxObjectSize > 0, limits.timeout > .zero else {
            throw TenantError(
                .invalidStore,
                "The limits of \(storeDescription) must be positive (timeout and maximum object size)."
            )
        }
        if let listPageSize, !(1...1000).contains(listPageSize) {
            throw TenantError(
                .invalidStore,
                "The list page size of \(storeDescription) must be from 1 to 1000, not \(listPageSize)."
            )
        }
        if bucket.contains("."), effectiveAddressingStyle == .virtualHosted, endpoint?.scheme != "http" {
            throw TenantError(
                .invalidStore,
                "The bucket '\(bucket)' has dots, which TLS certificates of virtual-hosted addresses do not cover: use path-style addressing."
            )
        }
    }

    /// Checks an S3 bucket name: 3 to 63 characters, lower-case letters, digits, `.` and `-`,
    /// starting and ending with a letter or digit, no `..`, not an IPv4 address.
    static func validateBucket(_ bucket: String) throws(TenantError) {
        func fail(_ reason: String) -> TenantError {
            TenantError(.invalidStore, "The bucket name \(ObjectKey.quote(bucket)) is not valid: \(reason).")
        }
        let bytes = Array(bucket.utf8)
        guard (3...63).contains(bytes.count) else { throw fail("it must have 3 to 63 characters") }
        let isLetterOrDigit = { (byte: UInt8) in (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) }
        guard bytes.allSatisfy({ isLetterOrDigit($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") }) else {
            throw fail("only lower-case letters, digits, '.' and '-' are allowed")
        }
        guard let first = bytes.first, let last = bytes.last, isLetterOrDigit(first), isLetterOrDigit(last) else {
            throw fail("it must start and end with a letter or digit")
        }
        guard !bucket.contains("..") else { throw fail("it must not contain '..'") }
        let parts = bucket.split(separator: ".")
        if parts.count == 4, parts.allSatisfy({ UInt8($0) != nil }) {
            throw fail("it must not look like an IP address")
        }
    }

    /// `""` stays empty; anything else gets a trailing `/`, and leading slashes go.
    static func normalizePrefix(_ prefix: String) -> String {
        var text = Substring(prefix)
        while text.utf8.first == UInt8(ascii: "/") { text = Substring(text.utf8.dropFirst()) }
        guard !text.isEmpty else { return "" }
        return text.utf8.last == UInt8(ascii: "/") ? String(text) : text + "/"
    }
}
