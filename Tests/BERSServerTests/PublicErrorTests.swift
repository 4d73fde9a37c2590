import AsyncHTTPClient
import BERS
import BERSJSON
import Foundation
import NIOHTTP1
import Testing

/// What anonymous clients and scoped tokens may not learn.
struct PublicErrorTests {
    @Test func aFailingStoreIsAGatewayErrorWithoutItsDetails() async throws {
        let example = try ServedExample()
        defer { example.root.remove() }
        let store = CountingStore(
            example.store(),
            failure: TenantError(.storeUnavailable, "s3://secret-bucket/mappings refused")
        )
        try await RunningServer.with(example, store: store) { server in
            let reply = try await server.request("/?action=get_config&t=de613253a8fd66")
            #expect(reply.status == 503)
            #expect(reply.json?["error"]?["code"] == "tenant.store-unavailable")
            #expect(!reply.text.contains("secret-bucket"))
            #expect(reply.json?["error"]?["location"] == nil)
        }
    }

    @Test func withoutAFallbackAnUnknownTenantIsNotFound() async throws {
        let example = try ServedExample()
        defer { example.root.remove() }
        let settings = try String(contentsOfFile: example.configDirectory + "/bers.json", encoding: .utf8)
        try example.write(
            "bers.json",
            settings.replacingOccurrences(of: "\"fallback\": \"fallback-tenant.json\",", with: "")
        )
        try await RunningServer.with(example) { server in
            let reply = try await server.request("/v1/tenants/de000000000000")
            #expect(reply.status == 404)
            #expect(reply.json?["error"]?["code"] == "tenant.not-found")
        }
    }

    @Test func statusShowsOnlyTheEnvironmentsATokenMayRead() async throws {
        let example = try ServedExample()
        defer { example.root.remove() }
        func entry(_ name: String, _ token: String, _ scopes: [String]) -> JSONValue {
            [
                "name": .string(name), "sha256": .string(BERSDigest.sha256Hex(Array(token.utf8))),
                "scopes": .array(scopes.map(JSONValue.string)),
            ]
        }
        let tokens = try AccessTokens(
            document: JSONDocument(
                value: ["tokens": [entry("ops", "a", ["admin"]), entry("staging", "s", ["config:read:staging"])]],
                file: "tokens.json"
            )
        )
        try await RunningServer.with(example, tokens: tokens) { server in
            _ = try await server.request("/v1/config/staging", headers: [("Authorization", "Bearer a")])
            let all = try await server.request("/v1/status", headers: [("Authorization", "Bearer a")])
            #expect(all.json?["environments"]?.arrayValue?.count == 2)
            let staging = try await server.request("/v1/status", headers: [("Authorization", "Bearer s")])
            let names = staging.json?["environments"]?.arrayValue?.compactMap { $0["environment"]?.stringValue }
            #expect(names == ["staging"])
        }
    }

    @Test func aBrokenLegacyDefaultsDocumentIsRefusedAndTheLastGoodOneServed() async throws {
        let example = try ServedExample()
        defer { example.root.remove() }
        try await RunningServer.with(example) { server in
            let before = try await server.request("/?action=get_config&t=de113d6b3e07e5")
            #expect(before.status == 200)
            try example.write("widget-defaults.json", "{\"quick_help\": ")
            let event = server.live.reload()
            #expect(event.result == "refused")
            let after = try await server.request("/?action=get_config&t=de113d6b3e07e5")
            #expect(after.status == 200)
            #expect(after.body == before.body)
        }
    }
}
