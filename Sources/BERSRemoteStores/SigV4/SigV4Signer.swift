import Crypto

/// Signs requests with AWS Signature Version 4 (header-based authentication).
///
/// The signer builds the canonical request, the string to sign and the signing key, and returns
/// the headers to send: `x-amz-date`, `x-amz-content-sha256`, `x-amz-security-token` (for
/// temporary credentials) and `authorization`.
///
/// ```swift
/// let signer = SigV4Signer(credentials: credentials, region: "us-east-1")
/// let request = SigV4Request(method: "GET", encodedPath: "/test.txt", headers: [("host", "examplebucket.s3.amazonaws.com")])
/// let headers = signer.sign(request, at: .now())
/// ```
public struct SigV4Signer: Sendable {
    /// The key that signs.
    public var credentials: AWSCredentials
    /// The region of the credential scope (`us-east-1`).
    public var region: String
    /// The service of the credential scope (`s3`).
    public var service: String

    /// A signer for a region and service.
    ///
    /// - Parameters:
    ///   - credentials: The key that signs.
    ///   - region: The region of the credential scope.
    ///   - service: The service of the credential scope (default `s3`).
    public init(credentials: AWSCredentials, region: String, service: String = "s3") {
        self.credentials = credentials
        self.region = region
        self.service = service
    }

    /// Signs a request and returns every header to send: the request's own headers followed by
    /// `x-amz-date`, `x-amz-content-sha256`, `x-amz-security-token` (with a session token) and
    /// `authorization`.
    ///
    /// - Parameters:
    ///   - request: The request to sign; its headers must include `host`.
    ///   - time: The time of the request (`x-amz-date`).
    /// - Returns: The headers to send.
    public func sign(_ request: SigV4Request, at time: SigV4Timestamp) -> [(name: String, value: String)] {
        var signed = request
        signed.headers.append(("x-amz-date", time.amzDate))
        signed.headers.append(("x-amz-content-sha256", request.payloadSHA256))
        if let token = credentials.sessionToken {
            signed.headers.append(("x-amz-security-token", token))
        }
        let canonical = canonicalRequest(signed)
        let signature = self.signature(stringToSign: stringToSign(canonicalRequest: canonical.text, at: time), at: time)
        let authorization =
            "AWS4-HMAC-SHA256 Credential=\(credentials.accessKeyID)/\(scope(at: time)),"
            + "SignedHeaders=\(canonical.signedHeaders),Signature=\(signature)"
        signed.headers.append(("authorization", authorization))
        return signed.headers
    }

    /// The hex SHA-256 of a payload, for ``SigV4Request/payloadSHA256``.
    ///
    /// - Parameter payload: The body bytes.
    /// - Returns: The digest in lower-case hex.
    public static func sha256Hex(_ payload: [UInt8]) -> String {
        Hex.lowercase(SHA256.hash(data: payload))
    }

    // MARK: The steps, visible to tests

    /// The canonical request and its signed-header list.
    func canonicalRequest(_ request: SigV4Request) -> (text: String, signedHeaders: String) {
        var headers: [(name: String, value: String)] = []
        for (name, value) in request.headers {
            let lowered = name.lowercased()
            let trimmed = Self.normalizeHeaderValue(value)
            if let index = headers.firstIndex(where: { $0.name == lowered }) {
                headers[index].value += "," + trimmed
            } else {
                headers.append((lowered, trimmed))
            }
        }
        headers.sort { $0.name < $1.name }
        let signedHeaders = headers.map(\.name).joined(separator: ";")
        let canonicalHeaders = headers.map { "\($0.name):\($0.value)\n" }.joined()
        // Encoded names and values are ASCII, so String order is byte order, as required.
        var pairs: [(name: String, value: String)] = request.query.map { pair in
            (AWSURIEncoding.encodeQueryComponent(pair.name), AWSURIEncoding.encodeQueryComponent(pair.value))
        }
        pairs.sort { lhs, rhs in lhs.name == rhs.name ? lhs.value < rhs.value : lhs.name < rhs.name }
        let query = pairs.map { pair in pair.name + "=" + pair.value }.joined(separator: "&")
        let path = request.encodedPath.isEmpty ? "/" : request.encodedPath
        let text = [request.method, path, query, canonicalHeaders, signedHeaders, request.payloadSHA256]
            .joined(separator: "\n")
        return (text, signedHeaders)
    }

    /// `AWS4-HMAC-SHA256`, the time, the scope and the hash of the canonical request.
    func stringToSign(canonicalRequest: String, at time: SigV4Timestamp) -> String {
        "AWS4-HMAC-SHA256\n\(time.amzDate)\n\(scope(at: time))\n"
            + Hex.lowercase(SHA256.hash(data: Array(canonicalRequest.utf8)))
    }

    /// HMAC chain over `AWS4<secret>`, the date, the region, the service and `aws4_request`.
    func signingKey(at time: SigV4Timestamp) -> SymmetricKey {
        var key = SymmetricKey(data: Array("AWS4\(credentials.secretAccessKey)".utf8))
        for part in [time.dateStamp, region, service, "aws4_request"] {
            key = SymmetricKey(data: HMAC<SHA256>.authenticationCode(for: Array(part.utf8), using: key))
        }
        return key
    }

    /// The hex HMAC of the string to sign with the signing key.
    func signature(stringToSign: String, at time: SigV4Timestamp) -> String {
        Hex.lowercase(HMAC<SHA256>.authenticationCode(for: Array(stringToSign.utf8), using: signingKey(at: time)))
    }

    /// `YYYYMMDD/region/service/aws4_request`.
    func scope(at time: SigV4Timestamp) -> String {
        "\(time.dateStamp)/\(region)/\(service)/aws4_request"
    }

    /// Trims the value and collapses runs of spaces into one, as the canonical form requires.
    private static func normalizeHeaderValue(_ value: String) -> String {
        var output: [UInt8] = []
        var pendingSpace = false
        for byte in value.utf8 {
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
                pendingSpace = !output.isEmpty
            } else {
                if pendingSpace { output.append(UInt8(ascii: " ")) }
                pendingSpace = false
                output.append(byte)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
