import BERSJSON
import BERSTestSupport
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `bers migrate` as a user runs it: dry runs, writing, re-runs, JSON, refusals with their exit
/// statuses, secrets, YAML comments, and a process killed between two writes.
@Suite(.enabled(if: CLIRunner.isAvailable, "the bers executable was not built"))
struct MigrateCommandTests {
    private static let canary = "mgrt7Q"

    /// A project with JSON and YAML layers, a secret, a schema wanting the migrated shape, and
    /// two steps.
    private func makeProject() throws -> TemporaryDirectory {
        let folder = try TemporaryDirectory(prefix: "bers-migrate-cli")
        try folder.write("config/bers.json", #"{"schema": "app.schema.json"}"#)
        try folder.write(
            "config/app.schema.json",
            #"{"properties": {"api": {"additionalProperties": false, "properties": {"timeoutMs": {"type": "integer"}, "key": {"writeOnly": true}}}}}"#
        )
        try folder.write(
            "config/default.json",
            #"{"api": {"timeout": "30", "key": "\#(Self.canary)", "retries": 2}, "features": {"legacy": true}}"#
        )
        try folder.write("config/staging.yaml", "api:\n  timeout: \"8\"  # seconds\n")
        try folder.write(
            "config/migrations/0001-timeout-ms.json",
            """
            {"description": "api.timeout is a number of milliseconds, named timeoutMs", "operations": [
              {"op": "change-type", "path": "api.timeout", "conversion": "string-to-number"},
              {"op": "change-type", "path": "api.timeout", "conversion": "seconds-to-milliseconds"},
              {"op": "rename", "path": "api.timeout", "to": "timeoutMs"},
              {"op": "change-type", "path": "api.key", "conversion": "value-to-array"}
            ]}
            """
        )
        try folder.write(
            "config/migrations/0002-retries.json",
            """
            {"description": "retries live under http", "operations": [
              {"op": "move", "from": "api.retries", "to": "http.retries"},
              {"op": "remove", "path": "features.legacy"},
              {"op": "set-default", "path": "http.rateLimit", "value": 100}
            ]}
            """
        )
        return folder
    }

    /// Parses JSON text written in a test.
    private func parsed(_ text: String) -> JSONValue {
        (try? JSONValue(parsing: text)) ?? .string("<invalid test JSON>")
    }

    private func directory(_ folder: TemporaryDirectory) -> String { folder.path + "/config" }

    private func contents(_ folder: TemporaryDirectory) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory(folder)) where !name.hasPrefix(".") {
            let path = directory(folder) + "/" + name
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[name] = try Data(contentsOf: URL(fileURLWithPath: path))
            }
        }
        return result
    }

    @Test func aDryRunPrintsThePlanAndWritesNothing() throws {
        let folder = try makeProject()
        defer { folder.remove() }
        let before = try contents(folder)
        let result = try CLIRunner.run(["migrate", "--dry-run", "--config-dir", directory(folder)])
        #expect(result.status == 0, "\(result.stderr)")
        let config = directory(folder)
        #expect(
            result.stdout == """
                pending migrations (applied: 0, after: 2):
                  0001  api.timeout is a number of milliseconds, named timeoutMs
                  0002  retries live under http
                \(config)/default.json
                  ~ api.timeout: "30" -> 30
                  ~ api.timeout: 30 -> 30000
                  > api.timeout -> api.timeoutMs
                  ~ api.key: <redacted> -> <redacted>
                  > api.retries -> http.retries
                  - features.legacy: true
                  + http.rateLimit: 100
                \(config)/staging.yaml
                  ~ api.timeout: "8" -> 8
                  ~ api.timeout: 8 -> 8000
                  > api.timeout -> api.timeoutMs
                valid against app.schema.json: development, staging, production
                dry run: nothing written

                """
        )
        #expect(result.stderr.contains("warning: comments in \(config)/staging.yaml would not be kept"))
        #expect(!result.stdout.contains(Self.canary) && !result.stderr.contains(Self.canary))
        #expect(try contents(folder) == before)
    }

    @Test func migratingWritesTheLayersThenTheCounterAndASecondRunHasNothingToDo() throws {
        let folder = try makeProject()
        defer { folder.remove() }
        let config = directory(folder)
        let result = try CLIRunner.run(["migrate", "--config-dir", config])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout.hasSuffix(
                "wrote \(config)/default.json\nwrote \(config)/staging.yaml\nwrote \(config)/bers.json\nmigrations.applied now 2\n"
            )
        )
        #expect(result.stderr.contains("warning: comments in \(config)/staging.yaml are not kept"))
        let staging = try String(contentsOfFile: config + "/staging.yaml", encoding: .utf8)
        #expect(staging == "api:\n  timeoutMs: 8000\n")
        let settings = try JSONValue(parsing: String(contentsOfFile: config + "/bers.json", encoding: .utf8))
        #expect(settings == parsed(#"{"schema": "app.schema.json", "migrations": {"applied": 2}}"#))
        let again = try CLIRunner.run(["migrate", "--config-dir", config])
        #expect(again.status == 0)
        #expect(again.stdout == "no pending migrations (applied: 2)\n")
        let resolved = try CLIRunner.run(["resolve", "--config-dir", config, "--env", "staging"])
        #expect(try JSONValue(parsing: resolved.stdout)[pointer: "/api/timeoutMs"] == .integer(8000))
    }

    @Test func jsonOutputIsAStableDocument() throws {
        let folder = try makeProject()
        defer { folder.remove() }
        let dry = try CLIRunner.run(["migrate", "--dry-run", "--json", "--config-dir", directory(folder)])
        #expect(dry.status == 0)
        let plan = try JSONValue(parsing: dry.stdout)
        #expect(plan["written"] == .bool(false))
        #expect(plan["applied"] == .integer(0) && plan["appliedAfter"] == .integer(2))
        #expect(plan[pointer: "/steps/1/label"] == "0002")
        #expect(
            plan[pointer: "/files/0/operations/0"]
                == parsed(#"{"op": "replace", "path": "/api/timeout", "value": 30, "old": "30", "step": 1}"#)
        )
        #expect(
            plan[pointer: "/files/0/operations/2"]
                == parsed(#"{"op": "move", "from": "/api/timeout", "path": "/api/timeoutMs", "step": 1}"#)
        )
        #expect(plan[pointer: "/files/0/operations/3/value"] == "<redacted>")
        #expect(
            plan[pointer: "/files/0/operations/6"]
                == parsed(#"{"op": "add", "path": "/http/rateLimit", "value": 100, "step": 2}"#)
        )
        #expect(plan[pointer: "/files/1/commentsLost"] == .bool(true))
        #expect(!dry.stdout.contains(Self.canary))
        let written = try CLIRunner.run(["migrate", "--json", "--config-dir", directory(folder)])
        #expect(try JSONValue(parsing: written.stdout)["written"] == .bool(true))
        let nothing = try CLIRunner.run(["migrate", "--json", "--config-dir", directory(folder)])
        #expect(try JSONValue(parsing: nothing.stdout)["steps"] == .array([]))
    }

    @Test func aMigrationThatWouldInvalidateAnEnvironmentExitsOneAndWritesNothing() throws {
        let folder = try makeProject()
        defer { folder.remove() }
        try folder.write("config/production.json", #"{"api": {"timeout": 1.5}}"#)
        try folder.write(
            "config/app.schema.json",
            #"{"properties": {"api": {"properties": {"timeoutMs": {"type": "integer", "minimum": 2000}}}}}"#
        )
        let before = try contents(folder)
        let result = try CLIRunner.run(["migrate", "--config-dir", directory(folder)])
        #expect(result.status == 1)
        #expect(result.stderr.contains("production would not be valid against app.schema.json"))
        #expect(result.stderr.contains("production: \(directory(folder))/production.json:"))
        #expect(result.stderr.contains("/api/timeoutMs: 1500 is less than the minimum of 2000"))
        let structured = try CLIRunner.run(["migrate", "--json", "--config-dir", directory(folder)])
        #expect(structured.status == 1)
        #expect(try JSONValue(parsing: structured.stdout)[pointer: "/error/code"] == "migrate.invalid-result")
        #expect(try contents(folder) == before)
    }

    @Test func anOperationThatCannotApplyExitsOneWithItsLocation() throws {
        let folder = try makeProject()
        defer { folder.remove() }
        try folder.write("config/production.json", "{\"api\": {\"timeout\": \"soon\"}}")
        let before = try contents(folder)
        let result = try CLIRunner.run(["migrate", "--config-dir", directory(folder)])
        #expect(result.status == 1)
        #expect(
            result.stderr.hasPrefix("error: \(directory(folder))/production.json:1:21: migration 0001 (change-type at ")
        )
        #expect(result.stderr.contains("cannot convert api.timeout with string-to-number"))
        #expect(try contents(folder) == before)
    }

    @Test func aMalformedStepExitsTwo() throws {
        let folder = try makeProject()
        defer { folder.remove() }
        try folder.write(
            "config/migrations/0003-bad.json",
            #"{"description": "x", "operations": [{"op": "rename-key"}]}"#
        )
        let result = try CLIRunner.run(["migrate", "--config-dir", directory(folder)])
        #expect(result.status == 2)
        #expect(result.stderr.contains("0003-bad.json:1:44: /operations/0/op: unknown operation \"rename-key\""))
        try folder.write(
            "config/migrations/0003-bad.json",
            #"{"description": "x", "operations": [{"op": "remove", "path": "a"}]}"#
        )
        try FileManager.default.moveItem(
            atPath: directory(folder) + "/migrations/0003-bad.json",
            toPath: directory(folder) + "/migrations/0004-bad.json"
        )
        let gap = try CLIRunner.run(["migrate", "--json", "--config-dir", directory(folder)])
        #expect(gap.status == 2)
        #expect(try JSONValue(parsing: gap.stdout)[pointer: "/error/code"] == "migrate.invalid-sequence")
    }

    @Test func aProcessKilledBetweenTwoWritesIsCompletedByARerun() async throws {
        let clean = try makeProject()
        defer { clean.remove() }
        #expect(try CLIRunner.run(["migrate", "--config-dir", directory(clean)]).status == 0)
        let folder = try makeProject()
        defer { folder.remove() }
        let original = try contents(folder)
        let written = directory(folder) + "/default.json"
        let originalDefault = original["default.json"]
        let background = try BackgroundBers(["migrate", "--config-dir", directory(folder)], pauseMilliseconds: 5000)
        let firstWritten = await background.kill(when: {
            (try? Data(contentsOf: URL(fileURLWithPath: written))) != originalDefault
        })
        #expect(firstWritten)
        #expect(await background.kill9())
        let interrupted = try contents(folder)
        #expect(interrupted["staging.yaml"] == original["staging.yaml"])
        #expect(interrupted["bers.json"] == original["bers.json"])
        let rerun = try CLIRunner.run(["migrate", "--config-dir", directory(folder)])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(!rerun.stdout.contains("default.json\n"))
        #expect(try contents(folder) == contents(clean))
    }
}
