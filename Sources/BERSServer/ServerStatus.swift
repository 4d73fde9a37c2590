import HTTPTypes

/// The HTTP status of each library error code.
enum ServerStatus {
    /// 404 for what does not exist, 400 for a malformed request, 502/503/504 for a failing
    /// store, 500 for a configuration that does not resolve or validate.
    static func of(code: String) -> HTTPResponse.Status {
        switch code {
        case "tenant.not-found", "config.unknown-environment", "config.missing-value", "serve.not-found":
            .notFound
        case "tenant.invalid-hash", "config.invalid-path", "config.invalid-environment-name", "serve.bad-request":
            .badRequest
        case "tenant.store-unavailable": .serviceUnavailable
        case "tenant.store-timeout": .gatewayTimeout
        case "tenant.store-forbidden", "tenant.store-bad-response", "tenant.malformed-document",
            "tenant.invalid-mapping", "tenant.too-large", "tenant.invalid-document":
            .badGateway
        default: .internalServerError
        }
    }
}
