import BERSJSON
import Testing

@testable import BERSSchema

struct FormatAssertionTests {
    static let schema: JSONValue = ["format": "uri"]

    @Test func formatIsAnAnnotationByDefault() throws {
        #expect(try SchemaValidator(schema: Self.schema).isValid("not a uri"))
    }

    @Test func formatAssertionOptionChecksFormats() throws {
        let validator = try SchemaValidator(schema: Self.schema, options: ValidatorOptions(formatAssertion: true))
        #expect(validator.isValid("https://chat.example.com/api"))
        #expect(!validator.isValid("not a uri"))
        #expect(validator.isValid(42))  // formats apply to strings only
    }

    @Test func unknownFormatsAlwaysPass() throws {
        let validator = try SchemaValidator(
            schema: ["format": "x-custom"],
            options: ValidatorOptions(formatAssertion: true)
        )
        #expect(validator.isValid("anything"))
    }

    @Test func formatAssertionVocabularyTurnsAssertionOn() throws {
        var registry = SchemaRegistry()
        registry.register(
            try json(
                #"""
                {"$schema": "https://json-schema.org/draft/2020-12/schema",
                 "$vocabulary": {"https://json-schema.org/draft/2020-12/vocab/core": true,
                                 "https://json-schema.org/draft/2020-12/vocab/format-assertion": false}}
                """#
            ),
            at: "https://example.com/strict"
        )
        let validator = try SchemaValidator(
            schema: json(#"{"$schema": "https://example.com/strict", "format": "ipv4"}"#),
            options: ValidatorOptions(registry: registry)
        )
        #expect(validator.isValid("127.0.0.1"))
        #expect(!validator.isValid("not-an-ipv4"))
    }

    @Test func configurationPresetAssertsFormats() {
        #expect(ValidatorOptions.configuration.formatAssertion)
        #expect(ValidatorOptions.configuration.defaultDialect == .draft7)
        #expect(!ValidatorOptions.default.formatAssertion)
    }
}
