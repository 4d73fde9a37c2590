import BERSJSON
import BERSTestSupport
import Foundation
import Testing

@Suite(.enabled(if: CLIRunner.isAvailable, "the bers executable was not built"))
struct InspectCommandsTests {
    @Test func detectPrintsTheJSONContract() throws {
        let result = try CLIRunner.run(
            ["detect", "--config-dir", picasso, "--json", "--hostname", "staging.chat.myrecruiter.ai"],
            environment: ["NODE_ENV": "test", "SECRET_TOKEN": "hunter2"]
        )
        #expect(result.status == 0)
        let value = try JSONValue(parsing: result.stdout)
        #expect(value["environment"] == "staging")
        #expect(value["source"] == "hostname-pattern")
        #expect(value["confidence"] == "high")
        let trace = try #require(value["trace"]?.arrayValue)
        #expect(
            trace.compactMap { $0["source"]?.stringValue } == [
                "explicit", "config-file", "env-variable", "url-parameter", "hostname-pattern",
            ]
        )
        #expect(trace.contains { $0["value"] == "NODE_ENV=test" && $0["accepted"] == false })
        #expect(!result.stdout.contains("hunter2"))
        for step in trace {
            #expect(step.objectValue?.keys == ["source", "value", "accepted", "outcome", "reason"])
        }
    }

    @Test func detectRefusesTheURLParameterForAProductionBuild() throws {
        let result = try CLIRunner.run([
            "detect", "--config-dir", picasso, "--json", "--url", "https://chat.myrecruiter.ai/?picasso-env=staging",
            "--build-context", "production", "--hostname", "build-host",
        ])
        let value = try JSONValue(parsing: result.stdout)
        #expect(value["environment"] == "production")
        #expect(value["source"] == "build-context")
    }

    @Test func detectTextNamesTheWinner() throws {
        let result = try CLIRunner.run(["detect", "--config-dir", picasso, "--hostname", "localhost"])
        #expect(result.stdout.hasPrefix("environment: development\nsource:      hostname-pattern (high confidence)\n"))
    }

    @Test func explainShowsSourceAndOverriddenValues() throws {
        let result = try CLIRunner.run(["explain", "api.timeout", "--config-dir", picasso, "--env", "staging"])
        #expect(result.status == 0)
        #expect(
            result.stdout == """
                api.timeout = 8000
                  environment: staging
                  set by:      staging at Examples/picasso/config/staging.json:6:16
                  overrode:    6000 from default at Examples/picasso/config/default.json:8:16

                """
        )
        let json = try CLIRunner.run(["explain", "/api/timeout", "--json", "--config-dir", picasso, "--env", "staging"])
        let value = try JSONValue(parsing: json.stdout)
        #expect(value["value"] == 8000)
        #expect(value["line"] == 6)
        #expect(value["overrode"]?[0]?["layer"] == "default")
    }

    @Test func explainOfAMissingPathExitsTwoWithASuggestion() throws {
        let result = try CLIRunner.run(["explain", "api.timeot", "--config-dir", picasso, "--env", "staging"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("did you mean api.timeout?"))
    }

    @Test func diffListsChangesWithBothSources() throws {
        let result = try CLIRunner.run(["diff", "staging", "production", "--config-dir", picasso])
        #expect(result.status == 0)
        #expect(
            result.stdout.contains(
                "~ api.timeout: 8000 -> 6000\n    staging: Examples/picasso/config/staging.json:6:16\n    production: Examples/picasso/config/default.json:8:16\n"
            )
        )
        let json = try CLIRunner.run(["diff", "development", "production", "--json", "--config-dir", picasso])
        let value = try JSONValue(parsing: json.stdout)
        #expect(value["from"] == "development")
        #expect(value["changed"]?.arrayValue?.contains { $0["path"] == "/api/baseUrl" } == true)
    }

    @Test func urlExpandsBuildersForEachEnvironment() throws {
        let expected = [
            "development": "http://localhost:3000/api?action=get_config&t=my87674d777bf9",
            "staging": "https://staging.chat.myrecruiter.ai/Master_Function?action=get_config&t=my87674d777bf9",
            "production": "https://chat.myrecruiter.ai/Master_Function?action=get_config&t=my87674d777bf9",
        ]
        for (environment, url) in expected {
            let result = try CLIRunner.run([
                "url", "configUrl", "--param", "tenant=my87674d777bf9", "--env", environment, "--config-dir", picasso,
            ])
            #expect(result.stdout == url + "\n")
        }
        let missing = try CLIRunner.run(["url", "configUrl", "--env", "staging", "--config-dir", picasso])
        #expect(missing.status == 2)
        #expect(missing.stderr == "error: endpoint \"configUrl\": parameter \"tenant\" is required\n")
        let list = try CLIRunner.run(["url", "--list", "--env", "staging", "--config-dir", picasso])
        #expect(list.stdout.contains("conversationUrl(operation, tenant)"))
    }
}
