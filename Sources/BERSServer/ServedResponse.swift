import HTTPTypes
import NIOCore

/// The response to write: a rendered response after conditional requests, `HEAD` and CORS.
struct ServedResponse: Sendable {
    /// The status.
    let status: HTTPResponse.Status
    /// Every header, `Content-Length` included.
    let headers: HTTPFields
    /// The body (empty for `HEAD` and 304).
    let body: ByteBuffer

    /// `rendered` as the answer to a request with these `requestHeaders` and `method`: 304 when
    /// `If-None-Match` names its entity tag, no body for `HEAD`, and the CORS headers (each set
    /// once: a preflight's own `Access-Control-Allow-Origin` and `Vary` are not repeated).
    init(_ rendered: RenderedResponse, method: String, requestHeaders: HTTPFields, cors: HTTPFields) {
        var headers = rendered.headers
        for field in cors { headers[field.name] = field.value }
        if let etag = rendered.etag, let condition = requestHeaders[.ifNoneMatch],
            Self.matches(condition, etag: etag)
        {
            headers[.contentType] = nil
            status = .notModified
            self.headers = headers
            body = ByteBuffer()
            return
        }
        headers[.contentLength] = String(rendered.body.readableBytes)
        status = rendered.status
        self.headers = headers
        body = method == "HEAD" ? ByteBuffer() : rendered.body
    }

    /// Whether an `If-None-Match` value (`*` or a list of tags, weak or strong) names `etag`;
    /// the comparison is weak, as RFC 9110 requires for `If-None-Match`.
    static func matches(_ condition: String, etag: String) -> Bool {
        condition.split(separator: ",")
            .contains { candidate in
                var tag = candidate.drop { $0 == " " || $0 == "\t" }
                while tag.last == " " || tag.last == "\t" { tag = tag.dropLast() }
                if tag.hasPrefix("W/") { tag = tag.dropFirst(2) }
                return tag == "*" || tag == etag
            }
    }
}
