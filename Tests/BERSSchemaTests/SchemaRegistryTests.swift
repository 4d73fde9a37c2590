import BERSJSON
import Testing

@testable import BERSSchema

struct SchemaRegistryTests {
    @Test func remoteDocumentsResolveThroughTheRegistry() throws {
        var registry = SchemaRegistry()
        registry.register(
            try json(#"{"$defs": {"port": {"type": "integer", "maximum": 65535}}}"#),
            at: "https://example.com/common.json"
        )
        let validator = try SchemaValidator(
            schema: json(#"{"properties": {"port": {"$ref": "https://example.com/common.json#/$defs/port"}}}"#),
            options: ValidatorOptions(registry: registry)
        )
        #expect(validator.isValid(try json(#"{"port": 8080}"#)))
        #expect(!validator.isValid(try json(#"{"port": 70000}"#)))
    }

    @Test func relativeReferencesResolveAgainstTheBaseURI() throws {
        var registry = SchemaRegistry()
        registry.register(["type": "string"], at: "file:///etc/app/name.json")
        let validator = try SchemaValidator(
            schema: json(#"{"$ref": "name.json"}"#),
            options: ValidatorOptions(registry: registry, baseURI: "file:///etc/app/schema.json")
        )
        #expect(validator.isValid("x"))
        #expect(!validator.isValid(1))
    }

    @Test func remoteWithoutSchemaKeywordTakesTheReferencingDialect() throws {
        var registry = SchemaRegistry()
        registry.register(try json(#"{"items": [{"type": "string"}]}"#), at: "https://example.com/tuple.json")
        let draft7 = try SchemaValidator(
            schema: json(#"{"$ref": "https://example.com/tuple.json"}"#),
            options: ValidatorOptions(defaultDialect: .draft7, registry: registry)
        )
        #expect(!draft7.isValid(try json("[1]")))
    }

    @Test func officialMetaschemasAreAlwaysAvailable() throws {
        let validator = try SchemaValidator(schema: json(#"{"$ref": "http://json-schema.org/draft-07/schema#"}"#))
        #expect(validator.isValid(try json(#"{"type": "string"}"#)))
        #expect(!validator.isValid(try json(#"{"type": "strin"}"#)))
        #expect(SchemaRegistry.metaschemaURIs.count == 19)
        #expect(SchemaRegistry().document(at: "https://json-schema.org/draft/2020-12/meta/validation") != nil)
    }

    @Test func registryKeysIgnoreEmptyFragmentsAndCase() throws {
        var registry = SchemaRegistry()
        registry.register(true, at: "HTTPS://Example.COM/a.json#")
        #expect(registry.document(at: "https://example.com/a.json") == true)
        #expect(registry.registeredURIs == ["https://example.com/a.json"])
    }

    @Test func embeddedIdentifiersOfAnEarlierRemoteResolve() throws {
        var registry = SchemaRegistry()
        registry.register(
            try json(#"{"$defs": {"x": {"$id": "https://example.com/inner.json", "type": "boolean"}}}"#),
            at: "https://example.com/outer.json"
        )
        let validator = try SchemaValidator(
            schema: json(
                #"{"allOf": [{"$ref": "https://example.com/outer.json"}, {"$ref": "https://example.com/inner.json"}]}"#
            ),
            options: ValidatorOptions(registry: registry)
        )
        #expect(validator.isValid(true))
        #expect(!validator.isValid(1))
    }
}
