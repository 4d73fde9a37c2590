import BERS
import BERSArtifacts
import BERSJSON
import Testing

/// The json artifact (exactly the resolved configuration) and its metadata sidecar.
struct JSONArtifactTests {
    @Test func theJSONArtifactIsExactlyTheConfigurationAndSatisfiesTheSchema() async throws {
        let builder = try Fixtures.picassoBuilder()
        let input = try await builder.prepare(.staging, reason: .explicit)
        let value = try JSONParser().parse(try builder.render(.json, input), file: "config.json").value
        #expect(value == input.configuration.value)
        #expect(value["bers"] == nil)
        let validator = try #require(try builder.project.schemaValidator())
        #expect(validator.validate(value).isValid)
    }

    @Test func aTopLevelBersKeyIsJustConfiguration() async throws {
        let text = try await Fixtures.render(.json, ["default.json": #"{"bers": 1}"#])
        #expect(try JSONValue(parsing: text) == ["bers": 1])
    }

    @Test func metadataNamesEnvironmentDetectionInputsAndVersion() async throws {
        let text = try await Fixtures.picasso(.metadata, .staging)
        let metadata = try JSONParser().parse(Array(text.utf8), file: "config.meta.json").value
        #expect(metadata["environment"] == "staging")
        #expect(metadata["detection"] == "explicit")
        #expect(metadata["version"] == "test")
        #expect(metadata["inputsHash"]?.stringValue?.hasPrefix("sha256:") == true)
        let files = metadata["inputs"]?.arrayValue?.compactMap { $0["file"]?.stringValue } ?? []
        #expect(
            files == [
                "bers.json", "schemas/environment.schema.json", "schemas/tenant.schema.json", "default.json",
                "staging.json",
            ]
        )
        #expect(metadata["provenance"] == nil)
        #expect(metadata["buildTime"] == nil)
    }

    @Test func provenanceNamesFilesRelativeToTheConfigDirectory() async throws {
        let builder = try Fixtures.picassoBuilder(options: BuildOptions(provenance: true, bersVersion: "test"))
        let input = try await builder.prepare(.staging, reason: .explicit)
        let value = try JSONParser().parse(try builder.render(.metadata, input), file: "config.meta.json").value
        let timeout = try #require(value["provenance"]?["/api/timeout"])
        #expect(timeout["file"] == "staging.json")
        #expect(timeout["line"] == 6)
        #expect(timeout["overrode"]?[0]?["file"] == "default.json")
        let json = try JSONParser().parse(try builder.render(.json, input), file: "config.json").value
        #expect(json == input.configuration.value)
    }

    @Test func theSameInputsGiveTheSameBytes() async throws {
        for format in [ArtifactFormat.json, .metadata] {
            let first = try await Fixtures.picasso(format, .production)
            let second = try await Fixtures.picasso(format, .production)
            #expect(first == second)
        }
    }

    @Test func setAssignmentsAreRecordedAsInputs() async throws {
        let builder = try Fixtures.picassoBuilder(
            options: BuildOptions(assignments: ["api.timeout=9000"], bersVersion: "test")
        )
        let input = try await builder.prepare(.staging, reason: .explicit)
        #expect(input.inputs.last?.role == .assignment)
        #expect(input.inputs.last?.name == "api.timeout=9000")
        let plain = try await Fixtures.picassoBuilder().prepare(.staging, reason: .explicit)
        #expect(input.inputsHash != plain.inputsHash)
        #expect(try input.configuration.int("api.timeout") == 9000)
    }
}
