import BERSJSON
import BERSSchema
import BERSTestSupport
import Testing

/// The known facts about the Picasso schemas and configurations (`../shared/fixtures/picasso`).
@Suite(.enabled(if: SharedFixtures.isAvailable, SharedFixtures.skipReason))
struct PicassoSchemaTests {
    static func document(_ path: String) throws -> JSONDocument {
        let bytes = try #require(SharedFixtures.bytes("fixtures/picasso/\(path)"))
        return try JSONParser().parse(bytes, file: path)
    }

    static func environmentValidator() throws -> SchemaValidator {
        try SchemaValidator(schema: document("schemas/environment.schema.json"), options: .configuration)
    }

    @Test func developmentConfigurationHasOnlyTheSchemaKeyError() throws {
        let document = try Self.document("configurations/development.json")
        let result = try Self.environmentValidator().validate(document.value)
        #expect(!result.isValid)
        #expect(result.failures.count == 1)
        let failure = try #require(result.failures.first)
        #expect(failure.keyword == "additionalProperties")
        #expect(failure.instanceLocation == .root)
        #expect(failure.property == "$schema")
        #expect(failure.message == #"additional property "$schema" is not allowed"#)
        #expect(
            failure.rendered(in: document)
                == #"configurations/development.json:2:3: (root): additional property "$schema" is not allowed"#
        )
    }

    @Test func productionConfigurationHasTheSchemaKeyAndNonceErrors() throws {
        let document = try Self.document("configurations/production.json")
        let validator = try Self.environmentValidator()
        #expect(!validator.isValid(document.value))
        let result = validator.validate(document.value)
        #expect(result.failures.count == 2)
        let messages = result.failures.map(\.description).sorted()
        #expect(
            messages == [
                #"(root): additional property "$schema" is not allowed"#,
                #"/security/cspNonce: "prod-nonce-2024" does not match the pattern "^[A-Za-z0-9+/]+=*$""#,
            ]
        )
        let nonce = try #require(result.failures.first { $0.keyword == "pattern" })
        #expect(nonce.keywordLocation.description == "/properties/security/properties/cspNonce/pattern")
        #expect(
            nonce.absoluteKeywordLocation
                == "https://chat.myrecruiter.ai/schemas/environment.schema.json#/properties/security/properties/cspNonce/pattern"
        )
        #expect(nonce.rendered(in: document).hasPrefix("configurations/production.json:34:17: /security/cspNonce: "))
    }

    @Test(arguments: ["build", "environment", "monitoring", "providers"])
    func everySchemaCompilesAgainstItsMetaschema(_ name: String) throws {
        let validator = try SchemaValidator(
            schema: Self.document("schemas/\(name).schema.json"),
            options: .configuration
        )
        #expect(validator.dialect == .draft7)
    }
}
