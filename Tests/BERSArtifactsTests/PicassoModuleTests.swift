import BERSTestSupport
import BERS
import BERSArtifacts
import BERSJSON
import Foundation
import Testing

/// The Picasso compatibility module (`--format js` of Examples/picasso/config), loaded under node
/// for each environment: the endpoint table of ../shared/fixtures/picasso/README.md, every
/// builder's output and error message, the frozen object, and no runtime override.
struct PicassoModuleTests {
    static let script = #"""
        // Everything a page could use to repoint the original at run time, set before the import.
        globalThis.location = { search: "?picasso-env=development", hostname: "localhost", href: "http://localhost/?picasso-env=development" };
        globalThis.window = globalThis;
        const { default: config, config: named } = await import("./module.mjs");
        const attempt = (f) => { try { return { ok: f() }; } catch (e) { return { error: e.message, type: e.constructor.name }; } };
        const h = "my87674d777bf9";
        const constants = {};
        for (const key of Object.keys(config)) if (typeof config[key] !== "function") constants[key] = config[key];
        const request = (options) => { const r = config.getRequestConfig(options); const signal = r.signal; delete r.signal; return { ...r, hasSignal: signal instanceof AbortSignal }; };
        const out = {
          same: config === named,
          keys: Object.keys(config),
          constants,
          urls: {
            config: attempt(() => config.getConfigUrl(h)),
            configEncoded: attempt(() => config.getConfigUrl("a b&c/é")),
            chat: attempt(() => config.getChatUrl(h)),
            conversation: attempt(() => config.getConversationUrl(h, "save state")),
            streaming: attempt(() => config.getStreamingUrl(h)),
            asset: attempt(() => config.getAssetUrl("/images//logo.png")),
            tenantAsset: attempt(() => config.getTenantAssetUrl(h, "img//a b.png")),
            health: attempt(() => config.getHealthCheckUrl()),
          },
          errors: {
            configMissing: attempt(() => config.getConfigUrl()),
            configEmpty: attempt(() => config.getConfigUrl("")),
            configNull: attempt(() => config.getConfigUrl(null)),
            chat: attempt(() => config.getChatUrl()),
            conversationHash: attempt(() => config.getConversationUrl("", "x")),
            conversationOperation: attempt(() => config.getConversationUrl(h)),
            streaming: attempt(() => config.getStreamingUrl()),
            asset: attempt(() => config.getAssetUrl("")),
            assetDotDot: attempt(() => config.getAssetUrl("a/../b")),
            tenantAssetHash: attempt(() => config.getTenantAssetUrl(undefined, "p")),
            tenantAssetPath: attempt(() => config.getTenantAssetUrl(h)),
          },
          requestDefault: request(),
          requestCustom: request({ timeout: 5000, headers: { "X-Custom": "1" } }),
          predicates: [config.isDevelopment(), config.isStaging(), config.isProduction()],
          defaultTenant: config.getDefaultTenantHash(),
          buildInfo: config.getBuildInfo(),
          frozen: Object.isFrozen(config),
          assignment: attempt(() => { config.API_BASE_URL = "https://evil.example"; return "assigned"; }),
          addition: attempt(() => { config.ENVIRONMENT_OVERRIDE = "development"; return "added"; }),
          after: config.API_BASE_URL,
        };
        console.log(JSON.stringify(out));
        """#

    @Test(.enabled(if: ExternalTool.node != nil, nodeMissing), arguments: PicassoEndpointRow.table)
    func moduleMatchesTheEndpointTableAndBuilders(_ row: PicassoEndpointRow) async throws {
        let environment = try Environment(row.environment)
        let module = try await Fixtures.picasso(.js, environment)
        let out = try NodeRunner.run(
            module: module,
            script: Self.script,
            environment: ["PICASSO_ENV": "development", "NODE_ENV": "development", "BERS_ENV": "development"]
        )

        #expect(out["same"] == true)
        let constants = try #require(out["constants"])
        let expected: [(String, JSONValue)] = [
            ("ENVIRONMENT", .string(row.environment)),
            ("API_BASE_URL", .string(row.apiBase)),
            ("CHAT_API_URL", .string(row.apiBase)),
            ("CONFIG_ENDPOINT", .string(row.apiBase + "?action=get_config")),
            ("CHAT_ENDPOINT", .string(row.apiBase + "?action=chat")),
            ("CONVERSATION_ENDPOINT", .string(row.apiBase + "?action=conversation")),
            ("ERROR_REPORTING_ENDPOINT", .string(row.apiBase + "?action=log_error")),
            ("STREAMING_ENDPOINT", .string(row.streaming)),
            ("ASSET_BASE_URL", .string(row.assetBase)),
            ("WIDGET_DOMAIN", .string(row.widgetDomain)),
            ("DEFAULT_TENANT_HASH", "my87674d777bf9"),
            ("DEBUG", .bool(row.debug)),
            ("LOG_LEVEL", .string(row.logLevel)),
            ("REQUEST_TIMEOUT", .integer(Int64(row.timeout))),
            ("RETRY_ATTEMPTS", .integer(Int64(row.retries))),
        ]
        for (name, value) in expected {
            #expect(constants[name] == value, "\(name) in \(row.environment)")
        }
        #expect(constants["CONVERSATION_ENDPOINT_AVAILABLE"]?.boolValue != nil)
        #expect(constants["PERFORMANCE_MONITORING"]?.boolValue != nil)
        let functions = [
            "getConfigUrl", "getChatUrl", "getConversationUrl", "getStreamingUrl", "getAssetUrl", "getTenantAssetUrl",
            "getHealthCheckUrl", "getRequestConfig", "getDefaultTenantHash", "getBuildInfo", "isDevelopment",
            "isStaging",
            "isProduction",
        ]
        let keys = out["keys"]?.arrayValue?.compactMap(\.stringValue) ?? []
        let constantNames = [
            "ENVIRONMENT", "API_BASE_URL", "CHAT_API_URL", "CONFIG_ENDPOINT", "CHAT_ENDPOINT", "CONVERSATION_ENDPOINT",
            "CONVERSATION_ENDPOINT_AVAILABLE", "ERROR_REPORTING_ENDPOINT", "STREAMING_ENDPOINT", "ASSET_BASE_URL",
            "WIDGET_DOMAIN", "DEFAULT_TENANT_HASH", "DEBUG", "LOG_LEVEL", "REQUEST_TIMEOUT", "RETRY_ATTEMPTS",
            "PERFORMANCE_MONITORING",
        ]
        #expect(keys == constantNames + functions)

        let hash = "my87674d777bf9"
        let urls = try #require(out["urls"])
        #expect(urls["config"]?["ok"] == .string("\(row.apiBase)?action=get_config&t=\(hash)"))
        #expect(urls["configEncoded"]?["ok"] == .string("\(row.apiBase)?action=get_config&t=a%20b%26c%2F%C3%A9"))
        #expect(urls["chat"]?["ok"] == .string("\(row.apiBase)?action=chat&t=\(hash)"))
        #expect(
            urls["conversation"]?["ok"]
                == .string("\(row.apiBase)?action=conversation&operation=save%20state&t=\(hash)")
        )
        #expect(urls["streaming"]?["ok"] == .string(row.streaming))
        #expect(urls["asset"]?["ok"] == .string("\(row.assetBase)/images/logo.png"))
        #expect(urls["tenantAsset"]?["ok"] == .string("\(row.assetBase)/tenants/\(hash)/img/a%20b.png"))
        #expect(urls["health"]?["ok"] == .string("\(row.apiBase)/health"))
        for (name, url) in urls.objectValue ?? [:] {
            let text = url["ok"]?.stringValue ?? ""
            #expect(text.hasPrefix("http://") || text.hasPrefix("https://"), "\(name): \(text)")
            #expect(
                text.split(separator: "?", omittingEmptySubsequences: false).count <= 2,
                "\(name) has a second ?: \(text)"
            )
            #expect(!text.dropFirst(8).contains("//"), "\(name) has // in its path: \(text)")
        }

        let errors = try #require(out["errors"])
        let messages: [(String, String)] = [
            ("configMissing", "getConfigUrl: tenantHash is required"),
            ("configEmpty", "getConfigUrl: tenantHash is required"),
            ("configNull", "getConfigUrl: tenantHash is required"),
            ("chat", "getChatUrl: tenantHash is required"),
            ("conversationHash", "getConversationUrl: tenantHash is required"),
            ("conversationOperation", "getConversationUrl: operation is required"),
            ("streaming", "getStreamingUrl: tenantHash is required"),
            ("asset", "getAssetUrl: path is required"),
            ("assetDotDot", "getAssetUrl: path must not contain '..' segments"),
            ("tenantAssetHash", "getTenantAssetUrl: tenantHash is required"),
            ("tenantAssetPath", "getTenantAssetUrl: assetPath is required"),
        ]
        for (name, message) in messages {
            #expect(errors[name]?["error"] == .string(message), "\(name)")
            #expect(errors[name]?["type"] == "Error")
        }

        let request = try #require(out["requestDefault"])
        #expect(request["timeout"] == .integer(Int64(min(row.timeout, 10000))))
        #expect(request["retries"] == .integer(Int64(min(row.retries, 2))))
        #expect(request["mode"] == "cors")
        #expect(request["credentials"] == "omit")
        #expect(request["headers"] == ["Content-Type": "application/json", "Accept": "application/json"])
        #expect(request["hasSignal"] == true)
        let custom = try #require(out["requestCustom"])
        #expect(custom["timeout"] == 5000)
        #expect(
            custom["headers"] == ["Content-Type": "application/json", "Accept": "application/json", "X-Custom": "1"]
        )

        #expect(
            out["predicates"] == .array(["development", "staging", "production"].map { .bool($0 == row.environment) })
        )
        #expect(out["defaultTenant"] == .string(hash))
        #expect(out["buildInfo"]?["environment"] == .string(row.environment))
        #expect(out["buildInfo"]?["timestamp"] == .null)
        #expect(out["buildInfo"]?["debug"] == .bool(row.debug))
        #expect(out["frozen"] == true)
        #expect(out["assignment"]?["type"] == "TypeError")
        #expect(out["addition"]?["type"] == "TypeError")
        #expect(out["after"] == .string(row.apiBase))
    }

    @Test(arguments: PicassoEndpointRow.table)
    func builderURLsAreTheCoreEndpointURLs(_ row: PicassoEndpointRow) async throws {
        // The same values as `bers url`, without node: the URL plans are verified against the core
        // when the module is built, and the module's text names the resolved base URLs.
        let project = try ConfigProject(directory: picassoDirectory)
        let endpoints = try project.resolve(try Environment(row.environment)).endpoints()
        #expect(
            try endpoints.url("configUrl", ["tenant": "my87674d777bf9"])
                == "\(row.apiBase)?action=get_config&t=my87674d777bf9"
        )
        #expect(try endpoints.url("assetUrl", ["path": "/images//logo.png"]) == "\(row.assetBase)/images/logo.png")
        let module = try await Fixtures.picasso(.js, try Environment(row.environment))
        #expect(module.contains("// The environment is fixed at build time"))
        #expect(!module.contains("picasso-env"))
        #expect(!module.contains("process.env"))
        #expect(!module.contains("location"))
    }

    @Test(.enabled(if: ExternalTool.node != nil, nodeMissing))
    func buildTimeIsStampedOnlyWhenAsked() async throws {
        let builder = try Fixtures.picassoBuilder(
            options: BuildOptions(buildTime: "2026-01-02T03:04:05Z", bersVersion: "test")
        )
        let input = try await builder.prepare(.production, reason: .explicit)
        let module = String(decoding: try builder.render(.js, input), as: UTF8.self)
        let out = try NodeRunner.run(
            module: module,
            script: "import config from \"./module.mjs\";\nconsole.log(JSON.stringify(config.getBuildInfo()));"
        )
        #expect(out["timestamp"] == "2026-01-02T03:04:05Z")
        #expect(out["inputs"] == .string(input.inputsHash))
    }
}
