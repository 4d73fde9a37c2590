import AsyncHTTPClient
import BERS
import Logging
import Metrics
import Synchronization

/// A store prefix in etcd followed by one watch: the environment layers under `<prefix>config/`
/// mirrored into an ``InMemoryFileSystem`` (for a ``LiveConfiguration``), and the tenant objects
/// (`mappings/`, `tenants/`) announced as they change (for a ``TenantCache``).
///
/// ```swift
/// let feed = try await EtcdFeed.connect(url: "etcd://127.0.0.1:2379/picasso", httpClient: client)
/// let live = try LiveConfiguration(directory: feed.directory, fileSystem: feed.fileSystem,
///                                  makeWatcher: feed.makeWatcher)
/// try live.watch()
/// ```
///
/// The watch resumes from the last revision seen after a lost connection (with exponential
/// backoff), so changes made meanwhile arrive; when etcd compacted those revisions away, or its
/// revision went back (a cluster restored from a snapshot), the feed reads everything again. A
/// connection that dies without closing is caught by a watchdog: every ``watchdogInterval`` it
/// asks etcd for the newest modification under the prefix, and reconnects when the watch has not
/// delivered it by the next check. While disconnected, the last copy stays and ``status`` says
/// since when it may be stale.
public final class EtcdFeed: ChangeFeed {
    /// The cluster and the prefix.
    public let address: EtcdAddress
    /// Where the mirrored layer files are in ``fileSystem``: `/etcd/<host:port>/<prefix>config`.
    public let directory: String
    /// The mirrored layer files.
    public let fileSystem = InMemoryFileSystem()
    /// The tenant store at the same prefix.
    public let store: EtcdTenantStore
    /// The pause after the first failed reconnection; it doubles up to ``maximumBackoff``.
    public let initialBackoff: Duration
    /// The longest pause between reconnections.
    public let maximumBackoff: Duration
    /// How often the watch is checked against the store (see the type's discussion).
    public let watchdogInterval: Duration
    private let mirrorsConfiguration: Bool
    private let state: Mutex<EtcdFeedState>
    private let reporter: EtcdFeedReporter

    private init(
        store: EtcdTenantStore,
        mirrorsConfiguration: Bool,
        backoff: (Duration, Duration),
        watchdogInterval: Duration,
        reporter: EtcdFeedReporter
    ) {
        self.store = store
        self.watchdogInterval = watchdogInterval
        self.reporter = reporter
        self.address = store.address
        self.mirrorsConfiguration = mirrorsConfiguration
        (initialBackoff, maximumBackoff) = backoff
        let host = store.address.endpoints.first?.authority ?? "etcd"
        directory = "/etcd/\(host)/\(store.address.keyPrefix)config"
        state = Mutex(EtcdFeedState(backoff: backoff.0))
    }

    /// Reads the prefix (the layer files when `mirrorsConfiguration`) and starts watching it.
    ///
    /// - Parameters:
    ///   - url: `etcd://host:port[,host:port]/prefix`.
    ///   - httpClient: The client; the caller owns it and keeps it open while the feed runs.
    ///   - limits: Timeout and size limit of each read.
    ///   - mirrorsConfiguration: Whether to mirror `<prefix>config/` (false when only tenants are
    ///     served from etcd).
    ///   - backoff: The first and the longest pause between reconnections.
    ///   - watchdogInterval: How often the watch is checked against the store.
    ///   - logger: Where losing and regaining the watch is logged (once per outage).
    ///   - metrics: Where `bers_feed_connected`, `bers_feed_revision`,
    ///     `bers_feed_reconnects_total` and `bers_feed_resyncs_total` go.
    /// - Throws: ``TenantError`` when the URL is malformed or the first read fails.
    public static func connect(
        url: String,
        httpClient: HTTPClient,
        limits: RemoteStoreLimits = .default,
        mirrorsConfiguration: Bool = true,
        backoff: (initial: Duration, maximum: Duration) = (.milliseconds(100), .seconds(1)),
        watchdogInterval: Duration = .seconds(5),
        logger: Logger? = nil,
        metrics: any MetricsFactory = MetricsSystem.factory
    ) async throws(TenantError) -> EtcdFeed {
        let store = try EtcdTenantStore(url: url, httpClient: httpClient, limits: limits)
        let reporter = EtcdFeedReporter(source: store.address.description, logger: logger, metrics: metrics)
        let feed = EtcdFeed(
            store: store,
            mirrorsConfiguration: mirrorsConfiguration,
            backoff: backoff,
            watchdogInterval: watchdogInterval,
            reporter: reporter
        )
        try await feed.readAll()
        let revision = feed.state.withLock { state in
            state.markConnected()
            return state.revision
        }
        reporter.started(at: revision)
        feed.resumeWatching()
        return feed
    }

    /// Starts following (again) from the revision reached; internal, for tests that make the
    /// feed miss revisions.
    func resumeWatching() {
        let task = Task { await follow() }
        state.withLock { $0.task = task }
    }

    /// Stops following without stopping the feed, and returns once nothing more is applied;
    /// internal, for tests.
    func pauseWatching() async {
        let task = state.withLock { $0.task }
        task?.cancel()
        await task?.value
    }

    /// Stops watching.
    ///
    /// Idempotent; the watchers made by ``makeWatcher`` see their changes end.
    public func stop() {
        let (task, queues) = state.withLock { state in
            defer {
                state.stopped = true
                state.task = nil
                state.queues = [:]
            }
            return (state.task, Array(state.queues.values))
        }
        task?.cancel()
        for queue in queues { queue.finish() }
    }

    // swift-format-ignore: AllPublicDeclarationsHaveDocumentation
    public var status: ChangeFeedStatus {
        state.withLock { $0.status(source: address.description) }
    }

    // swift-format-ignore: AllPublicDeclarationsHaveDocumentation
    public func onTenantChanges(_ handler: @escaping @Sendable (TenantStoreNotice) -> Void) {
        state.withLock { $0.tenantHandlers.append(handler) }
    }

    /// Makes watchers of the mirrored files for a ``LiveConfiguration``: each receives the
    /// changes the watch applies to ``fileSystem``.
    public var makeWatcher: LiveConfiguration.WatcherFactory {
        { [weak self] _, _ throws(ConfigError) in
            guard let self else { throw ConfigError(.unreadable, "the etcd feed was released") }
            return try self.register()
        }
    }

    private func register() throws(ConfigError) -> EtcdDirectoryWatcher {
        let queue = DirectoryChangeQueue()
        let id = state.withLock { state -> Int? in
            guard !state.stopped else { return nil }
            state.nextQueueID += 1
            state.queues[state.nextQueueID] = queue
            return state.nextQueueID
        }
        guard let id else { throw ConfigError(.unreadable, "the etcd feed of \(address) was stopped") }
        return EtcdDirectoryWatcher(queue: queue) { [weak self] in
            _ = self?.state.withLock { $0.queues.removeValue(forKey: id) }
        }
    }

    /// Watches from the revision after the last one seen until cancelled, reconnecting with
    /// backoff.
    private func follow() async {
        let stream = EtcdWatchStream(client: store.client, prefix: address.keyPrefix)
        while !Task.isCancelled {
            let from = state.withLock { $0.revision } + 1
            do {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask { try await stream.run(from: from) { message in await self.handle(message) } }
                    group.addTask { try await self.watchdog() }
                    defer { group.cancelAll() }
                    try await group.next()
                }
            } catch {
                guard !Task.isCancelled else { return }
                disconnected((error as? TenantError)?.message ?? "\(error)")
            }
            guard !Task.isCancelled else { return }
            let pause = state.withLock { $0.nextBackoff(maximum: maximumBackoff) }
            try? await Task.sleep(for: pause)
        }
    }

    /// Returns (throws) when the watch has not delivered, by the next check, a modification the
    /// store reported at the previous one: the connection is dead without having closed.
    private func watchdog() async throws {
        var pending: Int64?
        let context = "CHECK \(ObjectKey.quote(address.keyPrefix)) in \(address)"
        while true {
            try await Task.sleep(for: watchdogInterval)
            let seen = state.withLock { $0.revision }
            if let pending, seen < pending {
                throw TenantError(
                    .storeUnavailable,
                    "the watch has not delivered revision \(pending) within \(watchdogInterval) (it is at \(seen))"
                )
            }
            guard let newest = try? await store.client.newestModification(prefix: address.keyPrefix, context: context)
            else { continue }
            pending = newest > seen ? newest : nil
        }
    }

    /// Applies one message; false ends the stream (to reconnect, or after a resync).
    func handle(_ message: EtcdWatchMessage) async -> Bool {
        switch message {
        case .created(let revision):
            // A store whose revision went back (restored from a snapshot) would stay silent.
            guard revision >= state.withLock({ $0.revision }) else { return await resync() }
            let (reconnected, handlers, revision) = state.withLock {
                ($0.markConnected(resetBackoff: self.initialBackoff), $0.tenantHandlers, $0.revision)
            }
            guard reconnected else { return true }
            reporter.reconnected(at: revision)
            for handler in handlers { handler(.reachable) }
            return true
        case .events(let events, let revision):
            apply(events, revision: revision)
            return true
        case .compacted:
            return await resync()
        case .failed(let reason):
            disconnected(reason)
            return false
        }
    }

    /// Reads everything again (the watch lost its place); always false: the stream ends and the
    /// watch starts again from the revision read.
    private func resync() async -> Bool {
        do {
            try await readAll()
            reporter.resynced(
                at: state.withLock { state in
                    state.resyncs += 1
                    return state.revision
                }
            )
        } catch {
            disconnected(error.message)
        }
        return false
    }

    /// Records a lost watch, and reports it when it was connected until now.
    private func disconnected(_ reason: String) {
        if state.withLock({ $0.markDisconnected(reason) }) { reporter.disconnected(reason) }
    }

    /// Applies a watch message's changes to the mirror, then tells the watchers and handlers.
    private func apply(_ events: [EtcdWatchMessage.Event], revision: Int64) {
        var folders: [String: [String]] = [:]
        var tenantKeys: [String] = []
        var newest: Int64 = 0
        for event in events {
            newest = max(newest, event.keyValue.modRevision)
            guard let key = PathText.removingPrefix(address.keyPrefix, from: event.keyValue.key) else { continue }
            if let name = PathText.removingPrefix("config/", from: key) {
                guard mirrorsConfiguration else { continue }
                let path = joinPath(directory, name)
                if event.isDelete {
                    fileSystem.removeFile(path)
                } else {
                    fileSystem.setFile(path, event.keyValue.value)
                }
                let (folder, name) = Self.split(path)
                folders[folder, default: []].append(name)
            } else if key.utf8.starts(with: "mappings/".utf8) || key.utf8.starts(with: "tenants/".utf8) {
                tenantKeys.append(key)
            }
        }
        let (queues, handlers, revision) = state.withLock { state in
            state.revision = max(state.revision, newest)
            return (Array(state.queues.values), state.tenantHandlers, state.revision)
        }
        reporter.applied(upTo: revision)
        for (folder, names) in folders {
            for queue in queues { queue.send(DirectoryChange(directory: folder, names: names)) }
        }
        if !tenantKeys.isEmpty { for handler in handlers { handler(.changed(tenantKeys)) } }
    }

    /// Reads every layer file (when mirrored) and makes the mirror exactly that, at one revision;
    /// watchers hear that anything may have changed, handlers that every tenant may have.
    private func readAll() async throws(TenantError) {
        let prefix = address.keyPrefix + "config/"
        let context = "READ \(ObjectKey.quote(prefix)) from \(address)"
        let (keyValues, revision) =
            mirrorsConfiguration
            ? try await store.client.rangeAll(prefix: prefix, keysOnly: false, context: context)
            // Only the revision to watch from is needed: one key's worth.
            : (
                [],
                try await store.client.range(Array(prefix.utf8), limit: 1, maxBodySize: 65_536, context: context)
                    .revision
            )
        var folders: Set<String> = [directory]
        if mirrorsConfiguration {
            var files: [String: [UInt8]] = [:]
            for keyValue in keyValues {
                guard let name = PathText.removingPrefix(prefix, from: keyValue.key) else { continue }
                let path = joinPath(directory, name)
                files[path] = keyValue.value
                folders.insert(Self.split(path).folder)
            }
            fileSystem.replaceAll(with: files)
        }
        let (queues, handlers, first) = state.withLock { state in
            defer { state.revision = revision }
            return (Array(state.queues.values), state.tenantHandlers, state.revision == 0)
        }
        guard !first else { return }
        for folder in folders.sorted() {
            for queue in queues { queue.send(DirectoryChange(directory: folder, names: nil)) }
        }
        for handler in handlers { handler(.everything) }
    }

    /// The folder of a mirrored path and its last component.
    private static func split(_ path: String) -> (folder: String, name: String) {
        guard path.utf8.contains(UInt8(ascii: "/")) else { return (".", path) }
        return (PathText.parent(of: path), PathText.lastSegment(of: path))
    }
}
