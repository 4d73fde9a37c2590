import BERS
import BERSJSON
import HTTPTypes
import Prometheus

/// Answers requests: limits, CORS preflight, authorization, then the route.
struct RequestHandler: Sendable {
    /// The environments served.
    let environments: ServedEnvironments
    /// The server's options.
    let options: ConfigServer.Options
    /// Where `/metrics` comes from.
    let registry: PrometheusCollectorRegistry
    let cors: CORSPolicy
    let authorizer: RequestAuthorizer
    /// The responses of the fast path (tenant ones are dropped by `invalidate`).
    let hot: HotResponses

    /// What a request got, for the access log and the fast path.
    struct Handled: Sendable {
        let answer: RouteAnswer
        let route: ServerRoute
        /// The name of the token that authorized it.
        let holder: String?
    }

    /// The answer to `request` before conditional requests and `HEAD`; `bodyTooLarge` tells that
    /// a POST body was larger than the limit.
    func respond(to request: ServerRequest, bodyTooLarge: Bool) async -> Handled {
        let route = ServerRoute(method: request.method, path: request.path, query: request.query)
        if let refusal = limitRefusal(request, bodyTooLarge: bodyTooLarge) {
            return Handled(answer: RouteAnswer(refusal), route: route, holder: nil)
        }
        if route == .preflight {
            return Handled(
                answer: RouteAnswer(cors.preflight(origin: request.headers[.origin])),
                route: route,
                holder: nil
            )
        }
        let (refusal, entry) = authorizer.check(
            route,
            path: request.path,
            authorization: request.headers[.authorization],
            servedEnvironment: environments.primary.environment.name
        )
        if let refusal { return Handled(answer: RouteAnswer(refusal), route: route, holder: entry?.name) }
        return Handled(answer: await answer(route, token: entry), route: route, holder: entry?.name)
    }

    /// 414, 431 or 413 when the request is larger than `serve.limits` allows.
    private func limitRefusal(_ request: ServerRequest, bodyTooLarge: Bool) -> RenderedResponse? {
        let limits = options.limits
        let targetBytes =
            request.path.utf8.count + request.query.reduce(0) { $0 + $1.0.utf8.count + $1.1.utf8.count + 2 }
        if targetBytes > limits.urlBytes {
            return .error(
                .uriTooLong,
                code: "serve.uri-too-long",
                message: "the request target exceeds \(limits.urlBytes) bytes"
            )
        }
        let headerBytes = request.headers.reduce(0) { $0 + $1.name.rawName.utf8.count + $1.value.utf8.count + 4 }
        if headerBytes > limits.headerBytes {
            return .error(
                .requestHeaderFieldsTooLarge,
                code: "serve.headers-too-large",
                message: "the request headers exceed \(limits.headerBytes) bytes"
            )
        }
        if bodyTooLarge {
            return .error(
                .contentTooLarge,
                code: "serve.body-too-large",
                message: "the body exceeds \(limits.bodyBytes) bytes"
            )
        }
        return nil
    }

    /// The route's answer.
    private func answer(_ route: ServerRoute, token: AccessTokens.Entry?) async -> RouteAnswer {
        switch route {
        case .environments: return environmentList()
        case .config(let environment, let provenance, let path):
            return configuration(
                environment,
                provenance: provenance,
                path: path,
                revealSecrets: mayReadSecrets(token)
            )
        case .tenant(let hash, let environment):
            return await tenant(hash, environment: environment, revealSecrets: mayReadSecrets(token))
        case .legacy(let action, let hash): return await legacy(action: action, hash: hash)
        case .status: return RouteAnswer(status(visibleTo: token))
        default: return RouteAnswer(uncachedAnswer(route))
        }
    }

    /// Whether the request may see secrets in clear: a token with `secrets:read` (or `admin`),
    /// never an open server's anonymous caller.
    private func mayReadSecrets(_ token: AccessTokens.Entry?) -> Bool {
        token?.allows(.secretsRead) ?? false
    }

    /// The answer of a route the fast path never serves.
    private func uncachedAnswer(_ route: ServerRoute) -> RenderedResponse {
        switch route {
        case .healthz: return .json(["status": "up"], cacheControl: "no-store")
        case .readyz: return readiness()
        case .metrics: return metrics()
        case .reload: return reload()
        case .invalidate(let hash): return invalidate(hash)
        case .invalidParameter(let name, let accepted):
            return .error(
                .badRequest,
                code: "serve.invalid-parameter",
                message: "the query parameter \(name) takes \(accepted)"
            )
        case .methodNotAllowed(let allowed):
            let response = RenderedResponse.error(
                .methodNotAllowed,
                code: "serve.method-not-allowed",
                message: "this route answers \(allowed)"
            )
            var headers = response.headers
            headers[.allow] = allowed
            return RenderedResponse(status: response.status, headers: headers, body: response.body, etag: nil)
        default:
            return .error(.notFound, code: "serve.not-found", message: "no such route; see GET /v1/environments")
        }
    }
}
