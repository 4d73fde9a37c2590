import BERSJSON
import BERSTestSupport
import Foundation
import Testing

@Suite(.enabled(if: CLIRunner.isAvailable, "the bers executable was not built"))
struct WatchCommandTests {
    /// A config directory with a schema (timeout at least 1000) and a short debounce.
    static func project() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory(prefix: "bers-watch")
        try directory.write("bers.json", #"{"schema": "app.schema.json", "reload": {"debounce-ms": 20}}"#)
        try directory.write(
            "app.schema.json",
            #"{"properties": {"api": {"properties": {"timeout": {"type": "integer", "minimum": 1000}}}}}"#
        )
        try directory.write("default.json", #"{"api": {"timeout": 5000}}"#)
        return directory
    }

    /// Replaces `name` atomically (write beside, rename), as editors do: a reload never reads half a file.
    static func replace(_ name: String, in directory: TemporaryDirectory, with text: String) throws {
        try directory.write(".\(name).tmp", text)
        #expect(rename(directory.path + "/.\(name).tmp", directory.path + "/" + name) == 0)
    }

    @Test func jsonLinesFollowAppliedAndRefusedChangesAndSIGTERMStopsCleanly() async throws {
        let directory = try Self.project()
        defer { directory.remove() }
        let output = try TemporaryDirectory(prefix: "bers-watch-output")
        defer { output.remove() }
        let watch = try WatchProcess(
            ["--config-dir", directory.path, "--env", "staging", "--json"],
            errorFile: output.url.appendingPathComponent("stderr.txt")
        )
        let started = await watch.waitForEvent { $0["event"] == "started" }
        #expect(started?["generation"] == 1)
        #expect(started?["environment"] == "staging")

        try Self.replace("default.json", in: directory, with: "{\n  \"api\": {\"timeout\": 6000}\n}")
        let applied = await watch.waitForEvent { $0["event"] == "applied" }
        #expect(applied?["generation"] == 2)
        let change = applied?["changes"]?[0]
        #expect(change?["path"] == "/api/timeout")
        #expect(change?["kind"] == "modified")
        #expect(change?["old"] == 5000)
        #expect(change?["new"] == 6000)
        #expect(change?["location"]?.stringValue?.hasSuffix("default.json:2:22") == true)

        try Self.replace("default.json", in: directory, with: #"{"api": {"timeout": 10}}"#)
        let refused = await watch.waitForEvent { $0["event"] == "refused" }
        #expect(refused?["generation"] == 2)
        #expect(refused?["error"]?["code"] == "config.invalid")

        #expect(await watch.stop() == 0)
        let all = watch.events
        #expect(all.last?["event"] == "stopped")
        #expect(all.last?["generation"] == 2)
    }

    @Test func textLinesNameEachChangeAndSIGINTStopsCleanly() async throws {
        let directory = try Self.project()
        defer { directory.remove() }
        let output = try TemporaryDirectory(prefix: "bers-watch-output")
        defer { output.remove() }
        let watch = try WatchProcess(
            ["--config-dir", directory.path, "--env", "staging"],
            errorFile: output.url.appendingPathComponent("stderr.txt")
        )
        #expect(await watch.waitForLine { $0.hasPrefix("watching ") } != nil)
        // Same values, new bytes: no line.
        try Self.replace("default.json", in: directory, with: #"{"api": {"timeout": 5000} }"#)
        try await Task.sleep(nanoseconds: 200_000_000)
        try Self.replace("default.json", in: directory, with: #"{"api": {"timeout": 7000}}"#)
        #expect(await watch.waitForLine { $0.contains("modified api.timeout: 5000 -> 7000") } != nil)
        try Self.replace("default.json", in: directory, with: #"{"api": {"timeout": 7"#)
        #expect(await watch.waitForLine { $0.hasPrefix("refused: ") && $0.hasSuffix("keeping generation 2") } != nil)
        // Mending the refused save back to the current values is said once.
        try Self.replace("default.json", in: directory, with: #"{"api": {"timeout": 7000}}"#)
        #expect(await watch.waitForLine { $0 == "valid again: generation 2 still current" } != nil)
        #expect(await watch.stop(with: SIGINT) == 0)
        #expect(watch.lines.last == "stopped at generation 2")
        #expect(!watch.lines.contains { $0.contains("unchanged") })
    }

    @Test func execRunsAfterEachAppliedChangeWithItsOutputOnStderr() async throws {
        let directory = try Self.project()
        defer { directory.remove() }
        let output = try TemporaryDirectory(prefix: "bers-watch-output")
        defer { output.remove() }
        let marker = output.path + "/ran.txt"
        let watch = try WatchProcess(
            [
                "--config-dir", directory.path, "--env", "staging", "--json",
                "--exec", "echo \"$BERS_GENERATION $BERS_CONFIG_DIGEST\" >> '\(marker)'; echo from-exec",
            ],
            errorFile: output.url.appendingPathComponent("stderr.txt")
        )
        #expect(await watch.waitForEvent { $0["event"] == "started" } != nil)
        try Self.replace("default.json", in: directory, with: #"{"api": {"timeout": 6000}}"#)
        let applied = await watch.waitForEvent { $0["event"] == "applied" }
        var ran = ""
        for _ in 0..<500 where ran.isEmpty {
            ran = (try? String(contentsOfFile: marker, encoding: .utf8)) ?? ""
            try await Task.sleep(nanoseconds: 10_000_000)
        }
        #expect(ran == "2 \(applied?["digest"]?.stringValue ?? "?")\n")
        #expect(await watch.stop() == 0)
        // The command's stdout goes to stderr: stdout stays JSON lines only.
        #expect(watch.errorText.contains("from-exec"))
        #expect(watch.lines.allSatisfy { (try? JSONValue(parsing: $0)) != nil })
    }

    @Test func aLongRunningExecCommandDoesNotHoldUpStopping() async throws {
        let directory = try Self.project()
        defer { directory.remove() }
        let output = try TemporaryDirectory(prefix: "bers-watch-output")
        defer { output.remove() }
        let watch = try WatchProcess(
            ["--config-dir", directory.path, "--env", "staging", "--json", "--exec", "sleep 60"],
            errorFile: output.url.appendingPathComponent("stderr.txt")
        )
        #expect(await watch.waitForEvent { $0["event"] == "started" } != nil)
        try Self.replace("default.json", in: directory, with: #"{"api": {"timeout": 6000}}"#)
        #expect(await watch.waitForEvent { $0["event"] == "applied" } != nil)
        try await Task.sleep(nanoseconds: 100_000_000)
        let clock = ContinuousClock()
        let started = clock.now
        #expect(await watch.stop() == 0)
        #expect(clock.now - started < .seconds(5))
    }

    @Test func stoppingStartsNoExecCommandQueuedBehindARunningOne() async throws {
        let directory = try Self.project()
        defer { directory.remove() }
        let output = try TemporaryDirectory(prefix: "bers-watch-output")
        defer { output.remove() }
        let marker = output.path + "/starts.txt"
        let watch = try WatchProcess(
            [
                "--config-dir", directory.path, "--env", "staging", "--json",
                "--exec", "echo started >> '\(marker)'; sleep 60",
            ],
            errorFile: output.url.appendingPathComponent("stderr.txt")
        )
        #expect(await watch.waitForEvent { $0["event"] == "started" } != nil)
        try Self.replace("default.json", in: directory, with: #"{"api": {"timeout": 6000}}"#)
        #expect(await watch.waitForEvent { $0["generation"] == 2 } != nil)
        // The second change is applied while the first command runs; its event waits behind it.
        try Self.replace("default.json", in: directory, with: #"{"api": {"timeout": 7000}}"#)
        try await Task.sleep(nanoseconds: 800_000_000)
        let clock = ContinuousClock()
        let started = clock.now
        #expect(await watch.stop() == 0)
        #expect(clock.now - started < .seconds(5))
        #expect(watch.events.contains { $0["event"] == "applied" && $0["generation"] == 3 })
        let starts = (try? String(contentsOfFile: marker, encoding: .utf8)) ?? ""
        #expect(starts == "started\n")
    }

    @Test func withoutEnvTheWatchFollowsAnEditedBersEnvFile() async throws {
        let directory = try Self.project()
        defer { directory.remove() }
        try directory.write(".bers-env", "staging\n")
        let output = try TemporaryDirectory(prefix: "bers-watch-output")
        defer { output.remove() }
        let watch = try WatchProcess(
            ["--config-dir", directory.path, "--json"],
            errorFile: output.url.appendingPathComponent("stderr.txt")
        )
        let started = await watch.waitForEvent { $0["event"] == "started" }
        #expect(started?["environment"] == "staging")
        try Self.replace(".bers-env", in: directory, with: "development\n")
        let applied = await watch.waitForEvent { $0["event"] == "applied" }
        #expect(applied?["environment"] == "development")
        #expect(await watch.stop() == 0)
    }
}
