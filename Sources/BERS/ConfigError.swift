import BERSJSON

/// An error from BERS core: a stable code, a one-sentence message, and the place it concerns.
///
/// `description` is `file:line:col: message` when a location is known. Compare errors by
/// ``code``; codes never change meaning between releases.
public struct ConfigError: BERSError {
    /// A stable identifier of the kind of error, such as `config.unknown-environment`.
    public struct Code: BERSErrorCode {
        /// The stable text of the code.
        public let rawValue: String
        init(_ rawValue: String) { self.rawValue = rawValue }

        /// An environment name is not built in and not declared in `bers.json`.
        public static let unknownEnvironment = Code("config.unknown-environment")
        /// An environment name is not a valid name (lowercase letters, digits, `-`, `_`).
        public static let invalidEnvironmentName = Code("config.invalid-environment-name")
        /// Custom environments inherit from each other in a cycle.
        public static let inheritanceCycle = Code("config.inheritance-cycle")
        /// A custom environment inherits from an environment that does not exist.
        public static let unknownParent = Code("config.unknown-parent")
        /// `bers.json` has a key or value BERS does not understand.
        public static let invalidProjectFile = Code("config.invalid-project-file")
        /// A detection source said something unusable (a misspelt `BERS_ENV`), as a warning, or
        /// as an error when `detection.strict` is set in `bers.json`.
        public static let detectionProblem = Code("config.detection-problem")
        /// No layer file exists for any layer of the environment (or the directory is not a
        /// config directory at all).
        public static let noConfiguration = Code("config.no-configuration")
        /// A file or directory could not be read.
        public static let unreadable = Code("config.unreadable")
        /// A file is larger than the limit for its kind.
        public static let tooLarge = Code("config.too-large")
        /// A layer file is not valid JSON or YAML (the underlying error has the details).
        public static let malformedLayer = Code("config.malformed-layer")
        /// Two files claim the same layer (`default.json` and `default.yaml`).
        public static let ambiguousLayer = Code("config.ambiguous-layer")
        /// A layer's top level is not an object.
        public static let layerNotObject = Code("config.layer-not-object")
        /// A merge strategy is unknown or cannot apply to the values at its path.
        public static let invalidMergeStrategy = Code("config.invalid-merge-strategy")
        /// An environment variable override names no existing key.
        public static let unknownOverridePath = Code("config.unknown-override-path")
        /// An override path matches more than one key case-insensitively.
        public static let ambiguousOverridePath = Code("config.ambiguous-override-path")
        /// An override value cannot be converted to the type of the value it replaces.
        public static let overrideTypeMismatch = Code("config.override-type-mismatch")
        /// A `--set` argument is not `path=value`.
        public static let invalidOverride = Code("config.invalid-override")
        /// A path names no value in the resolved configuration.
        public static let missingValue = Code("config.missing-value")
        /// A value has another type than the one asked for.
        public static let typeMismatch = Code("config.type-mismatch")
        /// Decoding a value into a Swift type failed.
        public static let decodingFailed = Code("config.decoding-failed")
        /// A path is malformed.
        public static let invalidPath = Code("config.invalid-path")
        /// A URL is not acceptable (not https, host not allowed, malformed).
        public static let invalidURL = Code("config.invalid-url")
        /// An endpoint template is malformed or refers to something missing.
        public static let invalidTemplate = Code("config.invalid-template")
        /// No endpoint has this name.
        public static let unknownEndpoint = Code("config.unknown-endpoint")
        /// A call to an endpoint lacks a parameter its template needs.
        public static let missingParameter = Code("config.missing-parameter")
        /// A call to an endpoint passes a parameter its template does not take.
        public static let unknownParameter = Code("config.unknown-parameter")
        /// The resolved configuration does not satisfy its schema.
        public static let invalidConfiguration = Code("config.invalid")
        /// A schema file could not be compiled.
        public static let invalidSchema = Code("config.invalid-schema")
        /// Writing an output file failed; nothing was written.
        public static let writeFailed = Code("config.write-failed")
        /// A `bers bench --baseline` file is not a run saved by `bers bench --save`.
        public static let invalidBaseline = Code("config.invalid-baseline")
        /// A tokens file of `bers serve` cannot be read or has a malformed entry.
        public static let invalidTokensFile = Code("serve.invalid-tokens-file")
        /// A value starts with `enc:v1:` but is not `enc:v1:<key id>:<base64>`.
        public static let invalidSecretEnvelope = Code("secret.invalid-envelope")
        /// An encrypted value names a key that no loaded key has.
        public static let unknownSecretKey = Code("secret.unknown-key")
        /// An encrypted value does not open with its key in this context (wrong key, environment
        /// or tenant, or altered bytes).
        public static let cannotDecrypt = Code("secret.cannot-decrypt")
        /// A `{"$secret": …}` reference is malformed or names a variable or file that is missing.
        public static let unresolvedSecret = Code("secret.unresolved")
        /// A secret file can be read by others than its owner (mode wider than 0600).
        public static let looseSecretPermissions = Code("secret.loose-permissions")
        /// A program read a secret whose clear value is not available here (no key, or an
        /// unresolved reference).
        public static let sealedSecret = Code("secret.sealed")
        /// A key file or key variable is not a 256-bit key.
        public static let invalidSecretKey = Code("secret.invalid-key")
    }

    /// What kind of error this is.
    public var code: Code
    /// One sentence saying what is wrong, naming the key, path or value.
    public var message: String
    /// The file, line and column concerned, when known.
    public var location: SourceLocation?
    /// Further lines, one per problem (each schema failure of an invalid configuration).
    public var details: [String]
    /// The error that caused this one, if any.
    public var underlying: (any Error & Sendable)?

    /// An error with this code and message.
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
}

extension ConfigError {
    /// A `config.malformed-layer` error carrying a parse error's location and message.
    static func malformed(_ error: JSONError) -> ConfigError {
        ConfigError(.malformedLayer, error.message, location: error.location, underlying: error)
    }
}
