import BERSJSON
import Testing

@testable import BERSSchema

struct ValidationFailureRenderingTests {
    static let text = """
        {
          "api": {
            "timeout": 500
          },
          "extra": true
        }
        """

    @Test func renderingInADocumentPrefixesFileLineColumn() throws {
        let document = try JSONParser().parse(Self.text, file: "production.json")
        let validator = try SchemaValidator(
            schema: json(
                #"{"properties": {"api": {"properties": {"timeout": {"minimum": 1000}}}}, "additionalProperties": false, "required": ["name"]}"#
            )
        )
        let lines = validator.validate(document.value).rendered(in: document)
        #expect(
            lines == [
                "production.json:3:16: /api/timeout: 500 is less than the minimum of 1000",
                #"production.json:5:3: (root): additional property "extra" is not allowed"#,
                #"production.json:1:1: (root): required property "name" is missing"#,
            ]
        )
    }

    @Test func resolverGivesTheLayerThatSetTheValue() throws {
        let validator = try SchemaValidator(
            schema: json(#"{"properties": {"api": {"properties": {"timeout": {"minimum": 1000}}}}}"#)
        )
        let failure = try #require(validator.validate(try json(#"{"api": {"timeout": 500}}"#)).failures.first)
        let rendered = failure.rendered { pointer in
            pointer.description == "/api/timeout" ? SourceLocation(file: "production.json", line: 14, column: 17) : nil
        }
        #expect(rendered == "production.json:14:17: /api/timeout: 500 is less than the minimum of 1000")
    }

    @Test func unknownLocationFallsBackToTheNearestAncestor() throws {
        let validator = try SchemaValidator(schema: json(#"{"properties": {"a": {"required": ["b"]}}}"#))
        let failure = try #require(validator.validate(try json(#"{"a": {}}"#)).failures.first)
        let rendered = failure.rendered { pointer in
            pointer.isRoot ? SourceLocation(file: "base.json", line: 1, column: 1) : nil
        }
        #expect(rendered == #"base.json:1:1: /a: required property "b" is missing"#)
        #expect(failure.rendered { _ in nil } == #"/a: required property "b" is missing"#)
    }
}
