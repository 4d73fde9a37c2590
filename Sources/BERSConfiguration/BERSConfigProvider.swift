import BERS
import BERSJSON
import Configuration
import Logging

/// A swift-configuration provider serving one resolved BERS configuration: layered, validated,
/// with provenance and secrets.
///
/// ```swift
/// import BERSConfiguration
/// import Configuration
///
/// let bers = try BERSConfigProvider(directory: "config", environment: .staging)
/// let config = ConfigReader(providers: [EnvironmentVariablesProvider(), bers])
/// let timeout = config.int(forKey: "api.timeout", default: 5000)   // API_TIMEOUT wins if set
/// ```
///
/// The configuration never changes: `fetch` reads the same values as `get`, and `watch` gives
/// the current value once. For a configuration that follows its files, use
/// ``ReloadingBERSProvider``.
///
/// A misspelled `BERS_ENV` or `BERS__…` variable does not stop the provider: it is reported in
/// ``warnings`` (and logged, with a logger), as `bers resolve` prints it.
public struct BERSConfigProvider: Sendable {
    /// The snapshot every read uses.
    private let base: BERSConfigSnapshot

    /// What detection and resolution ignored, each saying what was used instead: a detection
    /// source naming no environment (`BERS_ENV=developmnt`, with a did-you-mean and the
    /// environment used), a `BERS__…` variable naming no key, a secret left unopened.
    public let warnings: [ConfigDiagnostic]

    /// A provider serving `configuration`.
    ///
    /// - Parameters:
    ///   - configuration: The resolved configuration, usually from `resolveValidated`.
    ///   - bytesDecoder: How strings become bytes for `.bytes` and `.byteChunkArray` reads.
    public init(configuration: ResolvedConfiguration, bytesDecoder: some ConfigBytesFromStringDecoder = .base64) {
        self.init(configuration: configuration, warnings: configuration.diagnostics, bytesDecoder: bytesDecoder)
    }

    private init(
        configuration: ResolvedConfiguration,
        warnings: [ConfigDiagnostic],
        bytesDecoder: some ConfigBytesFromStringDecoder
    ) {
        base = BERSConfigSnapshot(configuration: configuration, bytesDecoder: bytesDecoder)
        self.warnings = warnings
    }

    /// A provider serving the config directory's configuration for `environment`, resolved and
    /// validated against the project's schema.
    ///
    /// - Parameters:
    ///   - directory: The config directory (the one holding `bers.json` and the layer files).
    ///   - environment: The environment; `nil` detects it as `bers resolve` does, from `.bers-env`,
    ///     `bers.json` and the detection variables of `options.environmentVariables`.
    ///   - options: Override variables (`BERS__…`), `--set` assignments, the secret keyring.
    ///   - fileSystem: Where the files are read.
    ///   - bytesDecoder: How strings become bytes for `.bytes` and `.byteChunkArray` reads.
    ///   - logger: Where each of ``warnings`` is logged, at warning level (`nil`: nowhere).
    /// - Throws: ``BERS/ConfigError``: what `bers resolve` would report for these files.
    public init(
        directory: String,
        environment: Environment? = nil,
        options: ResolveOptions = ResolveOptions(),
        fileSystem: any FileSystem = LocalFileSystem(),
        bytesDecoder: some ConfigBytesFromStringDecoder = .base64,
        logger: Logger? = nil
    ) throws(BERS.ConfigError) {
        let project = try ConfigProject(directory: directory, fileSystem: fileSystem)
        let chosen: Environment
        var detectionWarnings: [ConfigDiagnostic] = []
        if let environment {
            chosen = environment
        } else {
            let detection = try project.environmentDetection(options: options)
            chosen = detection.environment
            detectionWarnings = detection.warnings
        }
        let configuration = try project.resolveValidated(chosen, options: options)
        self.init(
            configuration: configuration,
            warnings: detectionWarnings + configuration.diagnostics,
            bytesDecoder: bytesDecoder
        )
        if let logger { log(to: logger) }
    }

    /// Logs each of ``warnings`` to `logger` at warning level, with its code.
    private func log(to logger: Logger) {
        for warning in warnings {
            var metadata: Logger.Metadata = ["code": "\(warning.code)"]
            if let location = warning.location { metadata["location"] = "\(location)" }
            logger.warning("\(warning.message)", metadata: metadata)
        }
    }

    /// The resolved configuration served.
    public var configuration: ResolvedConfiguration { base.configuration }

    /// The snapshot every read uses, with its BERS-specific API (provenance, the configuration).
    public func currentSnapshot() -> BERSConfigSnapshot { base }

    /// Where the value at `key` was set and what it overrode, secrets redacted.
    public func provenance(forKey key: AbsoluteConfigKey) -> Provenance? {
        base.provenance(forKey: key)
    }
}

extension BERSConfigProvider: ConfigProvider {
    /// `BERSConfigProvider[<environment>]`.
    public var providerName: String { base.providerName }

    /// The value at `key` (see ``BERSConfigSnapshot/value(forKey:type:)``).
    public func value(forKey key: AbsoluteConfigKey, type: ConfigType) throws -> LookupResult {
        try base.value(forKey: key, type: type)
    }

    /// The same as ``value(forKey:type:)``: the configuration is resolved once.
    public func fetchValue(forKey key: AbsoluteConfigKey, type: ConfigType) async throws -> LookupResult {
        try base.value(forKey: key, type: type)
    }

    /// Gives the current value once; it never changes.
    nonisolated(nonsending) public func watchValue<Return: ~Copyable>(
        forKey key: AbsoluteConfigKey,
        type: ConfigType,
        updatesHandler:
            nonisolated(nonsending) (ConfigUpdatesAsyncSequence<Result<LookupResult, any Error>, Never>) async throws ->
            Return
    ) async throws -> Return {
        try await watchValueFromValue(forKey: key, type: type, updatesHandler: updatesHandler)
    }

    /// The snapshot.
    public func snapshot() -> any ConfigSnapshot { base }

    /// Gives the snapshot once; it never changes.
    nonisolated(nonsending) public func watchSnapshot<Return: ~Copyable>(
        updatesHandler:
            nonisolated(nonsending) (ConfigUpdatesAsyncSequence<any ConfigSnapshot, Never>) async throws -> Return
    ) async throws -> Return {
        try await watchSnapshotFromSnapshot(updatesHandler: updatesHandler)
    }
}

extension BERSConfigProvider: CustomStringConvertible, CustomDebugStringConvertible {
    /// The snapshot's description: provider, environment, number of values and layers.
    public var description: String { base.description }

    /// The snapshot's debug description: every value with where it was set, secrets redacted.
    public var debugDescription: String { base.debugDescription }
}
