import Foundation
import Testing

@testable import BERS

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

    /// Expects no growth a leak per watcher would show: a thousand starts and stops leaking one
    /// thread or descriptor each would add a thousand; suites running at the same time add or
    /// remove some (see the limits).
    static func expectNoLeak(since before: ProcessResources, sourceLocation: SourceLocation = #_sourceLocation) {
        let after = current()
        #expect(after.watcherThreads - before.watcherThreads < 10, sourceLocation: sourceLocation)
        #expect(after.inotifyDescriptors - before.inotifyDescriptors < 10, sourceLocation: sourceLocation)
        // Suites running meanwhile (HTTP clients, servers, event loops) hold up to a few dozen
        // sockets and threads each; a leak per start would add a thousand.
        #expect(after.descriptors - before.descriptors < 250, sourceLocation: sourceLocation)
        #expect(after.threads - before.threads < 250, sourceLocation: sourceLocation)
    }
}
