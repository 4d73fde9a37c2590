@testable import BERS
import Testing

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

    /// A live configuration's factory of watchers of this kind.
    var factory: LiveConfiguration.WatcherFactory {
        { directories, _ throws(ConfigError) in try make(directories) }
    }

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
