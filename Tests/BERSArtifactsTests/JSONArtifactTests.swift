import BERS
import BERSArtifacts
import BERSJSON
import Testing

/// The json artifact: the resolved configuration plus the `bers` metadata block.
struct JSONArtifactTests {
    @Test func metadataNamesEnvironmentDetectionInputsAndVersion() async throws {
        let text = try await Fixtures.picasso(.json, .staging)
        let value = try JSONParser().parse(Array(text.utf8), file: "config.json").value
        let metadata = try #require(value["bers"])
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
        #expect(value["api"]?["timeout"] == 8000)
        #expect(metadata["provenance"] == nil)
        #expect(metadata["buildTime"] == nil)
    }

    @Test func provenanceNamesFilesRelativeToTheConfigDirectory() async throws {
        let builder = try Fixtures.picassoBuilder(options: BuildOptions(provenance: true, bersVersion: "test"))
        let input = try await builder.prepare(.staging, reason: .explicit)
        let value = try JSONParser().parse(try builder.render(.json, input), file: "config.json").value
        let timeout = try #require(value["bers"]?["provenance"]?["/api/timeout"])
        #expect(timeout["file"] == "staging.json")
        #expect(timeout["line"] == 6)
        #expect(timeout["overrode"]?[0]?["file"] == "default.json")
    }

    @Test func theSameInputsGiveTheSameBytes() async throws {
        let first = try await Fixtures.picasso(.json, .production)
        let second = try await Fixtures.picasso(.json, .production)
        #expect(first == second)
    }

    @Test func aTopLevelBersKeyIsRefused() async throws {
        let error = await #expect(throws: BuildError.self) {
            _ = try await Fixtures.render(.json, ["default.json": #"{"bers": 1}"#])
        }
        #expect(error?.code == .unrepresentableValue)
        #expect(error?.location?.line == 1)
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
