import AsyncHTTPClient
import BERS
import BERSJSON
import Foundation
import NIOHTTP1
import Testing

/// Serving while the files change, many clients at once, and shutting down with requests in flight.
struct LiveServingTests {
    /// Polls `target` until `done` holds for its reply (at most 10 s).
    private func eventually(
        _ server: RunningServer,
        _ target: String,
        _ done: (RunningServer.Reply) -> Bool
    ) async throws -> RunningServer.Reply {
        var reply = try await server.request(target)
        for _ in 0..<200 where !done(reply) {
            try await Task.sleep(for: .milliseconds(50))
            reply = try await server.request(target)
        }
        return reply
    }

    @Test func anEditIsServedAndAnInvalidEditIsRefused() async throws {
        let example = try ServedExample()
        defer { example.root.remove() }
        try await RunningServer.with(example, environment: .staging) { server in
            let first = try await server.request("/v1/config/staging")
            let staging = try String(contentsOfFile: example.configDirectory + "/staging.json", encoding: .utf8)
            try example.write(
                "staging.json",
                staging.replacingOccurrences(of: "\"timeout\": 8000", with: "\"timeout\": 9000")
            )
            let edited = try await eventually(server, "/v1/config/staging") { $0.json?["api"]?["timeout"] == 9000 }
            #expect(edited.json?["api"]?["timeout"] == 9000)
            #expect(edited.header("ETag") != first.header("ETag"))
            #expect(edited.header("BERS-Generation") == "2")

            try example.write(
                "staging.json",
                staging.replacingOccurrences(of: "\"timeout\": 8000", with: "\"timeout\": \"slow\"")
            )
            let status = try await eventually(server, "/v1/status") {
                $0.json?["environments"]?[0]?["last_reload"]?["event"] == "refused"
            }
            let refused = try #require(status.json?["environments"]?[0]?["last_reload"])
            #expect(refused["generation"] == 2)
            #expect(refused["error"]?["code"] == "config.invalid")
            #expect(refused["error"]?["details"]?[0]?.stringValue?.contains("staging.json:6:") == true)
            let kept = try await server.request("/v1/config/staging")
            #expect(kept.body == edited.body)
            #expect(try await server.request("/readyz").status == 200)
        }
    }

    @Test func otherEnvironmentsFollowTheirFilesToo() async throws {
        let example = try ServedExample()
        defer { example.root.remove() }
        try await RunningServer.with(example, environment: .production) { server in
            _ = try await server.request("/v1/config/development")
            let text = try String(contentsOfFile: example.configDirectory + "/development.json", encoding: .utf8)
            try example.write(
                "development.json",
                text.replacingOccurrences(of: "\"timeout\": 10000", with: "\"timeout\": 11000")
            )
            let edited = try await eventually(server, "/v1/config/development") { $0.json?["api"]?["timeout"] == 11000 }
            #expect(edited.json?["api"]?["timeout"] == 11000)
            let status = try await server.request("/v1/status")
            let served = status.json?["environments"]?.arrayValue?.compactMap { $0["environment"]?.stringValue }
            #expect(served == ["production", "development"])
        }
    }

    @Test func aReloadRequestReportsEachEnvironment() async throws {
        let example = try ServedExample()
        defer { example.root.remove() }
        try await RunningServer.with(example) { server in
            let reply = try await server.request("/v1/reload", method: .POST)
            #expect(reply.status == 200)
            #expect(reply.json?["reloads"]?[0]?["event"] == "unchanged")
            #expect(reply.json?["reloads"]?[0]?["environment"] == "production")
        }
    }

    @Test func aThousandConcurrentRequestsForAnUncachedTenantLoadItOnce() async throws {
        let example = try ServedExample()
        defer { example.root.remove() }
        let store = CountingStore(example.store(), delay: .milliseconds(200))
        try await RunningServer.with(example, store: store) { server in
            let hash = "de613253a8fd66"
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<1000 {
                    let target = index.isMultiple(of: 2) ? "/?action=get_config&t=\(hash)" : "/v1/tenants/\(hash)"
                    group.addTask { try await server.request(target).status }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(statuses.count == 1000)
            #expect(statuses.allSatisfy { $0 == 200 })
            #expect(store.readCount("mappings/\(hash).json") == 1)
            #expect(store.readCount("tenants/DEMO100001/DEMO100001-config.json") == 1)
        }
    }

    @Test func aGracefulShutdownFinishesTheRequestsInFlight() async throws {
        let example = try ServedExample()
        defer { example.root.remove() }
        let store = CountingStore(example.store(), delay: .milliseconds(700))
        try await RunningServer.with(example, store: store) { server in
            let inFlight = Task { try await server.request("/v1/tenants/de613253a8fd66") }
            for _ in 0..<500 where store.readCount("mappings/de613253a8fd66.json") == 0 {
                try await Task.sleep(for: .milliseconds(10))
            }
            await server.beginShutdown()
            let reply = try await inFlight.value
            #expect(reply.status == 200)
            #expect(reply.json?["tenant_id"] == "DEMO100001")
            try await server.waitUntilStopped()
        }
    }
}
