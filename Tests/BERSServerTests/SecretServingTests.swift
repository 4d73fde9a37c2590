import AsyncHTTPClient
import BERS
import BERSJSON
import BERSTestSupport
import Foundation
import Logging
import Testing

/// Secrets in served configurations: `<redacted>` for every caller but a token with
/// `secrets:read` (or `admin`), whose answers are never stored or served by the fast path.
struct SecretServingTests {
    private static let canary = "cnry-served-token"

    private static func tokens() throws -> AccessTokens {
        let entries: [(String, String, [String])] = [
            ("reader", "tok-reader", ["config:read:production", "tenant:read:*"]),
            ("vault", "tok-secrets", ["config:read:production", "tenant:read:*", "secrets:read"]),
        ]
        let list: [JSONValue] = entries.map { name, token, scopes in
            [
                "name": .string(name), "sha256": .string(BERSDigest.sha256Hex(Array(token.utf8))),
                "scopes": .array(scopes.map(JSONValue.string)),
            ]
        }
        return try AccessTokens(document: JSONDocument(value: ["tokens": .array(list)], file: "tokens.json"))
    }

    /// Writes `token` to a 0600 file and references it from production's `Authorization` header.
    private static func referenceAuthorizationToken(_ token: String, in example: ServedExample) throws {
        try example.write("token.txt", token + "\n")
        try FileManager.default.setAttributes(
            [.posixPermissions: 0o600],
            ofItemAtPath: example.configDirectory + "/token.txt"
        )
        try example.write(
            "production.local.json",
            #"{"api": {"headers": {"Authorization": {"$secret": "file:token.txt"}}}}"#
        )
    }

    @Test func onlyASecretsReaderGetsClearValues() async throws {
        let example = try ServedExample()
        defer { example.root.remove() }
        try Self.referenceAuthorizationToken(Self.canary, in: example)
        try await RunningServer.with(example, tokens: try Self.tokens()) { server in
            func get(_ target: String, _ token: String) async throws -> RunningServer.Reply {
                try await server.request(target, headers: [("Authorization", "Bearer \(token)")])
            }
            for target in ["/v1/config/production", "/v1/config/production?provenance=true"] {
                let redacted = try await get(target, "tok-reader")
                #expect(redacted.status == 200)
                #expect(!redacted.text.contains(Self.canary))
                #expect(redacted.text.contains("<redacted>"))
            }
            let one = try await get("/v1/config/production?path=api.headers.Authorization", "tok-reader")
            let value = try #require(one.json)
            #expect(value[pointer: "/value"] == "<redacted>")
            #expect(value[pointer: "/secret"] == true)
            let clear = try await get("/v1/config/production", "tok-secrets")
            #expect(clear.status == 200)
            #expect(clear.json?[pointer: "/api/headers/Authorization"] == .string(Self.canary))
            #expect(clear.header("cache-control") == "no-store")
            // The reader still gets the redacted answer after a secrets reader asked.
            let again = try await get("/v1/config/production", "tok-reader")
            #expect(!again.text.contains(Self.canary))
        }
    }

    @Test func aTenantOverrideOfASecretIsRedactedOnTenantAndLegacyRoutes() async throws {
        let example = try ServedExample()
        defer { example.root.remove() }
        try Self.referenceAuthorizationToken("base-token", in: example)
        let settings = try String(contentsOfFile: example.configDirectory + "/bers.json", encoding: .utf8)
        try example.write(
            "bers.json",
            settings.replacingOccurrences(
                of: #""overridable": ["#,
                with: #""overridable": ["api.headers.Authorization", "#
            )
        )
        let documentPath = example.root.path + "/tenants/tenants/DEMO300003/DEMO300003-config.json"
        let document = try String(contentsOfFile: documentPath, encoding: .utf8)
        try document.replacingOccurrences(
            of: #""api": {"timeout": 9000}"#,
            with: #""api": {"timeout": 9000, "headers": {"Authorization": "\#(Self.canary)-tenant"}}"#
        )
        .write(toFile: documentPath, atomically: true, encoding: .utf8)
        let hash = try #require(
            try example.tenantHashes()
                .first { hash in
                    let mapping = try String(
                        contentsOfFile: example.root.path + "/tenants/mappings/\(hash).json",
                        encoding: .utf8
                    )
                    return mapping.contains("DEMO300003")
                }
        )
        try await RunningServer.with(example, tokens: try Self.tokens()) { server in
            let tenant = try await server.request(
                "/v1/tenants/\(hash)?env=production",
                headers: [("Authorization", "Bearer tok-reader")]
            )
            #expect(tenant.status == 200)
            #expect(tenant.json?[pointer: "/tenant/config_overrides/api/headers/Authorization"] == "<redacted>")
            #expect(tenant.json?[pointer: "/configuration/api/headers/Authorization"] == "<redacted>")
            #expect(tenant.json?[pointer: "/configuration/api/timeout"] == .integer(9000))
            #expect(!tenant.text.contains(Self.canary))
            let legacy = try await server.request("/Master_Function?action=get_config&t=\(hash)")
            #expect(legacy.status == 200)
            #expect(legacy.text.contains("<redacted>"))
            #expect(!legacy.text.contains(Self.canary))
            let clear = try await server.request(
                "/v1/tenants/\(hash)?env=production",
                headers: [("Authorization", "Bearer tok-secrets")]
            )
            #expect(
                clear.json?[pointer: "/configuration/api/headers/Authorization"] == .string("\(Self.canary)-tenant")
            )
        }
    }

    /// A URL rendered from a template that names a secret is a secret: the anonymous legacy
    /// route's decorations and a reader without `secrets:read` get `<redacted>`, and the server
    /// log never shows it.
    @Test func aURLNamingASecretIsRedactedOnTheLegacyAndTenantRoutes() async throws {
        let example = try ServedExample()
        defer { example.root.remove() }
        try Self.referenceAuthorizationToken(Self.canary, in: example)
        let defaults = try String(contentsOfFile: example.configDirectory + "/default.json", encoding: .utf8)
        let template = #""tenantAssetUrl": "{cdn.assetsUrl}/tenants/{tenant}/{+path}""#
        #expect(defaults.contains(template))
        try example.write(
            "default.json",
            defaults.replacingOccurrences(
                of: template,
                with: #""tenantAssetUrl": "{cdn.assetsUrl}/tenants/{tenant}/{+path}?sig={api.headers.Authorization}""#
            )
        )
        let hash = try #require(try example.tenantHashes().first)
        let log = RecordedLog()
        try await RunningServer.with(example, tokens: try Self.tokens(), logger: log.logger) { server in
            let legacy = try await server.request("/Master_Function?action=get_config&t=\(hash)")
            #expect(legacy.status == 200)
            #expect(legacy.json?[pointer: "/_cloudfront/urls/avatar"] == "<redacted>")
            #expect(legacy.json?[pointer: "/_cloudfront/urls/logo"] == "<redacted>")
            #expect(!legacy.text.contains(Self.canary))
            let tenant = try await server.request(
                "/v1/tenants/\(hash)?env=production",
                headers: [("Authorization", "Bearer tok-reader")]
            )
            #expect(tenant.status == 200)
            #expect(!tenant.text.contains(Self.canary))
        }
        #expect(!log.all.contains { $0.text.contains(Self.canary) })
    }
}
