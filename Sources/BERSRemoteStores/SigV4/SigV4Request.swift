/// The parts of an HTTP request that Signature Version 4 signs.
///
/// ```swift
/// var request = SigV4Request(method: "GET", encodedPath: "/test.txt", headers: [("host", "examplebucket.s3.amazonaws.com")])
/// ```
public struct SigV4Request: Sendable {
    /// The SHA-256 of an empty payload, in hex.
    public static let emptyPayloadSHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

    /// The HTTP method, upper case.
    public var method: String
    /// The path as sent on the request line, already URI-encoded (see ``SigV4Request/encodePath(_:)``).
    public var encodedPath: String
    /// The query parameters, not encoded; the signer encodes and sorts them.
    public var query: [(name: String, value: String)]
    /// The headers to sign, `host` among them; names are compared case-insensitively.
    public var headers: [(name: String, value: String)]
    /// The hex SHA-256 of the body, or `UNSIGNED-PAYLOAD`.
    public var payloadSHA256: String

    /// A request with these parts.
    ///
    /// - Parameters:
    ///   - method: The HTTP method.
    ///   - encodedPath: The URI-encoded path, starting with `/`.
    ///   - query: The query parameters, not encoded.
    ///   - headers: The headers to sign, `host` among them.
    ///   - payloadSHA256: The hex SHA-256 of the body (default: of an empty body).
    public init(
        method: String,
        encodedPath: String,
        query: [(name: String, value: String)] = [],
        headers: [(name: String, value: String)],
        payloadSHA256: String = SigV4Request.emptyPayloadSHA256
    ) {
        self.method = method
        self.encodedPath = encodedPath
        self.query = query
        self.headers = headers
        self.payloadSHA256 = payloadSHA256
    }

    /// Encodes a path as S3 expects it: each byte but `A-Z a-z 0-9 - . _ ~ /` as `%XX`.
    ///
    /// ```swift
    /// SigV4Request.encodePath("/test$file.text")  // "/test%24file.text"
    /// ```
    ///
    /// - Parameter path: The path, not encoded.
    /// - Returns: The encoded path.
    public static func encodePath(_ path: String) -> String {
        AWSURIEncoding.encodePath(path)
    }

    /// The query string as sent on the request line, with the same encoding the signature uses.
    public var encodedQuery: String {
        query.map { AWSURIEncoding.encodeQueryComponent($0.name) + "=" + AWSURIEncoding.encodeQueryComponent($0.value) }
            .joined(separator: "&")
    }
}
