import BERS
import BERSJSON
import Testing

/// The `migrations` section of `bers.json`, and override variables naming migrated keys.
@Suite struct KeyMigrationSettingsTests {
    @Test func theAppliedCounterIsRead() throws {
        let project = try makeProject(["bers.json": #"{"migrations": {"applied": 3}}"#, "default.json": "{}"])
        #expect(project.settings.migrations.applied == 3)
        #expect(project.settings.migrations.location?.description == "config/bers.json:1:28")
        #expect(try makeProject(["default.json": "{}"]).settings.migrations.applied == 0)
    }

    @Test(arguments: [
        (#"{"migrations": {"aplied": 1}}"#, "did you mean \"applied\""),
        (#"{"migrations": {"applied": -1}}"#, "out of range"),
        (#"{"migrations": {"applied": "2"}}"#, "expected an integer"),
        (#"{"migrations": 2}"#, "expected an object"),
    ])
    func aBadSectionIsAnInvalidProjectFile(_ settings: String, _ expected: String) throws {
        let error = try #require(throws: ConfigError.self) {
            try makeProject(["bers.json": settings, "default.json": "{}"])
        }
        #expect(error.code == .invalidProjectFile)
        #expect(error.message.contains(expected))
    }

    private let migrated = KeyMigrationFixture(
        [
            "default.json": #"{"api": {"timeoutMs": 30000}, "http": {"retries": 2}}"#,
            "bers.json": #"{"migrations": {"applied": 2}}"#,
        ],
        steps: [
            step(#"{"op": "rename", "path": "api.timeout", "to": "timeoutMs"}"#),
            step(
                #"{"op": "move", "from": "api.retries", "to": "http.retries"}"#,
                #"{"op": "remove", "path": "features.legacy"}"#
            ),
        ]
    )

    private func warning(_ variable: String) throws -> String {
        let options = ResolveOptions(environmentVariables: [variable: "5"])
        let configuration = try migrated.project().resolve(.staging, options: options)
        return configuration.diagnostics.map(\.message).joined(separator: "\n")
    }

    @Test func aVariableNamingARenamedKeyPointsAtTheNewName() throws {
        #expect(
            try warning("BERS__API__TIMEOUT")
                == "BERS__API__TIMEOUT names api.timeout, which migration 0001 renamed to api.timeoutMs; use BERS__API__TIMEOUTMS; ignored"
        )
        #expect(
            try warning("BERS__API__RETRIES")
                .contains("which migration 0002 moved to http.retries; use BERS__HTTP__RETRIES")
        )
        #expect(try warning("BERS__FEATURES__LEGACY").contains("which migration 0002 removed; remove the variable"))
        #expect(try warning("BERS__API__TIMEOUTT").contains("matches no configuration key"))
    }

    @Test func anUnknownOverrideErrorCarriesTheHintToo() throws {
        let strict = KeyMigrationFixture(
            ["default.json": #"{"api": {"timeoutMs": 1}}"#, "bers.json": #"{"env-overrides": {"unknown": "error"}}"#],
            steps: [step(#"{"op": "rename", "path": "api.timeout", "to": "timeoutMs"}"#)]
        )
        let error = try #require(throws: ConfigError.self) {
            try strict.project()
                .resolve(.staging, options: ResolveOptions(environmentVariables: ["BERS__API__TIMEOUT": "5"]))
        }
        #expect(error.code == .unknownOverridePath)
        #expect(error.message.contains("use BERS__API__TIMEOUTMS"))
    }
}
