import BERS
import BERSJSON
import Testing

struct ProjectSettingsTests {
    @Test func aDirectoryWithoutBersJSONUsesDefaults() throws {
        let project = try makeProject(["default.json": "{}"])
        #expect(project.settings.environment == nil)
        #expect(project.settings.detection == .default)
        #expect(project.settings.environmentOverridePrefix == "BERS__")
        #expect(project.catalog.names == ["development", "staging", "production"])
    }

    @Test func everySectionIsRead() throws {
        let project = try makeProject([
            "bers.json": """
            {
              "environment": "qa",
              "environments": {"qa": {"inherits": "staging", "description": "QA cluster"}},
              "detection": {
                "env-variable": {"variables": ["MY_ENV"]},
                "url-parameter": {"name": "env", "allow": ["qa", "development"]},
                "hostname-pattern": {"rules": {"qa": ["*.qa.example.com"]}},
                "build-context": {"enabled": false},
                "default-fallback": {"environment": "staging"},
                "cache-ttl-ms": 1000
              },
              "schema": "schemas/app.schema.json",
              "merge": {"security.corsOrigins": "unique", "/plugins": "merge-by-key:name"},
              "env-overrides": {"prefix": "APP__", "unknown": "error"}
            }
            """
        ])
        let settings = project.settings
        #expect(settings.environment == "qa")
        #expect(project.catalog.description(of: try project.environment(named: "qa")) == "QA cluster")
        #expect(settings.detection.variables == ["MY_ENV"])
        #expect(settings.detection.urlParameterName == "env")
        #expect(settings.detection.urlParameterAllowed == ["qa", "development"])
        #expect(settings.detection.hostnameRules.rules.map(\.environment) == ["qa"])
        #expect(settings.detection.disabled == [.buildContext])
        #expect(settings.detection.fallback == "staging")
        #expect(settings.detection.cacheTTLMilliseconds == 1000)
        #expect(settings.schema == "schemas/app.schema.json")
        #expect(settings.mergeStrategies["/security/corsOrigins"] == .unique)
        #expect(settings.mergeStrategies["/plugins"] == .mergeByKey("name"))
        #expect(settings.environmentOverridePrefix == "APP__")
        #expect(settings.unknownOverrideIsError)
    }

    @Test func unknownKeyIsLocatedAndSuggestsTheClosestKey() {
        let error = #expect(throws: ConfigError.self) {
            try makeProject(["bers.json": "{\n  \"enviroment\": \"staging\"\n}"])
        }
        #expect(error?.code == .invalidProjectFile)
        #expect(error?.location?.description == "config/bers.json:2:3")
        #expect(error?.message.contains("did you mean \"environment\"?") == true)
    }

    @Test func wrongTypeIsLocated() {
        let error = #expect(throws: ConfigError.self) {
            try makeProject(["bers.json": "{\"detection\": {\"env-variable\": {\"variables\": \"BERS_ENV\"}}}"])
        }
        #expect(error?.code == .invalidProjectFile)
        #expect(error?.message == "/detection/env-variable/variables: expected an array of strings, found string")
        #expect(error?.location?.line == 1)
        #expect(error?.location?.column == 46)
    }

    @Test func malformedBersJSONIsAMalformedFileError() {
        let error = #expect(throws: ConfigError.self) {
            try makeProject(["bers.json": "{\n  \"environment\": \"staging\",\n}"])
        }
        #expect(error?.code == .malformedLayer)
        #expect(error?.location?.file == "config/bers.json")
        #expect(error?.location?.line == 3)
    }

    @Test func invalidHostnameRuleIsLocated() {
        let error = #expect(throws: ConfigError.self) {
            try makeProject([
                "bers.json": #"{"detection": {"hostname-pattern": {"rules": {"staging": ["ok.com", "bad.*.com"]}}}}"#
            ])
        }
        #expect(error?.code == .invalidProjectFile)
        #expect(error?.message.contains("bad.*.com") == true)
        #expect(error?.location?.column == 69)
    }

    @Test func rulesForUnknownEnvironmentsAreRejected() {
        let error = #expect(throws: ConfigError.self) {
            try makeProject(["bers.json": #"{"detection": {"hostname-pattern": {"rules": {"prod": ["x.com"]}}}}"#])
        }
        #expect(error?.code == .invalidProjectFile)
        #expect(error?.message.contains("unknown environment \"prod\"") == true)
    }

    @Test func unknownFallbackIsRejected() {
        let error = #expect(throws: ConfigError.self) {
            try makeProject(["bers.json": #"{"detection": {"default-fallback": {"environment": "live"}}}"#])
        }
        #expect(error?.code == .invalidProjectFile)
        #expect(
            error?.message
                == "/detection/default-fallback/environment: unknown environment \"live\" (known: development, staging, production)"
        )
    }

    @Test func unknownMergeStrategyIsRejected() {
        let error = #expect(throws: ConfigError.self) {
            try makeProject(["bers.json": #"{"merge": {"a.b": "concat"}}"#])
        }
        #expect(error?.code == .invalidProjectFile)
        #expect(error?.message.contains("unknown merge strategy") == true)
    }

    @Test func inheritanceCycleInBersJSONIsReported() {
        let error = #expect(throws: ConfigError.self) {
            try makeProject(["bers.json": #"{"environments": {"a": {"inherits": "b"}, "b": {"inherits": "a"}}}"#])
        }
        #expect(error?.code == .inheritanceCycle)
        #expect(error?.location?.file == "config/bers.json")
    }

    @Test func customEnvironmentWithoutParentIsRejected() {
        let error = #expect(throws: ConfigError.self) {
            try makeProject(["bers.json": #"{"environments": {"qa": {}}}"#])
        }
        #expect(error?.code == .invalidProjectFile)
        #expect(error?.message.contains("needs \"inherits\"") == true)
    }

    @Test func missingDirectoryIsUnreadable() {
        let error = #expect(throws: ConfigError.self) {
            try ConfigProject(directory: "nowhere", fileSystem: InMemoryFileSystem())
        }
        #expect(error?.code == .unreadable)
        #expect(error?.message == "config directory nowhere does not exist or is not a directory")
    }
}
