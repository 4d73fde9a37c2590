@testable import BERS
import BERSJSON
import BERSTestSupport
import Foundation
import Synchronization
import Testing

/// The watcher a test made through the factory.
final class WatcherBox: Sendable {
    private let made = Mutex<ManualWatcher?>(nil)
    private let requested = Mutex<[String]>([])

    var watcher: ManualWatcher? { made.withLock { $0 } }
    var directories: [String] { requested.withLock { $0 } }

    /// A live configuration of `project` (production) watched through this box's watcher.
    func start(_ project: LiveProject) throws -> LiveConfiguration {
        try LiveConfiguration.start(directory: project.path, environment: .production, makeWatcher: factory())
    }

    func factory() -> LiveConfiguration.WatcherFactory {
        { directories, _ in
            let watcher = ManualWatcher(directories: directories)
            self.made.withLock { $0 = watcher }
            self.requested.withLock { $0 = directories }
            return watcher
        }
    }
}

struct LiveWatchingTests {
    @Test func theConfigDirectoryAndTheSchemasFolderAreWatched() throws {
        let project = try LiveProject()
        defer { project.remove() }
        let box = WatcherBox()
        let live = try box.start(project)
        defer { live.stop() }
        #expect(box.directories == [project.path, project.path + "/schemas"])
    }

    @Test func aBurstOfEditsGivesOneReloadOfTheLastWrite() async throws {
        let project = try LiveProject()
        defer { project.remove() }
        let box = WatcherBox()
        let live = try box.start(project)
        defer { live.stop() }
        let recorder = EventRecorder(live)
        let watcher = try #require(box.watcher)
        for timeout in stride(from: 1000, through: 1900, by: 100) {
            try project.write(timeout: timeout)
            watcher.notify()
        }
        let events = await recorder.wait(for: 1)
        #expect(events.map(\.result) == ["applied"])
        #expect(try live.current.configuration.int("api.timeout") == 1900)
        // No second reload for the same burst.
        #expect(await recorder.settle(milliseconds: 150).count == 1)
    }

    @Test func aChangeAfterAReloadIsReloadedToo() async throws {
        let project = try LiveProject()
        defer { project.remove() }
        let box = WatcherBox()
        let live = try box.start(project)
        defer { live.stop() }
        let recorder = EventRecorder(live)
        let watcher = try #require(box.watcher)
        try project.write("default.json", "{")
        watcher.notify()
        await recorder.wait(for: 1)
        try project.write(timeout: 4000)
        watcher.notify()
        let events = await recorder.wait(for: 2)
        #expect(events.map(\.result) == ["refused", "applied"])
        #expect(live.current.number == 2)
    }

    @Test func stopEndsTheWatcherAndTheEvents() async throws {
        let project = try LiveProject()
        defer { project.remove() }
        let box = WatcherBox()
        let live = try box.start(project)
        let events = live.events()
        live.stop()
        var count = 0
        for await _ in events { count += 1 }
        #expect(count == 0)
        try project.write(timeout: 3000)
        box.watcher?.notify()
        try await Task.sleep(nanoseconds: 60_000_000)
        #expect(live.current.number == 1)
    }
}
