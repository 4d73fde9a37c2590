import Synchronization

extension LiveConfiguration {
    /// Why following one watcher ended.
    private enum Ending {
        /// ``LiveConfiguration/stop()`` was called or the task was cancelled.
        case stopped
        /// A directory was replaced or the directories to watch changed (or where their links lead):
        /// a new watcher is needed.
        case rebuild
        /// The watcher ended by itself (its thread failed): a new one is needed, after a pause.
        case failed
    }

    /// Follows `first`, then each watcher that replaces it, until stopped.
    func follow(first: any DirectoryWatching, directories: WatchedDirectories, makeWatcher: WatcherFactory) async {
        var watcher = first
        var directories = directories
        while true {
            let ending = await followChanges(of: watcher, directories: directories)
            watcher.stop()
            guard ending != .stopped, !isStopped, !Task.isCancelled else { return }
            if ending == .failed { await pause(milliseconds: reloadSettings.pollIntervalMilliseconds) }
            guard let next = await nextWatcher(makeWatcher) else { return }
            (watcher, directories) = next
            guard adopt(watcher) else { return watcher.stop() }
            // Changes made while no watcher ran are read now.
            reloadWhileWatching(announcingUnchanged: false)
        }
    }

    /// A watcher of the directories to watch now, trying again every poll interval while one
    /// cannot be made (a directory is missing); `nil` once stopped.
    private func nextWatcher(_ makeWatcher: WatcherFactory) async -> (any DirectoryWatching, WatchedDirectories)? {
        while !isStopped, !Task.isCancelled {
            let directories = watchedDirectories
            let settings = reloadSettings
            do throws(ConfigError) {
                return (try makeWatcher(directories.paths, settings), directories)
            } catch {
                logger?
                    .warning(
                        "cannot watch the configuration: \(error.message); trying again in \(settings.pollIntervalMilliseconds) ms"
                    )
                await pause(milliseconds: settings.pollIntervalMilliseconds)
            }
        }
        return nil
    }

    /// Makes `watcher` the one ``stop()`` stops; false when stopped already.
    private func adopt(_ watcher: any DirectoryWatching) -> Bool {
        watchingState.withLock { state in
            guard !state.stopped else { return false }
            state.watcher = watcher
            return true
        }
    }

    /// Turns one watcher's notifications into debounced reloads until it ends or must be replaced.
    private func followChanges(of watcher: any DirectoryWatching, directories: WatchedDirectories) async -> Ending {
        let marks = ChangeMarks()
        // At most one pending ring: changes during a debounce or a reload need one more reload.
        let (doorbell, ring) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                for await change in watcher.changes {
                    if change.names == nil { marks.directoryReplaced.store(true, ordering: .relaxed) }
                    marks.lastChange.store(self.clock.nanoseconds(), ordering: .releasing)
                    ring.yield()
                }
                ring.finish()
            }
            group.addTask {
                await self.reloadOnRings(doorbell, marks: marks, watcher: watcher, directories: directories)
            }
        }
        if isStopped || Task.isCancelled { return .stopped }
        return marks.rebuilding.load(ordering: .relaxed) ? .rebuild : .failed
    }

    /// Reloads once the files are quiet after each ring; stops `watcher` when it must be replaced.
    private func reloadOnRings(
        _ doorbell: AsyncStream<Void>,
        marks: ChangeMarks,
        watcher: any DirectoryWatching,
        directories: WatchedDirectories
    ) async {
        var reloadedAt: UInt64 = 0
        for await _ in doorbell {
            // A ring for changes noted before the last reload started is answered already.
            guard marks.lastChange.load(ordering: .acquiring) >= reloadedAt else { continue }
            await waitForQuiet(since: marks)
            guard !Task.isCancelled else { return }
            reloadedAt = clock.nanoseconds()
            guard reloadWhileWatching() != nil else { return }
            if marks.directoryReplaced.load(ordering: .relaxed) || watchedDirectories != directories {
                marks.rebuilding.store(true, ordering: .relaxed)
                watcher.stop()
                return
            }
        }
    }

    /// Returns once the debounce interval has passed since the last change.
    private func waitForQuiet(since marks: ChangeMarks) async {
        while !Task.isCancelled {
            let debounce = UInt64(reloadSettings.debounceMilliseconds) * 1_000_000
            let due = marks.lastChange.load(ordering: .acquiring) &+ debounce
            let now = clock.nanoseconds()
            guard now < due else { return }
            try? await Task.sleep(nanoseconds: due - now)
        }
    }

    private func pause(milliseconds: Int64) async {
        try? await Task.sleep(nanoseconds: UInt64(max(1, milliseconds)) * 1_000_000)
    }
}

/// What the two halves of following a watcher share.
private final class ChangeMarks: Sendable {
    /// When the watcher last reported a change, on the live configuration's clock.
    let lastChange = Atomic<UInt64>(0)
    /// Whether a change said a watched directory itself was replaced (names unknown).
    let directoryReplaced = Atomic<Bool>(false)
    /// Whether the watcher was stopped to be replaced.
    let rebuilding = Atomic<Bool>(false)
}
