import BERS
import BERSJSON

/// An error from `bers build`: a stable code, a one-sentence message, and the place it concerns.
///
/// `description` is `file:line:col: message` when a location is known. Compare errors by ``code``.
///
/// ```swift
/// do { _ = try ArtifactFormat(name: "yml") } catch { print(error) }
/// // unknown format "yml" (formats: json, swift, js, esbuild-define, dotenv)
/// ```
public struct BuildError: BERSError {
    /// A stable identifier of the kind of error, such as `build.unknown-format`.
    public struct Code: BERSErrorCode {
        private enum Kind: String, Sendable {
            case unknownFormat = "build.unknown-format"
            case invalidSettings = "build.invalid-settings"
            case resolveFailed = "build.resolve-failed"
            case invalidConfiguration = "build.invalid-configuration"
            case missingValue = "build.missing-value"
            case unrepresentableValue = "build.unrepresentable-value"
            case invalidIdentifier = "build.invalid-identifier"
            case tenantFailed = "build.tenant-failed"
            case writeFailed = "build.write-failed"
            case invalidManifest = "build.invalid-manifest"
            case internalMismatch = "build.internal-mismatch"
            case secretInArtifact = "build.secret-in-artifact"
            case missingSecretAssignment = "build.missing-secret-assignment"
        }

        private let kind: Kind
        private init(_ kind: Kind) { self.kind = kind }

        /// The stable text of the code.
        public var rawValue: String { kind.rawValue }

        /// A format name is not one of `json`, `swift`, `js`, `esbuild-define`, `dotenv`.
        public static let unknownFormat = Code(.unknownFormat)
        /// The `build` section of `bers.json` has a key or value `bers build` does not understand.
        public static let invalidSettings = Code(.invalidSettings)
        /// The configuration could not be resolved (unreadable or malformed layer, bad template…);
        /// the underlying ``BERS/ConfigError`` has the details.
        public static let resolveFailed = Code(.resolveFailed)
        /// The resolved configuration does not satisfy its schema; nothing was written.
        public static let invalidConfiguration = Code(.invalidConfiguration)
        /// A path, endpoint or environment named in the `build` section does not exist.
        public static let missingValue = Code(.missingValue)
        /// A value cannot be written exactly in the target language (an integer beyond 2^53 in
        /// JavaScript without a safe encoding chosen).
        public static let unrepresentableValue = Code(.unrepresentableValue)
        /// A name declared in the `build` section is not a valid identifier where it is used.
        public static let invalidIdentifier = Code(.invalidIdentifier)
        /// The tenant could not be read for a `--tenant` build, or does not exist.
        public static let tenantFailed = Code(.tenantFailed)
        /// An output file could not be written.
        public static let writeFailed = Code(.writeFailed)
        /// A build manifest (`bers-manifest.json`) is missing or malformed.
        public static let invalidManifest = Code(.invalidManifest)
        /// A generated URL builder disagrees with the BERS template engine (a bug in BERS).
        public static let internalMismatch = Code(.internalMismatch)
        /// The configuration holds secrets and the format is not allowed to carry them
        /// (`build.allow-secrets` in `bers.json`); nothing was written.
        public static let secretInArtifact = Code(.secretInArtifact)
        /// `bers build --check` found a `--set` of a secret in the manifest, recorded without its
        /// value (`db.password=<redacted>`), and the check was not given it again.
        public static let missingSecretAssignment = Code(.missingSecretAssignment)
    }

    /// What kind of error this is.
    public var code: Code
    /// One sentence saying what is wrong, naming the key, path or value.
    public var message: String
    /// The file, line and column concerned, when known.
    public var location: SourceLocation?
    /// Further lines (each schema failure of an invalid configuration, `file:line:col: …`).
    public var details: [String]
    /// The error that caused this one, if any.
    public var underlying: (any Error & Sendable)?

    /// An error with this code and message.
    ///
    /// - Parameters:
    ///   - code: the kind of error.
    ///   - message: one sentence naming the key, path or value.
    ///   - location: the `file:line:col` concerned.
    ///   - details: further lines to print after the message.
    ///   - underlying: the error that caused this one.
    public init(
        _ code: Code,
        _ message: String,
        location: SourceLocation? = nil,
        details: [String] = [],
        underlying: (any Error & Sendable)? = nil
    ) {
        self.code = code
        self.message = message
        self.location = location
        self.details = details
        self.underlying = underlying
    }

    /// A `build.resolve-failed` error carrying a core error's message and location.
    init(resolving error: ConfigError) {
        self.init(.resolveFailed, error.message, location: error.location, underlying: error)
    }
}
