@testable import BERS

/// A watcher a test drives: ``notify(_:)`` stands for a file system notification.
final class ManualWatcher: DirectoryWatching {
    private let queue = DirectoryChangeQueue()
    let directories: [String]

    init(directories: [String]) {
        self.directories = directories
    }

    var changes: DirectoryChanges { queue.changes }

    func notify(_ name: String = "default.json") {
        queue.send(DirectoryChange(directory: directories.first ?? ".", names: [name]))
    }

    func stop() { queue.finish() }
}
