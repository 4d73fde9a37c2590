@testable import BERS
import BERSJSON
import BERSTestSupport
import Foundation
import Testing

/// Following the files through a watcher the test drives (``ManualWatcher``).
struct LiveWatchingTests {
    @Test func theConfigDirectoryAndTheSchemasFolderAreWatched() throws {
        let watched = try WatchedProject()
        defer { watched.close() }
        let (project, box) = (watched.project, watched.box)
        #expect(box.directories == [project.path, project.path + "/schemas"])
    }

    @Test func aBurstOfEditsGivesOneReloadOfTheLastWrite() async throws {
        // A debounce long enough that the burst is one burst on a loaded machine.
        let watched = try WatchedProject(debounceMilliseconds: 400)
        defer { watched.close() }
        let (project, box, live) = (watched.project, watched.box, watched.live)
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
        #expect(await recorder.settle(milliseconds: 600).count == 1)
    }

    @Test func aChangeAfterAReloadIsReloadedToo() async throws {
        let watched = try WatchedProject()
        defer { watched.close() }
        let (project, box, live) = (watched.project, watched.box, watched.live)
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

    @Test func aChangeBeforeWatchingStartsIsNotLost() async throws {
        let project = try LiveProject()
        defer { project.remove() }
        let live = try LiveConfiguration(directory: project.path, environment: .production)
        let events = live.events()
        try project.write(timeout: 6500)
        try live.watch(with: WatcherBox().factory())
        defer { live.stop() }
        #expect(try live.current.configuration.int("api.timeout") == 6500)
        #expect(live.current.number == 2)
        live.stop()
        var results: [String] = []
        for await event in events { results.append(event.result) }
        #expect(results == ["applied"])
    }

    @Test func stopStopsTheWatcherAndEndsTheEventsAndNoReloadFollows() async throws {
        let project = try LiveProject()
        defer { project.remove() }
        let box = WatcherBox()
        let live = try box.start(project)
        let events = live.events()
        let watcher = try #require(box.watcher)
        live.stop()
        #expect(watcher.isStopped)
        var count = 0
        for await _ in events { count += 1 }
        #expect(count == 0)
        try project.write(timeout: 3000)
        watcher.notify()
        try await Task.sleep(nanoseconds: 60_000_000)
        #expect(live.current.number == 1)
        #expect(try live.current.configuration.int("api.timeout") == 5000)
        #expect(box.watchers.count == 1)
    }

    @Test func runWatchesUntilItsTaskIsCancelled() async throws {
        let project = try LiveProject()
        defer { project.remove() }
        let box = WatcherBox()
        let live = try LiveConfiguration(directory: project.path, environment: .production)
        try live.watch(with: box.factory())
        let recorder = EventRecorder(live)
        let running = Task { try await live.run() }
        try project.write(timeout: 2500)
        box.watcher?.notify()
        #expect(await recorder.wait(for: 1).map(\.result) == ["applied"])
        running.cancel()
        try await running.value
        #expect(box.watcher?.isStopped == true)
        #expect(live.isStopped)
    }

    @Test func aReplacedDirectoryGetsANewWatcher() async throws {
        let watched = try WatchedProject()
        defer { watched.close() }
        let (project, box, live) = (watched.project, watched.box, watched.live)
        let recorder = EventRecorder(live)
        try project.write(timeout: 3300)
        try #require(box.watcher).notifyReplaced()
        #expect(await recorder.wait(for: 1).map(\.result) == ["applied"])
        #expect(await box.waitForWatchers(2))
        #expect(box.watchers.first?.isStopped == true)
        try project.write(timeout: 3400)
        box.watcher?.notify()
        await recorder.wait(for: 2)
        #expect(try live.current.configuration.int("api.timeout") == 3400)
    }

    @Test func aWatcherThatFailsIsReplacedAndChangesMadeMeanwhileAreRead() async throws {
        let watched = try WatchedProject()
        defer { watched.close() }
        let (project, box, live) = (watched.project, watched.box, watched.live)
        try #require(box.watcher).fail()
        try project.write(timeout: 4400)
        #expect(await box.waitForWatchers(2))
        // The new watcher's catch-up reload read the change nobody was watching for.
        #expect(await live.waitForTimeout(4400))
    }

    @Test func aSchemaMovedInBersJSONMovesTheWatch() async throws {
        let watched = try WatchedProject()
        defer { watched.close() }
        let (project, box, live) = (watched.project, watched.box, watched.live)
        try project.write(
            "contracts/app.schema.json",
            #"{"properties": {"api": {"properties": {"timeout": {"type": "integer", "minimum": 2000}}}}}"#
        )
        try project.write("bers.json", #"{"schema": "contracts/app.schema.json", "reload": {"debounce-ms": 20}}"#)
        box.watcher?.notify("bers.json")
        #expect(await box.waitForWatchers(2))
        #expect(box.directories.contains(project.path + "/contracts"))
        #expect(live.current.inputs.contains { $0.path.hasSuffix("contracts/app.schema.json") })
    }
}
