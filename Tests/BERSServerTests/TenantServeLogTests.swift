import BERS
import BERSJSON
import BERSTestSupport
import Foundation
import Logging
import Synchronization
import Testing

/// The warnings a server logs when it refuses a tenant document or serves a stale one.
struct TenantServeLogTests {
    private let hash = "de613253a8fd66"
    private let key = "tenants/DEMO100001/DEMO100001-config.json"

    @Test func aRefusedDocumentIsLoggedWithoutItsValues() async throws {
        let example = try ServedExample()
        defer { example.root.remove() }
        let feed = ScriptedFeed()
        let log = RecordedLog()
        try await RunningServer.with(example, feed: feed, logger: log.logger) { server in
            let path = "/v1/tenants/\(hash)?env=staging"
            #expect(try await server.request(path).json?["source"] == "store")
            #expect(log.warnings.isEmpty)
            let file = example.root.path + "/tenants/" + key
            guard case .object(var document) = try JSONValue(parsing: String(contentsOfFile: file, encoding: .utf8))
            else { throw CocoaError(.fileReadCorruptFile) }
            document["chat_title"] = 98_765_431
            try Data(JSONValue.object(document).jsonText.utf8).write(to: URL(fileURLWithPath: file))
            feed.announce(.changed([key]))
            #expect(try await server.request(path).json?["source"] == "stale")
            #expect(try await server.request("/?action=get_config&t=\(hash)").status == 200)
            // Checked again, the same refused document is not logged again.
            feed.announce(.changed([key]))
            #expect(try await server.request(path).json?["source"] == "stale")
            let warnings = log.warnings
            #expect(warnings.filter { $0.message.contains("refused") }.count == 1)
            let refused = try #require(warnings.first { $0.message.contains("refused") })
            #expect(refused.metadata["tenant"] == "de613253")
            #expect(refused.metadata["code"] == "tenant.invalid-document")
            #expect(refused.metadata["key"] == key)
            #expect(refused.metadata["member"] == "/chat_title")
            #expect(refused.metadata["location"]?.contains("DEMO100001-config.json:") == true, "\(refused.text)")
            // The stale serve is logged once, though both routes served it.
            let stale = warnings.filter { $0.message.contains("stale") }
            #expect(stale.count == 1)
            #expect(stale.first?.metadata["code"] == "tenant.invalid-document")
            for line in log.all {
                #expect(!line.text.contains("98765431"), "\(line.text)")
                #expect(!line.text.contains(hash), "\(line.text)")
            }
        }
    }

    @Test func aStaleIfErrorServeIsLoggedOncePerOutage() async throws {
        let example = try ServedExample()
        defer { example.root.remove() }
        let feed = ScriptedFeed()
        let log = RecordedLog()
        let switchable = CountingStore(example.store())
        try await RunningServer.with(example, store: switchable, feed: feed, logger: log.logger) { server in
            let first = try await source(server)
            #expect(first == "store")
            switchable.setFailure(TenantError(.storeUnavailable, "connection refused"))
            feed.announce(.changed([key]))
            let served = [try await source(server), try await source(server)]
            #expect(served == ["stale", "stale"])
            let stale = log.warnings.filter { $0.message.contains("stale") }
            #expect(stale.count == 1)
            #expect(stale.first?.metadata["tenant"] == "de613253")
            #expect(stale.first?.metadata["code"] == "tenant.store-unavailable")
            #expect(stale.first?.metadata["key"] == key)
            // Served fresh again, then a second outage: logged again.
            switchable.setFailure(nil)
            feed.announce(.changed([key]))
            let recovered = try await source(server)
            #expect(recovered == "revalidated")
            switchable.setFailure(TenantError(.storeUnavailable, "connection refused"))
            feed.announce(.changed([key]))
            let again = try await source(server)
            #expect(again == "stale")
            #expect(log.warnings.filter { $0.message.contains("stale") }.count == 2)
            #expect(log.warnings.allSatisfy { !$0.message.contains("refused") })
        }
    }

    /// The `source` the tenant route answers for the tenant.
    private func source(_ server: RunningServer) async throws -> String? {
        try await server.request("/v1/tenants/\(hash)").json?["source"]?.stringValue
    }
}
