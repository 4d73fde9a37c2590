import BERSJSON
import Testing

@testable import BERSSchema

struct SchemaValidatorTests {
    @Test func validInstancePassesBothPaths() throws {
        let validator = try SchemaValidator(schema: json(#"{"type": "object", "required": ["a"]}"#))
        let instance = try json(#"{"a": 1}"#)
        #expect(validator.isValid(instance))
        let result = validator.validate(instance)
        #expect(result.isValid)
        #expect(result.failures.isEmpty)
    }

    @Test func validateReportsEveryFailureNotJustTheFirst() throws {
        let validator = try SchemaValidator(
            schema: json(
                #"{"properties": {"a": {"type": "string"}, "b": {"minimum": 10}}, "required": ["c"]}"#
            )
        )
        let result = validator.validate(try json(#"{"a": 1, "b": 5}"#))
        #expect(!result.isValid)
        #expect(Set(result.failures.map(\.keyword)) == ["type", "minimum", "required"])
    }

    @Test func failureCarriesInstanceKeywordAndAbsoluteLocations() throws {
        let validator = try SchemaValidator(
            schema: json(
                #"""
                {"$id": "https://example.com/config.json",
                 "properties": {"api": {"$ref": "#/$defs/api"}},
                 "$defs": {"api": {"properties": {"timeout": {"minimum": 1000}}}}}
                """#
            )
        )
        let failure = try #require(validator.validate(try json(#"{"api": {"timeout": 500}}"#)).failures.first)
        #expect(failure.instanceLocation.description == "/api/timeout")
        #expect(failure.keywordLocation.description == "/properties/api/$ref/properties/timeout/minimum")
        #expect(
            failure.absoluteKeywordLocation == "https://example.com/config.json#/$defs/api/properties/timeout/minimum"
        )
        #expect(failure.keyword == "minimum")
        #expect(failure.message == "500 is less than the minimum of 1000")
        #expect(failure.description == "/api/timeout: 500 is less than the minimum of 1000")
    }

    @Test func absoluteLocationIsOmittedWithoutABaseURI() throws {
        let validator = try SchemaValidator(schema: json(#"{"minimum": 1}"#))
        #expect(validator.validate(0).failures.first?.absoluteKeywordLocation == nil)
        let based = try SchemaValidator(
            schema: json(#"{"minimum": 1}"#),
            options: ValidatorOptions(baseURI: "file:///etc/app/schema.json")
        )
        #expect(based.validate(0).failures.first?.absoluteKeywordLocation == "file:///etc/app/schema.json#/minimum")
    }

    @Test func booleanSchemasAcceptOrRejectEverything() throws {
        #expect(try SchemaValidator(schema: true).isValid(["anything": [1, 2]]))
        let never = try SchemaValidator(schema: false)
        #expect(!never.isValid(nil))
        #expect(never.validate(1).failures.first?.message == "no value is allowed here (the schema is false)")
    }

    @Test func validatorIsSharedSafelyAcrossTasks() async throws {
        let validator = try SchemaValidator(schema: json(#"{"items": {"type": "integer", "maximum": 100}}"#))
        let results = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<64 {
                group.addTask { validator.isValid(.array([.integer(Int64(index * 2))])) }
            }
            var results: [Bool] = []
            for await result in group { results.append(result) }
            return results
        }
        #expect(results.filter { $0 }.count == 51)
    }

    @Test func reportsTheDialectOfTheRootSchema() throws {
        #expect(
            try SchemaValidator(schema: json(#"{"$schema": "http://json-schema.org/draft-07/schema#"}"#)).dialect
                == .draft7
        )
        #expect(try SchemaValidator(schema: json("{}")).dialect == .draft2020_12)
        #expect(
            try SchemaValidator(schema: json("{}"), options: ValidatorOptions(defaultDialect: .draft4)).dialect
                == .draft4
        )
    }

    @Test func compilingFromADocumentLocatesSchemaErrors() throws {
        let document = try JSONParser()
            .parse("{\n  \"type\": \"object\",\n  \"minimum\": \"5\"\n}", file: "schema.json")
        let error = #expect(throws: SchemaError.self) {
            try SchemaValidator(schema: document, options: ValidatorOptions(validateSchema: false))
        }
        #expect(error?.code == .invalidKeyword)
        #expect(error?.location == SourceLocation(file: "schema.json", line: 3, column: 14))
        #expect(error?.description == #"schema.json:3:14: "minimum" must be a number, not string"#)
    }
}
