@testable import BERS
import BERSTestSupport
import Foundation
import Testing

/// Live configurations on the platform's real watcher, started and stopped many times.
struct LiveLifecycleTests {
    #if os(Linux)
    @Test func startingAndStoppingAThousandTimesLeavesNoDescriptorOrThread() async throws {
        let project = try LiveProject()
        defer { project.remove() }
        let before = ProcessResources.current()
        for round in 0..<1000 {
            let live = try LiveConfiguration.start(directory: project.path, environment: .production)
            if round.isMultiple(of: 2) {
                live.stop()
            } else {
                let running = Task { try await live.run() }
                running.cancel()
                try await running.value
            }
        }
        try await Task.sleep(for: .milliseconds(50))
        ProcessResources.expectNoLeak(since: before)
    }
    #endif

    @Test func aDirectoryReplacedWhileWatchedIsFollowed() async throws {
        let parent = try TemporaryDirectory(prefix: "bers-replaced")
        defer { parent.remove() }
        let project = try LiveProject()
        defer { project.remove() }
        let path = parent.path + "/config"
        try FileManager.default.copyItem(atPath: project.path, toPath: path)
        let live = try LiveConfiguration.start(directory: path, environment: .production)
        defer { live.stop() }
        // Moved away, then a new directory in its place (a deployment swapping folders).
        try FileManager.default.moveItem(atPath: path, toPath: parent.path + "/old")
        try FileManager.default.copyItem(atPath: parent.path + "/old", toPath: path)
        try parent.write("config/default.json", #"{"api": {"timeout": 8800}, "name": "app"}"#)
        #expect(await live.waitForTimeout(8800))
        // And the new directory is watched: a later edit is followed too.
        try parent.write("config/default.json", #"{"api": {"timeout": 8900}, "name": "app"}"#)
        #expect(await live.waitForTimeout(8900))
    }
}
