import BERS
import BERSJSON
import BERSTestSupport
import Testing

struct ConfigValidationTests {
    static let schema = #"""
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "type": "object",
          "properties": {
            "api": {
              "type": "object",
              "properties": {
                "timeout": {"type": "number", "minimum": 1000},
                "baseUrl": {"type": "string", "format": "uri"}
              },
              "additionalProperties": false
            }
          }
        }
        """#

    func project(production: String) throws -> ConfigProject {
        try makeProject([
            "bers.json": #"{"schema": "schemas/app.schema.json"}"#,
            "schemas/app.schema.json": Self.schema,
            "default.json": #"{"api": {"timeout": 2000, "baseUrl": "https://a.example"}}"#,
            "production.json": production,
        ])
    }

    @Test func failuresAreLocatedInTheLayerThatSetTheValue() throws {
        let project = try project(production: "{\n  \"api\": {\n    \"timeout\": 500\n  }\n}")
        let report = try project.resolve(.production).validate(with: try #require(try project.schemaValidator()))
        #expect(!report.isValid)
        #expect(report.messages == ["config/production.json:3:16: /api/timeout: 500 is less than the minimum of 1000"])
    }

    @Test func formatsAreAssertedForConfigurationSchemas() throws {
        let project = try project(production: #"{"api": {"baseUrl": "not a uri"}}"#)
        let report = try project.resolve(.production).validate(with: try #require(try project.schemaValidator()))
        #expect(report.messages.count == 1)
        #expect(report.messages.first?.contains("is not a valid \"uri\"") == true)
    }

    @Test func valuesFromVariablesNameTheirSource() throws {
        let project = try project(production: "{}")
        let config = try project.resolve(
            .production,
            options: ResolveOptions(environmentVariables: ["BERS__API__TIMEOUT": "5"])
        )
        let report = config.validate(with: try #require(try project.schemaValidator()))
        #expect(report.messages == ["/api/timeout: 5 is less than the minimum of 1000 (set by env BERS__API__TIMEOUT)"])
    }

    @Test func additionalPropertiesPointAtTheKey() throws {
        let project = try project(production: "{\"api\": {\n  \"extra\": 1}}")
        let report = try project.resolve(.production).validate(with: try #require(try project.schemaValidator()))
        #expect(
            report.messages.first?.hasPrefix("config/production.json:2:3: /api: additional property \"extra\"") == true
        )
    }

    @Test func aValidConfigurationHasNoFailures() throws {
        let project = try project(production: "{}")
        #expect(try project.resolve(.production).validate(with: try #require(try project.schemaValidator())).isValid)
    }

    @Test func noSchemaMeansNoValidator() throws {
        #expect(try makeProject(["default.json": "{}"]).schemaValidator() == nil)
    }

    @Test func badSchemasAreInvalidSchemaErrors() {
        for schema in ["{", #"{"type": "strin"}"#, ##"{"$ref": "#/definitions/missing"}"##] {
            let error = #expect(throws: ConfigError.self) {
                try makeProject(["bers.json": #"{"schema": "s.json"}"#, "s.json": schema, "default.json": "{}"])
                    .schemaValidator()
            }
            #expect(error?.code == .invalidSchema, "\(schema)")
        }
        let missing = #expect(throws: ConfigError.self) {
            try makeProject(["bers.json": #"{"schema": "nope.json"}"#, "default.json": "{}"]).schemaValidator()
        }
        #expect(missing?.code == .invalidSchema)
    }

    @Test func siblingSchemasResolveByTheirIdentifiers() throws {
        let project = try makeProject([
            "bers.json": #"{"schema": "schemas/app.json"}"#,
            "schemas/app.json":
                #"{"$schema": "http://json-schema.org/draft-07/schema#", "properties": {"port": {"$ref": "https://example.com/port.json"}}}"#,
            "schemas/port.json": #"{"$id": "https://example.com/port.json", "type": "integer", "maximum": 65535}"#,
            "default.json": #"{"port": 70000}"#,
        ])
        let report = try project.resolve(.production).validate(with: try #require(try project.schemaValidator()))
        #expect(report.messages == ["config/default.json:1:10: /port: 70000 is greater than the maximum of 65535"])
    }

    @Test(arguments: ["development", "staging", "production"])
    func thePicassoExampleIsValidInEveryEnvironment(_ name: String) throws {
        let project = try ConfigProject(
            directory: SharedFixtures.packageRoot.appendingPathComponent("Examples/picasso/config").path
        )
        let report = try project.resolve(try project.environment(named: name))
            .validate(with: try #require(try project.schemaValidator()))
        #expect(report.isValid, "\(report.messages)")
    }

    @Test func thePicassoSchemaKeepsProductionOnHTTPS() throws {
        let project = try ConfigProject(
            directory: SharedFixtures.packageRoot.appendingPathComponent("Examples/picasso/config").path
        )
        let config = try project.resolve(
            .production,
            options: ResolveOptions(assignments: ["api.baseUrl=http://localhost:3000/api"])
        )
        let report = config.validate(with: try #require(try project.schemaValidator()))
        #expect(
            report.messages == [
                #"/api/baseUrl: "http://localhost:3000/api" does not match the pattern "^https://" (set by --set api.baseUrl)"#
            ]
        )
    }
}
