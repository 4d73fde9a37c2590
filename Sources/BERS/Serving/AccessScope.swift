/// What a bearer token of `bers serve` may read or do.
///
/// Written in a tokens file as `config:read:<environment|*>`, `tenant:read:<hash|*>`,
/// `secrets:read`, `metrics:read` or `admin`.
public enum AccessScope: Sendable, Hashable, CustomStringConvertible {
    /// Read the configuration of one environment, or of all (`nil`).
    case configRead(environment: String?)
    /// Read the runtime configuration of one tenant hash, or of all (`nil`).
    case tenantRead(hash: String?)
    /// See secret values unredacted.
    case secretsRead
    /// Read `/metrics`.
    case metricsRead
    /// Reload and invalidate; covers every other scope.
    case admin

    /// Parses a scope as written in a tokens file, or returns `nil`.
    public init?(_ text: String) {
        switch text {
        case "secrets:read": self = .secretsRead
        case "metrics:read": self = .metricsRead
        case "admin": self = .admin
        default:
            if let target = Self.target(of: text, prefix: "config:read:") {
                self = .configRead(environment: target)
            } else if let target = Self.target(of: text, prefix: "tenant:read:") {
                self = .tenantRead(hash: target)
            } else {
                return nil
            }
        }
    }

    /// `config:read:*` gives `.some(nil)`, `config:read:staging` `.some("staging")`.
    private static func target(of text: String, prefix: String) -> String?? {
        guard text.hasPrefix(prefix), text.count > prefix.count else { return nil }
        let target = String(text.dropFirst(prefix.count))
        return .some(target == "*" ? nil : target)
    }

    /// Whether holding this scope allows what `needed` names.
    public func covers(_ needed: AccessScope) -> Bool {
        switch (self, needed) {
        case (.admin, _): true
        case (.configRead(let held), .configRead(let wanted)): held == nil || held == wanted
        case (.tenantRead(let held), .tenantRead(let wanted)): held == nil || held == wanted
        case (.secretsRead, .secretsRead), (.metricsRead, .metricsRead): true
        default: false
        }
    }

    /// The scope as written in a tokens file.
    public var description: String {
        switch self {
        case .configRead(let environment): "config:read:\(environment ?? "*")"
        case .tenantRead(let hash): "tenant:read:\(hash ?? "*")"
        case .secretsRead: "secrets:read"
        case .metricsRead: "metrics:read"
        case .admin: "admin"
        }
    }
}
