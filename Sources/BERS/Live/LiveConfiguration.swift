import BERSJSON
import Logging
import Metrics
import Synchronization

/// A configuration that follows its files while the program runs: every change that resolves to
/// a valid configuration becomes a new ``ConfigurationGeneration``; every other change is refused
/// and the current generation stays.
///
/// ```swift
/// let live = try LiveConfiguration.start(directory: "config", environment: .staging)
/// let timeout = try live.current.configuration.int("api.timeout")
/// for await event in live.events() {
///     if case .applied(let reload) = event { print(reload.changes.map(\.pointer)) }
/// }
/// ```
///
/// A reload re-reads `bers.json`, `.bers-env`, the layer files and the schemas, resolves and
/// validates (and, where `bers.json` configures tenants, compiles the tenant schema and reads the
/// fallback document). It starts once the watched directories (the config directory, every
/// folder a file was read from, and on disk every folder holding or reached by a symbolic link on
/// the way to those) have been quiet for the `reload.debounce-ms` of `bers.json`
/// (trailing edge: a burst of edits gives one reload of the last write); a change during a reload
/// starts another one, so none is lost.
///
/// While it watches, the watcher's task keeps the live configuration alive: end watching with
/// ``stop()``, or run it as a service (``run()``, cancelled at shutdown).
public final class LiveConfiguration: Sendable {
    /// The config directory.
    public let directory: String
    private let requestedEnvironment: Environment?
    private let options: ResolveOptions
    let fileSystem: any FileSystem
    let clock: any MonotonicClock
    private let metrics: ReloadMetrics
    private let metricsFactory: any MetricsFactory
    let logger: Logger?
    /// What ``watch(with:)`` watches with when given nothing else.
    let defaultWatcher: WatcherFactory
    private let generation: Mutex<ConfigurationGeneration>
    /// The files the last reload read, valid or not: their folders are watched.
    private let lastInputs: Mutex<[ConfigurationGeneration.InputFile]>
    let subscribers = ReloadSubscribers()
    let reloadGate = Mutex<Void>(())
    let watchingState = Mutex<WatchState>(WatchState())

    /// Resolves the first generation, without watching (see ``watch(with:)`` and
    /// ``start(directory:environment:options:fileSystem:makeWatcher:)``).
    ///
    /// - Parameters:
    ///   - directory: The config directory.
    ///   - environment: The environment; `nil` detects it on every reload (so `.bers-env` and
    ///     `bers.json` can change it), from `options.environmentVariables`.
    ///   - options: Override variables and assignments, applied on every reload.
    ///   - fileSystem: Where the files are read.
    ///   - clock: What reload durations and the debounce interval are measured with.
    ///   - metrics: Where `bers_reloads_total`, `bers_reload_duration_seconds` and
    ///     `bers_config_generation` are recorded (the process's metrics system by default).
    ///   - logger: Where each reload is logged (`nil`: nowhere, for a caller that prints the
    ///     events itself).
    ///   - makeWatcher: What ``watch(with:)`` watches with by default: the platform's watcher,
    ///     or the watcher of a file system that is not a disk (an etcd mirror).
    /// - Throws: ``ConfigError``: what `bers resolve` would report for these files.
    public init(
        directory: String,
        environment: Environment? = nil,
        options: ResolveOptions = ResolveOptions(),
        fileSystem: any FileSystem = LocalFileSystem(),
        clock: any MonotonicClock = SystemMonotonicClock(resolution: .fine),
        metrics: any MetricsFactory = MetricsSystem.factory,
        logger: Logger? = Logger(label: "bers.reload"),
        makeWatcher: @escaping WatcherFactory = systemWatcher
    ) throws(ConfigError) {
        self.directory = directory
        self.defaultWatcher = makeWatcher
        self.metricsFactory = metrics
        self.requestedEnvironment = environment
        self.options = options
        self.fileSystem = fileSystem
        self.clock = clock
        self.metrics = ReloadMetrics(factory: metrics)
        self.logger = logger
        let attempt = GenerationSource.attempt(
            directory: directory,
            environment: environment,
            options: options,
            fileSystem: fileSystem
        )
        let first = try attempt.result.get().generation(number: 1)
        generation = Mutex(first)
        lastInputs = Mutex(attempt.inputs)
        self.metrics.recordGeneration(first.number)
    }

    /// Another environment of the same files: the same directory, file system, clock and default
    /// watcher (and metrics, unless `metrics` is given), resolved now and not yet watching.
    ///
    /// - Throws: ``ConfigError``: what `bers resolve --env` would report for it.
    public func sibling(
        environment: Environment,
        options: ResolveOptions,
        metrics: (any MetricsFactory)? = nil,
        logger: Logger?
    ) throws(ConfigError) -> LiveConfiguration {
        try LiveConfiguration(
            directory: directory,
            environment: environment,
            options: options,
            fileSystem: fileSystem,
            clock: clock,
            metrics: metrics ?? metricsFactory,
            logger: logger,
            makeWatcher: defaultWatcher
        )
    }

    /// The newest valid configuration.
    public var current: ConfigurationGeneration { generation.withLock { $0 } }

    /// The events of every reload from now on, until ``stop()``; each call is a new subscriber.
    public func events() -> AsyncStream<ReloadEvent> {
        subscribers.subscribe()
    }

    /// Reloads now, whatever the watcher says, and returns what happened.
    ///
    /// The event also goes to ``events()``. Reloads run one at a time.
    @discardableResult
    public func reload() -> ReloadEvent {
        reloadGate.withLock { _ in performReload(announcingUnchanged: true) }
    }

    /// Reloads for the watcher: not after ``stop()``; `unchanged` results are announced only when
    /// `announcingUnchanged` (a catch-up reload after a new watcher starts stays quiet).
    ///
    /// - Returns: `nil` when stopped.
    @discardableResult
    func reloadWhileWatching(announcingUnchanged: Bool = true) -> ReloadEvent? {
        reloadGate.withLock { _ in
            isStopped ? nil : performReload(announcingUnchanged: announcingUnchanged)
        }
    }

    /// The config directory, then the folders of the files the current generation and the last
    /// reload read (those that exist), and on disk the folders of the links on the way to them:
    /// what a watcher must see (``WatchedDirectories``).
    var watchedDirectories: WatchedDirectories {
        let files = (current.inputs + lastInputs.withLock { $0 }).map(\.path)
        return WatchedDirectories.of(directory: directory, files: files, in: fileSystem)
    }

    /// Runs one reload; the caller holds ``reloadGate``.
    private func performReload(announcingUnchanged: Bool) -> ReloadEvent {
        let started = clock.nanoseconds()
        let previous = current
        let attempt = GenerationSource.attempt(
            directory: directory,
            environment: requestedEnvironment,
            options: options,
            fileSystem: fileSystem
        )
        lastInputs.withLock { $0 = attempt.inputs }
        let (event, next) = outcome(of: attempt, after: previous)
        if let next { generation.withLock { $0 = next } }
        if case .unchanged = event, !announcingUnchanged { return event }
        metrics.record(event, nanoseconds: clock.nanoseconds() &- started, current: current.number)
        log(event)
        subscribers.publish(event)
        return event
    }

    /// The event of `attempt`, and the generation to make current, if any: a new one, or the
    /// current one refreshed when the files changed but the values did not.
    private func outcome(of attempt: GenerationSource.Attempt, after previous: ConfigurationGeneration) -> (
        ReloadEvent, ConfigurationGeneration?
    ) {
        let source: GenerationSource
        switch attempt.result {
        case .success(let resolved): source = resolved
        case .failure(let error):
            return (.refused(RefusedReload(keptGeneration: previous.number, error: error, at: .now())), nil)
        }
        let candidate = source.generation(number: previous.number + 1)
        let sameEnvironment = candidate.configuration.environment == previous.configuration.environment
        guard candidate.valueDigest != previous.valueDigest || !sameEnvironment else {
            let refreshed = source.inputs == previous.inputs ? nil : previous.refreshed(from: source)
            return (.unchanged(generation: previous.number), refreshed)
        }
        let changes = ConfigurationChange.changes(from: previous.configuration, to: candidate.configuration)
        return (.applied(AppliedReload(generation: candidate, previous: previous.number, changes: changes)), candidate)
    }

    private func log(_ event: ReloadEvent) {
        guard let logger else { return }
        switch event {
        case .applied(let applied):
            logger.info(
                "applied configuration generation \(applied.generation.number)",
                metadata: [
                    "environment": "\(applied.generation.configuration.environment.name)",
                    "changes": "\(applied.changes.count)", "digest": "\(applied.generation.digest.prefix(12))",
                ]
            )
        case .unchanged(let number):
            logger.debug("files changed, configuration unchanged", metadata: ["generation": "\(number)"])
        case .refused(let refused):
            logger.warning(
                "refused a reload: \(refused.error.message); keeping generation \(refused.keptGeneration)",
                metadata: ["code": "\(refused.error.code.rawValue)"]
            )
        }
    }
}
