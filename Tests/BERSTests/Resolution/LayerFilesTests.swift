import BERS
import BERSJSON
import Testing

struct LayerFilesTests {
    @Test func malformedLayerNamesFileLineAndColumn() {
        let error = #expect(throws: ConfigError.self) {
            try makeProject(["default.json": "{\n  \"a\": 1,\n  \"b\": tru\n}"]).resolve(.production)
        }
        #expect(error?.code == .malformedLayer)
        #expect(error?.location?.file == "config/default.json")
        #expect(error?.location?.line == 3)
        #expect(error?.description.hasPrefix("config/default.json:3:") == true)
    }

    @Test func duplicateKeyInALayerIsAnError() {
        let error = #expect(throws: ConfigError.self) {
            try makeProject(["production.json": "{\"a\": 1,\n \"a\": 2}"]).resolve(.production)
        }
        #expect(error?.code == .malformedLayer)
        #expect((error?.underlying as? JSONError)?.code == .duplicateKey)
    }

    @Test func layerMustBeAnObject() {
        let error = #expect(throws: ConfigError.self) {
            try makeProject(["default.json": "[1, 2]"]).resolve(.production)
        }
        #expect(error?.code == .layerNotObject)
        #expect(error?.location?.description == "config/default.json:1:1")
    }

    @Test func twoFilesForOneLayerAreAmbiguous() {
        let error = #expect(throws: ConfigError.self) {
            try makeProject(["default.json": "{}", "default.yaml": "a: 1"]).resolve(.production)
        }
        #expect(error?.code == .ambiguousLayer)
        #expect(error?.message.contains("default.json, default.yaml") == true)
    }

    @Test func aDirectoryWithoutLayersIsAnErrorSayingWhereItLooked() throws {
        let error = #expect(throws: ConfigError.self) { try makeProject(["bers.json": "{}"]).resolve(.production) }
        #expect(error?.code == .noConfiguration)
        #expect(
            error?.message
                == "no configuration for production in config: none of the layer files default, production, local, production.local exists (as .json, .yaml or .yml)"
        )
    }

    @Test func aDirectoryWithLayersOfAnotherEnvironmentOnlyIsStillAnError() throws {
        let project = try makeProject(["staging.json": "{}"])
        #expect(project.hasConfiguration)
        #expect(throws: ConfigError(.noConfiguration, "")) { try project.resolve(.production) }
        #expect(try project.resolve(.staging).value == [:])
    }

    @Test func aDirectoryOfOtherFilesIsNoConfigDirectory() throws {
        #expect(try makeProject(["notes.json": "{}", "README.md": "x"]).hasConfiguration == false)
        #expect(try makeProject(["bers.json": "{}"]).hasConfiguration)
        #expect(try makeProject(["production.local.yaml": "a: 1"]).hasConfiguration)
    }

    @Test func layerFilesAreListedInPrecedenceOrder() throws {
        let project = try makeProject([
            "default.json": "{}", "production.yaml": "a: 1", "local.yml": "b: 2", "production.local.json": "{}",
            "staging.json": "{}", "notes.txt": "x",
        ])
        #expect(
            try project.layerFiles(for: .production).map(\.path)
                == [
                    "config/default.json", "config/production.yaml", "config/local.yml", "config/production.local.json",
                ]
        )
    }
}

struct YAMLLayerTests {
    @Test func yamlLayersMergeAndKeepTheirPositions() throws {
        let project = try makeProject([
            "default.json": #"{"api": {"timeout": 1000, "hosts": ["a"]}, "flag": "yes"}"#,
            "production.yaml": "api:\n  timeout: 2000\n  hosts:\n    - b\n    - c\nflag: yes\n",
        ])
        let config = try project.resolve(.production)
        #expect(config.value == json(#"{"api": {"timeout": 2000, "hosts": ["b", "c"]}, "flag": "yes"}"#))
        let timeout = try #require(config.provenance(at: "api.timeout"))
        #expect(timeout.source.location?.description == "config/production.yaml:2:12")
        #expect(timeout.overrode.first?.location?.file == "config/default.json")
        #expect(config.provenance(at: "api.hosts.1")?.source.location?.description == "config/production.yaml:5:7")
    }

    @Test func emptyYAMLFileIsAnEmptyLayer() throws {
        let config = try makeProject(["default.json": #"{"a": 1}"#, "production.yml": ""]).resolve(.production)
        #expect(config.value == ["a": 1])
        #expect(config.layers.map(\.name) == ["default", "production"])
    }

    @Test func malformedYAMLIsLocated() {
        let error = #expect(throws: ConfigError.self) {
            try makeProject(["production.yaml": "a: 1\nb: [1, 2\n"]).resolve(.production)
        }
        #expect(error?.code == .malformedLayer)
        #expect(error?.location?.file == "config/production.yaml")
    }

    @Test func yamlWithAListAtTheTopIsNotALayer() {
        let error = #expect(throws: ConfigError.self) {
            try makeProject(["production.yaml": "- a\n- b\n"]).resolve(.production)
        }
        #expect(error?.code == .layerNotObject)
    }
}

struct PathIndexLimitTests {
    @Test func pathologicalDocumentsAreRefusedInsteadOfExhaustingMemory() {
        let key = String(repeating: "k", count: 50_000)
        let children = (0..<10_000).map { "\"a\($0)\": 0" }.joined(separator: ",")
        let error = #expect(throws: ConfigError.self) {
            try makeProject(["default.json": "{\"\(key)\": {\(children)}}"]).resolve(.production)
        }
        #expect(error?.code == .tooLarge)
    }
}
