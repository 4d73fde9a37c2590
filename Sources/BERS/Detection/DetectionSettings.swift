/// How each detection source behaves; read from the `detection` section of `bers.json`.
///
/// ```json
/// "detection": {
///   "env-variable": {"variables": ["BERS_ENV", "APP_ENV", "PICASSO_ENV", "NODE_ENV"]},
///   "url-parameter": {"name": "picasso-env", "allow": ["development", "staging"]},
///   "hostname-pattern": {"rules": {"development": ["localhost", "127.0.0.1", "192.168.*"]}},
///   "build-context": {"enabled": true},
///   "default-fallback": {"environment": "production"},
///   "cache-ttl-ms": 300000,
///   "strict": true
/// }
/// ```
/// Every source is enabled by default; `{"enabled": false}` turns one off.
public struct DetectionSettings: Sendable, Hashable {
    /// The sources turned off.
    public var disabled: Set<DetectionSource>
    /// Environment variables consulted, in order.
    public var variables: [String]
    /// The URL query parameter consulted.
    public var urlParameterName: String
    /// The environments a URL parameter may select; `nil` allows all.
    public var urlParameterAllowed: [String]?
    /// Hostname rules.
    public var hostnameRules: HostnameRules
    /// The environment chosen when no source answers.
    public var fallback: String
    /// How long a detection is remembered for the same context, in milliseconds.
    public var cacheTTLMilliseconds: Int64
    /// Whether a source that says something unusable (a misspelt `BERS_ENV`) is an error rather
    /// than a warning followed by the next source (`"strict": true`; recommended in production).
    public var strict: Bool

    /// Settings with these values; the defaults are those of a project without `bers.json`.
    public init(
        disabled: Set<DetectionSource> = [],
        variables: [String] = ["BERS_ENV", "APP_ENV"],
        urlParameterName: String = "bers-env",
        urlParameterAllowed: [String]? = nil,
        hostnameRules: HostnameRules = HostnameRules(),
        fallback: String = "production",
        cacheTTLMilliseconds: Int64 = 300_000,
        strict: Bool = false
    ) {
        self.disabled = disabled
        self.variables = variables
        self.urlParameterName = urlParameterName
        self.urlParameterAllowed = urlParameterAllowed
        self.hostnameRules = hostnameRules
        self.fallback = fallback
        self.cacheTTLMilliseconds = cacheTTLMilliseconds
        self.strict = strict
    }

    /// The defaults.
    public static let `default` = DetectionSettings()

    /// Whether `source` is consulted.
    public func isEnabled(_ source: DetectionSource) -> Bool { !disabled.contains(source) }
}
