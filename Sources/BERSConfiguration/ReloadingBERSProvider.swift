import BERS
import BERSJSON
import Configuration
import Synchronization

/// A swift-configuration provider that follows a ``BERS/LiveConfiguration``: every valid edit of
/// the config directory becomes the new snapshot and reaches the watchers; an invalid one is
/// refused by BERS and the watchers keep the values they have.
///
/// Run it in a swift-service-lifecycle `ServiceGroup`, like swift-configuration's
/// `ReloadingFileProvider`: its `run()` watches the files until graceful shutdown.
///
/// ```swift
/// let provider = try ReloadingBERSProvider(directory: "config", environment: .production)
/// let config = ConfigReader(providers: [EnvironmentVariablesProvider(), provider])
/// let group = ServiceGroup(services: [provider, server], gracefulShutdownSignals: [.sigterm], logger: logger)
/// try await group.run()
/// // elsewhere: try await config.watchInt(forKey: "api.timeout") { for await timeout in $0 { … } }
/// ```
///
/// Reads always see the live configuration's current generation, whoever watches the files:
/// this provider's `run()`, a `LiveConfigurationService` of the same live configuration, or
/// ``BERS/LiveConfiguration/watch(with:)``.
public final class ReloadingBERSProvider: Sendable {
    /// The live configuration followed.
    public let live: LiveConfiguration
    private let bytesDecoder: any ConfigBytesFromStringDecoder
    /// The newest generation seen and its snapshot, made once per generation.
    private let cache: Mutex<CachedSnapshot>

    /// A generation and its snapshot (a class: a read copies one reference out of the lock).
    final class CachedSnapshot: Sendable {
        let generation: ConfigurationGeneration
        let snapshot: BERSConfigSnapshot

        init(generation: ConfigurationGeneration, snapshot: BERSConfigSnapshot) {
            self.generation = generation
            self.snapshot = snapshot
        }
    }

    /// A provider following `live` (which may or may not be watching yet).
    ///
    /// - Parameters:
    ///   - live: The live configuration.
    ///   - bytesDecoder: How strings become bytes for `.bytes` and `.byteChunkArray` reads.
    public init(live: LiveConfiguration, bytesDecoder: some ConfigBytesFromStringDecoder = .base64) {
        self.live = live
        self.bytesDecoder = bytesDecoder
        let generation = live.current
        cache = Mutex(CachedSnapshot(generation: generation, snapshot: Self.snapshot(of: generation, bytesDecoder)))
    }

    /// A provider following the config directory's configuration for `environment`; watching
    /// starts with ``run()``.
    ///
    /// - Parameters:
    ///   - directory: The config directory.
    ///   - environment: The environment; `nil` detects it on every reload (so `.bers-env` can
    ///     change it), from `options.environmentVariables`.
    ///   - options: Override variables (`BERS__…`), `--set` assignments, the secret keyring,
    ///     applied on every reload.
    ///   - fileSystem: Where the files are read.
    ///   - bytesDecoder: How strings become bytes for `.bytes` and `.byteChunkArray` reads.
    /// - Throws: ``BERS/ConfigError``: what `bers resolve` would report for these files.
    public convenience init(
        directory: String,
        environment: Environment? = nil,
        options: ResolveOptions = ResolveOptions(),
        fileSystem: any FileSystem = LocalFileSystem(),
        bytesDecoder: some ConfigBytesFromStringDecoder = .base64
    ) throws(BERS.ConfigError) {
        let live = try LiveConfiguration(
            directory: directory,
            environment: environment,
            options: options,
            fileSystem: fileSystem
        )
        self.init(live: live, bytesDecoder: bytesDecoder)
    }

    /// The snapshot of the live configuration's current generation.
    public func currentSnapshot() -> BERSConfigSnapshot {
        current().snapshot
    }

    /// The live configuration's current generation with its snapshot, made on first use.
    func current() -> CachedSnapshot {
        let generation = live.current
        if let cached = cache.withLock({ $0.generation === generation ? $0 : nil }) { return cached }
        let made = CachedSnapshot(generation: generation, snapshot: Self.snapshot(of: generation, bytesDecoder))
        cache.withLock { cached in
            if cached.generation.number <= generation.number { cached = made }
        }
        return made
    }

    /// Where the value at `key` was set in the current generation, secrets redacted.
    public func provenance(forKey key: AbsoluteConfigKey) -> Provenance? {
        currentSnapshot().provenance(forKey: key)
    }

    /// The snapshot of `generation`, named after this provider and the generation's environment.
    private static func snapshot(
        of generation: ConfigurationGeneration,
        _ bytesDecoder: any ConfigBytesFromStringDecoder
    ) -> BERSConfigSnapshot {
        BERSConfigSnapshot(
            configuration: generation.configuration,
            providerName: "ReloadingBERSProvider[\(generation.configuration.environment.name)]",
            bytesDecoder: bytesDecoder
        )
    }
}
