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

    @Test func aDirectoryWithoutLayersResolvesEmptyWithAWarning() throws {
        let config = try makeProject(["bers.json": "{}"]).resolve(.production)
        #expect(config.value == [:])
        #expect(config.diagnostics.map(\.code) == [.unreadable])
    }

    @Test func layerFilesAreListedInPrecedenceOrder() throws {
        let project = try makeProject([
            "default.json": "{}", "production.yaml": "a: 1", "local.yml": "b: 2", "production.local.json": "{}",
            "staging.json": "{}", "notes.txt": "x",
        ])
        #expect(try project.layerFiles(for: .production).map(\.path)
            == ["config/default.json", "config/production.yaml", "config/local.yml", "config/production.local.json"])
    }
}
