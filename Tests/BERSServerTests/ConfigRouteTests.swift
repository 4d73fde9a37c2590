import AsyncHTTPClient
import BERS
import BERSJSON
import NIOHTTP1
import Testing

/// The configuration routes over a real socket.
struct ConfigRouteTests {
    @Test func healthAndReadiness() async throws {
        let example = try ServedExample()
        defer { example.root.remove() }
        try await RunningServer.with(example) { server in
            let health = try await server.request("/healthz")
            #expect(health.status == 200)
            #expect(health.json == ["status": "up"])
            let ready = try await server.request("/readyz")
            #expect(ready.status == 200)
            #expect(ready.json?["environment"] == "production")
        }
    }

    @Test func theEnvironmentsAndTheOneServed() async throws {
        let example = try ServedExample()
        defer { example.root.remove() }
        try await RunningServer.with(example, environment: .staging) { server in
            let reply = try await server.request("/v1/environments")
            #expect(reply.status == 200)
            let names = reply.json?["environments"]?.arrayValue?.compactMap { $0["name"]?.stringValue }
            #expect(names == ["development", "staging", "production"])
            #expect(reply.json?["served"] == "staging")
        }
    }

    @Test func aConfigurationIsTheResolvedValidatedOneWithAStrongETag() async throws {
        let example = try ServedExample()
        defer { example.root.remove() }
        try await RunningServer.with(example) { server in
            let expected = try ConfigProject(directory: example.configDirectory).resolveValidated(.staging)
            let reply = try await server.request("/v1/config/staging")
            #expect(reply.status == 200)
            #expect(reply.json == expected.value)
            #expect(reply.header("Content-Type") == "application/json")
            #expect(reply.header("Cache-Control") == "no-cache")
            #expect(reply.header("BERS-Generation") == "1")
            #expect(reply.header("BERS-Environment") == "staging")
            let etag = try #require(reply.header("ETag"))
            #expect(etag.hasPrefix("\"") && etag.hasSuffix("\"") && !etag.hasPrefix("W/"))
            #expect(reply.header("Content-Length") == String(reply.body.count))
            // The same bytes again: rendered once per generation.
            let again = try await server.request("/v1/config/staging")
            #expect(again.body == reply.body)
            #expect(again.header("ETag") == etag)
        }
    }

    @Test func provenanceAndOneValue() async throws {
        let example = try ServedExample()
        defer { example.root.remove() }
        try await RunningServer.with(example) { server in
            let full = try await server.request("/v1/config/staging?provenance=true")
            #expect(full.json?["configuration"]?["api"]?["timeout"] == 8000)
            #expect(full.json?["provenance"]?["/api/timeout"]?["layer"] == "staging")
            let one = try await server.request("/v1/config/staging?path=api.timeout")
            #expect(one.status == 200)
            #expect(one.json?["value"] == 8000)
            #expect(one.json?["provenance"]?["file"]?.stringValue?.hasSuffix("staging.json") == true)
            #expect(one.json?["provenance"]?["line"] == 6)
            let misspelt = try await server.request("/v1/config/staging?provenance=yes")
            #expect(misspelt.status == 400)
            #expect(misspelt.json?["error"]?["code"] == "serve.invalid-parameter")
            let plain = try await server.request("/v1/config/staging?provenance=false")
            #expect(plain.json?["provenance"] == nil)
            #expect(plain.json?["api"]?["timeout"] == 8000)
            let missing = try await server.request("/v1/config/staging?path=api.nothing")
            #expect(missing.status == 404)
            #expect(missing.json?["error"]?["code"] == "config.missing-value")
        }
    }

    @Test func unknownEnvironmentsRoutesAndMethods() async throws {
        let example = try ServedExample()
        defer { example.root.remove() }
        try await RunningServer.with(example) { server in
            let unknown = try await server.request("/v1/config/prod")
            #expect(unknown.status == 404)
            #expect(unknown.json?["error"]?["code"] == "config.unknown-environment")
            #expect(unknown.header("ETag") == nil)
            #expect(unknown.header("Cache-Control") == "no-store")
            let route = try await server.request("/v2/anything")
            #expect(route.status == 404)
            #expect(route.json?["error"]?["code"] == "serve.not-found")
            let method = try await server.request("/v1/config/staging", method: .DELETE)
            #expect(method.status == 405)
            #expect(method.header("Allow") == "GET, HEAD")
            let reload = try await server.request("/v1/reload")
            #expect(reload.status == 405)
            #expect(reload.header("Allow") == "POST")
        }
    }

    @Test func headHasTheHeadersOfGetAndNoBody() async throws {
        let example = try ServedExample()
        defer { example.root.remove() }
        try await RunningServer.with(example) { server in
            let get = try await server.request("/v1/config/production")
            let head = try await server.request("/v1/config/production", method: .HEAD)
            #expect(head.status == 200)
            #expect(head.body.isEmpty)
            #expect(head.header("Content-Length") == String(get.body.count))
            #expect(head.header("ETag") == get.header("ETag"))
        }
    }

    @Test func ifNoneMatchGivesNotModifiedWithoutABody() async throws {
        let example = try ServedExample()
        defer { example.root.remove() }
        try await RunningServer.with(example) { server in
            let first = try await server.request("/v1/config/production")
            let etag = try #require(first.header("ETag"))
            for condition in [etag, "W/\(etag)", "\"other\", \(etag)", "*"] {
                let reply = try await server.request("/v1/config/production", headers: [("If-None-Match", condition)])
                #expect(reply.status == 304, "If-None-Match: \(condition)")
                #expect(reply.body.isEmpty)
                #expect(reply.header("ETag") == etag)
                #expect(reply.header("Cache-Control") == "no-cache")
            }
            let changed = try await server.request("/v1/config/production", headers: [("If-None-Match", "\"other\"")])
            #expect(changed.status == 200)
            #expect(changed.body == first.body)
        }
    }

    @Test func metricsCountRequestsByRouteTemplate() async throws {
        let example = try ServedExample()
        defer { example.root.remove() }
        try await RunningServer.with(example) { server in
            let hash = try #require(try example.tenantHashes().first)
            _ = try await server.request("/v1/config/staging")
            _ = try await server.request("/?action=get_config&t=\(hash)")
            _ = try await server.request("/v1/config/staging", method: .OPTIONS)
            let metrics = try await server.request("/metrics")
            #expect(metrics.status == 200)
            #expect(metrics.header("Content-Type")?.hasPrefix("text/plain") == true)
            #expect(metrics.text.contains(#"bers_http_requests_total{route="/v1/config/{env}",status="200"} 1"#))
            #expect(metrics.text.contains(#"route="get_config""#))
            #expect(metrics.text.contains(#"route="preflight""#))
            #expect(!metrics.text.contains(#"route="method-not-allowed""#))
            #expect(metrics.text.contains("bers_http_request_duration_seconds"))
            #expect(metrics.text.contains("bers_config_generation"))
            #expect(metrics.text.contains("bers_tenant_cache_misses_total"))
            #expect(!metrics.text.contains(hash))
        }
    }
}
