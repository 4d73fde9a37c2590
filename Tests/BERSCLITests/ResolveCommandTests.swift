import BERSJSON
import BERSTestSupport
import Foundation
import Testing

@Suite(.enabled(if: CLIRunner.isAvailable, "the bers executable was not built"))
struct ResolveCommandTests {
    @Test func readmeMainCommandPrintsTheStagingConfiguration() throws {
        let result = try CLIRunner.run(["resolve", "--config-dir", picasso, "--env", "staging"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let value = try JSONValue(parsing: result.stdout)
        #expect(value[pointer: "/environment"] == "staging")
        #expect(value[pointer: "/api/baseUrl"] == "https://staging.chat.myrecruiter.ai/Master_Function")
        #expect(value[pointer: "/api/timeout"] == 8000)
        #expect(value[pointer: "/logging/level"] == "info")
        #expect(result.stdout.hasSuffix("}\n"))
    }

    @Test func environmentIsDetectedWhenNotGiven() throws {
        let result = try CLIRunner.run(
            ["resolve", "--config-dir", picasso],
            environment: ["PICASSO_ENV": "development"]
        )
        #expect(result.status == 0)
        #expect(try JSONValue(parsing: result.stdout)[pointer: "/environment"] == "development")
    }

    @Test func overridesFromVariablesAndSet() throws {
        let result = try CLIRunner.run(
            ["resolve", "--config-dir", picasso, "--env", "production", "--set", "api.retries=5"],
            environment: ["BERS__API__TIMEOUT": "15000"]
        )
        let value = try JSONValue(parsing: result.stdout)
        #expect(value[pointer: "/api/timeout"]?.isIdentical(to: .integer(15000)) == true)
        #expect(value[pointer: "/api/retries"] == 5)
        let ignored = try CLIRunner.run(
            ["resolve", "--config-dir", picasso, "--env", "production", "--no-env-overrides"],
            environment: ["BERS__API__TIMEOUT": "15000"]
        )
        #expect(try JSONValue(parsing: ignored.stdout)[pointer: "/api/timeout"] == 6000)
    }

    @Test func unknownOverrideVariableIsReportedOnStandardError() throws {
        let result = try CLIRunner.run(
            ["resolve", "--config-dir", picasso, "--env", "production"],
            environment: ["BERS__API__TIMOUT": "1"]
        )
        #expect(result.status == 0)
        #expect(result.stderr.contains("did you mean BERS__API__TIMEOUT (api.timeout)?"))
    }

    @Test func provenanceMapsPointersToSources() throws {
        let result = try CLIRunner.run(["resolve", "--config-dir", picasso, "--env", "staging", "--provenance"])
        let value = try JSONValue(parsing: result.stdout)
        let timeout = try #require(value["/api/timeout"])
        #expect(timeout["layer"] == "staging")
        #expect(timeout["file"] == "Examples/picasso/config/staging.json")
        #expect(timeout["overrode"]?[0]?["value"] == 6000)
    }

    @Test func yamlOutputReadsBackAsTheSameDocument() throws {
        let json = try CLIRunner.run(["resolve", "--config-dir", picasso, "--env", "development"])
        let yaml = try CLIRunner.run(["resolve", "--config-dir", picasso, "--env", "development", "--format", "yaml"])
        #expect(yaml.status == 0)
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("default.yaml", yaml.stdout)
        let reread = try CLIRunner.run(["resolve", "--config-dir", directory.path, "--env", "production"])
        #expect(try JSONValue(parsing: reread.stdout) == (try JSONValue(parsing: json.stdout)))
    }

    @Test func unknownEnvironmentExitsTwo() throws {
        let result = try CLIRunner.run(["resolve", "--config-dir", picasso, "--env", "qa"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "error: unknown environment \"qa\" (known: development, staging, production)\n")
    }

    @Test func malformedLayerExitsTwoWithItsLocation() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("default.json", "{\n  \"a\": [1, 2,]\n}")
        let result = try CLIRunner.run(["resolve", "--config-dir", directory.path, "--env", "production"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("error: \(directory.path)/default.json:2:"))
    }

    @Test func inheritanceCycleExitsTwo() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("bers.json", #"{"environments": {"a": {"inherits": "b"}, "b": {"inherits": "a"}}}"#)
        let result = try CLIRunner.run(["resolve", "--config-dir", directory.path, "--env", "a"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("environments inherit in a cycle: a -> b -> a"))
    }

    @Test func usageErrorsExitTwo() throws {
        let unknownOption = try CLIRunner.run(["resolve", "--frobnicate"])
        #expect(unknownOption.status == 2)
        let badFormat = try CLIRunner.run(["resolve", "--config-dir", picasso, "--format", "toml"])
        #expect(badFormat.status == 2)
        let missingDirectory = try CLIRunner.run(["resolve", "--config-dir", "does/not/exist"])
        #expect(missingDirectory.status == 2)
        #expect(missingDirectory.stderr.contains("config directory does/not/exist does not exist"))
    }
}
