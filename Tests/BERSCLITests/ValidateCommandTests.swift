import BERSJSON
import BERSTestSupport
import Foundation
import Testing

@Suite(.enabled(if: CLIRunner.isAvailable, "the bers executable was not built"))
struct ValidateCommandTests {
    @Test(.enabled(if: SharedFixtures.isAvailable, SharedFixtures.skipReason))
    func originalPicassoFilesReportExactlyTheKnownErrors() throws {
        let shared = try #require(SharedFixtures.root).path
        let result = try CLIRunner.run([
            "validate", "--schema", "\(shared)/fixtures/picasso/schemas/environment.schema.json",
            "\(shared)/fixtures/picasso/configurations/development.json",
            "\(shared)/fixtures/picasso/configurations/production.json",
        ])
        #expect(result.status == 1)
        #expect(
            result.stdout == """
                \(shared)/fixtures/picasso/configurations/development.json:2:3: (root): additional property "$schema" is not allowed
                \(shared)/fixtures/picasso/configurations/production.json:2:3: (root): additional property "$schema" is not allowed
                \(shared)/fixtures/picasso/configurations/production.json:34:17: /security/cspNonce: "prod-nonce-2024" does not match the pattern "^[A-Za-z0-9+/]+=*$"

                """
        )
    }

    @Test func outputFormatsFollowTheSpecification() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let schema = try directory.write("s.json", #"{"type": "object", "properties": {"a": {"type": "integer"}}}"#)
        let bad = try directory.write("bad.json", #"{"a": "x"}"#)
        let good = try directory.write("good.yaml", "a: 1\n")
        let flag = try CLIRunner.run(["validate", "--schema", schema.path, "--output", "flag", bad.path])
        #expect(flag.status == 1)
        #expect(try JSONValue(parsing: flag.stdout) == ["valid": false])
        let basic = try CLIRunner.run(["validate", "--schema", schema.path, "--output", "basic", bad.path])
        let unit = try #require(try JSONValue(parsing: basic.stdout)["errors"]?[0])
        #expect(unit["instanceLocation"] == "/a")
        #expect(unit["keywordLocation"] == "/properties/a/type")
        let detailed = try CLIRunner.run(["validate", "--schema", schema.path, "--output", "detailed", bad.path])
        #expect(try JSONValue(parsing: detailed.stdout)["valid"] == false)
        let valid = try CLIRunner.run(["validate", "--schema", schema.path, good.path])
        #expect(valid.status == 0)
        #expect(valid.stdout == "\(good.path): valid\n")
    }

    @Test func formatAssertionIsOptIn() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let schema = try directory.write("s.json", #"{"format": "uri"}"#)
        let instance = try directory.write("i.json", #""not a uri""#)
        #expect(try CLIRunner.run(["validate", "--schema", schema.path, instance.path]).status == 0)
        #expect(
            try CLIRunner.run(["validate", "--schema", schema.path, "--format-assertion", instance.path]).status == 1
        )
    }

    @Test func badSchemaOrDocumentExitsTwo() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let broken = try directory.write("broken.json", "{")
        let schema = try directory.write("s.json", "{}")
        let unknownDialect = try directory.write("d.json", #"{"$schema": "https://example.com/unknown"}"#)
        #expect(try CLIRunner.run(["validate", "--schema", broken.path, schema.path]).status == 2)
        let badDocument = try CLIRunner.run(["validate", "--schema", schema.path, broken.path])
        #expect(badDocument.status == 2)
        #expect(badDocument.stderr.contains("broken.json:1:2"))
        #expect(try CLIRunner.run(["validate", "--schema", unknownDialect.path, schema.path]).status == 2)
        #expect(try CLIRunner.run(["validate", schema.path]).status == 2)
    }

    @Test func oneShotSuiteProtocolPrintsOneVerdictPerInstance() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let schema = try directory.write("s.json", #"{"$ref": "http://localhost:1234/int.json"}"#)
        try directory.write("remotes/int.json", #"{"type": "integer"}"#)
        let instances = try directory.write("i.jsonl", "1\n\"a\"\n2.5\n3\n")
        let result = try CLIRunner.run([
            "validate", "--schema", schema.path, "--instances", instances.path,
            "--dialect", "http://json-schema.org/draft-07/schema#", "--remotes-dir", directory.path + "/remotes",
            "--remotes-base", "http://localhost:1234/",
        ])
        #expect(result.status == 0)
        #expect(result.stdout == "true\nfalse\nfalse\ntrue\n")
    }

    @Test func helpHidesTheSuiteProtocolFlags() throws {
        let help = try CLIRunner.run(["validate", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("--schema"))
        for flag in ["--instances", "--suite-protocol", "suite_runner"] {
            #expect(!help.stdout.contains(flag), "\(flag) is listed")
        }
        let hidden = try CLIRunner.run(["validate", "--help-hidden"])
        #expect(hidden.stdout.contains("--instances") && hidden.stdout.contains("--suite-protocol"))
    }

    @Test func persistentSuiteProtocolAnswersCases() throws {
        guard let executable = CLIRunner.executable else { return }
        let process = Process()
        process.executableURL = executable
        process.arguments = ["validate", "--suite-protocol"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let requests = [
            #"{"type": "start", "protocol": 1, "remotes": {"http://localhost:1234/int.json": {"type": "integer"}}}"#,
            #"{"type": "case", "id": 1, "dialect": "https://json-schema.org/draft/2020-12/schema", "format_assertion": false, "schema": {"$ref": "http://localhost:1234/int.json"}, "instances": [1, "x"]}"#,
            #"{"type": "case", "id": 2, "dialect": "https://json-schema.org/draft/2020-12/schema", "format_assertion": true, "schema": {"format": "ipv4"}, "instances": ["1.2.3.4", "1.2.3"]}"#,
            #"{"type": "case", "id": 3, "dialect": "https://json-schema.org/draft/2020-12/schema", "format_assertion": false, "schema": {"type": 12}, "instances": [1]}"#,
            #"{"type": "stop"}"#,
        ]
        input.fileHandleForWriting.write(Data((requests.joined(separator: "\n") + "\n").utf8))
        try input.fileHandleForWriting.close()
        let replies = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .split(separator: "\n").map { (try? JSONValue(parsing: String($0))) ?? .null }
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(replies.count == 4)
        #expect(replies[0]["ok"] == true)
        let version = try CLIRunner.run(["--version"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(replies[0]["version"] == .string(version))
        #expect(replies[1] == ["id": 1, "results": [true, false]])
        #expect(replies[2] == ["id": 2, "results": [true, false]])
        #expect(replies[3]["id"] == 3)
        #expect(replies[3]["error"]?.stringValue != nil)
    }

    @Test func resolveRefusesAnInvalidConfigurationWithLocatedErrors() throws {
        let result = try CLIRunner.run(
            ["resolve", "--config-dir", picasso, "--env", "production"],
            environment: ["BERS__API__TIMEOUT": "500"]
        )
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(
            result.stderr.contains("/api/timeout: 500 is less than the minimum of 1000 (set by env BERS__API__TIMEOUT)")
        )
        let skipped = try CLIRunner.run(
            ["resolve", "--config-dir", picasso, "--env", "production", "--no-validate"],
            environment: ["BERS__API__TIMEOUT": "500"]
        )
        #expect(skipped.status == 0)
    }
}
