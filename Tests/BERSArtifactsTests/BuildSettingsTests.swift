import BERS
import BERSArtifacts
import BERSJSON
import Testing

/// The `build` section of bers.json: read with defaults, refused with a located error when wrong.
struct BuildSettingsTests {
    @Test func picassoDeclaresItsSurface() throws {
        let settings = try BuildSettings(project: ConfigProject(directory: picassoDirectory))
        #expect(settings.environments == ["development", "staging", "production"])
        #expect(settings.formats == ArtifactFormat.allCases)
        #expect(settings.fileName(for: .js) == "environment.js")
        #expect(settings.fileName(for: .swift) == "PicassoConfig.swift")
        #expect(settings.js.constants.count == 17)
        #expect(settings.js.functions.map(\.name).contains("getRequestConfig"))
        #expect(settings.esbuildDefine.defines?.count == 15)
    }

    @Test func withoutABuildSectionEverythingHasADefault() throws {
        let (directory, project) = try Fixtures.project(["default.json": "{}"])
        defer { directory.remove() }
        let settings = try BuildSettings(project: project)
        #expect(settings.environmentNames(in: project.catalog) == ["development", "staging", "production"])
        #expect(settings.formats == ArtifactFormat.allCases)
        #expect(settings.fileName(for: .swift) == "Config.swift")
        #expect(settings.fileName(for: .dotenv) == "config.env")
        #expect(!settings.js.declaresSurface)
    }

    @Test(arguments: [
        (#"{"build": {"formatz": []}}"#, "build.invalid-settings", "unknown key \"formatz\"", 1),
        (#"{"build": {"formats": ["json", "yml"]}}"#, "build.unknown-format", "unknown format \"yml\"", 1),
        (#"{"build": {"environments": ["qa"]}}"#, "build.missing-value", "qa", 1),
        (
            "{\n\"build\": {\"js\": {\"functions\": {\"f\": {\"kind\": \"url\", \"endpoint\": \"e\", \"arguments\": [\"class\"]}}}}}",
            "build.invalid-identifier", "not a valid JavaScript parameter name", 2
        ),
        (#"{"build": {"js": {"object": "my-config"}}}"#, "build.invalid-identifier", "my-config", 1),
        (
            #"{"build": {"js": {"functions": {"f": {"kind": "sorcery"}}}}}"#, "build.invalid-settings",
            "expected one of", 1
        ),
        (
            #"{"build": {"esbuild-define": {"defines": {"a-b": "x"}}}}"#, "build.invalid-identifier",
            "esbuild can define", 1
        ),
        (
            #"{"build": {"esbuild-define": {"large-integers": "bigint"}}}"#, "build.invalid-settings",
            "expected one of", 1
        ),
        (#"{"build": {"dotenv": {"variables": {"1X": "a"}}}}"#, "build.invalid-identifier", "not a variable name", 1),
        (#"{"build": {"swift": {"type-name": "Type"}}}"#, "build.invalid-identifier", "Swift type name", 1),
        (#"{"build": {"files": {"js": "../escape.js"}}}"#, "build.invalid-settings", "relative file name", 1),
        (#"{"build": {"files": {"js": "../\u0301escape.js"}}}"#, "build.invalid-settings", "relative file name", 1),
        (#"{"build": {"files": {"js": "/\u0301escape.js"}}}"#, "build.invalid-settings", "relative file name", 1),
        (
            #"{"build": {"js": {"constants": {"X": {"path": "a", "endpoint": "b"}}}}}"#, "build.invalid-settings",
            "exactly one of", 1
        ),
        (#"{"build": {"js": {"constants": {"X": {"is-environment": "qa"}}}}}"#, "build.missing-value", "qa", 1),
    ])
    func badSettingsAreLocated(projectFile: String, code: String, fragment: String, line: Int) throws {
        let (directory, project) = try Fixtures.project(["bers.json": projectFile, "default.json": "{}"])
        defer { directory.remove() }
        let error = #expect(throws: BuildError.self) { try BuildSettings(project: project) }
        #expect(error?.code.rawValue == code)
        #expect(error?.message.contains(fragment) == true, "\(error?.message ?? "")")
        #expect(error?.location?.file.hasSuffix("bers.json") == true)
        #expect(error?.location?.line == line)
        #expect(error?.description.hasPrefix("\(directory.path)/bers.json:\(line):") == true)
    }

    @Test func unknownFormatsSuggestTheClosestName() throws {
        let error = #expect(throws: BuildError.self) { try ArtifactFormat(name: "esbuild") }
        #expect(error?.code == .unknownFormat)
        #expect(
            error?.message
                == "unknown format \"esbuild\"; did you mean \"esbuild-define\"? (formats: json, metadata, swift, js, esbuild-define, dotenv)"
        )
        #expect(try ArtifactFormat(name: "dotenv") == .dotenv)
    }

    @Test func declaredValuesThatDoNotExistAreLocatedErrors() async throws {
        let files = [
            "default.json": #"{"a": 1, "endpoints": {"u": "https://x.example/{id}"}}"#,
            "bers.json": "{\"build\": {\"js\": {\"constants\": {\n\"A\": \"a\",\n\"B\": \"missing.path\"}}}}",
        ]
        let error = await #expect(throws: BuildError.self) { _ = try await Fixtures.render(.js, files) }
        #expect(error?.code == .missingValue)
        #expect(error?.message == "\"missing.path\" names no value in the production configuration")
        #expect(error?.location?.line == 3)
        var endpoint = files
        endpoint["bers.json"] = #"{"build": {"js": {"constants": {"U": {"endpoint": "u"}}}}}"#
        let takesParameters = await #expect(throws: BuildError.self) { _ = try await Fixtures.render(.js, endpoint) }
        #expect(takesParameters?.message.contains("takes parameters (id)") == true)
        var function = files
        function["bers.json"] =
            #"{"build": {"js": {"functions": {"f": {"kind": "url", "endpoint": "u", "arguments": ["x"]}}}}}"#
        let wrongArgument = await #expect(throws: BuildError.self) { _ = try await Fixtures.render(.js, function) }
        #expect(
            wrongArgument?.message.contains("argument x fills \"x\", which endpoint \"u\" does not take (it takes: id)")
                == true
        )
    }
}
