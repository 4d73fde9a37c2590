import AsyncHTTPClient
import BERS
import BERSJSON
import NIOHTTP1
import Testing

/// The tenant routes, the legacy `get_config` route among them.
struct TenantRouteTests {
    @Test func aTenantIsTheEnvironmentWithItsDocument() async throws {
        let example = try ServedExample()
        defer { example.root.remove() }
        try await RunningServer.with(example) { server in
            let hash = "de613253a8fd66"
            let reply = try await server.request("/v1/tenants/\(hash)?env=staging")
            #expect(reply.status == 200)
            #expect(reply.json?["tenant_id"] == "DEMO100001")
            #expect(reply.json?["environment"] == "staging")
            #expect(reply.json?["source"] == "store")
            #expect(reply.header("BERS-Tenant-Source") == "store")
            #expect(reply.header("ETag") != nil)
            let production = try await server.request("/v1/tenants/\(hash)")
            #expect(production.json?["environment"] == "production")
        }
    }

    @Test func anUnknownTenantGetsTheMarkedFallbackAndAMalformedHashIsABadRequest() async throws {
        let example = try ServedExample()
        defer { example.root.remove() }
        try await RunningServer.with(example) { server in
            let unknown = try await server.request("/v1/tenants/de000000000000")
            #expect(unknown.status == 200)
            #expect(unknown.json?["source"] == "fallback")
            #expect(unknown.json?["tenant"]?["metadata"]?["source"] == "fallback")
            let malformed = try await server.request("/v1/tenants/not-a-hash!")
            #expect(malformed.status == 400)
            #expect(malformed.json?["error"]?["code"] == "tenant.invalid-hash")
        }
    }

    @Test func theLegacyRouteServesTheDocumentWithDefaultsAndDecorations() async throws {
        let example = try ServedExample()
        defer { example.root.remove() }
        try await RunningServer.with(example) { server in
            let hash = "de113d6b3e07e5"  // DEMO300003, which has no quick_help
            let reply = try await server.request("/Master_Function?action=get_config&t=\(hash)")
            #expect(reply.status == 200)
            #expect(reply.json?["tenant_id"] == "DEMO300003")
            #expect(reply.json?["quick_help"] == ["enabled": false])
            let production = try ConfigProject(directory: example.configDirectory).resolve(.production)
            let cdn = try #require(production.value(at: "cdn.assetsUrl")?.stringValue)
            #expect(reply.json?[pointer: "/_cloudfront/urls/avatar"] == .string("\(cdn)/tenants/\(hash)/avatar.png"))
            #expect(reply.json?[pointer: "/_cloudfront/urls/logo"] == .string("\(cdn)/tenants/\(hash)/logo.png"))
            let root = try await server.request("/?action=get_config&t=\(hash)")
            #expect(root.body == reply.body)
            #expect(root.header("ETag") == reply.header("ETag"))
        }
    }

    @Test func theLegacyRouteHasNoFallbackAndOneAction() async throws {
        let example = try ServedExample()
        defer { example.root.remove() }
        try await RunningServer.with(example) { server in
            for target in ["/?action=get_config&t=de000000000000", "/?action=get_config&t=bad!", "/?action=get_config"]
            {
                let reply = try await server.request(target)
                #expect(reply.status == 404, "\(target)")
                #expect(reply.json?["error"]?["code"] == "tenant.not-found")
                #expect(reply.json?["error"]?["message"] == "no tenant has this hash")
            }
            for target in ["/?action=chat&t=de113d6b3e07e5", "/Master_Function"] {
                let reply = try await server.request(target)
                #expect(reply.status == 400, "\(target)")
                #expect(reply.json?["error"]?["code"] == "serve.unsupported-action")
                #expect(reply.json?["error"]?["message"]?.stringValue?.contains("get_config") == true)
            }
        }
    }

    @Test func invalidatingATenantRereadsTheStore() async throws {
        let example = try ServedExample()
        defer { example.root.remove() }
        try await RunningServer.with(example) { server in
            let hash = "deace9779fcea6"
            let path = example.root.path + "/tenants/tenants/DEMO200002/DEMO200002-config.json"
            let before = try await server.request("/?action=get_config&t=\(hash)")
            var document = try #require(before.json?.objectValue)
            document["chat_title"] = "Edited"
            try JSONSerializer().string(.object(document)).write(toFile: path, atomically: true, encoding: .utf8)
            // Within the TTL the cached document is served.
            let cached = try await server.request("/?action=get_config&t=\(hash)")
            #expect(cached.json?["chat_title"] == before.json?["chat_title"])
            let invalidated = try await server.request("/v1/tenants/\(hash)/invalidate", method: .POST)
            #expect(invalidated.status == 200)
            let after = try await server.request("/?action=get_config&t=\(hash)")
            #expect(after.json?["chat_title"] == "Edited")
            #expect(after.header("ETag") != before.header("ETag"))
        }
    }
}
