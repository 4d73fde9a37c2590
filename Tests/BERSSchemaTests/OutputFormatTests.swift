import BERSJSON
import Testing

@testable import BERSSchema

struct OutputFormatTests {
    static func result() throws -> ValidationResult {
        let validator = try SchemaValidator(
            schema: json(
                #"""
                {"$id": "https://example.com/s.json",
                 "properties": {"a": {"type": "string"}, "b": {"minimum": 3, "multipleOf": 2}}}
                """#
            )
        )
        return validator.validate(try json(#"{"a": 1, "b": 1}"#))
    }

    @Test func flagOutputIsValidOnly() throws {
        #expect(try Self.result().output(.flag) == ["valid": false])
        #expect(ValidationResult(isValid: true, failures: []).output(.flag) == ["valid": true])
    }

    @Test func basicOutputListsEveryUnit() throws {
        let output = try Self.result().output(.basic)
        #expect(output["valid"] == false)
        let errors = try #require(output["errors"]?.arrayValue)
        #expect(errors.count == 3)
        #expect(
            errors.first
                == [
                    "valid": false, "keywordLocation": "/properties/a/type",
                    "absoluteKeywordLocation": "https://example.com/s.json#/properties/a/type",
                    "instanceLocation": "/a", "error": #"1 is not of type "string""#,
                ]
        )
    }

    @Test func detailedOutputNestsByKeywordLocation() throws {
        let output = try Self.result().output(.detailed)
        #expect(output["valid"] == false)
        #expect(output["keywordLocation"] == "/properties")
        let errors = try #require(output["errors"]?.arrayValue)
        #expect(errors.count == 2)
        let group = try #require(errors.last)
        #expect(group["keywordLocation"] == "/properties/b")
        #expect(group["instanceLocation"] == "/b")
        #expect(group["errors"]?.arrayValue?.count == 2)
    }

    @Test func validResultHasNoErrors() {
        let valid = ValidationResult(isValid: true, failures: [])
        #expect(valid.output(.basic) == ["valid": true])
        #expect(valid.output(.detailed)["errors"] == nil)
    }
}
