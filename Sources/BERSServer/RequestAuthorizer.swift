import BERS
import HTTPTypes

/// Checks bearer tokens against the tokens file: 401 without a known token, 403 when its scopes
/// do not cover the route.
struct RequestAuthorizer: Sendable {
    /// The accepted tokens; `nil`: every route is open.
    let tokens: AccessTokens?

    /// What the request may not do, as a response, or `nil` when it is allowed; `holder` is the
    /// token's name, for the access log.
    func refusal(for route: ServerRoute, authorization: String?) -> (refusal: RenderedResponse?, holder: String?) {
        guard let tokens, !route.isPublic else { return (nil, nil) }
        guard let authorization, authorization.hasPrefix("Bearer "),
            let entry = tokens.entry(for: String(authorization.dropFirst("Bearer ".count)))
        else {
            var response = RenderedResponse.error(
                .unauthorized,
                code: "serve.unauthorized",
                message: "this route needs Authorization: Bearer <token> with a token of the tokens file"
            )
            var headers = response.headers
            headers[.wwwAuthenticate] = "Bearer"
            response = RenderedResponse(status: response.status, headers: headers, body: response.body, etag: nil)
            return (response, nil)
        }
        guard Self.allows(entry, route) else {
            let needed = Self.neededScope(route)
            return (
                .error(
                    .forbidden,
                    code: "serve.forbidden",
                    message: "token \"\(entry.name)\" lacks the scope \(needed)"
                ),
                entry.name
            )
        }
        return (nil, entry.name)
    }

    private static func allows(_ entry: AccessTokens.Entry, _ route: ServerRoute) -> Bool {
        switch route {
        case .config(let environment, _, _): entry.allows(.configRead(environment: environment))
        case .tenant(let hash, _): entry.allows(.tenantRead(hash: hash))
        case .metrics: entry.allows(.metricsRead)
        case .environments, .status:
            entry.scopes.contains {
                if case .configRead = $0 { return true }
                return $0 == .admin
            }
        default: entry.allows(.admin)
        }
    }

    /// The scope to name in a 403.
    private static func neededScope(_ route: ServerRoute) -> String {
        switch route {
        case .config(let environment, _, _): AccessScope.configRead(environment: environment).description
        case .tenant: "tenant:read:<hash>"
        case .metrics: AccessScope.metricsRead.description
        case .environments, .status: "config:read:<env|*>"
        default: AccessScope.admin.description
        }
    }
}
