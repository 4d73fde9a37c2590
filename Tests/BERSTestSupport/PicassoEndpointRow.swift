import Testing

/// One environment's row of the Picasso endpoint table (../shared/fixtures/picasso/README.md),
/// which the example project in `Examples/picasso/config` reproduces.
public struct PicassoEndpointRow: Sendable, CustomTestStringConvertible {
    /// The environment's name.
    public var environment: String
    /// The `apiBase` endpoint (the `?action=` endpoints are built on it).
    public var apiBase: String
    /// The `streaming` endpoint.
    public var streaming: String
    /// The `assetBase` endpoint.
    public var assetBase: String
    /// The `widgetDomain` endpoint.
    public var widgetDomain: String
    /// `widget.debug`.
    public var debug: Bool
    /// `logging.level`.
    public var logLevel: String
    /// `api.timeout`, in milliseconds.
    public var timeout: Int
    /// `api.retries`.
    public var retries: Int

    /// The environment's name, naming each test case.
    public var testDescription: String { environment }

    /// The table of the fixtures README: development, staging and production.
    public static let table: [PicassoEndpointRow] = [
        PicassoEndpointRow(
            environment: "development",
            apiBase: "http://localhost:3000/api",
            streaming: "http://localhost:3000/stream",
            assetBase: "https://myrecruiter-picasso.s3.amazonaws.com",
            widgetDomain: "http://localhost:5173",
            debug: true,
            logLevel: "debug",
            timeout: 10000,
            retries: 1
        ),
        PicassoEndpointRow(
            environment: "staging",
            apiBase: "https://staging.chat.myrecruiter.ai/Master_Function",
            streaming: "https://staging.chat.myrecruiter.ai/stream",
            assetBase: "https://staging.chat.myrecruiter.ai",
            widgetDomain: "https://staging.chat.myrecruiter.ai",
            debug: true,
            logLevel: "info",
            timeout: 8000,
            retries: 2
        ),
        PicassoEndpointRow(
            environment: "production",
            apiBase: "https://chat.myrecruiter.ai/Master_Function",
            streaming: "https://chat.myrecruiter.ai/stream",
            assetBase: "https://picassocode.s3.amazonaws.com",
            widgetDomain: "https://chat.myrecruiter.ai",
            debug: false,
            logLevel: "error",
            timeout: 6000,
            retries: 2
        ),
    ]
}
