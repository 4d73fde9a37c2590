/// The error document S3 sends with a failed request:
/// `<Error><Code>AccessDenied</Code><Message>Access Denied</Message>…</Error>`.
///
/// ```swift
/// let error = S3ErrorResponse(body: Array("<Error><Code>NoSuchKey</Code></Error>".utf8))
/// error?.code  // "NoSuchKey"
/// ```
public struct S3ErrorResponse: Sendable, Hashable {
    /// The S3 error code (`AccessDenied`, `NoSuchKey`, `SignatureDoesNotMatch`, `SlowDown`…).
    public var code: String
    /// The human-readable message, if any.
    public var message: String?
    /// The request id, for AWS support.
    public var requestID: String?
    /// The region the bucket is in, when S3 says the request went to the wrong one.
    public var region: String?

    /// Reads an error document.
    ///
    /// The initialiser fails when the body is not an S3 error document (no `<Error>` with a `<Code>`).
    ///
    /// - Parameter body: The response body.
    public init?(body: [UInt8]) {
        let xml = XMLText(body)
        guard xml.looksLikeXML, let errorRange = xml.elements("Error", in: 0..<body.count).first else { return nil }
        let inner = XMLText(Array(body[errorRange]))
        guard let code = inner.first("Code"), !code.isEmpty else { return nil }
        self.code = code
        self.message = inner.first("Message")
        self.requestID = inner.first("RequestId")
        self.region = inner.first("Region")
    }

    /// `AccessDenied: Access Denied`, for messages.
    public var summary: String {
        guard let message, !message.isEmpty else { return code }
        return "\(code): \(message)"
    }
}
