import BERS
import BERSJSON
import HTTPTypes
import NIOCore

/// A response rendered to bytes, with its strong entity tag: what the server keeps per
/// generation and route so that a repeated request costs a lookup, not a serialization.
struct RenderedResponse: Sendable {
    /// The status.
    let status: HTTPResponse.Status
    /// `Content-Type`, `ETag` (200 only), `Cache-Control` and route-specific headers.
    let headers: HTTPFields
    /// The body.
    let body: ByteBuffer
    /// The entity tag, quoted (`"…"`), of a 200 response.
    let etag: String?

    /// A JSON response; a 200 gets a strong `ETag` (the SHA-256 of the exact bytes) and
    /// `cacheControl`, an error gets `no-store`.
    static func json(
        _ value: JSONValue,
        status: HTTPResponse.Status = .ok,
        cacheControl: String,
        extraHeaders: HTTPFields = [:]
    ) -> RenderedResponse {
        let bytes = JSONSerializer(style: .compact).bytes(value)
        var headers: HTTPFields = [.contentType: "application/json"]
        var etag: String?
        if status == .ok {
            let tag = "\"" + String(BERSDigest.sha256Hex(bytes).prefix(32)) + "\""
            headers[.eTag] = tag
            headers[.cacheControl] = cacheControl
            etag = tag
        } else {
            headers[.cacheControl] = "no-store"
        }
        headers.append(contentsOf: extraHeaders)
        return RenderedResponse(status: status, headers: headers, body: ByteBuffer(bytes: bytes), etag: etag)
    }

    /// Plain text (the Prometheus exposition format) with its entity tag, never stored by clients.
    static func text(_ bytes: [UInt8], contentType: String) -> RenderedResponse {
        let tag = "\"" + String(BERSDigest.sha256Hex(bytes).prefix(32)) + "\""
        return RenderedResponse(
            status: .ok,
            headers: [.contentType: contentType, .eTag: tag, .cacheControl: "no-store"],
            body: ByteBuffer(bytes: bytes),
            etag: tag
        )
    }

    /// `{"error": {"code", "message", "location"?, "details"?}}` with `status`.
    static func error(
        _ status: HTTPResponse.Status,
        code: String,
        message: String,
        location: String? = nil,
        details: [String] = [],
        extraHeaders: HTTPFields = [:]
    ) -> RenderedResponse {
        var object: JSONObject = ["code": .string(code), "message": .string(message)]
        if let location { object["location"] = .string(location) }
        if !details.isEmpty { object["details"] = .array(details.map(JSONValue.string)) }
        return json(["error": .object(object)], status: status, cacheControl: "no-store", extraHeaders: extraHeaders)
    }

    /// The error response of a library error, with the status its code calls for.
    static func error(_ error: any Error) -> RenderedResponse {
        guard let error = error as? any BERSError else {
            return Self.error(.internalServerError, code: "serve.internal", message: "\(error)")
        }
        return Self.error(
            ServerStatus.of(code: error.code.rawValue),
            code: error.code.rawValue,
            message: error.message,
            location: error.location?.description,
            details: error.details
        )
    }
}
