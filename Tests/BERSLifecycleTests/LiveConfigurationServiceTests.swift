import BERS
import BERSLifecycle
import BERSTestSupport
import Foundation
import Logging
import ServiceLifecycle
import Testing

struct LiveConfigurationServiceTests {
    /// A config directory with a short debounce.
    static func project() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory(prefix: "bers-lifecycle")
        try directory.write("bers.json", #"{"reload": {"debounce-ms": 20}}"#)
        try directory.write("default.json", #"{"api": {"timeout": 1000}}"#)
        return directory
    }

    /// Waits (at most 5 s) until `live` serves `timeout`.
    static func waitForTimeout(_ timeout: Int, in live: LiveConfiguration) async -> Bool {
        for _ in 0..<500 {
            if (try? live.current.configuration.int("api.timeout")) == timeout { return true }
            try? await Task.sleep(nanoseconds: 10_000_000)
        }
        return false
    }

    @Test func aServiceGroupRunsTheWatchAndGracefulShutdownEndsIt() async throws {
        let directory = try Self.project()
        defer { directory.remove() }
        let live = try LiveConfiguration(directory: directory.path, environment: .production, logger: nil)
        let events = live.events()
        let group = ServiceGroup(
            services: [LiveConfigurationService(live)],
            gracefulShutdownSignals: [],
            logger: Logger(label: "test")
        )
        let running = Task { try await group.run() }
        // The group has started the service once an edit is followed.
        for round in 0..<50 {
            try directory.write("default.json", #"{"api": {"timeout": \#(2000 + round)}}"#)
            if await Self.waitForTimeout(2000 + round, in: live) { break }
        }
        #expect(((try? live.current.configuration.int("api.timeout")) ?? 0) >= 2000)
        await group.triggerGracefulShutdown()
        try await running.value
        var count = 0
        for await _ in events { count += 1 }
        #expect(count >= 1)
        // Stopped: edits are no longer followed.
        let generation = live.current.number
        try directory.write("default.json", #"{"api": {"timeout": 9000}}"#)
        try await Task.sleep(nanoseconds: 100_000_000)
        #expect(live.current.number == generation)
    }

    @Test func cancellingTheServiceStopsIt() async throws {
        let directory = try Self.project()
        defer { directory.remove() }
        let live = try LiveConfiguration(directory: directory.path, environment: .production, logger: nil)
        let running = Task { try await LiveConfigurationService(live).run() }
        try directory.write("default.json", #"{"api": {"timeout": 3000}}"#)
        let followed = await Self.waitForTimeout(3000, in: live)
        running.cancel()
        try await running.value
        #expect(followed)
        #expect(live.current.number == 2)
    }
}
