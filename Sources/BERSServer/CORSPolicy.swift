import HTTPTypes

/// Which browser origins may read responses: only those listed are echoed in
/// `Access-Control-Allow-Origin`, never `*` unless `*` itself is listed.
struct CORSPolicy: Sendable {
    /// The allowed origins, as configured.
    let allowedOrigins: Set<String>

    /// Whether any origin is configured (responses then vary by `Origin`).
    var isEnabled: Bool { !allowedOrigins.isEmpty }

    /// The `Access-Control-Allow-Origin` value for a request from `origin`, or `nil`.
    func allowOrigin(for origin: String?) -> String? {
        guard let origin else { return nil }
        if allowedOrigins.contains(origin) { return origin }
        return allowedOrigins.contains("*") ? "*" : nil
    }

    /// The CORS headers of an actual (non-preflight) response.
    func headers(for origin: String?) -> HTTPFields {
        var headers: HTTPFields = [:]
        guard isEnabled else { return headers }
        headers[.vary] = "Origin"
        if let allowed = allowOrigin(for: origin) {
            headers[.accessControlAllowOrigin] = allowed
            headers[.accessControlExposeHeaders] = "ETag, BERS-Generation"
        }
        return headers
    }

    /// The answer to a preflight (`OPTIONS` with `Access-Control-Request-Method`): 204 with the
    /// allowed methods and headers for an allowed origin, 403 otherwise.
    func preflight(origin: String?) -> RenderedResponse {
        guard let allowed = allowOrigin(for: origin) else {
            return .error(
                .forbidden,
                code: "serve.origin-not-allowed",
                message: "origin \(origin ?? "(none)") is not in serve.allow-origins"
            )
        }
        let headers: HTTPFields = [
            .accessControlAllowOrigin: allowed,
            .accessControlAllowMethods: "GET, HEAD, POST",
            .accessControlAllowHeaders: "Authorization, If-None-Match, Content-Type",
            .accessControlMaxAge: "600",
            .vary: "Origin",
        ]
        return RenderedResponse(status: .noContent, headers: headers, body: .init(), etag: nil)
    }
}
