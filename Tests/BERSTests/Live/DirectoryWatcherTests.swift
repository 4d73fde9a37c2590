import BERSTestSupport
import Foundation
import Testing

@testable import BERS

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite("DirectoryWatcher", .serialized)
struct DirectoryWatcherTests {
    @Test(arguments: WatcherKind.available)
    func temporaryFileRenamedOverTheOriginal(kind: WatcherKind) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("default.json", #"{"v":1}"#)
        let watcher = try kind.make([directory.path])
        defer { watcher.stop() }
        try directory.write(".default.json.swp", #"{"version":2}"#)
        #expect(rename("\(directory.path)/.default.json.swp", "\(directory.path)/default.json") == 0)
        let received = await change(from: watcher, in: directory.path, concerning: "default.json")
        #expect(received != nil)
    }

    @Test(arguments: WatcherKind.available)
    func truncatedThenWritten(kind: WatcherKind) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("default.json", #"{"v":1}"#)
        let watcher = try kind.make([directory.path])
        defer { watcher.stop() }
        try overwriteInPlace("\(directory.path)/default.json", #"{"version":2}"#)
        let received = await change(from: watcher, in: directory.path, concerning: "default.json")
        #expect(received != nil)
    }

    @Test(arguments: WatcherKind.available)
    func deletedThenRecreated(kind: WatcherKind) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("default.json", #"{"v":1}"#)
        let watcher = try kind.make([directory.path])
        defer { watcher.stop() }
        #expect(unlink("\(directory.path)/default.json") == 0)
        try directory.write("default.json", #"{"version":2}"#)
        let received = await change(from: watcher, in: directory.path, concerning: "default.json")
        #expect(received != nil)
    }

    @Test(arguments: WatcherKind.available)
    func newFileAppears(kind: WatcherKind) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("default.json", #"{"v":1}"#)
        let watcher = try kind.make([directory.path])
        defer { watcher.stop() }
        try directory.write("local.json", #"{"v":2}"#)
        let received = await change(from: watcher, in: directory.path, concerning: "local.json")
        #expect(received?.names?.contains("default.json") == false)
    }

    @Test(arguments: WatcherKind.available)
    func fileRemoved(kind: WatcherKind) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("default.json", #"{"v":1}"#)
        try directory.write("local.json", #"{"v":2}"#)
        let watcher = try kind.make([directory.path])
        defer { watcher.stop() }
        #expect(unlink("\(directory.path)/local.json") == 0)
        let received = await change(from: watcher, in: directory.path, concerning: "local.json")
        #expect(received != nil)
    }

    @Test(arguments: WatcherKind.available)
    func configMapDataSwap(kind: WatcherKind) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let configMap = ConfigMapDirectory(path: directory.path)
        try configMap.publish(version: "..2026_12_04_10_00_00.123", text: #"{"v":1}"#)
        let watcher = try kind.make([directory.path])
        defer { watcher.stop() }
        try configMap.publish(version: "..2026_12_04_10_05_00.456", text: #"{"version":2}"#)
        let received = await change(from: watcher, in: directory.path, concerning: "..data")
        #expect(received != nil)
        let text = try String(contentsOfFile: "\(directory.path)/default.json", encoding: .utf8)
        #expect(text == #"{"version":2}"#)
    }

    @Test(arguments: WatcherKind.available)
    func watchedDirectoryRemoved(kind: WatcherKind) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("default.json", #"{"v":1}"#)
        let watcher = try kind.make([directory.path])
        defer { watcher.stop() }
        directory.remove()
        let received = await changes(from: watcher) { $0.names == nil }
        #expect(received?.last == DirectoryChange(directory: directory.path, names: nil))
    }

    @Test(arguments: WatcherKind.available)
    func changesOfAnUnwatchedDirectoryAreNotReported(kind: WatcherKind) async throws {
        let watched = try TemporaryDirectory()
        let other = try TemporaryDirectory()
        defer {
            watched.remove()
            other.remove()
        }
        try other.write("other.json", #"{"v":1}"#)
        let watcher = try kind.make([watched.path])
        defer { watcher.stop() }
        try other.write("other.json", #"{"version":2}"#)
        try other.write("more.json", #"{"v":3}"#)
        try watched.write("sentinel.json", "{}")
        let received = try #require(await changes(from: watcher) { $0.mayConcern("sentinel.json") })
        #expect(received.allSatisfy { $0.directory == watched.path })
        #expect(received.allSatisfy { $0.names?.contains("other.json") == false })
        #expect(received.allSatisfy { $0.names?.contains("more.json") == false })
    }

    @Test(arguments: WatcherKind.available)
    func severalDirectoriesReportTheirOwnChanges(kind: WatcherKind) async throws {
        let first = try TemporaryDirectory()
        let second = try TemporaryDirectory()
        defer {
            first.remove()
            second.remove()
        }
        let watcher = try kind.make([first.path, second.path, first.path])
        defer { watcher.stop() }
        try second.write("staging.json", "{}")
        let received = await change(from: watcher, in: second.path, concerning: "staging.json")
        #expect(received?.names == ["staging.json"])
    }

    @Test(arguments: WatcherKind.available)
    func stopFinishesTheSequence(kind: WatcherKind) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let watcher = try kind.make([directory.path])
        let consumer = Task {
            var count = 0
            for await _ in watcher.changes { count += 1 }
            return count
        }
        try await Task.sleep(for: .milliseconds(10))
        watcher.stop()
        let count = await withDeadline {
            await withTaskCancellationHandler {
                await consumer.value
            } onCancel: {
                consumer.cancel()
            }
        }
        #expect(count == 0)
        var iterator = watcher.changes.makeAsyncIterator()
        #expect(await iterator.next() == nil)
        watcher.stop()
    }

    @Test(arguments: WatcherKind.available)
    func missingDirectoryIsAnError(kind: WatcherKind) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let missing = "\(directory.path)/absent"
        let error = #expect(throws: ConfigError.self) { try kind.make([directory.path, missing]) }
        #expect(error?.code == .unreadable)
        #expect(error?.message == "cannot watch \(missing): No such file or directory")
    }

    @Test(arguments: WatcherKind.available)
    func fileIsNotADirectory(kind: WatcherKind) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try directory.write("default.json", "{}").path
        let error = #expect(throws: ConfigError.self) { try kind.make([file]) }
        #expect(error?.message == "cannot watch \(file): Not a directory")
    }

    @Test func factoryWatchesAndReportsErrors() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let missing = "\(directory.path)/absent"
        let error = #expect(throws: ConfigError.self) {
            try DirectoryWatcher.make(directories: [missing], pollInterval: .milliseconds(20))
        }
        #expect(error?.message == "cannot watch \(missing): No such file or directory")
        let watcher = try DirectoryWatcher.make(directories: [directory.path], pollInterval: .milliseconds(20))
        defer { watcher.stop() }
        #if os(Linux)
        #expect(watcher is InotifyWatcher)
        #endif
        try directory.write("local.json", "{}")
        #expect(await change(from: watcher, in: directory.path, concerning: "local.json") != nil)
    }

    #if os(Linux)
    @Test(arguments: WatcherKind.available)
    func startingAndStoppingLeavesNoDescriptorOrThread(kind: WatcherKind) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let before = ProcessResources.current()
        // Twenty at once, to see that the counts measure watchers (other suites' watchers come
        // and go meanwhile, so the checks allow a few).
        let running = try (0..<20).map { _ in try kind.make([directory.path]) }
        var during = ProcessResources.current()
        for _ in 0..<200 where during.watcherThreads < before.watcherThreads + 20 {
            // The threads name themselves once running.
            try await Task.sleep(for: .milliseconds(5))
            during = ProcessResources.current()
        }
        for watcher in running { watcher.stop() }
        #expect(during.watcherThreads >= before.watcherThreads + 15)
        if kind == .inotify { #expect(during.inotifyDescriptors >= before.inotifyDescriptors + 15) }
        for _ in 0..<1000 {
            let watcher = try kind.make([directory.path])
            let consumer = Task { for await _ in watcher.changes {} }
            watcher.stop()
            await consumer.value
        }
        try await Task.sleep(for: .milliseconds(50))
        ProcessResources.expectNoLeak(since: before)
    }
    #endif
}
