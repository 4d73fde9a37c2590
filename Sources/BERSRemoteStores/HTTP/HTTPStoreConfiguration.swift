/// Where an ``HTTPTenantStore`` reads: its base URL, limits, and whether Lambda envelopes are
/// unwrapped.
///
/// ```swift
/// let configuration = HTTPStoreConfiguration(baseURL: try HTTPEndpoint(parsing: "https://cdn.example.com/picasso"))
/// ```
public struct HTTPStoreConfiguration: Sendable, Hashable {
    /// The URL keys are appended to (`https://cdn.example.com/picasso` + `/mappings/x.json`).
    public var baseURL: HTTPEndpoint
    /// Request timeout and size limit.
    public var limits: RemoteStoreLimits
    /// Whether a body shaped like a Lambda proxy response is unwrapped (default `true`).
    public var unwrapsLambdaEnvelopes: Bool

    /// A configuration with these values.
    ///
    /// - Parameters:
    ///   - baseURL: The URL keys are appended to.
    ///   - limits: Timeout and size limit.
    ///   - unwrapsLambdaEnvelopes: Whether Lambda proxy responses are unwrapped.
    public init(baseURL: HTTPEndpoint, limits: RemoteStoreLimits = .default, unwrapsLambdaEnvelopes: Bool = true) {
        self.baseURL = baseURL
        self.limits = limits
        self.unwrapsLambdaEnvelopes = unwrapsLambdaEnvelopes
    }
}
