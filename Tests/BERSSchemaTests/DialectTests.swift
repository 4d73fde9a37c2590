import BERSJSON
import Testing

@testable import BERSSchema

struct DialectTests {
    @Test(arguments: [
        ("http://json-schema.org/draft-04/schema#", Dialect.draft4),
        ("http://json-schema.org/draft-06/schema", .draft6),
        ("https://json-schema.org/draft-07/schema#", .draft7),
        ("https://json-schema.org/draft/2019-09/schema", .draft2019_09),
        ("https://json-schema.org/draft/2020-12/schema#", .draft2020_12),
    ])
    func metaschemaURIsNameTheirDialect(_ uri: String, _ dialect: Dialect) {
        #expect(Dialect(uri: uri) == dialect)
    }

    @Test func namesAndURIsRoundTrip() {
        for dialect in Dialect.allCases {
            #expect(Dialect(uri: dialect.uri) == dialect)
            #expect(Dialect(name: dialect.name) == dialect)
        }
        #expect(Dialect(name: "7") == .draft7)
        #expect(Dialect(name: "2019-09") == .draft2019_09)
        #expect(Dialect(name: "draft-04") == .draft4)
        #expect(Dialect(name: "draft5") == nil)
        #expect(Dialect(uri: "https://example.com/schema") == nil)
    }

    @Test func schemaKeywordSelectsTheDialect() throws {
        // `dependentRequired` exists from 2019-09 on; draft 7 ignores it.
        let keywords = #""dependentRequired": {"a": ["b"]}"#
        let draft7 = try SchemaValidator(
            schema: json(#"{"$schema": "http://json-schema.org/draft-07/schema#", \#(keywords)}"#)
        )
        let draft2020 = try SchemaValidator(
            schema: json(#"{"$schema": "https://json-schema.org/draft/2020-12/schema", \#(keywords)}"#)
        )
        let instance = try json(#"{"a": 1}"#)
        #expect(draft7.isValid(instance))
        #expect(!draft2020.isValid(instance))
    }

    @Test func defaultDialectAppliesWithoutSchemaKeyword() throws {
        let schema = try json(#"{"items": [{"type": "string"}], "additionalItems": false}"#)
        let draft7 = try SchemaValidator(schema: schema, options: ValidatorOptions(defaultDialect: .draft7))
        #expect(!draft7.isValid(try json(#"["a", "b"]"#)))
        #expect(!draft7.isValid(try json("[1]")))
    }

    @Test func draft4TreatsOnlyIntegersWrittenWithoutFractionAsIntegers() throws {
        let draft4 = try SchemaValidator(
            schema: json(#"{"type": "integer"}"#),
            options: ValidatorOptions(defaultDialect: .draft4)
        )
        #expect(draft4.isValid(1))
        #expect(!draft4.isValid(1.0))
        let draft6 = try SchemaValidator(
            schema: json(#"{"type": "integer"}"#),
            options: ValidatorOptions(defaultDialect: .draft6)
        )
        #expect(draft6.isValid(1.0))
    }

    @Test func refHidesSiblingKeywordsUpToDraft7Only() throws {
        let schema = try json(
            ##"{"$defs": {"a": {}}, "definitions": {"a": {}}, "$ref": "#/definitions/a", "minimum": 5}"##
        )
        #expect(try SchemaValidator(schema: schema, options: ValidatorOptions(defaultDialect: .draft7)).isValid(1))
        #expect(
            try !SchemaValidator(schema: schema, options: ValidatorOptions(defaultDialect: .draft2019_09)).isValid(1)
        )
    }

    @Test func metaschemaWithoutTheValidationVocabularyTurnsAssertionsOff() throws {
        var registry = SchemaRegistry()
        registry.register(
            try json(
                #"""
                {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://example.com/no-validation",
                 "$vocabulary": {"https://json-schema.org/draft/2020-12/vocab/core": true,
                                 "https://json-schema.org/draft/2020-12/vocab/applicator": true}}
                """#
            ),
            at: "https://example.com/no-validation"
        )
        let validator = try SchemaValidator(
            schema: json(
                #"{"$schema": "https://example.com/no-validation", "properties": {"a": {"minimum": 5, "not": {}}}}"#
            ),
            options: ValidatorOptions(registry: registry)
        )
        #expect(!validator.isValid(try json(#"{"a": 1}"#)))  // `not` (applicator) still applies
        let minimumOnly = try SchemaValidator(
            schema: json(#"{"$schema": "https://example.com/no-validation", "minimum": 5}"#),
            options: ValidatorOptions(registry: registry)
        )
        #expect(minimumOnly.isValid(1))
    }
}
