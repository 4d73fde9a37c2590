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
/// A reload re-reads `bers.json`, `.bers-env`, the layer files and the schema, resolves and
/// validates. It starts once the watched directories (the config directory and the schema's) have
/// been quiet for the `reload.debounce-ms` of `bers.json` (trailing edge: a burst of edits gives one
/// reload of the last write); a change during a reload starts another one, so none is lost.
public final class LiveConfiguration: Sendable {
    /// The config directory.
    public let directory: String
    private let requestedEnvironment: Environment?
    private let options: ResolveOptions
    let fileSystem: any FileSystem
    let clock: any MonotonicClock
    private let metrics: ReloadMetrics
    private let logger: Logger?
    private let generation: Mutex<ConfigurationGeneration>
    let subscribers = ReloadSubscribers()
    let reloadGate = Mutex<Int>(0)
    let watchingState = Mutex<WatchState>(WatchState())

    struct WatchState {
        var watcher: (any DirectoryWatching)?
        var task: Task<Void, Never>?
        var stopped = false
    }

    /// Resolves the first generation, without watching (see ``watch(with:)`` and
    /// ``start(directory:environment:options:fileSystem:makeWatcher:)``).
    ///
    /// - Parameters:
    ///   - directory: The config directory.
    ///   - environment: The environment; `nil` detects it on every reload (so `.bers-env` and
    ///     `bers.json` can change it), from `options.environmentVariables`.
    ///   - options: Override variables and assignments, applied on every reload.
    ///   - logger: Where each reload is logged (`nil`: nowhere, for a caller that prints the
    ///     events itself).
    /// - Throws: ``ConfigError``: what `bers resolve` would report for these files.
    public init(
        directory: String,
        environment: Environment? = nil,
        options: ResolveOptions = ResolveOptions(),
        fileSystem: any FileSystem = LocalFileSystem(),
        clock: any MonotonicClock = SystemMonotonicClock(resolution: .fine),
        metrics: any MetricsFactory = MetricsSystem.factory,
        logger: Logger? = Logger(label: "bers.reload")
    ) throws(ConfigError) {
        self.directory = directory
        self.requestedEnvironment = environment
        self.options = options
        self.fileSystem = fileSystem
        self.clock = clock
        self.metrics = ReloadMetrics(factory: metrics)
        self.logger = logger
        let first = try GenerationSource(
            directory: directory,
            environment: environment,
            options: options,
            fileSystem: fileSystem
        )
        generation = Mutex(first.generation(number: 1))
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
        reloadGate.withLock { count in
            count += 1
            let started = clock.nanoseconds()
            let previous = current
            let event = nextEvent(after: previous)
            if case .applied(let applied) = event { generation.withLock { $0 = applied.generation } }
            metrics.record(event, nanoseconds: clock.nanoseconds() &- started, current: current.number)
            log(event)
            subscribers.publish(event)
            return event
        }
    }

    private func nextEvent(after previous: ConfigurationGeneration) -> ReloadEvent {
        do {
            let source = try GenerationSource(
                directory: directory,
                environment: requestedEnvironment,
                options: options,
                fileSystem: fileSystem
            )
            let candidate = source.generation(number: previous.number + 1)
            let sameEnvironment = candidate.configuration.environment == previous.configuration.environment
            guard candidate.digest != previous.digest || !sameEnvironment else {
                return .unchanged(generation: previous.number)
            }
            let changes = ConfigurationChange.changes(from: previous.configuration, to: candidate.configuration)
            return .applied(AppliedReload(generation: candidate, previous: previous.number, changes: changes))
        } catch {
            return .refused(RefusedReload(keptGeneration: previous.number, error: error, at: .now()))
        }
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
