import AsyncHTTPClient
import BERS
import BERSJSON
import NIOHTTP1
import Testing

/// Bearer tokens, CORS and request limits.
struct AuthorizationTests {
    private static func tokens(_ entries: [(String, String, [String])]) throws -> AccessTokens {
        let list: [JSONValue] = entries.map { name, token, scopes in
            [
                "name": .string(name), "sha256": .string(BERSDigest.sha256Hex(Array(token.utf8))),
                "scopes": .array(scopes.map(JSONValue.string)),
            ]
        }
        return try AccessTokens(document: JSONDocument(value: ["tokens": .array(list)], file: "tokens.json"))
    }

    @Test func theAuthorizationMatrix() async throws {
        let example = try ServedExample()
        defer { example.root.remove() }
        let tokens = try Self.tokens([
            ("staging-reader", "tok-staging", ["config:read:staging"]),
            ("ops", "tok-admin", ["admin"]),
            ("prometheus", "tok-metrics", ["metrics:read"]),
            ("widget", "tok-tenant", ["tenant:read:de613253a8fd66", "config:read:production"]),
            ("tenant-only", "tok-tenant-only", ["tenant:read:*"]),
        ])
        try await RunningServer.with(example, tokens: tokens) { server in
            func status(_ target: String, _ token: String?, method: HTTPMethodName = .get) async throws -> Int {
                let headers = token.map { [("Authorization", "Bearer \($0)")] } ?? []
                return try await server.request(target, method: method.client, headers: headers).status
            }
            #expect(try await status("/v1/config/staging", nil) == 401)
            #expect(try await status("/v1/config/staging", "wrong") == 401)
            #expect(try await status("/v1/config/production", "tok-staging") == 403)
            #expect(try await status("/v1/config/staging", "tok-staging") == 200)
            // A refused query is answered only to a caller who may read configuration.
            #expect(try await status("/v1/config/staging?provenance=yes", nil) == 401)
            #expect(try await status("/v1/config/staging?provenance=yes", "tok-metrics") == 403)
            #expect(try await status("/v1/config/staging?provenance=yes", "tok-staging") == 400)
            #expect(try await status("/v1/config/production", "tok-admin") == 200)
            #expect(try await status("/v1/environments", "tok-staging") == 200)
            #expect(try await status("/v1/environments", "tok-metrics") == 403)
            #expect(try await status("/metrics", nil) == 401)
            #expect(try await status("/metrics", "tok-staging") == 403)
            #expect(try await status("/metrics", "tok-metrics") == 200)
            #expect(try await status("/v1/tenants/de613253a8fd66", "tok-tenant") == 200)
            #expect(try await status("/v1/tenants/deace9779fcea6", "tok-tenant") == 403)
            // The runtime configuration is the environment's too: a tenant scope alone is not enough.
            #expect(try await status("/v1/tenants/de613253a8fd66", "tok-tenant-only") == 403)
            #expect(try await status("/v1/tenants/de613253a8fd66?env=staging", "tok-tenant") == 403)
            // Every /v1 path needs a token, known or not; the scheme's case does not matter.
            #expect(try await status("/v1/nothing", nil) == 401)
            #expect(try await status("/v1/nothing", "tok-staging") == 404)
            let lowercase = try await server.request(
                "/v1/config/staging",
                headers: [("Authorization", "bearer tok-staging")]
            )
            #expect(lowercase.status == 200)
            #expect(try await status("/v1/reload", "tok-staging", method: .post) == 403)
            #expect(try await status("/v1/reload", "tok-admin", method: .post) == 200)
            // The widget's route and the health routes stay public.
            #expect(try await status("/?action=get_config&t=de613253a8fd66", nil) == 200)
            #expect(try await status("/healthz", nil) == 200)
            #expect(try await status("/readyz", nil) == 200)
            let refused = try await server.request("/v1/config/staging")
            #expect(refused.header("WWW-Authenticate") == "Bearer")
            #expect(refused.json?["error"]?["code"] == "serve.unauthorized")
            let forbidden = try await server.request(
                "/v1/config/production",
                headers: [("Authorization", "Bearer tok-staging")]
            )
            #expect(forbidden.json?["error"]?["code"] == "serve.forbidden")
            #expect(forbidden.json?["error"]?["message"]?.stringValue?.contains("tok-staging") == false)
        }
    }

    @Test func onlyListedOriginsAreEchoed() async throws {
        let example = try ServedExample()
        defer { example.root.remove() }
        try await RunningServer.with(example, allowOrigins: ["https://chat.example"]) { server in
            let allowed = try await server.request("/v1/config/staging", headers: [("Origin", "https://chat.example")])
            #expect(allowed.header("Access-Control-Allow-Origin") == "https://chat.example")
            #expect(allowed.header("Vary") == "Origin")
            let denied = try await server.request("/v1/config/staging", headers: [("Origin", "https://evil.example")])
            #expect(denied.status == 200)
            #expect(denied.header("Access-Control-Allow-Origin") == nil)
            #expect(denied.header("Vary") == "Origin")
            let preflight = try await server.request(
                "/v1/config/staging",
                method: .OPTIONS,
                headers: [("Origin", "https://chat.example"), ("Access-Control-Request-Method", "GET")]
            )
            #expect(preflight.status == 204)
            #expect(preflight.headerValues("Access-Control-Allow-Origin") == ["https://chat.example"])
            #expect(preflight.headerValues("Vary") == ["Origin"])
            #expect(allowed.headerValues("Access-Control-Allow-Origin") == ["https://chat.example"])
            #expect(preflight.header("Access-Control-Allow-Methods")?.contains("GET") == true)
            #expect(preflight.header("Access-Control-Allow-Headers")?.contains("Authorization") == true)
            let refusedPreflight = try await server.request(
                "/v1/config/staging",
                method: .OPTIONS,
                headers: [("Origin", "https://evil.example"), ("Access-Control-Request-Method", "GET")]
            )
            #expect(refusedPreflight.status == 403)
            #expect(refusedPreflight.header("Access-Control-Allow-Origin") == nil)
        }
    }

    @Test func aWildcardIsEchoedOnlyWhenConfigured() async throws {
        let example = try ServedExample()
        defer { example.root.remove() }
        try await RunningServer.with(example, allowOrigins: ["*"]) { open in
            let reply = try await open.request("/healthz", headers: [("Origin", "https://any.example")])
            #expect(reply.header("Access-Control-Allow-Origin") == "*")
            let preflight = try await open.request(
                "/v1/config/staging",
                method: .OPTIONS,
                headers: [("Origin", "https://any.example"), ("Access-Control-Request-Method", "GET")]
            )
            #expect(preflight.status == 204)
            #expect(preflight.headerValues("Access-Control-Allow-Origin") == ["*"])
        }
        try await RunningServer.with(example) { closed in
            let none = try await closed.request("/healthz", headers: [("Origin", "https://any.example")])
            #expect(none.header("Access-Control-Allow-Origin") == nil)
            #expect(none.header("Vary") == nil)
        }
    }

    @Test func requestLimits() async throws {
        let example = try ServedExample()
        defer { example.root.remove() }
        let limits = ServeSettings.RequestLimits(urlBytes: 300, headerBytes: 2048, bodyBytes: 16)
        try await RunningServer.with(example, limits: limits) { server in
            let long = try await server.request("/v1/config/staging?path=" + String(repeating: "a", count: 400))
            #expect(long.status == 414)
            #expect(long.json?["error"]?["code"] == "serve.uri-too-long")
            let headers = try await server.request(
                "/healthz",
                headers: [("X-Padding", String(repeating: "b", count: 3000))]
            )
            #expect(headers.status == 431)
            // Also for a target the fast path has: it leaves large requests to the full server.
            #expect(try await server.request("/v1/config/staging").status == 200)
            let hot = try await server.request(
                "/v1/config/staging",
                headers: [("X-Padding", String(repeating: "b", count: 3000))]
            )
            #expect(hot.status == 431)
            let body = try await server.request("/v1/reload", method: .POST, body: Array(repeating: 1, count: 100))
            #expect(body.status == 413)
            let small = try await server.request("/v1/reload", method: .POST, body: Array(repeating: 1, count: 8))
            #expect(small.status == 200)
        }
    }
}
