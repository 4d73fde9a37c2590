import Synchronization

extension LiveConfiguration {
    /// Makes the watcher of some directories; ``systemWatcher`` unless a test gives its own.
    public typealias WatcherFactory = @Sendable ([String], ReloadSettings) throws(ConfigError) -> any DirectoryWatching

    /// The platform's watcher (``DirectoryWatcher/make(directories:pollInterval:)``: inotify on
    /// Linux, polling every `reload.poll-interval-ms` elsewhere).
    public static let systemWatcher: WatcherFactory = { directories, settings throws(ConfigError) in
        try DirectoryWatcher.make(
            directories: directories,
            pollInterval: .milliseconds(settings.pollIntervalMilliseconds)
        )
    }

    /// What the watching side holds: the watcher in use and the task following it.
    struct WatchState {
        var watcher: (any DirectoryWatching)?
        var task: Task<Void, Never>?
        var stopped = false
    }

    /// Resolves the first generation and starts following the files.
    ///
    /// - Throws: ``ConfigError``: what `bers resolve` would report for these files, or why a
    ///   directory cannot be watched.
    public static func start(
        directory: String,
        environment: Environment? = nil,
        options: ResolveOptions = ResolveOptions(),
        fileSystem: any FileSystem = LocalFileSystem(),
        makeWatcher: @escaping WatcherFactory = systemWatcher
    ) throws(ConfigError) -> LiveConfiguration {
        let live = try LiveConfiguration(
            directory: directory,
            environment: environment,
            options: options,
            fileSystem: fileSystem,
            makeWatcher: makeWatcher
        )
        try live.watch()
        return live
    }

    /// Starts following the files with watchers made by `makeWatcher` (by default, the one given
    /// at creation), until ``stop()``.
    ///
    /// Once the first watcher runs, the files are read again, so a change made since the
    /// configuration was resolved is not missed. A watcher that fails, or whose directory is
    /// replaced or removed, is replaced by a new one (tried again every `reload.poll-interval-ms`
    /// while the directory is missing), and so is one whose directories no longer match the
    /// files read (a schema moved in `bers.json`) or lead elsewhere (a layer link retargeted, a
    /// `current` release link swapped). Calling it again replaces the watcher.
    ///
    /// - Throws: ``ConfigError`` when a directory cannot be watched.
    public func watch(with makeWatcher: WatcherFactory? = nil) throws(ConfigError) {
        let makeWatcher = makeWatcher ?? defaultWatcher
        let directories = watchedDirectories
        let watcher = try makeWatcher(directories.paths, reloadSettings)
        let task = Task { await self.follow(first: watcher, directories: directories, makeWatcher: makeWatcher) }
        let replaced = watchingState.withLock { state -> (any DirectoryWatching, Task<Void, Never>?)? in
            guard !state.stopped else { return (watcher, task) }
            defer {
                state.watcher = watcher
                state.task = task
            }
            return state.watcher.map { ($0, state.task) }
        }
        if let (old, oldTask) = replaced {
            old.stop()
            oldTask?.cancel()
        }
        reloadWhileWatching(announcingUnchanged: false)
    }

    /// Watches (unless ``watch(with:)`` was called already) until the calling task is cancelled
    /// or ``stop()`` is called; then stops, and returns once the watcher is released.
    ///
    /// The shape of a swift-service-lifecycle `Service`'s `run()` (see `BERSLifecycle`).
    ///
    /// - Throws: ``ConfigError`` when a directory cannot be watched.
    public func run() async throws {
        let idle = watchingState.withLock { $0.task == nil && !$0.stopped }
        if idle { try watch() }
        let task = watchingState.withLock { $0.task }
        await withTaskCancellationHandler {
            await task?.value
        } onCancel: {
            self.stop()
        }
        stop()
    }

    /// Stops watching, ends every event stream and waits for a reload in progress to finish.
    ///
    /// Idempotent; no reload starts afterwards, except one asked for with ``reload()``.
    public func stop() {
        let (watcher, task) = watchingState.withLock { state in
            state.stopped = true
            defer {
                state.watcher = nil
                state.task = nil
            }
            return (state.watcher, state.task)
        }
        watcher?.stop()
        task?.cancel()
        reloadGate.withLock { _ in subscribers.finish() }
    }

    /// Whether ``stop()`` was called.
    var isStopped: Bool { watchingState.withLock { $0.stopped } }

    /// The `reload` section of the current generation's `bers.json`.
    var reloadSettings: ReloadSettings { current.project.settings.reload }
}
