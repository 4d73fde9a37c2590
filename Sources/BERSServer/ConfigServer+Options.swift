import BERS
import BERSJSON

extension ConfigServer {
    /// How a ``ConfigServer`` listens and answers: `bers.json`'s `serve` section, overridden by
    /// the command line.
    public struct Options: Sendable {
        /// The address to listen on.
        public var host: String
        /// The port; 0 picks a free one (``ConfigServer/run(onListening:)`` reports it).
        public var port: Int
        /// The browser origins answered with CORS headers.
        public var allowedOrigins: [String]
        /// The accepted bearer tokens; `nil`: no authorization.
        public var tokens: AccessTokens?
        /// The `Cache-Control` of 200 responses.
        public var cacheControl: String
        /// The request limits.
        public var limits: ServeSettings.RequestLimits
        /// How many event-loop threads answer requests; `nil`: one per core.
        public var threads: Int?
        /// How long a connection may stay idle before the server closes it.
        public var idleTimeoutMilliseconds: Int64
        /// How the served environment was chosen (`bers detect --json`), for `/v1/environments`.
        public var detection: JSONValue?

        /// The options of a `serve` section.
        public init(settings: ServeSettings, tokens: AccessTokens? = nil, detection: JSONValue? = nil) {
            host = settings.host
            port = settings.port
            allowedOrigins = settings.allowedOrigins
            self.tokens = tokens
            cacheControl = settings.cacheControl
            limits = settings.limits
            threads = settings.threads
            idleTimeoutMilliseconds = settings.idleTimeoutMilliseconds
            self.detection = detection
        }
    }
}
