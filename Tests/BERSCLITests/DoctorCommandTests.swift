import BERSJSON
import BERSTestSupport
import BERSYAML
import Foundation
import Testing

/// `bers doctor` as a user runs it: the example project, a project with problems, and the JSON
/// and SARIF outputs CI reads.
@Suite(.enabled(if: CLIRunner.isAvailable, "the bers executable was not built"))
struct DoctorCommandTests {
    private static let canary = "dctr5Z"

    /// A project with an error-level finding (a credential and an http: URL in production).
    private func problemProject() throws -> TemporaryDirectory {
        let folder = try TemporaryDirectory(prefix: "bers-doctor-cli")
        try folder.write(
            "config/bers.json",
            #"{"detection": {"strict": true, "url-parameter": {"allow": ["staging"]}}}"#
        )
        try folder.write(
            "config/default.json",
            #"{"api": {"baseUrl": "http://api.example.com", "password": "\#(Self.canary)-plain"}, "log": {"level": "info"}}"#
        )
        return folder
    }

    @Test func theExampleProjectIsReadyForProduction() throws {
        let result = try CLIRunner.run(["doctor", "--config-dir", picasso, "--env", "production"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("production: security 100/100, performance 100/100: ready"))
        #expect(
            result.stdout.contains(
                "accepted warning: the tenant hash salt is written in bers.json [doctor.plaintext-salt]"
            )
        )
    }

    @Test func anErrorLevelFindingExitsOneAndNamesNoValue() throws {
        let folder = try problemProject()
        defer { folder.remove() }
        let result = try CLIRunner.run(["doctor", "--config-dir", folder.path + "/config", "--env", "production"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("config/default.json:1:21: error: /api/baseUrl is an unencrypted http: URL"))
        #expect(result.stdout.contains("[doctor.credential-in-plain-text]"))
        #expect(!result.stdout.contains(Self.canary) && !result.stderr.contains(Self.canary))
        let development = try CLIRunner.run(["doctor", "--config-dir", folder.path + "/config", "--env", "development"])
        #expect(development.status == 0)
    }

    @Test func jsonOutputHasScoresCountsAndFindings() throws {
        let folder = try problemProject()
        defer { folder.remove() }
        let result = try CLIRunner.run([
            "doctor", "--json", "--config-dir", folder.path + "/config", "--env", "production",
        ])
        #expect(result.status == 1)
        let report = try JSONValue(parsing: result.stdout)
        #expect(report["environment"] == "production")
        #expect(report["ready"] == .bool(false))
        #expect(report[pointer: "/scores/security"] == .integer(100 - 20 - 30))
        #expect(report[pointer: "/counts/error"] == .integer(2))
        let codes = report["findings"]?.arrayValue?.compactMap { $0["code"]?.stringValue } ?? []
        #expect(Set(codes) == ["doctor.insecure-url", "doctor.credential-in-plain-text", "doctor.missing-schema"])
        #expect(report[pointer: "/findings/0/file"] != nil)
        #expect(!result.stdout.contains(Self.canary))
    }

    @Test func sarifOutputIsALogCodeScanningReads() throws {
        let folder = try problemProject()
        defer { folder.remove() }
        let result = try CLIRunner.run(
            ["doctor", "--format", "sarif", "--config-dir", folder.path + "/config", "--env", "production"]
        )
        #expect(result.status == 1)
        let log = try JSONValue(parsing: result.stdout)
        #expect(log["version"] == "2.1.0")
        #expect(log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json")
        let run = try #require(log[pointer: "/runs/0"])
        #expect(run[pointer: "/tool/driver/name"] == "bers")
        let rules = run[pointer: "/tool/driver/rules"]?.arrayValue ?? []
        #expect(rules.count >= 20)
        let results = run["results"]?.arrayValue ?? []
        #expect(results.count == 3)
        for entry in results {
            let index = try #require(entry["ruleIndex"]?.integerValue)
            #expect(rules[Int(index)]["id"] == entry["ruleId"])
            #expect(["error", "warning", "note"].contains(entry["level"]?.stringValue ?? ""))
            #expect(entry[pointer: "/message/text"]?.stringValue?.isEmpty == false)
            #expect(entry[pointer: "/locations/0/physicalLocation/artifactLocation/uri"]?.stringValue != nil)
        }
        let url = results.first { $0["ruleId"] == "doctor.insecure-url" }
        #expect(url?[pointer: "/locations/0/physicalLocation/region/startLine"] == .integer(1))
        #expect(url?[pointer: "/locations/0/physicalLocation/region/startColumn"] == .integer(21))
        #expect(url?[pointer: "/locations/0/logicalLocations/0/fullyQualifiedName"] == "/api/baseUrl")
        #expect(!result.stdout.contains(Self.canary))
    }

    @Test func acceptedFindingsAreSuppressedInSARIF() throws {
        let result = try CLIRunner.run(["doctor", "--format", "sarif", "--config-dir", picasso, "--env", "production"])
        #expect(result.status == 0)
        let log = try JSONValue(parsing: result.stdout)
        let salt = log[pointer: "/runs/0/results"]?.arrayValue?.first { $0["ruleId"] == "doctor.plaintext-salt" }
        #expect(salt?[pointer: "/suppressions/0/kind"] == "external")
        #expect(salt?[pointer: "/suppressions/0/justification"]?.stringValue?.contains("public identifier") == true)
    }

    @Test func yamlReadsBackAsTheJSONReport() throws {
        let folder = try problemProject()
        defer { folder.remove() }
        let arguments = ["doctor", "--config-dir", folder.path + "/config", "--env", "production"]
        let json = try CLIRunner.run(arguments + ["--json"])
        let yaml = try CLIRunner.run(arguments + ["--format", "yaml"])
        #expect(yaml.status == 1)
        let fromYAML = try YAMLReader().parse(Array(yaml.stdout.utf8), file: "stdout").value
        #expect(fromYAML == (try JSONValue(parsing: json.stdout)))
        #expect(!yaml.stdout.contains(Self.canary))
        let both = try CLIRunner.run(["doctor", "--json", "--format", "yaml", "--config-dir", picasso])
        #expect(both.status == 2)
        #expect(both.stderr.contains("disagree"))
    }

    @Test func jsonAndSarifTogetherAreAUsageError() throws {
        let result = try CLIRunner.run(["doctor", "--json", "--format", "sarif", "--config-dir", picasso])
        #expect(result.status == 2)
        #expect(result.stderr.contains("disagree"))
    }
}
