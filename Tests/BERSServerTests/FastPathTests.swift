import AsyncHTTPClient
import BERS
import BERSJSON
import Foundation
import NIOHTTP1
import Testing

/// The fast path over real connections: the same bytes as the full server, responses in the
/// order of requests, and nothing stale.
struct FastPathTests {
    @Test func pipelinedRequestsAreAnsweredInOrder() async throws {
        let example = try ServedExample()
        defer { example.root.remove() }
        try await RunningServer.with(example) { server in
            let warm = try await server.request("/v1/config/staging")
            let etag = try #require(warm.header("ETag"))
            let connection = try RawConnection(port: server.port)
            // Hot, then two for the full server (a HEAD, a tenant not loaded yet), then hot again.
            connection.send(
                "GET /v1/config/staging HTTP/1.1\r\nHost: t\r\n\r\n"
                    + "HEAD /v1/config/staging HTTP/1.1\r\nHost: t\r\n\r\n"
                    + "GET /v1/tenants/deace9779fcea6 HTTP/1.1\r\nHost: t\r\n\r\n"
                    + "GET /v1/config/staging HTTP/1.1\r\nHost: t\r\nIf-None-Match: \(etag)\r\n\r\n"
                    + "GET /v1/config/staging HTTP/1.1\r\nHost: t\r\n\r\n"
            )
            let first = try connection.response()
            #expect(first.status == 200)
            #expect(first.body.utf8.elementsEqual(warm.body))
            #expect(first.headers["etag"] == etag)
            #expect(first.headers["date"]?.hasSuffix(" GMT") == true)
            #expect(first.headers["content-length"] == String(warm.body.count))
            let head = try connection.response(hasBody: false)
            #expect(head.status == 200)
            #expect(head.headers["content-length"] == String(warm.body.count))
            let tenant = try connection.response()
            #expect(tenant.status == 200)
            #expect(try JSONValue(parsing: tenant.body)["tenant_id"] == "DEMO200002")
            let notModified = try connection.response()
            #expect(notModified.status == 304)
            #expect(notModified.headers["etag"] == etag)
            #expect(notModified.headers["content-length"] == nil)
            let last = try connection.response()
            #expect(last.status == 200)
            #expect(last.body == first.body)
        }
    }

    @Test func aRequestSplitAcrossWritesIsStillAnswered() async throws {
        let example = try ServedExample()
        defer { example.root.remove() }
        try await RunningServer.with(example) { server in
            _ = try await server.request("/healthz")
            _ = try await server.request("/v1/environments")
            let connection = try RawConnection(port: server.port)
            connection.send("GET /v1/envir")
            try await Task.sleep(for: .milliseconds(50))
            connection.send("onments HTTP/1.1\r\nHo")
            try await Task.sleep(for: .milliseconds(50))
            connection.send("st: t\r\n\r\n")
            let reply = try connection.response()
            #expect(reply.status == 200)
            #expect(try JSONValue(parsing: reply.body)["served"] == "production")
        }
    }

    @Test func fastAnswersAreCountedAndNeverStale() async throws {
        let example = try ServedExample()
        defer { example.root.remove() }
        try await RunningServer.with(example, environment: .staging) { server in
            for _ in 0..<5 { _ = try await server.request("/v1/config/staging") }
            let metrics = try await server.request("/metrics")
            #expect(metrics.text.contains(#"bers_http_requests_total{route="/v1/config/{env}",status="200"} 5"#))
            // A reload that changes the configuration: the next request is never the old bytes.
            let staging = try String(contentsOfFile: example.configDirectory + "/staging.json", encoding: .utf8)
            try example.write(
                "staging.json",
                staging.replacingOccurrences(of: "\"retries\": 2", with: "\"retries\": 3")
            )
            _ = server.live.reload()
            let reply = try await server.request("/v1/config/staging")
            #expect(reply.json?["api"]?["retries"] == 3)
        }
    }
}
