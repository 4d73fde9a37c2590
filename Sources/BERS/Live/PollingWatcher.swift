import Synchronization

/// Watches directories by looking at them every interval, on a thread of its own; works on every
/// platform (and on Linux where inotify is not available or its limits are reached).
///
/// Each look records, per entry, its inode, size, mode, modification and status-change times in
/// nanoseconds, and for a symbolic link its target text and what the target's `stat` says; a
/// change is sent for each directory whose record differs, naming the entries that differ. Entries
/// of subdirectories are not looked at. A rewrite that keeps the size and lands within the file
/// system's timestamp granularity of the previous write cannot be seen.
///
/// A watched directory that disappears is reported (unknown names) and looked at again every
/// interval: when it comes back, that is reported too.
public final class PollingWatcher: DirectoryWatching {
    /// The time between two looks.
    public let interval: Duration

    private let queue = DirectoryChangeQueue()
    private let thread: WatcherThread

    /// Watches `directories` (each must exist and be readable), looking every `interval`
    /// (at least a millisecond).
    ///
    /// - Throws: `config.unreadable`, "cannot watch <dir>: <reason>", when one cannot be read.
    public init(directories: [String], interval: Duration = .seconds(1)) throws(ConfigError) {
        self.interval = interval
        var snapshots: [(String, DirectorySnapshot)] = []
        for directory in directories where !(snapshots.contains { $0.0 == directory }) {
            snapshots.append((directory, try DirectorySnapshot.take(directory).get()))
        }
        let queue = queue
        let scanner = Scanner(snapshots: snapshots, queue: queue)
        thread = try WatcherThread(
            descriptor: nil,
            timeoutMilliseconds: Self.milliseconds(interval),
            handler: { _ in scanner.scan() },
            failed: { queue.finish() }
        )
    }

    deinit { stop() }

    // swift-format-ignore: AllPublicDeclarationsHaveDocumentation
    public var changes: DirectoryChanges { queue.changes }

    // swift-format-ignore: AllPublicDeclarationsHaveDocumentation
    public func stop() {
        thread.stop()
        queue.finish()
    }

    /// `interval` in whole milliseconds, rounded up, at least 1.
    private static func milliseconds(_ interval: Duration) -> Int32 {
        let (seconds, attoseconds) = interval.components
        let milliseconds = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int32(clamping: max(1, milliseconds))
    }
}

/// Looks at the directories again and sends a change for each one that differs.
private final class Scanner: Sendable {
    private let snapshots: Mutex<[(directory: String, snapshot: DirectorySnapshot)]>
    private let queue: DirectoryChangeQueue

    init(snapshots: [(String, DirectorySnapshot)], queue: DirectoryChangeQueue) {
        self.snapshots = Mutex(snapshots.map { (directory: $0.0, snapshot: $0.1) })
        self.queue = queue
    }

    func scan() {
        let changes = snapshots.withLock { snapshots in
            var changes: [DirectoryChange] = []
            for index in snapshots.indices {
                let (directory, earlier) = snapshots[index]
                let now = (try? DirectorySnapshot.take(directory).get()) ?? .unreadable
                guard now != earlier else { continue }
                snapshots[index].snapshot = now
                changes.append(DirectoryChange(directory: directory, names: now.changedNames(since: earlier)))
            }
            return changes
        }
        for change in changes { queue.send(change) }
    }
}
