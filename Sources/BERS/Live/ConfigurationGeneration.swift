import BERSJSON

/// One applied configuration of a ``LiveConfiguration``: immutable, numbered, and identified by
/// the SHA-256 of its canonical bytes.
///
/// Readers hold a generation as long as they like; a reload makes a new one and never changes an
/// old one, so a reader never sees a mix of two.
public final class ConfigurationGeneration: Sendable {
    /// 1 for the configuration the live configuration started with, then one more per applied change.
    public let number: Int
    /// The resolved, validated configuration.
    public let configuration: ResolvedConfiguration
    /// The SHA-256 (hex) of the configuration's canonical JSON (RFC 8785).
    public let digest: String
    /// The files the configuration was resolved from, with the SHA-256 of their bytes.
    public let inputs: [InputFile]
    /// When it was applied.
    public let appliedAt: UTCTimestamp

    /// A file a generation was resolved from.
    public struct InputFile: Sendable, Hashable {
        /// Its path.
        public let path: String
        /// The SHA-256 (hex) of its bytes when the generation was resolved.
        public let digest: String
    }

    init(number: Int, configuration: ResolvedConfiguration, inputs: [InputFile], appliedAt: UTCTimestamp) {
        self.number = number
        self.configuration = configuration
        self.digest = Self.digest(of: configuration)
        self.inputs = inputs
        self.appliedAt = appliedAt
    }

    /// The SHA-256 (hex) of `configuration`'s canonical JSON.
    static func digest(of configuration: ResolvedConfiguration) -> String {
        BERSDigest.sha256Hex(JSONSerializer(style: .canonical).bytes(configuration.value))
    }
}
