public import BERSJSON

/// Why a schema could not be compiled: a stable code, one sentence, and where in the schema.
///
/// `description` is `file:line:col: message` when the schema came from a located document
/// (``SchemaValidator/init(schema:options:)-(JSONDocument,_)``), else `pointer: message`. Errors
/// compare equal when their codes are equal, so tests can write
/// `#expect(throws: SchemaError.unresolvableReference) { … }` or compare ``code`` directly.
///
/// ```swift
/// do {
///     _ = try SchemaValidator(schema: ["$ref": "#/definitions/missing"])
/// } catch {
///     print(error.code)      // schema.unresolvable-ref
///     print(error)           // /$ref: cannot resolve the reference "#/definitions/missing" ...
/// }
/// ```
public struct SchemaError: BERSError {
    /// A stable identifier of the kind of problem.
    public struct Code: BERSErrorCode {
        private enum Kind: String, Sendable {
            case invalidSchema = "schema.invalid"
            case invalidKeyword = "schema.invalid-keyword"
            case unknownDialect = "schema.unknown-dialect"
            case unknownVocabulary = "schema.unknown-vocabulary"
            case unresolvableReference = "schema.unresolvable-ref"
            case referenceCycle = "schema.reference-cycle"
            case invalidRegex = "schema.invalid-regex"
            case invalidOptions = "schema.invalid-options"
        }

        private let kind: Kind
        private init(_ kind: Kind) { self.kind = kind }

        /// The stable text of the code, such as `schema.unresolvable-ref`.
        public var rawValue: String { kind.rawValue }

        /// The schema does not conform to its dialect's metaschema (checked when
        /// ``ValidatorOptions/validateSchema`` is on), or is not an object or a boolean.
        public static let invalidSchema = Code(.invalidSchema)
        /// A keyword has a value of the wrong type or shape (`"minimum": "5"`, `"required": [1]`).
        public static let invalidKeyword = Code(.invalidKeyword)
        /// `$schema` names a dialect this library does not know and that is not in the registry.
        public static let unknownDialect = Code(.unknownDialect)
        /// A metaschema requires (`true` in `$vocabulary`) a vocabulary this library does not know.
        public static let unknownVocabulary = Code(.unknownVocabulary)
        /// A `$ref` (or `$dynamicRef`, `$recursiveRef`) names nothing in the schema or the registry.
        public static let unresolvableReference = Code(.unresolvableReference)
        /// Subschemas apply each other to the same value in a cycle (`{"$ref": "#"}`, two
        /// definitions referring to each other), so evaluation would never end.
        public static let referenceCycle = Code(.referenceCycle)
        /// A `pattern` or `patternProperties` key is not a valid ECMA-262 regular expression.
        public static let invalidRegex = Code(.invalidRegex)
        /// An option is out of range (a negative depth limit, a base URI that is not absolute).
        public static let invalidOptions = Code(.invalidOptions)
    }

    /// What kind of problem this is.
    public var code: Code
    /// One sentence naming the keyword or reference and what is wrong with it.
    public var message: String
    /// Where the problem is, as a JSON pointer into the schema document that was compiled, when
    /// it is in that document (a problem inside a registry document has ``schemaURI`` only).
    public var pointer: JSONPointer?
    /// The absolute URI of the schema location at fault (`https://example.com/s.json#/properties/a`).
    public var schemaURI: String?
    /// The `file:line:col` of the problem, when the schema was compiled from a located document.
    public var location: SourceLocation?
    /// The error that caused this one (a ``RegexError``, a metaschema ``ValidationFailure`` list...).
    public var underlying: (any Error & Sendable)?

    /// An error with this code and message.
    public init(
        _ code: Code,
        _ message: String,
        pointer: JSONPointer? = nil,
        schemaURI: String? = nil,
        location: SourceLocation? = nil,
        underlying: (any Error & Sendable)? = nil
    ) {
        self.code = code
        self.message = message
        self.pointer = pointer
        self.schemaURI = schemaURI
        self.location = location
        self.underlying = underlying
    }

    /// `file:line:col: message`, else `pointer: message` (the root pointer prints as `(root)`), else
    /// `uri: message`, else the message.
    public var description: String {
        if let location { return "\(location): \(message)" }
        if let pointer { return "\(pointer.isRoot ? "(root)" : pointer.description): \(message)" }
        if let schemaURI { return "\(schemaURI): \(message)" }
        return message
    }
}

extension SchemaError {
    /// An error with code ``Code/invalidSchema``, to compare with: `#expect(throws: SchemaError.invalidSchema)`.
    public static let invalidSchema = SchemaError(.invalidSchema, "")
    /// An error with code ``Code/invalidKeyword``, to compare with.
    public static let invalidKeyword = SchemaError(.invalidKeyword, "")
    /// An error with code ``Code/unknownDialect``, to compare with.
    public static let unknownDialect = SchemaError(.unknownDialect, "")
    /// An error with code ``Code/unknownVocabulary``, to compare with.
    public static let unknownVocabulary = SchemaError(.unknownVocabulary, "")
    /// An error with code ``Code/unresolvableReference``, to compare with.
    public static let unresolvableReference = SchemaError(.unresolvableReference, "")
    /// An error with code ``Code/referenceCycle``, to compare with.
    public static let referenceCycle = SchemaError(.referenceCycle, "")
    /// An error with code ``Code/invalidRegex``, to compare with.
    public static let invalidRegex = SchemaError(.invalidRegex, "")
    /// An error with code ``Code/invalidOptions``, to compare with.
    public static let invalidOptions = SchemaError(.invalidOptions, "")
}
