@testable import BERS
import Synchronization

/// The watchers a test made through the factory, newest last.
final class WatcherBox: Sendable {
    private let made = Mutex<[ManualWatcher]>([])

    /// The newest watcher.
    var watcher: ManualWatcher? { made.withLock { $0.last } }
    /// Every watcher made, in order.
    var watchers: [ManualWatcher] { made.withLock { $0 } }
    /// The directories the newest watcher watches.
    var directories: [String] { watcher?.directories ?? [] }

    /// A live configuration of `project` (production) watched through this box's watchers.
    func start(_ project: LiveProject) throws -> LiveConfiguration {
        try LiveConfiguration.start(directory: project.path, environment: .production, makeWatcher: factory())
    }

    func factory() -> LiveConfiguration.WatcherFactory {
        { directories, _ in
            let watcher = ManualWatcher(directories: directories)
            self.made.withLock { $0.append(watcher) }
            return watcher
        }
    }

    /// Waits (at most 5 s) until `count` watchers were made.
    func waitForWatchers(_ count: Int) async -> Bool {
        for _ in 0..<500 {
            if watchers.count >= count { return true }
            try? await Task.sleep(nanoseconds: 10_000_000)
        }
        return false
    }
}
