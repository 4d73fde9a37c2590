import BERSJSON
import Testing

@testable import BERSSchema

/// The message of each keyword's failure: one sentence naming the value.
struct ValidationMessageTests {
    static let cases: [(schema: String, instance: String, keyword: String, message: String)] = [
        (#"{"minimum": 1000}"#, "500", "minimum", "500 is less than the minimum of 1000"),
        (#"{"maximum": 10}"#, "11.5", "maximum", "11.5 is greater than the maximum of 10"),
        (#"{"exclusiveMinimum": 0}"#, "0", "exclusiveMinimum", "0 is not greater than the exclusive minimum of 0"),
        (#"{"exclusiveMaximum": 1}"#, "1", "exclusiveMaximum", "1 is not less than the exclusive maximum of 1"),
        (#"{"multipleOf": 2}"#, "7", "multipleOf", "7 is not a multiple of 2"),
        (#"{"type": "integer"}"#, #""abc""#, "type", #""abc" is not of type "integer""#),
        (#"{"type": ["string", "null"]}"#, "1", "type", #"1 is not of type "null" or "string""#),
        (#"{"minLength": 3}"#, #""ab""#, "minLength", #""ab" is shorter than 3 characters"#),
        (#"{"maxLength": 1}"#, #""ab""#, "maxLength", #""ab" is longer than 1 character"#),
        (
            #"{"pattern": "^[A-Za-z0-9+/]+=*$"}"#, #""prod-nonce-2024""#, "pattern",
            #""prod-nonce-2024" does not match the pattern "^[A-Za-z0-9+/]+=*$""#
        ),
        (#"{"enum": ["a", "b"]}"#, #""c""#, "enum", #""c" is not one of "a", "b""#),
        (#"{"const": "a"}"#, #""b""#, "const", #""b" does not equal the constant "a""#),
        (#"{"required": ["name"]}"#, "{}", "required", #"required property "name" is missing"#),
        (
            #"{"additionalProperties": false}"#, #"{"$schema": "x"}"#, "additionalProperties",
            #"additional property "$schema" is not allowed"#
        ),
        (#"{"minItems": 2}"#, "[1]", "minItems", "the array has 1 item, fewer than the minimum of 2"),
        (#"{"maxItems": 1}"#, "[1, 2]", "maxItems", "the array has 2 items, more than the maximum of 1"),
        (#"{"uniqueItems": true}"#, "[1, 2, 1.0]", "uniqueItems", "items 0 and 2 are equal, but items must be unique"),
        (#"{"minProperties": 1}"#, "{}", "minProperties", "the object has 0 properties, fewer than the minimum of 1"),
        (
            #"{"contains": {"type": "string"}}"#, "[1]", "contains",
            #"the array contains no item valid against the schema in "contains""#
        ),
        (
            #"{"not": {"type": "string"}}"#, #""x""#, "not",
            #""x" is valid against the schema in "not", which forbids it"#
        ),
        (
            #"{"anyOf": [{"type": "string"}, {"minimum": 5}]}"#, "1", "anyOf",
            #"1 is not valid against any of the schemas in "anyOf""#
        ),
        (
            #"{"oneOf": [{"minimum": 0}, {"maximum": 5}]}"#, "1", "oneOf",
            #"1 is valid against more than one schema in "oneOf" (0, 1)"#
        ),
        (
            #"{"dependentRequired": {"a": ["b"]}}"#, #"{"a": 1}"#, "dependentRequired",
            #"property "b" is required when "a" is present"#
        ),
    ]

    @Test(arguments: cases)
    func failureMessageNamesTheValue(_ example: (schema: String, instance: String, keyword: String, message: String))
        throws
    {
        let validator = try SchemaValidator(schema: json(example.schema))
        let instance = try json(example.instance)
        #expect(!validator.isValid(instance))
        let failure = try #require(validator.validate(instance).failures.first)
        #expect(failure.keyword == example.keyword)
        #expect(failure.message == example.message)
    }

    @Test func formatFailureNamesTheFormat() throws {
        let validator = try SchemaValidator(
            schema: json(#"{"format": "uri"}"#),
            options: ValidatorOptions(formatAssertion: true)
        )
        #expect(validator.validate("foo").failures.first?.message == #""foo" is not a valid "uri""#)
    }

    @Test func anyOfFailureCarriesTheFailuresOfEachAlternative() throws {
        let validator = try SchemaValidator(schema: json(#"{"anyOf": [{"type": "string"}, {"minimum": 5}]}"#))
        let failure = try #require(validator.validate(1).failures.first)
        #expect(failure.causes.map(\.keyword) == ["type", "minimum"])
        #expect(failure.causes.map(\.keywordLocation.description) == ["/anyOf/0/type", "/anyOf/1/minimum"])
    }

    @Test func longValuesAreShortenedInMessages() throws {
        let validator = try SchemaValidator(schema: json(#"{"maxLength": 3}"#))
        let message = try #require(
            validator.validate(.string(String(repeating: "x", count: 500))).failures.first?.message
        )
        #expect(message.count < 140)
        #expect(message.contains("…"))
    }

    @Test func falseSubschemaFailureNamesTheKeywordThatAppliedIt() throws {
        let validator = try SchemaValidator(schema: json(#"{"properties": {"a": false}}"#))
        let failure = try #require(validator.validate(try json(#"{"a": 1}"#)).failures.first)
        #expect(failure.keyword == "properties")
        #expect(failure.keywordLocation.description == "/properties/a")
        #expect(failure.instanceLocation.description == "/a")
        #expect(failure.message == "no value is allowed here (the schema is false)")
    }
}
