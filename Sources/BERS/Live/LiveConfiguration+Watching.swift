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
            fileSystem: fileSystem
        )
        try live.watch(with: makeWatcher)
        return live
    }

    /// Starts following the files with a watcher made by `makeWatcher`, until ``stop()``.
    ///
    /// - Throws: ``ConfigError`` when the project cannot be read or a directory cannot be watched.
    public func watch(with makeWatcher: @escaping WatcherFactory = systemWatcher) throws(ConfigError) {
        let project = try ConfigProject(directory: directory, fileSystem: fileSystem)
        let settings = project.settings.reload
        let watcher = try makeWatcher(watchedDirectories(settings: project.settings), settings)
        let debounce = UInt64(settings.debounceMilliseconds) * 1_000_000
        let task = Task { await self.follow(watcher, debounce: debounce) }
        let alreadyStopped = watchingState.withLock { state in
            guard !state.stopped else { return true }
            state.watcher?.stop()
            state.task?.cancel()
            state.watcher = watcher
            state.task = task
            return false
        }
        if alreadyStopped {
            watcher.stop()
            task.cancel()
        }
    }

    /// Stops watching, ends every event stream and waits for a reload in progress to finish.
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

    /// The config directory and the folder of the schema `settings` names.
    private func watchedDirectories(settings: ProjectSettings) -> [String] {
        var directories = [directory]
        if let schema = settings.schema {
            let folder = GenerationSource.folder(of: joinPath(directory, schema))
            if !directories.contains(folder) { directories.append(folder) }
        }
        return directories
    }

    /// Turns the watcher's notifications into debounced reloads until the watcher stops.
    private func follow(_ watcher: any DirectoryWatching, debounce: UInt64) async {
        let lastChange = LastChange()
        // At most one pending ring: changes during a debounce or a reload need one more reload.
        let (doorbell, ring) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                for await _ in watcher.changes {
                    lastChange.nanoseconds.store(self.clock.nanoseconds(), ordering: .releasing)
                    ring.yield()
                }
                ring.finish()
            }
            group.addTask {
                var reloadedAt: UInt64 = 0
                for await _ in doorbell {
                    // A ring for changes noted before the last reload started is answered already.
                    guard lastChange.nanoseconds.load(ordering: .acquiring) >= reloadedAt else { continue }
                    await self.waitForQuiet(since: lastChange, debounce: debounce)
                    guard !Task.isCancelled, !self.isStopped else { break }
                    reloadedAt = self.clock.nanoseconds()
                    self.reload()
                }
            }
        }
    }

    /// Returns once `debounce` nanoseconds have passed since the last change.
    private func waitForQuiet(since lastChange: LastChange, debounce: UInt64) async {
        while !Task.isCancelled {
            let due = lastChange.nanoseconds.load(ordering: .acquiring) &+ debounce
            let now = clock.nanoseconds()
            guard now < due else { return }
            try? await Task.sleep(nanoseconds: due - now)
        }
    }

    private var isStopped: Bool { watchingState.withLock { $0.stopped } }
}

/// When the watcher last reported a change, on the live configuration's clock.
private final class LastChange: Sendable {
    let nanoseconds = Atomic<UInt64>(0)
}
