#if os(Linux)
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import Synchronization

/// Watches directories with inotify (Linux), on a thread of its own that sleeps in the kernel
/// until something happens: no polling.
///
/// Each directory gets a non-recursive watch for entries created, deleted, modified, written and
/// closed, renamed in or out, and changed in attributes; this sees editors that rename a temporary
/// file over the original, `cp` truncating and writing, deletion and re-creation, new files, and
/// the ConfigMap swap of the `..data` link. Changes in subdirectories, and in files that links in
/// the directory point to elsewhere, are not seen (a ConfigMap update is: it renames `..data`); a
/// ``LiveConfiguration`` therefore also watches the folders its files' links sit in and lead to.
///
/// Events read together are merged per directory. A queue overflow reports every directory with
/// unknown names. A watched directory that is deleted, moved away or unmounted is reported (with
/// unknown names) and no longer watched, even if re-created: the reloader learns of it and can
/// make a new watcher. If reading the descriptor fails for good, ``changes`` ends.
public final class InotifyWatcher: DirectoryWatching {
    private let queue = DirectoryChangeQueue()
    private let thread: WatcherThread

    /// Watches `directories` (each must exist and be a directory).
    ///
    /// - Throws: `config.unreadable`, "cannot watch <dir>: <reason>", when one cannot be watched.
    public convenience init(directories: [String]) throws(ConfigError) {
        let watches: InotifyWatchSet
        do {
            watches = try InotifyWatchSet.open(directories)
        } catch {
            throw error.error
        }
        try self.init(watches: watches, directories: directories)
    }

    /// Starts the thread reading `watches`, which it then owns.
    init(watches: InotifyWatchSet, directories: [String]) throws(ConfigError) {
        let queue = queue
        let reader = InotifyReader(watches: watches, directories: directories, queue: queue)
        do {
            thread = try WatcherThread(
                descriptor: watches.descriptor,
                timeoutMilliseconds: -1,
                handler: { _ in reader.drain() },
                failed: { queue.finish() }
            )
        } catch {
            _ = closeDescriptor(watches.descriptor)
            throw error
        }
    }

    deinit { stop() }

    // swift-format-ignore: AllPublicDeclarationsHaveDocumentation
    public var changes: DirectoryChanges { queue.changes }

    // swift-format-ignore: AllPublicDeclarationsHaveDocumentation
    public func stop() {
        thread.stop()
        queue.finish()
    }
}

/// Reads every pending event of an inotify descriptor and sends the changes they mean; used by
/// the watcher's thread only (the router sits in a `Mutex` to be shared with it soundly).
private final class InotifyReader: Sendable {
    /// Room for many events per read (a record is at most 16 + NAME_MAX + 1 bytes).
    private static let bufferSize = 64 * 1024

    private let descriptor: Int32
    private let router: Mutex<InotifyEventRouter>
    private let queue: DirectoryChangeQueue

    init(watches: InotifyWatchSet, directories: [String], queue: DirectoryChangeQueue) {
        descriptor = watches.descriptor
        router = Mutex(InotifyEventRouter(directories: watches.directories, allDirectories: directories))
        self.queue = queue
    }

    /// Reads until the descriptor has nothing more, then sends the merged changes.
    func drain() {
        var pending = PendingChanges()
        var buffer = [UInt8](repeating: 0, count: Self.bufferSize)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            let events = buffer.withUnsafeBytes { InotifyEvent.parse(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
            route(events, into: &pending)
        }
        for change in pending.removeAll() { queue.send(change) }
    }

    private func route(_ events: [InotifyEvent], into pending: inout PendingChanges) {
        let removed = router.withLock { router in
            var removed: [Int32] = []
            for event in events {
                if let watch = router.route(event, into: &pending) { removed.append(watch) }
            }
            return removed
        }
        for watch in removed { _ = inotify_rm_watch(descriptor, watch) }
    }
}
#endif
