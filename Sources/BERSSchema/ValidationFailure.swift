public import BERSJSON

/// One reason an instance is invalid: where in the instance, which keyword of which schema, and
/// a sentence a person can act on.
///
/// ```swift
/// for failure in validator.validate(config).failures {
///     print(failure.instanceLocation, failure.message)
///     // /api/timeout 500 is less than the minimum of 1000
/// }
/// ```
public struct ValidationFailure: Sendable, Hashable {
    /// The JSON pointer of the failing value in the instance (`/api/timeout`; the root is `""`).
    public var instanceLocation: JSONPointer
    /// The evaluation path of the failing keyword through the schema, `$ref`s included
    /// (`/properties/api/properties/timeout/minimum`): the spec's `keywordLocation`.
    public var keywordLocation: JSONPointer
    /// The canonical URI of the failing keyword (`https://example.com/s.json#/definitions/t/minimum`),
    /// or `nil` when the schema has no absolute URI (no `$id` and no ``ValidatorOptions/baseURI``).
    public var absoluteKeywordLocation: String?
    /// The keyword that failed (`minimum`, `required`, `additionalProperties`, ...).
    public var keyword: String
    /// What is wrong, naming the value: `500 is less than the minimum of 1000`.
    public var message: String
    /// The object member the failure is about, for keywords that judge members of an object rather
    /// than a value (`required`, `additionalProperties`, `dependentRequired`...): the instance
    /// location is the object and this is the member's name.
    public var property: String?
    /// For `anyOf` and `oneOf` when no alternative matched: why each alternative failed.
    public var causes: [ValidationFailure]

    /// A failure with these parts.
    public init(
        instanceLocation: JSONPointer,
        keywordLocation: JSONPointer,
        absoluteKeywordLocation: String?,
        keyword: String,
        message: String,
        property: String? = nil,
        causes: [ValidationFailure] = []
    ) {
        self.instanceLocation = instanceLocation
        self.keywordLocation = keywordLocation
        self.absoluteKeywordLocation = absoluteKeywordLocation
        self.keyword = keyword
        self.message = message
        self.property = property
        self.causes = causes
    }
}

extension ValidationFailure {
    /// How messages show a value (`"text"`, `42`, compact JSON cut at 80 characters), so that a
    /// caller can find a value it must hide in a message.
    public static func renderedValue(_ value: JSONValue) -> String { Messages.render(value) }
}

extension ValidationFailure: CustomStringConvertible {
    /// `/api/timeout: 500 is less than the minimum of 1000` (the root prints as `(root)`).
    public var description: String {
        "\(ValidationFailure.display(instanceLocation)): \(message)"
    }

    /// The way a pointer is shown to people: the root is `(root)`.
    static func display(_ pointer: JSONPointer) -> String {
        pointer.isRoot ? "(root)" : pointer.description
    }
}
