/// Makes the best ``DirectoryWatching`` for the platform.
public enum DirectoryWatcher {
    /// A watcher of `directories`: ``InotifyWatcher`` on Linux (falling back to a
    /// ``PollingWatcher`` when the per-user inotify limits are reached), a ``PollingWatcher``
    /// looking every `pollInterval` elsewhere.
    ///
    /// - Throws: `config.unreadable`, "cannot watch <dir>: <reason>", when a directory does not
    ///   exist or cannot be watched.
    public static func make(
        directories: [String],
        pollInterval: Duration = .seconds(1)
    ) throws(ConfigError) -> any DirectoryWatching {
        #if os(Linux)
        let watches: InotifyWatchSet
        do {
            watches = try InotifyWatchSet.open(directories)
        } catch  where error.isInotifyLimit {
            return try PollingWatcher(directories: directories, interval: pollInterval)
        } catch {
            throw error.error
        }
        return try InotifyWatcher(watches: watches, directories: directories)
        #else
        return try PollingWatcher(directories: directories, interval: pollInterval)
        #endif
    }
}
