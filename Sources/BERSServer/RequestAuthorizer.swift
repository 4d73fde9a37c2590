import BERS
import HTTPTypes

/// Checks bearer tokens against the tokens file: 401 without a known token, 403 when its scopes
/// do not cover the route.
///
/// Every `/v1/*` path needs a token, known route or not.
struct RequestAuthorizer: Sendable {
    /// The accepted tokens; `nil`: every route is open.
    let tokens: AccessTokens?

    /// What the request may not do, as a response (`nil` when it is allowed), and the token that
    /// authorized it.
    ///
    /// - Parameters:
    ///   - route: The route asked for.
    ///   - path: The request's path (an unknown `/v1/*` path needs a token too).
    ///   - authorization: The `Authorization` header.
    ///   - servedEnvironment: The environment of a tenant route without `env`.
    func check(_ route: ServerRoute, path: String, authorization: String?, servedEnvironment: String)
        -> (refusal: RenderedResponse?, entry: AccessTokens.Entry?)
    {
        guard let tokens, !route.isPublic || path.hasPrefix("/v1/") else { return (nil, nil) }
        guard let token = Self.bearerToken(authorization), let entry = tokens.entry(for: token) else {
            let refusal = RenderedResponse.error(
                .unauthorized,
                code: "serve.unauthorized",
                message: "this route needs Authorization: Bearer <token> with a token of the tokens file",
                extraHeaders: [.wwwAuthenticate: "Bearer"]
            )
            return (refusal, nil)
        }
        let needed = Self.neededScopes(route, servedEnvironment: servedEnvironment)
        if let missing = needed.first(where: { !Self.holds(entry, $0) }) {
            let refusal = RenderedResponse.error(
                .forbidden,
                code: "serve.forbidden",
                message: "token \"\(entry.name)\" lacks the scope \(missing)"
            )
            return (refusal, entry)
        }
        return (nil, entry)
    }

    /// The token of `Bearer <token>` (the scheme's case does not matter).
    private static func bearerToken(_ authorization: String?) -> String? {
        guard let authorization, authorization.count > 7, authorization.prefix(7).lowercased() == "bearer " else {
            return nil
        }
        return String(authorization.dropFirst(7))
    }

    /// What the route needs, as scope texts: `config:read:*` stands for any `config:read` scope.
    private static func neededScopes(_ route: ServerRoute, servedEnvironment: String) -> [String] {
        switch route {
        case .config(let environment, _, _): [AccessScope.configRead(environment: environment).description]
        case .tenant(let hash, let environment):
            [
                AccessScope.tenantRead(hash: hash).description,
                AccessScope.configRead(environment: environment ?? servedEnvironment).description,
            ]
        case .metrics: [AccessScope.metricsRead.description]
        // A refused query of the config route: the same callers learn why (others get 401/403).
        case .environments, .status, .invalidParameter: ["config:read:*"]
        case .notFound, .methodNotAllowed, .preflight, .healthz, .readyz, .legacy: []
        case .reload, .invalidate: [AccessScope.admin.description]
        }
    }

    /// Whether `entry` holds `needed`; `config:read:*` is held by any `config:read` scope.
    private static func holds(_ entry: AccessTokens.Entry, _ needed: String) -> Bool {
        if needed == "config:read:*" {
            return entry.scopes.contains {
                if case .configRead = $0 { return true }
                return $0 == .admin
            }
        }
        guard let scope = AccessScope(needed) else { return false }
        return entry.allows(scope)
    }
}
