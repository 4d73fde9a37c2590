@testable import BERS
import Synchronization

/// A watcher a test drives: ``notify(_:)`` stands for a file system notification, ``fail()`` for
/// a watcher thread that ended by itself.
final class ManualWatcher: DirectoryWatching {
    private let queue = DirectoryChangeQueue()
    private let stops = Atomic<Int>(0)
    let directories: [String]

    init(directories: [String]) {
        self.directories = directories
    }

    var changes: DirectoryChanges { queue.changes }

    /// Whether ``stop()`` was called.
    var isStopped: Bool { stops.load(ordering: .relaxed) > 0 }

    func notify(_ name: String = "default.json") {
        queue.send(DirectoryChange(directory: directories.first ?? ".", names: [name]))
    }

    /// Reports that the watched directory itself was replaced (names unknown).
    func notifyReplaced() {
        queue.send(DirectoryChange(directory: directories.first ?? ".", names: nil))
    }

    /// Ends the changes without ``stop()``, as a failed watcher thread does.
    func fail() { queue.finish() }

    func stop() {
        stops.add(1, ordering: .relaxed)
        queue.finish()
    }
}
