import BERS

/// A ``DirectoryWatching`` fed by an ``EtcdFeed``: the changes its watch applied to the mirror.
struct EtcdDirectoryWatcher: DirectoryWatching {
    let queue: DirectoryChangeQueue
    let unregister: @Sendable () -> Void

    var changes: DirectoryChanges { queue.changes }

    func stop() {
        unregister()
        queue.finish()
    }
}
