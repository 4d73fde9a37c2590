import BERS
import BERSJSON
import Configuration

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
public struct BERSConfigProvider: Sendable {
    /// The snapshot every read uses.
    private let base: BERSConfigSnapshot

    /// A provider serving `configuration`.
    ///
    /// - Parameters:
    ///   - configuration: The resolved configuration, usually from `resolveValidated`.
    ///   - bytesDecoder: How strings become bytes for `.bytes` and `.byteChunkArray` reads.
    public init(configuration: ResolvedConfiguration, bytesDecoder: some ConfigBytesFromStringDecoder = .base64) {
        base = BERSConfigSnapshot(configuration: configuration, bytesDecoder: bytesDecoder)
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
    /// - Throws: ``BERS/ConfigError``: what `bers resolve` would report for these files.
    public init(
        directory: String,
        environment: Environment? = nil,
        options: ResolveOptions = ResolveOptions(),
        fileSystem: any FileSystem = LocalFileSystem(),
        bytesDecoder: some ConfigBytesFromStringDecoder = .base64
    ) throws(BERS.ConfigError) {
        let project = try ConfigProject(directory: directory, fileSystem: fileSystem)
        let chosen: Environment
        if let environment { chosen = environment } else { chosen = try project.detectedEnvironment(options: options) }
        let configuration = try project.resolveValidated(chosen, options: options)
        self.init(configuration: configuration, bytesDecoder: bytesDecoder)
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
