import BERSJSON
import Testing

@testable import BERSSchema

/// Every error code: its code, its message, and where it points.
struct SchemaErrorTests {
    static let loose = ValidatorOptions(validateSchema: false)

    @Test func wrongKeywordTypeIsInvalidKeyword() throws {
        let error = #expect(throws: SchemaError.self) {
            try SchemaValidator(schema: json(##"{"properties": {"a": {"minLength": "3"}}}"##), options: Self.loose)
        }
        #expect(error?.code == .invalidKeyword)
        #expect(error?.pointer?.description == "/properties/a/minLength")
        #expect(error?.message == #""minLength" must be a non-negative integer, not "3""#)
    }

    @Test(arguments: [
        #"{"type": "strin"}"#, #"{"required": [1]}"#, #"{"allOf": []}"#, #"{"properties": 3}"#,
        #"{"items": 3}"#, #"{"enum": 3}"#, #"{"multipleOf": 0}"#, #"{"dependencies": {"a": 3}}"#, "3",
    ])
    func malformedSchemasAreRejected(_ text: String) throws {
        let error = #expect(throws: SchemaError.self) { try SchemaValidator(schema: json(text), options: Self.loose) }
        #expect(error?.code == .invalidKeyword || error?.code == .invalidSchema)
    }

    @Test func metaschemaCheckNamesTheOffendingValue() throws {
        let error = #expect(throws: SchemaError.self) {
            try SchemaValidator(schema: json(##"{"properties": {"a": {"type": "strin"}}}"##))
        }
        #expect(error?.code == .invalidSchema)
        #expect(error?.pointer?.description == "/properties/a/type")
        #expect(error?.message.hasPrefix("the schema does not conform to the draft2020-12 metaschema:") == true)
        #expect(error?.underlying is MetaschemaFailures)
    }

    @Test func metaschemaCheckErrorIsLocatedInTheSchemaFile() throws {
        let document = try JSONParser().parse("{\n  \"minimum\": \"ten\"\n}", file: "s.json")
        let error = #expect(throws: SchemaError.self) { try SchemaValidator(schema: document) }
        #expect(error?.code == .invalidSchema)
        #expect(error?.description.hasPrefix("s.json:2:14: ") == true)
    }

    @Test func unknownDialectIsRejectedByDefault() throws {
        let error = #expect(throws: SchemaError.self) {
            try SchemaValidator(schema: json(##"{"$schema": "https://example.com/my-dialect", "minimum": 1}"##))
        }
        #expect(error?.code == .unknownDialect)
        #expect(error?.pointer?.description == "/$schema")
        #expect(error?.message.contains("https://example.com/my-dialect") == true)
    }

    @Test func unknownDialectCanFallBackToTheDefault() throws {
        let options = ValidatorOptions(defaultDialect: .draft7, unknownDialect: .useDefault)
        let validator = try SchemaValidator(
            schema: json(##"{"$schema": "https://example.com/my-dialect", "minimum": 1}"##),
            options: options
        )
        #expect(!validator.isValid(0))
        #expect(validator.dialect == .draft7)
    }

    @Test func unresolvableReferenceNamesTheReference() throws {
        let error = #expect(throws: SchemaError.self) {
            try SchemaValidator(schema: json(##"{"properties": {"a": {"$ref": "#/$defs/missing"}}}"##))
        }
        #expect(error?.code == .unresolvableReference)
        #expect(error?.pointer?.description == "/properties/a/$ref")
        #expect(error?.message.contains(##""#/$defs/missing""##) == true)
    }

    @Test func remoteReferenceOutsideTheRegistryIsUnresolvable() throws {
        let error = #expect(throws: SchemaError.self) {
            try SchemaValidator(schema: json(##"{"$ref": "https://example.com/elsewhere.json"}"##))
        }
        #expect(error?.code == .unresolvableReference)
    }

    @Test func invalidPatternIsInvalidRegex() throws {
        let error = #expect(throws: SchemaError.self) {
            try SchemaValidator(schema: json(##"{"patternProperties": {"([a-z": {}}}"##), options: Self.loose)
        }
        #expect(error?.code == .invalidRegex)
        #expect(error?.pointer?.description == "/patternProperties")
        #expect(error?.underlying is RegexError)
    }

    @Test func requiredUnknownVocabularyIsRejected() throws {
        var registry = SchemaRegistry()
        registry.register(
            try json(
                #"""
                {"$schema": "https://json-schema.org/draft/2020-12/schema",
                 "$vocabulary": {"https://json-schema.org/draft/2020-12/vocab/core": true,
                                 "https://example.com/vocab/magic": true}}
                """#
            ),
            at: "https://example.com/meta"
        )
        let error = #expect(throws: SchemaError.self) {
            try SchemaValidator(
                schema: json(##"{"$schema": "https://example.com/meta"}"##),
                options: ValidatorOptions(registry: registry)
            )
        }
        #expect(error?.code == .unknownVocabulary)
    }

    @Test func relativeBaseURIIsAnInvalidOption() throws {
        let error = #expect(throws: SchemaError.self) {
            try SchemaValidator(schema: true, options: ValidatorOptions(baseURI: "schemas/a.json"))
        }
        #expect(error?.code == .invalidOptions)
        let depth = #expect(throws: SchemaError.self) {
            try SchemaValidator(schema: true, options: ValidatorOptions(maxDepth: 0))
        }
        #expect(depth?.code == .invalidOptions)
    }

    @Test func errorsCompareByCode() {
        #expect(SchemaError(.invalidRegex, "a") == SchemaError(.invalidRegex, "b"))
        #expect(SchemaError(.invalidRegex, "a") != SchemaError(.invalidKeyword, "a"))
        #expect(SchemaError.Code.unresolvableReference.rawValue == "schema.unresolvable-ref")
    }

    @Test func prototypesMatchThrownErrorsByCode() throws {
        #expect(throws: SchemaError.referenceCycle) { try SchemaValidator(schema: json(##"{"$ref": "#"}"##)) }
        #expect(throws: SchemaError.unknownDialect) {
            try SchemaValidator(schema: json(#"{"$schema": "https://example.com/nope"}"#))
        }
    }
}
