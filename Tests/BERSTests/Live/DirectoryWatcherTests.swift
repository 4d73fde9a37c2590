import BERSTestSupport
import Foundation
import Testing

@testable import BERS

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The two watchers, run through the same file patterns on real directories.
enum WatcherKind: String, Sendable, CustomTestStringConvertible {
    case inotify
    case polling

    /// Inotify on Linux, polling everywhere.
    static var available: [WatcherKind] {
        #if os(Linux)
        [.inotify, .polling]
        #else
        [.polling]
        #endif
    }

    var testDescription: String { rawValue }

    func make(_ directories: [String]) throws(ConfigError) -> any DirectoryWatching {
        switch self {
        case .inotify:
            #if os(Linux)
            return try InotifyWatcher(directories: directories)
            #else
            return try PollingWatcher(directories: directories, interval: .milliseconds(20))
            #endif
        case .polling:
            return try PollingWatcher(directories: directories, interval: .milliseconds(20))
        }
    }
}

/// What `operation` returns, or `nil` when it takes longer than `deadline` (it is then cancelled).
func withDeadline<T: Sendable>(
    _ deadline: Duration = .seconds(2),
    _ operation: @escaping @Sendable () async -> T?
) async -> T? {
    await withTaskGroup(of: T?.self) { group in
        group.addTask { await operation() }
        group.addTask {
            try? await Task.sleep(for: deadline)
            return nil
        }
        let first = await group.next() ?? nil
        group.cancelAll()
        return first
    }
}

/// The changes `watcher` sends until one satisfies `predicate` (included), or `nil` when none does
/// within `deadline` (or the sequence ends first).
func changes(
    from watcher: any DirectoryWatching,
    within deadline: Duration = .seconds(2),
    until predicate: @escaping @Sendable (DirectoryChange) -> Bool
) async -> [DirectoryChange]? {
    await withDeadline(deadline) {
        var received: [DirectoryChange] = []
        for await change in watcher.changes {
            received.append(change)
            if predicate(change) { return received }
        }
        return nil
    }
}

/// Waits for a change of `directory` that may concern `name`.
func change(
    from watcher: any DirectoryWatching,
    in directory: String,
    concerning name: String
) async -> DirectoryChange? {
    await changes(from: watcher) { $0.directory == directory && $0.mayConcern(name) }?.last
}

/// Replaces the contents of the file in place, as `cp` does: truncate, then write.
func overwriteInPlace(_ path: String, _ text: String) throws {
    let descriptor = open(path, O_WRONLY | O_TRUNC)
    guard descriptor >= 0 else { throw POSIXError(.EIO) }
    defer { close(descriptor) }
    let bytes = Array(text.utf8)
    #expect(bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) } == bytes.count)
}

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
        let running = try kind.make([directory.path])
        var during = ProcessResources.current()
        let deadline = ContinuousClock.now + .seconds(2)
        // The thread names itself once running.
        while during.watcherThreads == before.watcherThreads && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(1))
            during = ProcessResources.current()
        }
        running.stop()
        #expect(during.watcherThreads == before.watcherThreads + 1)
        #expect(during.inotifyDescriptors == before.inotifyDescriptors + (kind == .inotify ? 1 : 0))
        for _ in 0..<1000 {
            let watcher = try kind.make([directory.path])
            let consumer = Task { for await _ in watcher.changes {} }
            watcher.stop()
            await consumer.value
        }
        try await Task.sleep(for: .milliseconds(50))
        let after = ProcessResources.current()
        // Exact for what only watchers make; loose for the totals, which tests running at the same
        // time move a little (a leak per watcher would move them by a thousand).
        #expect(after.watcherThreads == before.watcherThreads)
        #expect(after.inotifyDescriptors == before.inotifyDescriptors)
        #expect(after.descriptors - before.descriptors < 50)
        #expect(after.threads - before.threads < 50)
    }
    #endif
}

/// A ConfigMap volume as kubelet writes it: the files are links through `..data`, a link to the
/// current timestamped directory.
struct ConfigMapDirectory {
    let path: String

    /// Publishes `text` as `default.json` in a new `version` directory, the way kubelet's atomic
    /// writer does: write the directory, link `..data_tmp` to it, rename that over `..data`, link
    /// the visible names, remove the previous directory.
    func publish(version: String, text: String) throws {
        let previous = try? FileManager.default.destinationOfSymbolicLink(atPath: "\(path)/..data")
        try FileManager.default.createDirectory(atPath: "\(path)/\(version)", withIntermediateDirectories: false)
        try Data(text.utf8).write(to: URL(fileURLWithPath: "\(path)/\(version)/default.json"))
        #expect(symlink(version, "\(path)/..data_tmp") == 0)
        #expect(rename("\(path)/..data_tmp", "\(path)/..data") == 0)
        if (try? FileManager.default.destinationOfSymbolicLink(atPath: "\(path)/default.json")) == nil {
            #expect(symlink("..data/default.json", "\(path)/default.json") == 0)
        }
        if let previous { try FileManager.default.removeItem(atPath: "\(path)/\(previous)") }
    }
}

/// Descriptors and threads of this process (Linux `/proc`).
struct ProcessResources {
    var descriptors: Int
    var inotifyDescriptors: Int
    var threads: Int
    var watcherThreads: Int

    static func current() -> ProcessResources {
        let manager = FileManager.default
        let descriptors = (try? manager.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        let tasks = (try? manager.contentsOfDirectory(atPath: "/proc/self/task")) ?? []
        let inotify = descriptors.filter {
            (try? manager.destinationOfSymbolicLink(atPath: "/proc/self/fd/\($0)")) == "anon_inode:inotify"
        }
        let watchers = tasks.filter {
            let name = try? String(contentsOfFile: "/proc/self/task/\($0)/comm", encoding: .utf8)
            return name?.trimmingCharacters(in: .whitespacesAndNewlines) == WatcherThread.name
        }
        return ProcessResources(
            descriptors: descriptors.count,
            inotifyDescriptors: inotify.count,
            threads: tasks.count,
            watcherThreads: watchers.count
        )
    }
}
