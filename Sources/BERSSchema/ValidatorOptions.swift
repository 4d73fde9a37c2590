/// How a ``SchemaValidator`` compiles a schema and validates instances.
///
/// Every property has a default, so set only what differs:
///
/// ```swift
/// var options = ValidatorOptions(defaultDialect: .draft7, formatAssertion: true)
/// options.registry.register(commonSchema, at: "https://example.com/common.json")
/// let validator = try SchemaValidator(schema: schema, options: options)
/// ```
public struct ValidatorOptions: Sendable {
    /// What to do when `$schema` names a dialect that is neither built in nor in the registry.
    public enum UnknownDialectPolicy: Sendable, Hashable {
        /// Fail with ``SchemaError/Code/unknownDialect`` (the default: a typo in `$schema` should
        /// not silently change the rules).
        case reject
        /// Compile the schema with ``ValidatorOptions/defaultDialect``.
        case useDefault
    }

    /// The dialect of a schema without `$schema` (and of registry documents without one).
    ///
    /// Default: 2020-12.
    public var defaultDialect: Dialect
    /// What to do with an unknown `$schema`.
    ///
    /// Default: ``UnknownDialectPolicy/reject``.
    public var unknownDialect: UnknownDialectPolicy
    /// Whether `format` is an assertion (a string that is not a valid `uri` fails) rather than an annotation.
    ///
    /// Default: `false`, as the specification says; BERS turns it on for configuration schemas. A metaschema with the
    /// 2020-12 format-assertion vocabulary turns it on by itself. Unknown formats always pass.
    public var formatAssertion: Bool
    /// Documents that `$ref` may name by URI.
    ///
    /// The official metaschemas are always available.
    public var registry: SchemaRegistry
    /// The base URI of a schema without an absolute `$id` (where it was loaded from, say
    /// `file:///etc/app/schema.json`).
    ///
    /// Default: none (`json-schema:///` is used internally and absolute keyword locations are left out of the output).
    public var baseURI: String?
    /// The deepest evaluation allowed: each subschema applied (through properties, items or references) counts one
    /// level.
    ///
    /// Deeper instances fail with a clear message rather than exhausting the stack. Default: 1000.
    public var maxDepth: Int
    /// The most backtracking steps one regular-expression match may take; a match that needs more fails validation with
    /// a message naming the pattern.
    ///
    /// Default: 1 000 000.
    public var regexStepLimit: Int
    /// Whether the schema is checked against its dialect's metaschema while compiling, so that a misspelt type or a
    /// keyword of the wrong type is reported as ``SchemaError/Code/invalidSchema`` with its location.
    ///
    /// Default: `true`. Compilation always rejects keyword values it cannot use, whatever this says.
    public var validateSchema: Bool

    /// Options with these values; see each property for its default.
    public init(
        defaultDialect: Dialect = .latest,
        unknownDialect: UnknownDialectPolicy = .reject,
        formatAssertion: Bool = false,
        registry: SchemaRegistry = SchemaRegistry(),
        baseURI: String? = nil,
        maxDepth: Int = 1000,
        regexStepLimit: Int = 1_000_000,
        validateSchema: Bool = true
    ) {
        self.defaultDialect = defaultDialect
        self.unknownDialect = unknownDialect
        self.formatAssertion = formatAssertion
        self.registry = registry
        self.baseURI = baseURI
        self.maxDepth = maxDepth
        self.regexStepLimit = regexStepLimit
        self.validateSchema = validateSchema
    }

    /// The defaults: 2020-12, unknown dialects rejected, formats as annotations, empty registry,
    /// depth 1000, 1 000 000 regex steps, schemas checked against their metaschema.
    public static let `default` = ValidatorOptions()

    /// The settings BERS uses for configuration schemas: formats asserted, draft-07 by default
    /// (the dialect of the Picasso schemas).
    public static let configuration = ValidatorOptions(defaultDialect: .draft7, formatAssertion: true)
}
