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
            connection.write(
                "GET /v1/config/staging HTTP/1.1\r\nHost: t\r\n\r\n"
                    + "HEAD /v1/config/staging HTTP/1.1\r\nHost: t\r\n\r\n"
                    + "GET /v1/tenants/deace9779fcea6 HTTP/1.1\r\nHost: t\r\n\r\n"
                    + "GET /v1/config/staging HTTP/1.1\r\nHost: t\r\nIf-None-Match: \(etag)\r\n\r\n"
                    + "GET /v1/config/staging HTTP/1.1\r\nHost: t\r\n\r\n"
            )
            let first = try await connection.response()
            #expect(first.status == 200)
            #expect(first.body.utf8.elementsEqual(warm.body))
            #expect(first.headers["etag"] == etag)
            #expect(first.headers["date"]?.hasSuffix(" GMT") == true)
            #expect(first.headers["content-length"] == String(warm.body.count))
            let head = try await connection.response(hasBody: false)
            #expect(head.status == 200)
            #expect(head.headers["content-length"] == String(warm.body.count))
            let tenant = try await connection.response()
            #expect(tenant.status == 200)
            #expect(try JSONValue(parsing: tenant.body)["tenant_id"] == "DEMO200002")
            let notModified = try await connection.response()
            #expect(notModified.status == 304)
            #expect(notModified.headers["etag"] == etag)
            #expect(notModified.headers["content-length"] == nil)
            let last = try await connection.response()
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
            connection.write("GET /v1/envir")
            try await Task.sleep(for: .milliseconds(50))
            connection.write("onments HTTP/1.1\r\nHo")
            try await Task.sleep(for: .milliseconds(50))
            connection.write("st: t\r\n\r\n")
            let reply = try await connection.response()
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

    @Test func corsHeadersFollowEachRequestsOrigin() async throws {
        let example = try ServedExample()
        defer { example.root.remove() }
        try await RunningServer.with(example, allowOrigins: ["https://chat.example"]) { server in
            let warm = try await server.request("/v1/config/staging", headers: [("Origin", "https://chat.example")])
            #expect(warm.header("Access-Control-Allow-Origin") == "https://chat.example")
            let connection = try RawConnection(port: server.port)
            connection.write(
                "GET /v1/config/staging HTTP/1.1\r\nHost: t\r\nOrigin: https://chat.example\r\n\r\n"
                    + "GET /v1/config/staging HTTP/1.1\r\nHost: t\r\nOrigin: https://evil.example\r\n\r\n"
                    + "GET /v1/config/staging HTTP/1.1\r\nHost: t\r\n\r\n"
            )
            let allowed = try await connection.response()
            #expect(allowed.headers["access-control-allow-origin"] == "https://chat.example")
            #expect(allowed.headers["vary"] == "Origin")
            #expect(allowed.body.utf8.elementsEqual(warm.body))
            let denied = try await connection.response()
            #expect(denied.status == 200)
            #expect(denied.headers["access-control-allow-origin"] == nil)
            #expect(denied.headers["vary"] == "Origin")
            let none = try await connection.response()
            #expect(none.headers["access-control-allow-origin"] == nil)
        }
    }

    @Test func connectionCloseIsAnsweredThenTheConnectionCloses() async throws {
        let example = try ServedExample()
        defer { example.root.remove() }
        try await RunningServer.with(example) { server in
            _ = try await server.request("/v1/config/staging")
            let connection = try RawConnection(port: server.port)
            connection.write(
                "GET /v1/config/staging HTTP/1.1\r\nHost: t\r\n\r\n"
                    + "GET /v1/config/staging HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n"
            )
            #expect(try await connection.response().status == 200)
            let last = try await connection.response()
            #expect(last.status == 200)
            await #expect(throws: RawConnection.Failure.self) { try await connection.response() }
        }
    }

    @Test func malformedBytesGetTheFullServersAnswer() async throws {
        let example = try ServedExample()
        defer { example.root.remove() }
        try await RunningServer.with(example) { server in
            _ = try await server.request("/v1/config/staging")
            let connection = try RawConnection(port: server.port)
            // A bare LF in a header: the fast path must not answer what the parser refuses.
            connection.write("GET /v1/config/staging HTTP/1.1\r\nX: y\nContent-Length: 4\r\n\r\nGET /")
            let reply = try await connection.response()
            #expect(reply.status == 400)
        }
    }
}
