import BERS
import BERSTestSupport
import Testing

/// The example project reproduces the widget's endpoint table (../shared/fixtures/picasso/README.md).
struct PicassoEndpointTableTests {
    static let directory = SharedFixtures.packageRoot.appendingPathComponent("Examples/picasso/config").path

    func resolve(_ name: String) throws -> (ResolvedConfiguration, EndpointTable) {
        let project = try ConfigProject(directory: Self.directory)
        let config = try project.resolve(try project.environment(named: name))
        return (config, try config.endpoints())
    }

    @Test(arguments: PicassoEndpointRow.table)
    func endpointTable(_ row: PicassoEndpointRow) throws {
        let (config, endpoints) = try resolve(row.environment)
        #expect(try endpoints.url("apiBase") == row.apiBase)
        #expect(try endpoints.url("config") == row.apiBase + "?action=get_config")
        #expect(try endpoints.url("chat") == row.apiBase + "?action=chat")
        #expect(try endpoints.url("conversation") == row.apiBase + "?action=conversation")
        #expect(try endpoints.url("errorReporting") == row.apiBase + "?action=log_error")
        #expect(try endpoints.url("streaming") == row.streaming)
        #expect(try endpoints.url("assetBase") == row.assetBase)
        #expect(try endpoints.url("widgetDomain") == row.widgetDomain)
        #expect(try config.string("widget.defaultTenantHash") == "my87674d777bf9")
        #expect(try config.bool("widget.debug") == row.debug)
        #expect(try config.string("logging.level") == row.logLevel)
        #expect(try config.int("api.timeout") == row.timeout)
        #expect(try config.int("api.retries") == row.retries)
        #expect(try config.string("environment") == row.environment)
    }

    @Test(arguments: PicassoEndpointRow.table)
    func urlBuilders(_ row: PicassoEndpointRow) throws {
        let (_, endpoints) = try resolve(row.environment)
        let hash = "my87674d777bf9"
        #expect(try endpoints.url("configUrl", ["tenant": hash]) == row.apiBase + "?action=get_config&t=" + hash)
        #expect(try endpoints.url("chatUrl", ["tenant": hash]) == row.apiBase + "?action=chat&t=" + hash)
        #expect(
            try endpoints.url("conversationUrl", ["tenant": hash, "operation": "save"])
                == row.apiBase + "?action=conversation&operation=save&t=" + hash
        )
        #expect(try endpoints.url("streamingUrl", ["tenant": hash]) == row.streaming)
        #expect(try endpoints.url("assetUrl", ["path": "//images//logo.png"]) == row.assetBase + "/images/logo.png")
        #expect(
            try endpoints.url("tenantAssetUrl", ["tenant": hash, "path": "img/a.png"]) == row.assetBase
                + "/tenants/\(hash)/img/a.png"
        )
        #expect(try endpoints.url("healthCheckUrl") == row.apiBase + "/health")
    }

    @Test func hashesAreEncodedWhereTheyLand() throws {
        let (_, endpoints) = try resolve("production")
        #expect(
            try endpoints.url("configUrl", ["tenant": "a b&c=d/e"])
                == "https://chat.myrecruiter.ai/Master_Function?action=get_config&t=a%20b%26c%3Dd%2Fe"
        )
        #expect(
            try endpoints.url("tenantAssetUrl", ["tenant": "../x", "path": "a.png"])
                == "https://picassocode.s3.amazonaws.com/tenants/..%2Fx/a.png"
        )
    }

    @Test func missingOrEmptyParameterNamesEndpointAndParameter() throws {
        let (_, endpoints) = try resolve("staging")
        for parameters in [[:], ["tenant": ""]] {
            let error = #expect(throws: ConfigError.self) { try endpoints.url("configUrl", parameters) }
            #expect(error?.code == .missingParameter)
            #expect(error?.message == "endpoint \"configUrl\": parameter \"tenant\" is required")
        }
        let streaming = #expect(throws: ConfigError.self) { try endpoints.url("streamingUrl") }
        #expect(streaming?.message == "endpoint \"streamingUrl\": parameter \"tenant\" is required")
    }

    @Test func unknownEndpointAndParameterAreErrors() throws {
        let (_, endpoints) = try resolve("staging")
        let unknown = #expect(throws: ConfigError.self) { try endpoints.url("configURL", ["tenant": "x"]) }
        #expect(unknown?.code == .unknownEndpoint)
        #expect(unknown?.message.hasPrefix("no endpoint named \"configURL\"; did you mean \"configUrl\"?") == true)
        let parameter = #expect(throws: ConfigError.self) {
            try endpoints.url("configUrl", ["tenant": "x", "tenat": "y"])
        }
        #expect(parameter?.code == .unknownParameter)
    }

    @Test func subPathRefusesDotDotSegments() throws {
        let (_, endpoints) = try resolve("production")
        let error = #expect(throws: ConfigError.self) { try endpoints.url("assetUrl", ["path": "a/../../secret"]) }
        #expect(error?.code == .invalidURL)
    }

    @Test func parametersAreListed() throws {
        let (_, endpoints) = try resolve("production")
        #expect(endpoints.endpoint("conversationUrl")?.requiredParameters == ["operation", "tenant"])
        #expect(endpoints.endpoint("streamingUrl")?.requiredParameters == ["tenant"])
        #expect(endpoints.endpoint("streamingUrl")?.description?.contains("POST body") == true)
        #expect(endpoints.endpoints.count == 15)
    }
}
