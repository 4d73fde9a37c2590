import AsyncHTTPClient
import BERS
import BERSTestSupport
import MetricsTestKit
@testable import BERSRemoteStores
import Synchronization
import Testing

// Serialized: the compaction test compacts the shared etcd, which would make the other feeds of
// the suite read everything again instead of seeing the changes they wait for.
@Suite(.serialized, .enabled(if: EtcdServer.isAvailable, EtcdServer.skipReason))
struct EtcdFeedTests {
    private static let defaultLayer = #"{"api": {"timeout": 1000}}"#
    private static let schema = #"""
        {"type": "object", "properties": {"api": {"type": "object", "properties": {"timeout": {"type": "integer"}}}}}
        """#

    /// A prefix holding bers.json, a schema and a default layer, and its feed.
    private func seededFeed(_ label: String, client: HTTPClient) async throws -> EtcdFeed {
        let url = EtcdServer.uniqueURL(label)
        let store = try EtcdTenantStore(url: url, httpClient: client)
        let files = [
            "config/bers.json": #"{"schema": "schemas/config.schema.json"}"#,
            "config/schemas/config.schema.json": Self.schema, "config/default.json": Self.defaultLayer,
        ]
        for (key, text) in files { _ = try await store.put(key, Array(text.utf8), contentType: "application/json") }
        return try await EtcdFeed.connect(url: url, httpClient: client)
    }

    @Test func mirrorsTheLayerFilesUnderConfig() async throws {
        try await RemoteTenantStores.withHTTPClient { client in
            let feed = try await seededFeed("mirror", client: client)
            defer { feed.stop() }
            let project = try ConfigProject(directory: feed.directory, fileSystem: feed.fileSystem)
            let configuration = try project.resolveValidated(try project.environment(named: "production"))
            #expect(try configuration.int("api.timeout") == 1000)
            #expect(feed.directory.hasSuffix("/config"))
            #expect(feed.status.connected)
            #expect(feed.status.revision > 0)
        }
    }

    @Test func aKeyWithACombiningMarkAfterItsSlashIsMirroredUnderItsOwnName() async throws {
        // "config/\u{301}default.json": split by characters, "/\u{301}" is one character, so the
        // key was once mirrored as default.json (shadowing the real layer) at startup and ignored
        // by the watch.
        try await RemoteTenantStores.withHTTPClient { client in
            let url = EtcdServer.uniqueURL("combining")
            let store = try EtcdTenantStore(url: url, httpClient: client)
            let files = [
                "config/default.json": Self.defaultLayer,
                "config/\u{301}default.json": #"{"api": {"timeout": 9999}}"#,
            ]
            for (key, text) in files { _ = try await store.put(key, Array(text.utf8), contentType: "application/json") }
            let feed = try await EtcdFeed.connect(url: url, httpClient: client)
            defer { feed.stop() }
            #expect(feed.fileSystem.fileExists(atPath: feed.directory + "/\u{301}default.json"))
            let project = try ConfigProject(directory: feed.directory, fileSystem: feed.fileSystem)
            #expect(try project.resolve(try project.environment(named: "production")).int("api.timeout") == 1000)

            _ = try await store.put("config/\u{301}local.json", Array("{}".utf8), contentType: "application/json")
            let deadline = ContinuousClock.now + .seconds(10)
            while !feed.fileSystem.fileExists(atPath: feed.directory + "/\u{301}local.json"),
                ContinuousClock.now < deadline
            {
                try await Task.sleep(for: .milliseconds(5))
            }
            #expect(feed.fileSystem.fileExists(atPath: feed.directory + "/\u{301}local.json"))
            #expect(!feed.fileSystem.fileExists(atPath: feed.directory + "/local.json"))
        }
    }

    @Test func itsHealthIsMeasured() async throws {
        try await RemoteTenantStores.withHTTPClient { client in
            let url = EtcdServer.uniqueURL("metrics")
            let metrics = TestMetrics()
            let feed = try await EtcdFeed.connect(url: url, httpClient: client, metrics: metrics)
            defer { feed.stop() }
            let source = [("source", feed.address.description)]
            #expect(try metrics.expectGauge("bers_feed_connected", source).lastValue == 1)
            let first = try metrics.expectGauge("bers_feed_revision", source).lastValue ?? 0
            _ = try await feed.store.put("mappings/m.json", Array("{}".utf8), contentType: "application/json")
            let deadline = ContinuousClock.now + .seconds(5)
            while feed.status.revision <= Int64(first), ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(5))
            }
            #expect(try metrics.expectGauge("bers_feed_revision", source).lastValue == Double(feed.status.revision))
            #expect(feed.status.revision > Int64(first))
        }
    }

    @Test func aLiveConfigurationAppliesValidPutsAndRefusesInvalidOnes() async throws {
        try await RemoteTenantStores.withHTTPClient { client in
            let feed = try await seededFeed("live", client: client)
            defer { feed.stop() }
            let live = try feed.liveConfiguration(environment: .production)
            defer { live.stop() }
            let events = live.events()
            let key = feed.address.keyPrefix + "config/default.json"
            try await EtcdServer.rawPut(key, #"{"api": {"timeout": 2500}}"#, client: client)
            let applied = await Self.next(events)
            guard case .applied(let reload)? = applied else {
                Issue.record("expected an applied reload, got \(String(describing: applied))")
                return
            }
            #expect(try reload.generation.configuration.int("api.timeout") == 2500)
            try await EtcdServer.rawPut(key, #"{"api": {"timeout": "soon"}}"#, client: client)
            let refused = await Self.next(events)
            guard case .refused(let refusal)? = refused else {
                Issue.record("expected a refused reload, got \(String(describing: refused))")
                return
            }
            #expect(refusal.keptGeneration == reload.generation.number)
            #expect(try live.current.configuration.int("api.timeout") == 2500)
        }
    }

    @Test func tenantChangesReachTheHandlersByKey() async throws {
        try await RemoteTenantStores.withHTTPClient { client in
            let feed = try await seededFeed("tenants", client: client)
            defer { feed.stop() }
            let heard = Mutex<[String]>([])
            feed.onTenantChanges { notice in
                if case .changed(let keys) = notice { heard.withLock { $0 += keys } }
            }
            _ = try await feed.store.put("mappings/abc.json", Array("{}".utf8), contentType: "application/json")
            try await EtcdServer.rawDelete(feed.address.keyPrefix + "mappings/abc.json", client: client)
            let deadline = ContinuousClock.now + .seconds(5)
            while heard.withLock({ $0.count }) < 2, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(5))
            }
            let keys = heard.withLock { $0 }
            #expect(keys == ["mappings/abc.json", "mappings/abc.json"])
        }
    }

    @Test func afterACompactionEverythingIsReadAgainAndEveryoneHearsIt() async throws {
        try await RemoteTenantStores.withHTTPClient { client in
            let feed = try await seededFeed("compaction", client: client)
            defer { feed.stop() }
            let everything = Mutex(false)
            feed.onTenantChanges { notice in if notice == .everything { everything.withLock { $0 = true } } }
            let watcher = try feed.makeWatcher([feed.directory], ReloadSettings())
            defer { watcher.stop() }
            // The watch misses a change, etcd compacts it away, then the watch resumes from where
            // it was: etcd answers with the compaction, and the feed reads everything again.
            await feed.pauseWatching()
            try await EtcdServer.rawPut(feed.address.keyPrefix + "config/staging.json", "{}", client: client)
            // Compaction keeps the revision it is made at: one more write puts the change below it.
            try await EtcdServer.rawPut(feed.address.keyPrefix + "other/key", "{}", client: client)
            try await EtcdServer.compactAll(client: client)
            feed.resumeWatching()
            let change = await withDeadline(.seconds(10)) {
                var changes = watcher.changes.makeAsyncIterator()
                return await changes.next()
            }
            #expect(change != nil)
            #expect(change?.names == nil)
            #expect(feed.fileSystem.fileExists(atPath: feed.directory + "/staging.json"))
            #expect(feed.status.resyncs == 1)
            #expect(everything.withLock { $0 })
        }
    }

    @Test func aStoreWhoseRevisionWentBackIsReadAgain() async throws {
        try await RemoteTenantStores.withHTTPClient { client in
            let feed = try await seededFeed("restored", client: client)
            defer { feed.stop() }
            // etcd restored from an older snapshot announces a revision below the one reached.
            #expect(await feed.handle(.created(revision: 1)) == false)
            #expect(feed.status.resyncs == 1)
            #expect(await feed.handle(.created(revision: feed.status.revision)))
        }
    }

    @Test func aStoppedFeedMakesNoMoreWatchers() async throws {
        try await RemoteTenantStores.withHTTPClient { client in
            let feed = try await seededFeed("stopped", client: client)
            let watcher = try feed.makeWatcher([feed.directory], ReloadSettings())
            feed.stop()
            var changes = watcher.changes.makeAsyncIterator()
            #expect(await changes.next() == nil)
            #expect(throws: ConfigError.self) { _ = try feed.makeWatcher([feed.directory], ReloadSettings()) }
        }
    }

    /// The next reload event, waiting at most 10 s.
    private static func next(_ events: AsyncStream<ReloadEvent>) async -> ReloadEvent? {
        await withDeadline(.seconds(10)) {
            var iterator = events.makeAsyncIterator()
            return await iterator.next()
        }
    }
}
