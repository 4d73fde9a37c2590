import HTTPTypes

/// A request as the server's routes see it, independent of the HTTP framework.
struct ServerRequest: Sendable {
    /// The method: `GET`, `HEAD`, `POST`, `OPTIONS`.
    let method: String
    /// The path, percent-decoded.
    let path: String
    /// The query parameters, percent-decoded, in order.
    let query: [(String, String)]
    /// The header fields.
    let headers: HTTPFields
}
