import BERS

/// What a request asks for, parsed from its method, path and query without a router.
enum ServerRoute: Sendable, Equatable {
    case healthz
    case readyz
    case metrics
    case status
    case environments
    /// `/v1/config/{env}`, with `?provenance=true` or `?path=a.b`.
    case config(environment: String, provenance: Bool, path: String?)
    /// `/v1/tenants/{hash}?env=E`.
    case tenant(hash: String, environment: String?)
    /// `/Master_Function?action=…&t=…` and `/?action=…&t=…`.
    case legacy(action: String?, hash: String?)
    case reload
    case invalidate(hash: String)
    /// A CORS preflight: `OPTIONS` on any path.
    case preflight
    /// A known route whose query parameter has a value it does not accept.
    case invalidParameter(name: String, accepted: String)
    /// A known path with the wrong method.
    case methodNotAllowed(allowed: String)
    case notFound

    /// The route template for logs and metric labels (never a tenant hash).
    var template: String {
        switch self {
        case .healthz: "/healthz"
        case .readyz: "/readyz"
        case .metrics: "/metrics"
        case .status: "/v1/status"
        case .environments: "/v1/environments"
        case .config: "/v1/config/{env}"
        case .tenant: "/v1/tenants/{hash}"
        case .legacy: "get_config"
        case .reload: "/v1/reload"
        case .invalidate: "/v1/tenants/{hash}/invalidate"
        case .preflight: "preflight"
        case .invalidParameter: "invalid-parameter"
        case .methodNotAllowed: "method-not-allowed"
        case .notFound: "not-found"
        }
    }

    /// Whether the route is public even when the server has tokens (the widget is anonymous).
    var isPublic: Bool {
        switch self {
        case .healthz, .readyz, .legacy, .notFound, .methodNotAllowed, .preflight: true
        default: false
        }
    }

    /// Parses a request; `read` is true for GET and HEAD, `post` for POST.
    init(method: String, path: String, query: [(String, String)]) {
        let segments = PathText.segments(of: path).dropFirst().map(String.init)
        let read = method == "GET" || method == "HEAD"
        let post = method == "POST"
        func value(_ name: String) -> String? { Self.value(name, in: query) }
        if method == "OPTIONS" {
            self = .preflight
            return
        }
        switch segments {
        case ["healthz"], ["readyz"], ["metrics"], ["v1", "status"], ["v1", "environments"]:
            self = read ? Self.plain(segments) : .methodNotAllowed(allowed: "GET, HEAD")
        case ["Master_Function"], [""]:
            self = read ? .legacy(action: value("action"), hash: value("t")) : .methodNotAllowed(allowed: "GET, HEAD")
        case let parts where parts.count == 3 && parts[0] == "v1" && parts[1] == "config" && !parts[2].isEmpty:
            self = read ? Self.config(parts[2], query: query) : .methodNotAllowed(allowed: "GET, HEAD")
        case let parts where parts.count == 3 && parts[0] == "v1" && parts[1] == "tenants" && !parts[2].isEmpty:
            self = read ? .tenant(hash: parts[2], environment: value("env")) : .methodNotAllowed(allowed: "GET, HEAD")
        case let parts where parts.count == 4 && parts[0] == "v1" && parts[1] == "tenants" && parts[3] == "invalidate":
            self = post ? .invalidate(hash: parts[2]) : .methodNotAllowed(allowed: "POST")
        case ["v1", "reload"]:
            self = post ? .reload : .methodNotAllowed(allowed: "POST")
        default:
            self = .notFound
        }
    }

    /// `/v1/config/{env}`: `provenance` is `true` or `false` (anything else is refused rather
    /// than read as `false`).
    private static func config(_ environment: String, query: [(String, String)]) -> ServerRoute {
        let provenance = value("provenance", in: query)
        guard provenance == nil || provenance == "true" || provenance == "false" else {
            return .invalidParameter(name: "provenance", accepted: "true or false")
        }
        return .config(environment: environment, provenance: provenance == "true", path: value("path", in: query))
    }

    /// The first value of the query parameter `name`.
    private static func value(_ name: String, in query: [(String, String)]) -> String? {
        query.first { $0.0 == name }?.1
    }

    private static func plain(_ segments: [String]) -> ServerRoute {
        switch segments.last {
        case "healthz": .healthz
        case "readyz": .readyz
        case "metrics": .metrics
        case "status": .status
        default: .environments
        }
    }
}
