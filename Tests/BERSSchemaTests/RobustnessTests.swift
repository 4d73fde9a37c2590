import BERSJSON
import Testing

@testable import BERSSchema

/// Hostile schemas and instances: a clear error or a correct answer, never a crash, a hang or a
/// stack overflow.
struct RobustnessTests {
    @Test func selfReferenceIsAReferenceCycle() throws {
        let error = #expect(throws: SchemaError.self) { try SchemaValidator(schema: json(##"{"$ref": "#"}"##)) }
        #expect(error?.code == .referenceCycle)
    }

    @Test func mutualReferencesAreAReferenceCycle() throws {
        let schema = try json(
            ##"{"$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"allOf": [{"$ref": "#/$defs/a"}]}}, "properties": {"x": {"$ref": "#/$defs/a"}}}"##
        )
        let error = #expect(throws: SchemaError.self) { try SchemaValidator(schema: schema) }
        #expect(error?.code == .referenceCycle)
        #expect(error?.message.contains("would never end") == true)
    }

    @Test func recursionThroughTheInstanceIsFine() throws {
        let validator = try SchemaValidator(schema: json(##"{"type": "array", "items": {"$ref": "#"}}"##))
        #expect(validator.isValid(try json("[[], [[]], [[[]]]]")))
        #expect(!validator.isValid(try json("[[1]]")))
    }

    static func nestedArrays(_ depth: Int) -> JSONValue {
        var value: JSONValue = []
        for _ in 0..<depth { value = .array([value]) }
        return value
    }

    @Test func tenThousandDeepInstanceFailsAtTheDepthLimit() throws {
        let validator = try SchemaValidator(schema: json(##"{"items": {"$ref": "#"}}"##))
        let deep = Self.nestedArrays(10_000)
        #expect(!validator.isValid(deep))
        let failure = try #require(validator.validate(deep).failures.first)
        #expect(failure.message.contains("deeper than the limit of 1000 levels"))
        // Each level applies two schemas (`items`, then the `$ref`): 400 levels use 800 of 1000.
        #expect(validator.isValid(Self.nestedArrays(400)))
    }

    @Test func depthLimitIsConfigurable() throws {
        let validator = try SchemaValidator(
            schema: json(##"{"items": {"$ref": "#"}}"##),
            options: ValidatorOptions(maxDepth: 50)
        )
        #expect(validator.isValid(Self.nestedArrays(20)))
        #expect(!validator.isValid(Self.nestedArrays(30)))
    }

    static func nestedSchema(_ depth: Int) -> JSONValue {
        var schema: JSONValue = ["type": "integer"]
        for _ in 0..<depth { schema = ["items": schema] }
        return schema
    }

    @Test func tenThousandDeepSchemaIsRejectedByTheMetaschemaCheck() throws {
        let error = #expect(throws: SchemaError.self) { try SchemaValidator(schema: Self.nestedSchema(10_000)) }
        #expect(error?.code == .invalidSchema)
        #expect(error?.message.contains("deeper than the limit") == true)
    }

    @Test func tenThousandDeepSchemaCompilesWithoutTheCheckAndValidates() throws {
        let validator = try SchemaValidator(
            schema: Self.nestedSchema(10_000),
            options: ValidatorOptions(validateSchema: false)
        )
        #expect(validator.isValid([[[]]]))
        #expect(!validator.isValid(Self.nestedArrays(10_001)))
    }

    @Test func hugeEnumIsHashed() throws {
        let values =
            (0..<100_000).map { JSONValue.string("value-\($0)") } + (0..<1000).map { JSONValue.integer(Int64($0)) }
        let validator = try SchemaValidator(
            schema: ["enum": .array(values)],
            options: ValidatorOptions(validateSchema: false)
        )
        #expect(validator.isValid("value-99999"))
        #expect(validator.isValid(999))
        #expect(validator.isValid(999.0))
        #expect(!validator.isValid("value-100000"))
        #expect(!validator.isValid(1000))
    }

    @Test func uniqueItemsOnALargeArrayIsLinear() throws {
        let validator = try SchemaValidator(schema: json(##"{"uniqueItems": true}"##))
        var elements = (0..<200_000).map { JSONValue.object(["id": .integer(Int64($0))]) }
        #expect(validator.isValid(.array(elements)))
        elements.append(["id": 1.0])
        let failure = try #require(validator.validate(.array(elements)).failures.first)
        #expect(failure.message == "items 1 and 200000 are equal, but items must be unique")
    }

    @Test func codePointsNotCanonicalEquivalenceDecideEquality() throws {
        let composed = "\u{E9}"
        let decomposed = "e\u{301}"
        #expect(try !SchemaValidator(schema: ["const": .string(composed)]).isValid(.string(decomposed)))
        #expect(try SchemaValidator(schema: ["uniqueItems": true]).isValid([.string(composed), .string(decomposed)]))
        #expect(try !SchemaValidator(schema: ["required": [.string(composed)]]).isValid([decomposed: 1]))
    }

    @Test func regexStepLimitIsAValidationFailure() throws {
        let validator = try SchemaValidator(
            schema: json(##"{"pattern": "(a*)*\\1b"}"##),
            options: ValidatorOptions(regexStepLimit: 10_000)
        )
        let input = JSONValue.string(String(repeating: "a", count: 40) + "cb")
        #expect(!validator.isValid(input))
        let failure = try #require(validator.validate(input).failures.first)
        #expect(failure.keyword == "pattern")
        #expect(failure.message.contains("within the regular-expression step limit"))
        #expect(validator.isValid("aab"))
    }

    @Test func regexStepLimitInPatternPropertiesNamesTheProperty() throws {
        let validator = try SchemaValidator(
            schema: json(##"{"patternProperties": {"(a*)*\\1b": {}}}"##),
            options: ValidatorOptions(regexStepLimit: 10_000)
        )
        let key = String(repeating: "a", count: 40) + "cb"
        let failure = try #require(validator.validate(.object([key: 1])).failures.first)
        #expect(failure.keyword == "patternProperties")
        #expect(failure.property == key)
    }

    @Test func catastrophicPatternAnswersInBoundedTime() throws {
        let validator = try SchemaValidator(schema: json(##"{"pattern": "^(a+)+$"}"##))
        #expect(!validator.isValid(.string(String(repeating: "a", count: 30_000) + "!")))
    }

    @Test func deepObjectsFailAtTheDepthLimitToo() throws {
        let validator = try SchemaValidator(
            schema: json(##"{"type": "object", "additionalProperties": {"$ref": "#"}}"##)
        )
        var deep: JSONValue = [:]
        for _ in 0..<10_000 { deep = ["a": deep] }
        #expect(!validator.isValid(deep))
        #expect(validator.validate(deep).failures.first?.message.contains("deeper than the limit") == true)
    }
}
