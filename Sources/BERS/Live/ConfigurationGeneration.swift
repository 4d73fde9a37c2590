import BERSJSON

/// One applied configuration of a ``LiveConfiguration``: immutable, numbered, and identified by
/// the SHA-256 of its canonical bytes.
///
/// Readers hold a generation as long as they like; a reload makes a new one and never changes an
/// old one, so a reader never sees a mix of two.
public final class ConfigurationGeneration: Sendable {
    /// 1 for the configuration the live configuration started with, then one more per applied change.
    public let number: Int
    /// The project the configuration was resolved in (`bers.json`, the environments, the
    /// tenant settings), as the files were then.
    public let project: ConfigProject
    /// The resolved, validated configuration.
    public let configuration: ResolvedConfiguration
    /// The SHA-256 (hex) of the configuration's canonical JSON (RFC 8785), secrets redacted.
    ///
    /// Every secret value counts as `<redacted>`: the digest is shown to configuration readers and
    /// handed to `--exec` commands, so it must not let anyone test a guess of a secret offline. A
    /// change of a secret alone is still a new generation, with the same digest.
    public let digest: String
    /// The SHA-256 of the canonical JSON with the secrets in clear, only to tell whether a reload
    /// changed any value; never shown.
    let valueDigest: String
    /// The files read to resolve and validate the configuration (`bers.json`, `.bers-env`, the
    /// layers, the schema and the schemas registered beside it), with the SHA-256 of the bytes
    /// that were read.
    public let inputs: [InputFile]
    /// When it was applied.
    public let appliedAt: UTCTimestamp

    /// A file a generation was resolved from.
    public struct InputFile: Sendable, Hashable {
        /// Its path.
        public let path: String
        /// The SHA-256 (hex) of the bytes the resolution read.
        public let digest: String
        /// Whether the file is a secret (read by a `{"$secret": "file:…"}` reference): its digest
        /// is never shown, since it would let anyone test a guess of the secret.
        public let isSecret: Bool

        /// A file read, with the digest of its bytes.
        public init(path: String, digest: String, isSecret: Bool = false) {
            self.path = path
            self.digest = digest
            self.isSecret = isSecret
        }

        /// ``digest``, or `<redacted>` for a secret file: what a status report may show.
        public var shownDigest: String { isSecret ? SecretRedaction.placeholder : digest }
    }

    init(
        number: Int,
        project: ConfigProject,
        configuration: ResolvedConfiguration,
        inputs: [InputFile],
        appliedAt: UTCTimestamp
    ) {
        self.number = number
        self.project = project
        self.configuration = configuration
        self.digest = Self.digest(of: configuration.redactedValue())
        self.valueDigest = configuration.hasSecrets ? Self.digest(of: configuration.value) : digest
        self.inputs = inputs
        self.appliedAt = appliedAt
    }

    /// The SHA-256 (hex) of `value`'s canonical JSON.
    static func digest(of value: JSONValue) -> String {
        BERSDigest.sha256Hex(JSONSerializer(style: .canonical).bytes(value))
    }
}

extension ConfigurationGeneration {
    /// The same configuration under the same number, with the provenance and input digests of a
    /// newer resolution that gave equal values (a file rewritten with the same meaning).
    func refreshed(from source: GenerationSource) -> ConfigurationGeneration {
        ConfigurationGeneration(
            number: number,
            project: source.project,
            configuration: source.configuration,
            inputs: source.inputs,
            appliedAt: appliedAt
        )
    }
}
