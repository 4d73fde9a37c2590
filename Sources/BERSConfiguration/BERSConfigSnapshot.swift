import BERS
import BERSJSON
import Configuration

/// An immutable swift-configuration snapshot of one resolved BERS configuration.
///
/// Keys are BERS paths split at the dots: `api.timeout` is `AbsoluteConfigKey(["api", "timeout"])`
/// and `security.corsOrigins.0` the first element of an array. Values keep their JSON types
/// (see ``value(forKey:type:)``); secrets (encrypted, `$secret` references, places the schema
/// marks) are `isSecret`, so a `ConfigReader` and its access reporters redact them.
///
/// ```swift
/// let snapshot = BERSConfigSnapshot(configuration: try project.resolveValidated(.staging))
/// let timeout = try snapshot.value(forKey: ["api", "timeout"], type: .int)  // [int: 8000], "api.timeout"
/// print(snapshot.provenance(forKey: ["api", "timeout"])?.source ?? "")      // staging.json:6:16
/// ```
///
/// Programs usually read it through a provider's `ConfigReader` (`config.snapshot()`).
public struct BERSConfigSnapshot: ConfigSnapshot, Sendable {
    /// The resolved configuration the snapshot reads.
    public let configuration: ResolvedConfiguration
    /// The provider's name and the environment, such as `BERSConfigProvider[production]`.
    public let providerName: String
    let table: ConfigTable
    private let bytesDecoder: any ConfigBytesFromStringDecoder

    /// A snapshot of `configuration`.
    ///
    /// - Parameters:
    ///   - configuration: The resolved (and, usually, validated) configuration.
    ///   - providerName: The name access reports and logs give it; by default
    ///     `BERSConfigProvider[<environment>]`.
    ///   - bytesDecoder: How strings become bytes for `.bytes` and `.byteChunkArray` reads.
    public init(
        configuration: ResolvedConfiguration,
        providerName: String? = nil,
        bytesDecoder: some ConfigBytesFromStringDecoder = .base64
    ) {
        self.configuration = configuration
        self.providerName = providerName ?? "BERSConfigProvider[\(configuration.environment.name)]"
        self.table = ConfigTable(configuration)
        self.bytesDecoder = bytesDecoder
    }

    /// The environment the configuration was resolved for.
    public var environment: Environment { configuration.environment }

    /// The value at `key` as `type`.
    ///
    /// The encoded key of the result is the BERS path (`api.timeout`). A missing key and a JSON
    /// `null` give no value. Integers widen to doubles, doubles with an exact integer value
    /// narrow to integers; bytes are base64 strings (or what the snapshot's decoder reads);
    /// arrays convert when every element does.
    ///
    /// - Throws: ``BERSProviderError`` `configuration.not-convertible` when the value has
    ///   another type (an object, a string read as an integer), `configuration.sealed-secret`
    ///   for a secret with no clear value here. Messages never show a secret.
    public func value(forKey key: AbsoluteConfigKey, type: ConfigType) throws -> LookupResult {
        guard let entry = table.entry(at: key.components) else {
            return LookupResult(encodedKey: ConfigTable.encodedKey(key.components), value: nil)
        }
        let value = try entry.configValue(as: type, bytesDecoder: bytesDecoder, in: configuration)
        return LookupResult(encodedKey: entry.encodedKey, value: value)
    }

    /// Where the value at `key` was set and what it overrode, with secret values redacted; `nil`
    /// when there is no value.
    public func provenance(forKey key: AbsoluteConfigKey) -> Provenance? {
        guard table.entry(at: key.components) != nil else { return nil }
        return configuration.provenance(at: JSONPointer(tokens: key.components)).map { configuration.redacted($0) }
    }
}
