import BERSJSON

/// The `serve` section of `bers.json`: how `bers serve` listens and answers.
///
/// ```json
/// "serve": {
///   "host": "127.0.0.1", "port": 8080,
///   "allow-origins": ["https://chat.myrecruiter.ai"],
///   "tokens": "tokens.json",
///   "cache-control": "no-cache",
///   "limits": {"url-bytes": 8192, "header-bytes": 16384, "body-bytes": 65536},
///   "threads": 1, "idle-timeout-ms": 75000,
///   "legacy": {"defaults": "widget-defaults.json", "decorations": {…}}
/// }
/// ```
///
/// Command-line flags take precedence over the section; relative paths are relative to the
/// config directory.
public struct ServeSettings: Sendable, Hashable {
    /// The address to listen on.
    public var host: String
    /// The port to listen on; 0 picks a free one.
    public var port: Int
    /// The origins whose browser requests are answered with CORS headers (`*` only when listed).
    public var allowedOrigins: [String]
    /// The tokens file (SHA-256 digests of bearer tokens with their scopes); `nil`: no
    /// authorization.
    public var tokensFile: String?
    /// The `Cache-Control` of every 200 response.
    public var cacheControl: String
    /// The request limits.
    public var limits: RequestLimits
    /// The legacy `get_config` route.
    public var legacy: LegacyRouteSettings
    /// How many event-loop threads answer requests; `nil`: one per core.
    public var threads: Int?
    /// How long a connection may stay idle before the server closes it (default 75 s).
    public var idleTimeoutMilliseconds: Int64

    /// The largest requests the server reads.
    public struct RequestLimits: Sendable, Hashable {
        /// The longest request target (path and query), in bytes: longer is 414.
        public var urlBytes: Int
        /// The most header bytes (names and values): more is 431.
        public var headerBytes: Int
        /// The largest body of a POST: larger is 413.
        public var bodyBytes: Int

        /// 8 KiB of URL, 16 KiB of headers, 64 KiB of body.
        public init(urlBytes: Int = 8192, headerBytes: Int = 16384, bodyBytes: Int = 65536) {
            self.urlBytes = urlBytes
            self.headerBytes = headerBytes
            self.bodyBytes = bodyBytes
        }
    }

    /// Loopback, port 8080, no CORS origin, no tokens, `no-cache`, the default limits.
    public init() {
        host = "127.0.0.1"
        port = 8080
        allowedOrigins = []
        tokensFile = nil
        cacheControl = "no-cache"
        limits = RequestLimits()
        legacy = LegacyRouteSettings()
        threads = nil
        idleTimeoutMilliseconds = 75_000
    }

    /// Reads the `serve` section.
    ///
    /// - Throws: ``ConfigError`` `config.invalid-project-file`, located, for unknown keys, wrong
    ///   types and values out of range.
    init(reader: DocumentReader) throws(ConfigError) {
        self.init()
        try reader.rejectUnknownKeys(
            at: "/serve",
            allowed: [
                "host", "port", "allow-origins", "tokens", "cache-control", "limits", "legacy", "threads",
                "idle-timeout-ms",
            ]
        )
        host = try reader.string(at: "/serve/host") ?? host
        port = Int(try reader.integer(at: "/serve/port", range: 0...65_535) ?? Int64(port))
        allowedOrigins = try reader.strings(at: "/serve/allow-origins") ?? []
        tokensFile = try reader.string(at: "/serve/tokens")
        cacheControl = try reader.string(at: "/serve/cache-control") ?? cacheControl
        try reader.rejectUnknownKeys(at: "/serve/limits", allowed: ["url-bytes", "header-bytes", "body-bytes"])
        limits.urlBytes = Int(try reader.integer(at: "/serve/limits/url-bytes", range: 256...1_048_576) ?? 8192)
        limits.headerBytes = Int(try reader.integer(at: "/serve/limits/header-bytes", range: 1024...1_048_576) ?? 16384)
        limits.bodyBytes = Int(try reader.integer(at: "/serve/limits/body-bytes", range: 0...16_777_216) ?? 65536)
        legacy = try LegacyRouteSettings(reader: reader)
        threads = try reader.integer(at: "/serve/threads", range: 1...256).map(Int.init)
        idleTimeoutMilliseconds = try reader.integer(at: "/serve/idle-timeout-ms", range: 100...3_600_000) ?? 75_000
    }
}
