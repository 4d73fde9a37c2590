import BERS
import BERSJSON
import Testing

struct OverridesTests {
    static let base =
        #"{"api": {"timeout": 1000, "baseUrl": "https://a.example", "sampleRate": 0.5, "debug": false, "hosts": ["a", "b"], "headers": {"X": "1"}, "extra": null}}"#

    func resolve(_ variables: [String: String], assignments: [String] = [], settings: String = "{}") throws(ConfigError)
        -> ResolvedConfiguration
    {
        try makeProject(["bers.json": settings, "default.json": Self.base])
            .resolve(.production, options: ResolveOptions(environmentVariables: variables, assignments: assignments))
    }

    @Test func valuesTakeTheTypeOfTheValueTheyReplace() throws {
        let config = try resolve([
            "BERS__API__TIMEOUT": "15000", "BERS__API__DEBUG": "TRUE", "BERS__API__SAMPLERATE": "1",
            "BERS__API__BASEURL": "https://b.example", "BERS__API__HOSTS": #"["c"]"#,
            "BERS__API__HEADERS": #"{"Y": "2"}"#,
            "BERS__API__EXTRA": "42",
        ])
        #expect(config.value[pointer: "/api/timeout"]?.isIdentical(to: .integer(15000)) == true)
        #expect(config.value[pointer: "/api/debug"] == true)
        #expect(config.value[pointer: "/api/sampleRate"]?.isIdentical(to: .double(1)) == true)
        #expect(config.value[pointer: "/api/baseUrl"] == "https://b.example")
        #expect(config.value[pointer: "/api/hosts"] == ["c"])
        #expect(config.value[pointer: "/api/headers"] == ["X": "1", "Y": "2"])  // objects merge, as layers do
        #expect(config.value[pointer: "/api/extra"] == 42)
    }

    @Test func segmentsMatchKeysCaseInsensitively() throws {
        let config = try resolve(["BERS__Api__TimeOut": "2000"])
        #expect(try config.int("api.timeout") == 2000)
        #expect(config.value["api"]?.objectValue?.keys.first == "timeout")
    }

    @Test func arraysAreOverriddenWholeNotElementByElement() throws {
        let error = #expect(throws: ConfigError.self) { try resolve(["BERS__API__HOSTS__1": "z"]) }
        #expect(error?.code == .invalidOverride)
        #expect(error?.message.contains("api.hosts is an array, and arrays are replaced whole") == true)
        let config = try resolve(["BERS__API__HOSTS": #"["z"]"#])
        #expect(config.value[pointer: "/api/hosts"] == ["z"])
        let elementSet = #expect(throws: ConfigError.self) { try resolve([:], assignments: ["api.hosts.5=q"]) }
        #expect(elementSet?.code == .invalidOverride)
    }

    @Test func overridesReplaceArraysWhateverTheMergeStrategy() throws {
        let project = try makeProject([
            "bers.json": #"{"merge": {"list": "append"}}"#,
            "default.json": #"{"list": ["a", "b"]}"#,
            "production.json": #"{"list": ["c"]}"#,
        ])
        #expect(try project.resolve(.production).value == json(#"{"list": ["a", "b", "c"]}"#))
        let variable = try project.resolve(
            .production,
            options: ResolveOptions(environmentVariables: ["BERS__LIST": #"["z"]"#])
        )
        #expect(variable.value == json(#"{"list": ["z"]}"#))
        let set = try project.resolve(.production, options: ResolveOptions(assignments: [#"list=["only"]"#]))
        #expect(set.value == json(#"{"list": ["only"]}"#))
        #expect(set.provenance(at: "list")?.overrode.map(\.layer.name) == ["production", "default"])
    }

    @Test func setMatchesExistingKeysCaseInsensitivelyAndRefusesMembersOfScalars() throws {
        let config = try resolve([:], assignments: ["API.TIMEOUT=9"])
        #expect(try config.int("api.timeout") == 9)
        #expect(config.value["API"] == nil)
        let error = #expect(throws: ConfigError.self) { try resolve([:], assignments: ["api.timeout.x=1"]) }
        #expect(error?.code == .invalidOverride)
        #expect(error?.message == "--set api.timeout.x: api.timeout is integer, which has no member \"x\"")
    }

    @Test func wrongTypeIsAnErrorNamingTheVariable() {
        let error = #expect(throws: ConfigError.self) { try resolve(["BERS__API__TIMEOUT": "fast"]) }
        #expect(error?.code == .overrideTypeMismatch)
        #expect(
            error?.message
                == "BERS__API__TIMEOUT (api.timeout): the value is not an integer; an override takes the type of the value it replaces (integer)"
        )
    }

    @Test func booleanAcceptsOnlyTrueOrFalse() {
        let error = #expect(throws: ConfigError.self) { try resolve(["BERS__API__DEBUG": "yes"]) }
        #expect(error?.code == .overrideTypeMismatch)
    }

    @Test func unknownPathIsReportedWithASuggestion() throws {
        let config = try resolve(["BERS__API__TIMOUT": "5"])
        #expect(config.diagnostics.count == 1)
        #expect(config.diagnostics.first?.code == .unknownOverridePath)
        #expect(config.diagnostics.first?.message.contains("did you mean BERS__API__TIMEOUT (api.timeout)?") == true)
        #expect(try config.int("api.timeout") == 1000)
    }

    @Test func unknownPathIsAnErrorWhenTheProjectSaysSo() {
        let error = #expect(throws: ConfigError.self) {
            try resolve(["BERS__NOPE": "1"], settings: #"{"env-overrides": {"unknown": "error"}}"#)
        }
        #expect(error?.code == .unknownOverridePath)
    }

    @Test func ambiguousSegmentIsAnError() {
        let error = #expect(throws: ConfigError.self) {
            try makeProject(["default.json": #"{"Mode": 1, "mode": 2}"#])
                .resolve(.production, options: ResolveOptions(environmentVariables: ["BERS__MODE": "3"]))
        }
        #expect(error?.code == .ambiguousOverridePath)
        #expect(error?.message.contains("Mode, mode") == true)
    }

    @Test func overridesCanBeTurnedOffOrUseAnotherPrefix() throws {
        let off = try resolve(["BERS__API__TIMEOUT": "5"], settings: #"{"env-overrides": {"enabled": false}}"#)
        #expect(try off.int("api.timeout") == 1000)
        let prefixed = try resolve(
            ["APP__API__TIMEOUT": "5", "BERS__API__TIMEOUT": "6"],
            settings: #"{"env-overrides": {"prefix": "APP__"}}"#
        )
        #expect(try prefixed.int("api.timeout") == 5)
    }

    @Test func setAssignmentsApplyLastAndCanCreateKeys() throws {
        let config = try resolve(
            ["BERS__API__TIMEOUT": "2000"],
            assignments: ["api.timeout=3000", "/api/new/deep=\"text\"", "flag=true", "name=plain words"]
        )
        #expect(try config.int("api.timeout") == 3000)
        #expect(try config.string("api.new.deep") == "text")
        #expect(try config.bool("flag"))
        #expect(try config.string("name") == "plain words")
        let provenance = try #require(config.provenance(at: "api.timeout"))
        #expect(provenance.source.layer.kind == .commandLine)
        #expect(provenance.source.layer.name == "--set api.timeout")
        #expect(provenance.overrode.map(\.layer.name) == ["BERS__API__TIMEOUT", "default"])
    }

    @Test func setKeepsTheTypeOfTheValueItReplacesEvenForJSON() {
        let error = #expect(throws: ConfigError.self) { try resolve([:], assignments: ["api.timeout=null"]) }
        #expect(error?.code == .overrideTypeMismatch)
        #expect(error?.message.contains("an override takes the type of the value it replaces (integer)") == true)
    }

    @Test(arguments: ["novalue", "=5", "="])
    func malformedAssignmentsAreRejected(_ assignment: String) {
        let error = #expect(throws: ConfigError.self) { try resolve([:], assignments: [assignment]) }
        #expect(error?.code == .invalidOverride)
    }

    @Test func setWithWrongTypeAndNoJSONIsRejected() {
        let error = #expect(throws: ConfigError.self) { try resolve([:], assignments: ["api.timeout=15s"]) }
        #expect(error?.code == .overrideTypeMismatch)
    }
}
