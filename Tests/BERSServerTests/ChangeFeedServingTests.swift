import BERS
import BERSJSON
import Foundation
import Synchronization
import Testing

/// A feed a test drives: it announces tenant changes when told, and reports the status set.
final class ScriptedFeed: ChangeFeed {
    private let handlers = Mutex<[@Sendable (TenantStoreNotice) -> Void]>([])
    let current = Mutex(ChangeFeedStatus(source: "etcd://127.0.0.1:2379/test", connected: true, revision: 7))

    var status: ChangeFeedStatus { current.withLock { $0 } }

    func onTenantChanges(_ handler: @escaping @Sendable (TenantStoreNotice) -> Void) {
        handlers.withLock { $0.append(handler) }
    }

    /// Tells the server `notice`.
    func announce(_ notice: TenantStoreNotice) {
        for handler in handlers.withLock({ $0 }) { handler(notice) }
    }
}

/// A server whose tenant store pushes its changes.
struct ChangeFeedServingTests {
    private let hash = "de613253a8fd66"
    private let key = "tenants/DEMO100001/DEMO100001-config.json"

    private func edit(_ example: ServedExample, title: JSONValue) throws {
        let path = example.root.path + "/tenants/" + key
        guard case .object(var document) = try JSONValue(parsing: String(contentsOfFile: path, encoding: .utf8)) else {
            throw CocoaError(.fileReadCorruptFile)
        }
        document["chat_title"] = title
        try Data(JSONValue.object(document).jsonText.utf8).write(to: URL(fileURLWithPath: path))
    }

    @Test func announcedChangesAreServedAtOnceAndInvalidOnesAreRefused() async throws {
        let example = try ServedExample()
        defer { example.root.remove() }
        let feed = ScriptedFeed()
        try await RunningServer.with(example, feed: feed) { server in
            let path = "/v1/tenants/\(hash)?env=staging"
            #expect(try await server.request(path).json?["source"] == "store")
            try edit(example, title: "Changed")
            // The cache keeps its copy for its time to live (10 minutes) unless told.
            #expect(try await server.request(path).json?["tenant"]?["chat_title"] != "Changed")
            feed.announce(.changed([key]))
            #expect(try await server.request(path).json?["tenant"]?["chat_title"] == "Changed")
            try edit(example, title: 12345)
            feed.announce(.changed([key]))
            let refused = try await server.request(path)
            #expect(refused.status == 200)
            #expect(refused.json?["tenant"]?["chat_title"] == "Changed")
            #expect(refused.json?["source"] == "stale")
        }
    }

    @Test func theStatusSaysSinceWhenTheFeedIsStale() async throws {
        let example = try ServedExample()
        defer { example.root.remove() }
        let feed = ScriptedFeed()
        try await RunningServer.with(example, feed: feed) { server in
            #expect(try await server.request("/v1/status").json?["feed"]?["connected"] == true)
            feed.current.withLock {
                $0.connected = false
                $0.staleSince = UTCTimestamp(secondsSince1970: 1_796_000_000)
                $0.lastError = "connection refused"
            }
            let status = try await server.request("/v1/status").json?["feed"]
            #expect(status?["connected"] == false)
            #expect(status?["stale_since"] == .string(UTCTimestamp(secondsSince1970: 1_796_000_000).description))
            #expect(status?["last_error"] == "connection refused")
            #expect(try await server.request("/readyz").status == 200)
        }
    }
}
